/** The list of cases, filtered by status and assignee (held in the URL). */
import type { ApiCase, ApiCaseStatus } from '../../../server/api-types';
import { endpoints } from '../api/endpoints';
import { caseStatusBadge } from '../components/badges';
import { dataTable } from '../components/data-table';
import { toastError } from '../components/toast';
import { h, replaceChildren } from '../dom';
import { formatTime, humanize } from '../format';
import { hrefFor, navigate, type Route } from '../router';
import { currentUser } from '../session';
import type { View } from './view';

export const CASE_STATUSES: ApiCaseStatus[] = [
  'open',
  'in_progress',
  'confirmed_fraud',
  'dismissed',
];

export function casesView(route: Route): View {
  const statusParam = route.query.get('status') ?? '';
  const status: ApiCaseStatus | '' = (CASE_STATUSES as string[]).includes(statusParam)
    ? (statusParam as ApiCaseStatus)
    : '';
  const mine = route.query.get('mine') === '1';
  const body = h('div', {}, h('p', { class: 'muted' }, 'Loading cases…'));
  const more = h('button', { class: 'btn', attrs: { type: 'button', hidden: true } }, 'Load more');
  const cases: ApiCase[] = [];
  let cursor: string | null = null;

  const statusSelect = h(
    'select',
    { attrs: { 'aria-label': 'Status' } },
    h('option', { attrs: { value: '' } }, 'Any status'),
    ...CASE_STATUSES.map((s) =>
      h('option', { attrs: { value: s, selected: s === status } }, humanize(s)),
    ),
  );
  const mineBox = h('input', { attrs: { type: 'checkbox', checked: mine } });
  const form = h(
    'form',
    { class: 'filters' },
    h('label', { class: 'inline-field' }, 'Status ', statusSelect),
    h('label', { class: 'inline-field checkbox' }, mineBox, ' Assigned to me'),
  );
  form.addEventListener('change', () =>
    navigate(
      hrefFor('cases', null, { status: statusSelect.value, mine: mineBox.checked ? '1' : null }),
    ),
  );

  async function loadMore(): Promise<void> {
    try {
      const page = await endpoints.cases({
        status,
        assignee: mine ? currentUser()?.name : undefined,
        cursor,
      });
      cases.push(...page.items);
      cursor = page.nextCursor;
      more.hidden = cursor === null;
      replaceChildren(
        body,
        dataTable(
          [
            {
              title: 'Case',
              cell: (c) => h('a', { attrs: { href: hrefFor('case', c.caseId) } }, c.title),
            },
            { title: 'Status', cell: (c) => caseStatusBadge(c.status) },
            {
              title: 'Ring',
              cell: (c) =>
                c.ringId
                  ? h('a', { class: 'mono', attrs: { href: hrefFor('ring', c.ringId) } }, c.ringId)
                  : '—',
            },
            { title: 'Accounts', cell: (c) => String(c.accounts.length), className: 'num' },
            {
              title: 'Assignee',
              cell: (c) => c.assignee ?? h('span', { class: 'muted' }, 'Unassigned'),
            },
            { title: 'Updated', cell: (c) => formatTime(c.updatedAt) },
          ],
          cases,
          {
            empty: 'No cases yet. Open one from a ring.',
            testid: 'case-table',
            rowData: (c) => ({ caseId: c.caseId }),
          },
        ),
      );
    } catch (err) {
      toastError(err);
    }
  }
  more.addEventListener('click', () => void loadMore());

  void loadMore();
  return {
    el: h(
      'div',
      { class: 'cases-view', data: { testid: 'cases-view' } },
      h('div', { class: 'page-header' }, h('div', { class: 'title-row' }, h('h1', {}, 'Cases'))),
      form,
      body,
      h('div', { class: 'button-row center' }, more),
    ),
  };
}
