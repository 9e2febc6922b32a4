const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digits(s: string, at: number, count: number): number {
  let v = 0;
  for (let i = at; i < at + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/**
 * Epoch milliseconds of an ISO 8601 time, or null when it is not one.
 *
 * Accepted: `YYYY-MM-DD` (midnight UTC), and `YYYY-MM-DDTHH:MM[:SS[.fraction]]` (`T` or one
 * space) followed by `Z`, `±HH:MM`, `±HHMM`, `±HH`, or nothing (read as UTC: input files carry
 * UTC times). Calendar-checked (no 31 April, 29 February only in leap years). Hand-written
 * because it runs once or twice per input row and `Date.parse` accepts non-ISO text.
 */
export function parseIsoTime(s: string): number | null {
  return parseIsoTimeAt(s, 0, s.length);
}

/** `parseIsoTime` of `text[from, to)`, read in place (the payments parse thread's fast lane). */
export function parseIsoTimeAt(text: string, from: number, to: number): number | null {
  const n = to - from;
  const at = (i: number): number => text.charCodeAt(from + i);
  if (n < 10 || at(4) !== 45 || at(7) !== 45) return null;
  const year = digits(text, from, 4);
  const month = digits(text, from + 5, 2);
  const day = digits(text, from + 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!)
    return null;
  if (month === 2 && day === 29 && !isLeap(year)) return null;
  if (n === 10) return Date.UTC(year, month - 1, day);
  const sep = at(10);
  if ((sep !== 84 && sep !== 116 && sep !== 32) || n < 16 || at(13) !== 58) return null;
  const hour = digits(text, from + 11, 2);
  const minute = digits(text, from + 14, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return null;
  let i = 16;
  let second = 0;
  let ms = 0;
  if (i < n && at(i) === 58) {
    second = digits(text, from + i + 1, 2);
    if (second < 0 || second > 59) return null;
    i += 3;
    if (i < n && (at(i) === 46 || at(i) === 44)) {
      i++;
      const start = i;
      let scale = 100;
      while (i < n) {
        const d = at(i) - 48;
        if (d < 0 || d > 9) break;
        ms += d * scale;
        scale /= 10;
        i++;
      }
      if (i === start) return null;
      ms = Math.floor(ms);
    }
  }
  let offsetMinutes = 0;
  if (i < n) {
    const c = at(i);
    if ((c === 90 || c === 122) && i === n - 1) {
      i++;
    } else if (c === 43 || c === 45) {
      const sign = c === 43 ? 1 : -1;
      const oh = digits(text, from + i + 1, 2);
      let om: number;
      if (n === i + 3) om = 0;
      else if (n === i + 6 && at(i + 3) === 58) om = digits(text, from + i + 4, 2);
      else if (n === i + 5) om = digits(text, from + i + 3, 2);
      else return null;
      if (oh < 0 || oh > 23 || om < 0 || om > 59) return null;
      offsetMinutes = sign * (oh * 60 + om);
      i = n;
    } else {
      return null;
    }
  }
  if (i !== n) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
}
