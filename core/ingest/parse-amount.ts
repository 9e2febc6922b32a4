/**
 * The amount of a decimal string (`12`, `12.5`, `0.01`, `-3`), or null when the text is not a
 * plain decimal (no exponent, thousands separator or currency symbol). Signs are read so that
 * the caller can say "must be greater than 0" rather than "not a number" for `-5` and `0`.
 */
export function parseAmount(s: string): number | null {
  const n = s.length;
  if (n === 0 || n > 32) return null;
  const signed = s.charCodeAt(0) === 45 || s.charCodeAt(0) === 43;
  if (signed && n === 1) return null;
  let dot = -1;
  for (let i = signed ? 1 : 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (dot !== -1 || i === (signed ? 1 : 0) || i === n - 1) return null;
      dot = i;
    } else if (c < 48 || c > 57) {
      return null;
    }
  }
  const value = Number(s);
  return Number.isFinite(value) ? value : null;
}
