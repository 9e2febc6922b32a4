/**
 * The ring at a glance, shown in the details panel while no node is picked: who is in it, what
 * ties them together on screen, the money between them and the strongest evidence.
 */
import type { Core } from 'cytoscape';
import type { RingDetailResponse } from '../../../server/api-types';
import { h } from '../dom';
import { formatAmount, formatDate, humanize } from '../format';
import { keyValues } from './key-values';

export function ringOverview(reply: RingDetailResponse, cy: Core): HTMLElement {
  const members = reply.members;
  const fraud = members.filter((m) => m.label === 'fraud').length;
  const withChargebacks = cy.nodes('.type-account.chargeback').length;
  const kinds = new Map<string, number>();
  cy.nodes('.identifier, .type-hub').forEach((node) => {
    const kind = String(node.data('props').kind ?? node.data('type'));
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  });
  const payments = cy.edges('.type-pays');
  let amount = 0;
  let count = 0;
  payments.forEach((edge) => {
    amount += Number(edge.data('amount')) || 0;
    count += Number(edge.data('props').count) || 1;
  });
  const times = cy
    .edges()
    .map((e) => e.data('t0') as number | null)
    .filter((t): t is number => t !== null);
  const shared = [...kinds.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([kind, n]) => `${n} ${humanize(kind).toLowerCase()}${n === 1 ? '' : 's'}`);
  return h(
    'div',
    { class: 'ring-overview', data: { testid: 'ring-overview' } },
    h('h3', { class: 'panel-title' }, 'Ring at a glance'),
    keyValues([
      [
        'Accounts',
        `${members.length}${fraud ? ` · ${fraud} labelled fraud` : ''}${withChargebacks ? ` · ${withChargebacks} with chargebacks` : ''}`,
      ],
      ['Shared on screen', shared.length ? shared.join(', ') : null],
      ['Payments inside', count ? `${count} payments, ${formatAmount(amount)} in total` : null],
      ['First activity', times.length ? formatDate(Math.min(...times)) : null],
    ]),
    h('h4', {}, 'Strongest evidence'),
    h(
      'ul',
      { class: 'overview-evidence' },
      ...reply.ring.evidence.slice(0, 4).map((ev) => h('li', {}, ev.text)),
    ),
  );
}
