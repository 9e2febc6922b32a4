/**
 * Explore from one account: its neighbourhood (depth 1–3 through shared identifiers and
 * payments, hubs collapsed), expandable node by node with undo.
 */
import { endpoints } from '../api/endpoints';
import { createGraphExplorer } from '../components/graph-explorer';
import { toastError } from '../components/toast';
import { accountNodeId } from '../graph/elements';
import { h } from '../dom';
import { hrefFor, navigate, type Route } from '../router';
import type { View } from './view';

export function accountView(route: Route): View {
  const userId = route.id ?? '';
  const depthParam = Number(route.query.get('depth') ?? '1');
  const depth = [1, 2, 3].includes(depthParam) ? depthParam : 1;
  const explorer = createGraphExplorer(route, `account-${userId}`);

  const depthSelect = h(
    'select',
    { attrs: { 'aria-label': 'Depth' } },
    ...[1, 2, 3].map((d) =>
      h('option', { attrs: { value: d, selected: d === depth } }, `${d} hop${d > 1 ? 's' : ''}`),
    ),
  );
  depthSelect.addEventListener('change', () =>
    navigate(
      hrefFor('account', userId, {
        ...Object.fromEntries(route.query.entries()),
        depth: depthSelect.value,
      }),
    ),
  );

  const el = h(
    'div',
    { class: 'account-view', data: { testid: 'account-view', userId } },
    h(
      'div',
      { class: 'page-header' },
      h('div', { class: 'crumbs' }, 'Explore'),
      h(
        'div',
        { class: 'title-row' },
        h('h1', {}, 'Account ', h('span', { class: 'mono' }, userId)),
        h('label', { class: 'inline-field' }, 'Neighbourhood ', depthSelect),
      ),
    ),
    h(
      'div',
      { class: 'split' },
      explorer.workspace.el,
      h(
        'aside',
        { class: 'side-panel' },
        h('h2', { class: 'side-title' }, 'Details'),
        explorer.details,
      ),
    ),
  );

  async function load(): Promise<void> {
    try {
      const reply = await endpoints.neighbourhood(userId, depth, 300);
      await explorer.workspace.load(reply.elements, reply.capped);
      if (route.query.get('node')) explorer.restoreSelection();
      else explorer.workspace.focus(accountNodeId(userId));
    } catch (err) {
      toastError(err);
    }
  }

  void load();
  return { el, dispose: () => explorer.dispose() };
}
