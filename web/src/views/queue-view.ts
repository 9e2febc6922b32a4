/**
 * The ring queue: flagged rings of the latest run, best score first, with filters held in the
 * URL. Rings that are new or changed since the previous run stand out.
 */
import type {
  ApiRingStatus,
  RingListResponse,
  RingSummary,
  RunSummary,
} from '../../../server/api-types';
import { endpoints, type RingFilters } from '../api/endpoints';
import { ringStatusBadge, scorePill } from '../components/badges';
import { dataTable } from '../components/data-table';
import { toastError } from '../components/toast';
import { h, replaceChildren } from '../dom';
import { formatTime, humanize } from '../format';
import { hrefFor, navigate, type Route } from '../router';
import type { View } from './view';

const STATUSES: ApiRingStatus[] = ['new', 'grown', 'shrunk', 'merged', 'split', 'ongoing'];
const CHANGED: ReadonlySet<ApiRingStatus> = new Set(['new', 'grown', 'merged', 'split']);

function filtersFrom(route: Route): RingFilters & { changedOnly: boolean } {
  const status = route.query.get('status') ?? '';
  const minScore = Number(route.query.get('minScore') ?? '');
  return {
    status: (STATUSES as string[]).includes(status) ? (status as ApiRingStatus) : '',
    minScore: Number.isFinite(minScore) && minScore > 0 ? minScore : null,
    sort: route.query.get('sort') === 'size' ? 'size' : 'score',
    changedOnly: route.query.get('changed') === '1',
  };
}

export function queueView(route: Route): View {
  const filters = filtersFrom(route);
  const summary = h('div', { class: 'run-summary' });
  const body = h('div', { class: 'queue-body' }, h('p', { class: 'muted' }, 'Loading rings…'));
  const more = h('button', { class: 'btn', attrs: { type: 'button', hidden: true } }, 'Load more');
  const rings: RingSummary[] = [];
  let cursor: string | null = null;
  let previousRun: string | null = null;

  const status = h(
    'select',
    { attrs: { name: 'status', 'aria-label': 'Status' } },
    h('option', { attrs: { value: '' } }, 'Any status'),
    ...STATUSES.map((s) =>
      h('option', { attrs: { value: s, selected: s === filters.status } }, humanize(s)),
    ),
  );
  const minScore = h('input', {
    attrs: {
      type: 'number',
      name: 'minScore',
      min: 0,
      max: 100,
      step: 5,
      value: filters.minScore ?? '',
      placeholder: '0',
      'aria-label': 'Minimum score',
    },
  });
  const sort = h(
    'select',
    { attrs: { name: 'sort', 'aria-label': 'Sort by' } },
    h('option', { attrs: { value: 'score', selected: filters.sort === 'score' } }, 'Score'),
    h('option', { attrs: { value: 'size', selected: filters.sort === 'size' } }, 'Size'),
  );
  const changedBox = h('input', {
    attrs: { type: 'checkbox', name: 'changed', checked: filters.changedOnly },
  });
  const form = h(
    'form',
    { class: 'filters', data: { testid: 'queue-filters' } },
    h('label', { class: 'inline-field' }, 'Status ', status),
    h('label', { class: 'inline-field' }, 'Min score ', minScore),
    h('label', { class: 'inline-field' }, 'Sort by ', sort),
    h('label', { class: 'inline-field checkbox' }, changedBox, ' New since last run only'),
  );
  const apply = () =>
    navigate(
      hrefFor('queue', null, {
        status: status.value,
        minScore: minScore.value,
        sort: sort.value === 'size' ? 'size' : null,
        changed: changedBox.checked ? '1' : null,
      }),
    );
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });

  const el = h(
    'div',
    { class: 'queue-view', data: { testid: 'queue-view' } },
    h(
      'div',
      { class: 'page-header' },
      h(
        'div',
        { class: 'title-row' },
        h('h1', {}, 'Ring queue'),
        h('span', { class: 'spacer' }),
        summary,
      ),
    ),
    form,
    body,
    h('div', { class: 'button-row center' }, more),
  );

  async function fetchPage(): Promise<RingListResponse> {
    return endpoints.rings({
      status: filters.status,
      minScore: filters.minScore,
      sort: filters.sort,
      newSince: filters.changedOnly ? previousRun : null,
      cursor,
      limit: 50,
    });
  }

  async function loadMore(): Promise<void> {
    more.disabled = true;
    try {
      const page = await fetchPage();
      rings.push(...page.items);
      cursor = page.nextCursor;
      render(page.runId);
    } catch (err) {
      toastError(err);
    } finally {
      more.disabled = false;
    }
  }
  more.addEventListener('click', () => void loadMore());

  /** New or changed since the previous run; on the very first run nothing is "since" anything. */
  const changed = (ring: RingSummary): boolean => previousRun !== null && CHANGED.has(ring.status);

  function render(runId: string | null): void {
    more.hidden = cursor === null;
    if (runId === null) {
      replaceChildren(
        body,
        h(
          'div',
          { class: 'empty-state' },
          h('h2', {}, 'No detection run yet'),
          h('p', {}, 'Run detection from the Jobs page (admin) or with `fraud-rings detect`.'),
        ),
      );
      return;
    }
    replaceChildren(
      body,
      dataTable(
        [
          { title: 'Score', cell: (r) => scorePill(r.score), className: 'col-score' },
          {
            title: 'Ring',
            cell: (r) =>
              h('a', { class: 'mono', attrs: { href: hrefFor('ring', r.ringId) } }, r.ringId),
          },
          { title: 'Accounts', cell: (r) => String(r.size), className: 'num' },
          {
            title: 'Status',
            cell: (r) =>
              h(
                'span',
                {},
                ringStatusBadge(r.status),
                changed(r)
                  ? h('span', {
                      class: 'new-dot',
                      attrs: { title: 'Changed since the previous run' },
                    })
                  : null,
              ),
          },
          { title: 'Top evidence', cell: (r) => topEvidence(r), className: 'col-evidence' },
        ],
        rings,
        {
          empty: 'No rings match these filters.',
          testid: 'ring-table',
          rowClass: (r) => ['clickable', ...(changed(r) ? ['row-changed'] : [])],
          rowData: (r) => ({ ringId: r.ringId, status: r.status }),
        },
      ),
    );
  }

  body.addEventListener('click', (event) => {
    const target = event.target as HTMLElement;
    if (target.closest('a')) return;
    const row = target.closest<HTMLTableRowElement>('tr[data-ring-id]');
    if (row?.dataset.ringId) navigate(hrefFor('ring', row.dataset.ringId));
  });

  async function start(): Promise<void> {
    try {
      const runs = await endpoints.runs(2);
      const [latest, previous] = runs.items;
      previousRun = previous?.runId ?? null;
      renderSummary(latest ?? null);
      await loadMore();
    } catch (err) {
      toastError(err);
    }
  }

  function renderSummary(run: RunSummary | null): void {
    if (!run) return;
    const flagged = run.counts.flagged ?? run.counts.flaggedRings;
    replaceChildren(
      summary,
      h(
        'span',
        { class: 'muted' },
        `Latest run `,
        h('span', { class: 'mono' }, run.runId),
        ` · ${formatTime(run.finishedAt)}`,
        flagged !== undefined ? ` · ${flagged} flagged` : '',
      ),
    );
  }

  void start();
  return { el };
}

function topEvidence(ring: RingSummary): HTMLElement {
  const [first, second] = ring.evidence;
  if (!first) return h('span', { class: 'muted' }, '—');
  return h(
    'div',
    { class: 'evidence-cell' },
    h('span', {}, first.text),
    second ? h('span', { class: 'muted small' }, second.text) : null,
  );
}
