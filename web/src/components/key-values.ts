/** A definition list of labelled values, the building block of detail panels. */
import { h, type Child } from '../dom';

/** Rows of `[label, value]`; a null value shows a dash. */
export function keyValues(rows: Array<[string, Child]>): HTMLDListElement {
  const dl = h('dl', { class: 'kv' });
  for (const [label, value] of rows) {
    dl.append(
      h('dt', {}, label),
      h('dd', {}, value === null || value === undefined || value === '' ? '—' : value),
    );
  }
  return dl;
}
