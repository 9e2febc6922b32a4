/** Parses dotted-quad IPv4 in `s[start, end)`; leading zeros are decimal (`010` is 10). */
function parseIpv4(s: string, start: number, end: number): number[] | null {
  const octets: number[] = [];
  let value = 0;
  let len = 0;
  for (let i = start; i <= end; i++) {
    const c = i === end ? 46 : s.charCodeAt(i);
    if (c === 46) {
      if (len === 0 || value > 255 || octets.length === 4) return null;
      octets.push(value);
      value = 0;
      len = 0;
    } else if (c >= 48 && c <= 57) {
      if (++len > 4) return null;
      value = value * 10 + (c - 48);
    } else {
      return null;
    }
  }
  return octets.length === 4 ? octets : null;
}

/** True for dotted-quad IPv4 already in canonical form (the common case: returned as is). */
function isCanonicalIpv4(s: string): boolean {
  let dots = 0;
  let value = 0;
  let len = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i === s.length ? 46 : s.charCodeAt(i);
    if (c === 46) {
      if (len === 0 || value > 255 || (len > 1 && s.charCodeAt(i - len) === 48)) return false;
      if (i < s.length && ++dots > 3) return false;
      value = 0;
      len = 0;
    } else if (c >= 48 && c <= 57) {
      if (++len > 3) return false;
      value = value * 10 + (c - 48);
    } else {
      return false;
    }
  }
  return dots === 3;
}

/** Parses colon-separated hex groups (the last may be dotted IPv4); null if malformed. */
function parseGroups(s: string, allowIpv4Tail: boolean): number[] | null {
  if (s.length === 0) return [];
  const groups: number[] = [];
  let start = 0;
  while (start <= s.length) {
    let end = s.indexOf(':', start);
    if (end === -1) end = s.length;
    if (end === start) return null;
    const isLast = end === s.length;
    if (isLast && allowIpv4Tail && s.indexOf('.', start) !== -1) {
      const v4 = parseIpv4(s, start, end);
      if (!v4) return null;
      groups.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
    } else {
      if (end - start > 4) return null;
      let value = 0;
      for (let i = start; i < end; i++) {
        const c = s.charCodeAt(i);
        let d: number;
        if (c >= 48 && c <= 57) d = c - 48;
        else if (c >= 97 && c <= 102) d = c - 87;
        else return null;
        value = (value << 4) | d;
      }
      groups.push(value);
    }
    start = end + 1;
  }
  return groups;
}

function formatIpv6(g: number[]): string {
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (from: number, to: number): string =>
    g
      .slice(from, to)
      .map((x) => x.toString(16))
      .join(':');
  if (bestStart === -1) return hex(0, 8);
  return `${hex(0, bestStart)}::${hex(bestStart + bestLen, 8)}`;
}

function normalizeIpv6(s: string): string | null {
  const dbl = s.indexOf('::');
  let groups: number[] | null;
  if (dbl === -1) {
    groups = parseGroups(s, true);
    if (!groups || groups.length !== 8) return null;
  } else {
    if (s.indexOf('::', dbl + 1) !== -1) return null;
    const head = parseGroups(s.slice(0, dbl), false);
    const tail = parseGroups(s.slice(dbl + 2), true);
    if (!head || !tail || head.length + tail.length > 7) return null;
    groups = head.concat(new Array<number>(8 - head.length - tail.length).fill(0), tail);
  }
  if (
    groups[0] === 0 &&
    groups[1] === 0 &&
    groups[2] === 0 &&
    groups[3] === 0 &&
    groups[4] === 0 &&
    groups[5] === 0xffff
  ) {
    return `${groups[6] >> 8}.${groups[6] & 255}.${groups[7] >> 8}.${groups[7] & 255}`;
  }
  return formatIpv6(groups);
}

/**
 * Canonical text of an IP address, or null when it is not a valid IPv4 or IPv6 address.
 *
 * IPv4: dotted decimal without leading zeros (`010.001.002.003` → `10.1.2.3`); a `:port`
 * suffix is dropped. IPv6: RFC 5952 form (lower case, no leading zeros in a group, the longest
 * run of two or more zero groups written `::`); brackets, a `:port` after brackets and a zone
 * (`%eth0`) are dropped; an IPv4-mapped address (`::ffff:1.2.3.4`) becomes the IPv4 address,
 * since it is the same client.
 */
export function normalizeIp(raw: string): string | null {
  let s = raw.trim().toLowerCase();
  if (s.charCodeAt(0) === 91 /* [ */) {
    const close = s.indexOf(']');
    if (close === -1) return null;
    s = s.slice(1, close);
  }
  const zone = s.indexOf('%');
  if (zone !== -1) s = s.slice(0, zone);
  const colon = s.indexOf(':');
  if (colon === -1) {
    if (isCanonicalIpv4(s)) return s;
    const v4 = parseIpv4(s, 0, s.length);
    return v4 ? v4.join('.') : null;
  }
  if (s.indexOf(':', colon + 1) === -1 && s.indexOf('.') !== -1) {
    const v4 = parseIpv4(s, 0, colon);
    return v4 ? v4.join('.') : null;
  }
  return normalizeIpv6(s);
}
