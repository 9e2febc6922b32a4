/** Display formatting. Every function returns plain text (never markup). */

const dateTime = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'short',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});
const dateOnly = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'short',
  day: '2-digit',
  timeZone: 'UTC',
});

/** Epoch milliseconds as `25 Nov 2026, 08:10 UTC`; `—` for null. */
export function formatTime(ms: number | null | undefined): string {
  return ms === null || ms === undefined || !Number.isFinite(ms)
    ? '—'
    : `${dateTime.format(ms)} UTC`;
}

/** Epoch milliseconds as a date (`25 Nov 2026`). */
export function formatDate(ms: number | null | undefined): string {
  return ms === null || ms === undefined || !Number.isFinite(ms) ? '—' : dateOnly.format(ms);
}

/** An amount with two decimals and thousands separators; the currency code when known. */
export function formatAmount(amount: number, currency?: string | null): string {
  const text = amount.toLocaleString('en-GB', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return currency ? `${text} ${currency}` : text;
}

/** A compact amount for edge labels: 950, 12.4k, 1.2M. */
export function formatCompact(amount: number): string {
  if (amount >= 1e6) return `${(amount / 1e6).toFixed(1)}M`;
  if (amount >= 1e4) return `${(amount / 1e3).toFixed(1)}k`;
  return amount.toFixed(amount >= 100 ? 0 : 2);
}

/** Milliseconds as `1.2 s` / `340 ms` / `3 min`. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.round(ms / 60_000)} min`;
}

/** `in_progress` → `In progress`. */
export function humanize(token: string): string {
  const words = token.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
