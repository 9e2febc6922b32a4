/** The graph's legend, drawn from the same table as the stylesheet. */
import { h } from '../dom';
import { MARK_COLOURS, NODE_KINDS } from './graph-style';

function swatch(classes: string[], colour: string, border?: string): HTMLSpanElement {
  const el = h('span', { class: ['swatch', ...classes], attrs: { 'aria-hidden': 'true' } });
  el.style.backgroundColor = colour;
  if (border) el.style.borderColor = border;
  return el;
}

/** Legend entries for node kinds, account marks and edge kinds. */
export function createLegend(): HTMLElement {
  const items: HTMLElement[] = NODE_KINDS.map((kind) =>
    h(
      'li',
      { data: { kind: kind.type } },
      swatch([`shape-${kind.shape}`], kind.colour),
      kind.title,
    ),
  );
  items.push(
    h('li', {}, swatch(['shape-ellipse'], MARK_COLOURS.fraud), 'Labelled fraud'),
    h(
      'li',
      {},
      swatch(['shape-ellipse', 'ring'], '#2563eb', MARK_COLOURS.chargeback),
      'Has chargebacks',
    ),
    h('li', {}, swatch(['line', 'arrow'], MARK_COLOURS.payment), 'Payment (amount)'),
    h('li', {}, swatch(['line', 'dashed'], MARK_COLOURS.chargeback), 'Payment with chargeback'),
    h('li', {}, swatch(['line'], '#94a3b8'), 'Uses identifier'),
  );
  return h(
    'div',
    { class: 'legend', attrs: { role: 'note', 'aria-label': 'Legend' } },
    h('ul', {}, ...items),
  );
}
