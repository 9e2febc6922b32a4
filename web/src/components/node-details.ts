/**
 * Details of the node picked in the graph. Accounts are fetched from the API (masked; revealed
 * only with a reason); identifiers and hubs are described from the graph itself.
 */
import type { AccountResponse } from '../../../server/api-types';
import { endpoints, type Reveal } from '../api/endpoints';
import { h, replaceChildren } from '../dom';
import { formatAmount, formatDate, humanize } from '../format';
import type { NodeData } from '../graph/elements';
import { hrefFor } from '../router';
import { labelBadge, ringStatusBadge, scorePill } from './badges';
import { keyValues } from './key-values';
import { revealControl } from './reveal-form';
import { toastError } from './toast';

export interface NodeDetailsActions {
  expand: (userId: string) => void;
  /** Accounts linked to an identifier node in the current graph. */
  neighboursOf: (nodeId: string) => Array<{ id: string; label: string }>;
  focus: (nodeId: string) => void;
  /** What to show when nothing is picked (defaults to a hint). */
  overview?: () => HTMLElement;
}

const HINT =
  'Click a node in the graph to see its details. Double-click an account to expand its neighbourhood.';

/** Renders the details of `node` into `host`; replaces what was there. */
export function showNodeDetails(
  host: HTMLElement,
  node: NodeData | null,
  actions: NodeDetailsActions,
): void {
  if (!node) {
    replaceChildren(
      host,
      actions.overview ? actions.overview() : null,
      h('p', { class: 'muted small' }, HINT),
    );
    return;
  }
  if (node.userId !== null) {
    replaceChildren(host, h('p', { class: 'muted' }, 'Loading account…'));
    void loadAccount(host, node.userId, actions);
    return;
  }
  const rows: Array<[string, string]> = [
    ['Kind', humanize(String(node.props.kind ?? node.type))],
    ['Value', String(node.props.raw ?? node.label)],
  ];
  if (node.type === 'hub') rows.push(['Accounts sharing it', String(node.count)]);
  else if (typeof node.props.accounts === 'number')
    rows.push([
      'Accounts using it (whole store)',
      node.props.accountsAtLeast === true ? `${node.props.accounts}+` : String(node.props.accounts),
    ]);
  const linked = actions.neighboursOf(node.id);
  replaceChildren(
    host,
    h(
      'div',
      { class: 'identifier-details', data: { testid: 'identifier-details', nodeId: node.id } },
      h('h3', { class: 'panel-title' }, node.type === 'hub' ? 'Collapsed hub' : 'Identifier'),
      node.type === 'hub'
        ? h(
            'p',
            { class: 'muted' },
            'Shared by more accounts than the cap, so it is drawn as one node with a count instead of one link per account.',
          )
        : null,
      keyValues(rows),
      linked.length
        ? h(
            'div',
            {},
            h('h4', {}, `Linked accounts on screen (${linked.length})`),
            h(
              'ul',
              { class: 'link-list' },
              ...linked.map((acc) =>
                h(
                  'li',
                  {},
                  h(
                    'button',
                    {
                      class: 'link',
                      attrs: { type: 'button' },
                      on: { click: () => actions.focus(acc.id) },
                    },
                    acc.label,
                  ),
                ),
              ),
            ),
          )
        : null,
    ),
  );
}

async function loadAccount(
  host: HTMLElement,
  userId: string,
  actions: NodeDetailsActions,
  reveal?: Reveal,
): Promise<void> {
  try {
    const reply = await endpoints.account(userId, reveal);
    replaceChildren(
      host,
      accountPanel(reply, actions, (r) => loadAccount(host, userId, actions, r)),
    );
  } catch (err) {
    toastError(err);
    replaceChildren(host, h('p', { class: 'error' }, 'Could not load this account.'));
  }
}

function accountPanel(
  reply: AccountResponse,
  actions: NodeDetailsActions,
  onReveal: (reveal: Reveal) => Promise<void>,
): HTMLElement {
  const { account, rings, masked } = reply;
  const p = account.payments;
  const identifiers = account.identifiers.map((id) =>
    h(
      'li',
      {},
      h('span', { class: 'id-kind' }, humanize(id.kind)),
      h('span', { class: 'id-value' }, id.raw || id.value),
      h('span', { class: 'muted' }, ` · ${id.accounts} account${id.accounts === 1 ? '' : 's'}`),
    ),
  );
  return h(
    'div',
    { class: 'account-details', data: { testid: 'account-details', userId: account.userId } },
    h(
      'h3',
      { class: 'panel-title' },
      account.name ?? account.userId,
      ' ',
      labelBadge(account.label),
      account.stub ? h('span', { class: 'badge badge-stub' }, 'No profile') : null,
    ),
    keyValues([
      ['Account', account.userId],
      ['Created', formatDate(account.createdAt)],
      ['Email', account.email],
      ['Phone', account.phone],
      ['Address', account.address],
      ['Country', account.country],
      [
        'Payments',
        `${p.sent} sent (${formatAmount(p.amountSent)}), ${p.received} received (${formatAmount(p.amountReceived)})`,
      ],
      ['Chargebacks', h('span', { class: p.chargebacks > 0 ? 'warn' : '' }, String(p.chargebacks))],
    ]),
    masked
      ? revealControl(onReveal)
      : h(
          'p',
          { class: 'revealed-note' },
          'Personal data revealed; the access is recorded in the audit log.',
        ),
    h(
      'div',
      { class: 'button-row' },
      h(
        'button',
        {
          class: 'btn btn-small btn-primary',
          attrs: { type: 'button' },
          data: { testid: 'expand' },
          on: { click: () => actions.expand(account.userId) },
        },
        'Expand neighbourhood',
      ),
      h(
        'a',
        { class: 'btn btn-small', attrs: { href: hrefFor('account', account.userId) } },
        'Explore from here',
      ),
    ),
    rings.length
      ? h(
          'div',
          {},
          h('h4', {}, 'Rings'),
          h(
            'ul',
            { class: 'link-list' },
            ...rings.map((r) =>
              h(
                'li',
                {},
                h('a', { attrs: { href: hrefFor('ring', r.ringId) } }, r.ringId),
                ' ',
                scorePill(r.score),
                ' ',
                ringStatusBadge(r.status),
              ),
            ),
          ),
        )
      : null,
    identifiers.length
      ? h(
          'div',
          {},
          h('h4', {}, 'Identifiers'),
          h('ul', { class: 'identifier-list' }, ...identifiers),
        )
      : null,
  );
}
