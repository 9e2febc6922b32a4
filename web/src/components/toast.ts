/** Transient messages in the corner: confirmations and errors. */
import { ApiRequestError } from '../api/client';
import { h } from '../dom';

function host(): HTMLElement {
  let el = document.getElementById('toasts');
  if (!el) {
    el = h('div', { attrs: { id: 'toasts', role: 'status', 'aria-live': 'polite' } });
    document.body.appendChild(el);
  }
  return el;
}

/** Shows a message for a few seconds. */
export function toast(message: string, kind: 'info' | 'error' = 'info'): void {
  const el = h('div', { class: ['toast', `toast-${kind}`] }, message);
  host().appendChild(el);
  setTimeout(() => el.remove(), kind === 'error' ? 8000 : 4000);
}

/** Shows an error from any source in words a person can act on. */
export function toastError(err: unknown): void {
  if (err instanceof ApiRequestError) toast(`${err.message} (${err.code})`, 'error');
  else toast(err instanceof Error ? err.message : String(err), 'error');
}
