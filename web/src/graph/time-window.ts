/**
 * A two-handled time slider over the payments and device sightings on screen. Edges whose span
 * falls outside the window are hidden, then identifier nodes left without a visible link; accounts
 * stay, so the members of a ring never disappear from its picture. Edges with no time (profile
 * identifiers such as an email) are timeless and always shown.
 */
import type { Core } from 'cytoscape';
import { h } from '../dom';
import { formatDate } from '../format';

const STEPS = 200;

export interface TimeWindow {
  el: HTMLElement;
  /** Recomputes the range from the edges on screen and re-applies the window. */
  refresh(): void;
  /** The window as [from, to] epoch ms, or null when nothing on screen has a time. */
  value(): [number, number] | null;
}

export function createTimeWindow(
  cy: Core,
  onChange: (window: [number, number] | null) => void,
): TimeWindow {
  let min = 0;
  let max = 0;
  const from = h('input', {
    class: 'range-from',
    attrs: { type: 'range', min: 0, max: STEPS, value: 0, 'aria-label': 'Window start' },
  });
  const to = h('input', {
    class: 'range-to',
    attrs: { type: 'range', min: 0, max: STEPS, value: STEPS, 'aria-label': 'Window end' },
  });
  const caption = h('span', { class: 'time-caption' });
  const el = h(
    'div',
    { class: 'time-window', data: { testid: 'time-window' } },
    h('span', { class: 'time-title' }, 'Time window'),
    h('div', { class: 'range-pair' }, from, to),
    caption,
  );

  const at = (input: HTMLInputElement): number => min + ((max - min) * Number(input.value)) / STEPS;
  const current = (): [number, number] | null => (max > min ? [at(from), at(to)] : null);

  function apply(): void {
    const window = current();
    cy.batch(() => {
      cy.elements().removeClass('out-of-window');
      if (!window) return;
      const [start, end] = window;
      cy.edges().forEach((edge) => {
        const t0 = edge.data('t0') as number | null;
        const t1 = edge.data('t1') as number | null;
        if (t0 === null || t1 === null) return;
        if (t1 < start || t0 > end) edge.addClass('out-of-window');
      });
      cy.nodes().forEach((node) => {
        if (node.hasClass('type-account')) return;
        const edges = node.connectedEdges();
        if (edges.length > 0 && edges.filter('.out-of-window').length === edges.length)
          node.addClass('out-of-window');
      });
    });
    caption.textContent = window
      ? `${formatDate(window[0])} – ${formatDate(window[1])}`
      : 'No dated payments or sightings';
    el.dataset.from = window ? String(Math.round(window[0])) : '';
    el.dataset.to = window ? String(Math.round(window[1])) : '';
    onChange(window);
  }

  function keepOrdered(moved: HTMLInputElement): void {
    if (Number(from.value) > Number(to.value)) {
      if (moved === from) to.value = from.value;
      else from.value = to.value;
    }
    apply();
  }
  from.addEventListener('input', () => keepOrdered(from));
  to.addEventListener('input', () => keepOrdered(to));

  function refresh(): void {
    let lo = Infinity;
    let hi = -Infinity;
    cy.edges().forEach((edge) => {
      const t0 = edge.data('t0') as number | null;
      const t1 = edge.data('t1') as number | null;
      if (t0 !== null) lo = Math.min(lo, t0);
      if (t1 !== null) hi = Math.max(hi, t1);
    });
    const had = current();
    min = Number.isFinite(lo) ? lo : 0;
    max = Number.isFinite(hi) ? hi : 0;
    const enabled = max > min;
    from.disabled = !enabled;
    to.disabled = !enabled;
    if (!had) {
      from.value = '0';
      to.value = String(STEPS);
    }
    apply();
  }

  return { el, refresh, value: current };
}
