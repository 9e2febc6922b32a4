/** A plain table from column specs; cells are text or elements built with `h`. */
import { h, type Child } from '../dom';

export interface Column<T> {
  title: string;
  cell: (row: T) => Child;
  className?: string;
}

export function dataTable<T>(
  columns: Column<T>[],
  rows: T[],
  opts: {
    empty: string;
    rowClass?: (row: T) => string[];
    testid?: string;
    rowData?: (row: T) => Record<string, string>;
  },
): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'empty' }, opts.empty);
  return h(
    'table',
    { class: 'data-table', data: opts.testid ? { testid: opts.testid } : {} },
    h(
      'thead',
      {},
      h('tr', {}, ...columns.map((col) => h('th', { class: col.className }, col.title))),
    ),
    h(
      'tbody',
      {},
      ...rows.map((row) =>
        h(
          'tr',
          { class: opts.rowClass?.(row), data: opts.rowData?.(row) ?? {} },
          ...columns.map((col) => h('td', { class: col.className }, col.cell(row))),
        ),
      ),
    ),
  );
}
