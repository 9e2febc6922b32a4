/**
 * The amount of a decimal string (`12`, `12.5`, `0.01`), or null when the text is not a plain
 * decimal (no sign, exponent, thousands separator or currency symbol). Zero is returned as 0;
 * the caller decides that amounts must be positive.
 */
export function parseAmount(s: string): number | null {
  const n = s.length;
  if (n === 0 || n > 32) return null;
  let dot = -1;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (dot !== -1 || i === 0 || i === n - 1) return null;
      dot = i;
    } else if (c < 48 || c > 57) {
      return null;
    }
  }
  const value = Number(s);
  return Number.isFinite(value) ? value : null;
}
