/**
 * One ring: its graph (members, what they share, payments among them) beside tabs for the picked
 * node, the evidence, the members and the ring's lineage across runs. From here a case is opened.
 */
import type {
  AccountSummary,
  ApiEvidence,
  ApiLineageEvent,
  RingDetailResponse,
} from '../../../server/api-types';
import { endpoints, type Reveal } from '../api/endpoints';
import { labelBadge, ringStatusBadge, scorePill } from '../components/badges';
import { dataTable } from '../components/data-table';
import { createGraphExplorer } from '../components/graph-explorer';
import { accountNodeId } from '../graph/elements';
import { keyValues } from '../components/key-values';
import { ringOverview } from '../components/ring-overview';
import { revealControl } from '../components/reveal-form';
import { createTabs, type Tabs } from '../components/tabs';
import { toastError } from '../components/toast';
import { h, replaceChildren } from '../dom';
import { formatDate, formatTime, humanize } from '../format';
import { hrefFor, navigate, replaceQuery, type Route } from '../router';
import type { View } from './view';

const TABS = ['details', 'evidence', 'members', 'lineage'] as const;

export function ringView(route: Route): View {
  const ringId = route.id ?? '';
  let tabs: Tabs | null = null;
  const explorer = createGraphExplorer(route, `ring-${ringId}`, (node) => {
    if (node && tabs) {
      tabs.show('details');
      replaceQuery(route, { tab: null });
    }
  });
  const header = h(
    'div',
    { class: 'page-header' },
    h('h1', {}, 'Ring ', h('span', { class: 'mono' }, ringId)),
  );
  const side = h('aside', { class: 'side-panel' }, h('p', { class: 'muted' }, 'Loading ring…'));
  const el = h(
    'div',
    { class: 'ring-view', data: { testid: 'ring-view', ringId } },
    header,
    h('div', { class: 'split' }, explorer.workspace.el, side),
  );

  async function load(reveal?: Reveal): Promise<void> {
    try {
      const [ring, graph] = await Promise.all([
        endpoints.ring(ringId, reveal),
        reveal ? null : endpoints.ringGraph(ringId),
      ]);
      renderHeader(ring);
      renderSide(ring, reveal !== undefined);
      if (graph) {
        await explorer.workspace.load(graph.elements, graph.capped);
        explorer.setOverview(() => ringOverview(ring, explorer.workspace.cy));
        explorer.restoreSelection();
      }
    } catch (err) {
      toastError(err);
      replaceChildren(side, h('p', { class: 'error' }, 'Could not load this ring.'));
    }
  }

  function renderHeader(reply: RingDetailResponse): void {
    const { ring, run } = reply;
    const openCase = h(
      'button',
      { class: 'btn btn-primary', attrs: { type: 'button' }, data: { testid: 'open-case' } },
      'Open case',
    );
    openCase.addEventListener('click', () => {
      openCase.disabled = true;
      endpoints
        .openCaseFromRing(
          ring.ringId,
          `Ring ${ring.ringId}: ${ring.size} accounts, score ${Math.round(ring.score)}`,
        )
        .then((reply) => navigate(hrefFor('case', reply.case.caseId)))
        .catch((err) => {
          openCase.disabled = false;
          toastError(err);
        });
    });
    replaceChildren(
      header,
      h(
        'div',
        { class: 'crumbs' },
        h('a', { attrs: { href: hrefFor('queue') } }, 'Ring queue'),
        ' / ',
        ring.ringId,
      ),
      h(
        'div',
        { class: 'title-row' },
        h('h1', {}, 'Ring ', h('span', { class: 'mono' }, ring.ringId)),
        scorePill(ring.score),
        ringStatusBadge(ring.status),
        h(
          'span',
          { class: 'muted' },
          `${ring.size} accounts · run ${ring.runId}${run ? ` · ${formatTime(run.finishedAt)}` : ''}`,
        ),
        h('span', { class: 'spacer' }),
        openCase,
      ),
      ring.evidence[0] ? h('p', { class: 'lead' }, ring.evidence[0].text) : null,
    );
  }

  function renderSide(reply: RingDetailResponse, revealed: boolean): void {
    const initial = route.query.get('tab') ?? 'details';
    tabs = createTabs(
      [
        { id: 'details', title: 'Details', render: () => explorer.details },
        {
          id: 'evidence',
          title: `Evidence (${reply.ring.evidence.length})`,
          render: () => evidencePanel(reply),
        },
        {
          id: 'members',
          title: `Members (${reply.members.length})`,
          render: () => membersPanel(reply.members, reply.masked && !revealed),
        },
        { id: 'lineage', title: 'Lineage', render: () => lineagePanel(reply.lineage) },
      ],
      (TABS as readonly string[]).includes(initial) ? initial : 'details',
      (id) => replaceQuery(route, { tab: id === 'details' ? null : id }),
    );
    replaceChildren(side, tabs.el);
  }

  function membersPanel(members: AccountSummary[], masked: boolean): HTMLElement {
    const table = dataTable(
      [
        {
          title: 'Account',
          cell: (m) =>
            h(
              'button',
              {
                class: 'link mono',
                attrs: { type: 'button' },
                on: { click: () => explorer.workspace.focus(accountNodeId(m.userId)) },
              },
              m.userId,
            ),
        },
        { title: 'Name', cell: (m) => m.name },
        { title: 'Email', cell: (m) => m.email },
        { title: 'Country', cell: (m) => m.country },
        {
          title: 'Label',
          cell: (m) =>
            labelBadge(m.label) ??
            (m.stub ? h('span', { class: 'badge badge-stub' }, 'No profile') : ''),
        },
        { title: 'Created', cell: (m) => formatDate(m.createdAt) },
      ],
      members,
      {
        empty: 'No members.',
        testid: 'members-table',
        rowClass: (m) => (m.label === 'fraud' ? ['row-fraud'] : []),
        rowData: (m) => ({ userId: m.userId }),
      },
    );
    return h(
      'div',
      { class: 'members' },
      masked
        ? revealControl((reveal) => load(reveal))
        : h(
            'p',
            { class: 'revealed-note' },
            'Personal data revealed; the access is recorded in the audit log.',
          ),
      h('div', { class: 'table-scroll' }, table),
    );
  }

  void load();
  return { el, dispose: () => explorer.dispose() };
}

function evidencePanel(reply: RingDetailResponse): HTMLElement {
  const features = Object.entries(reply.ring.features).sort(([a], [b]) => a.localeCompare(b));
  return h(
    'div',
    { class: 'evidence' },
    h(
      'ol',
      { class: 'evidence-list', data: { testid: 'evidence-list' } },
      ...reply.ring.evidence.map((ev) => evidenceItem(ev)),
    ),
    features.length
      ? h(
          'div',
          {},
          h('h4', {}, 'Features'),
          keyValues(
            features.map(([name, value]) => [
              humanize(name),
              Number.isInteger(value) ? String(value) : value.toFixed(3),
            ]),
          ),
        )
      : null,
  );
}

function evidenceItem(ev: ApiEvidence): HTMLElement {
  return h(
    'li',
    { class: 'evidence-item', data: { kind: ev.kind } },
    h('span', { class: 'evidence-kind' }, humanize(ev.kind)),
    h('span', { class: 'evidence-text' }, ev.text),
    ev.accounts !== undefined ? h('span', { class: 'muted' }, ` · ${ev.accounts} accounts`) : null,
  );
}

function lineagePanel(events: ApiLineageEvent[]): HTMLElement {
  return dataTable(
    [
      { title: 'Run', cell: (e) => h('span', { class: 'mono' }, e.runId) },
      { title: 'Event', cell: (e) => ringStatusBadge(e.kind) },
      {
        title: 'Related rings',
        cell: (e) =>
          e.related.length
            ? h(
                'span',
                {},
                ...e.related.flatMap((id, i) => [
                  i ? ', ' : '',
                  h('a', { class: 'mono', attrs: { href: hrefFor('ring', id) } }, id),
                ]),
              )
            : '—',
      },
      {
        title: 'Overlap',
        cell: (e) => (e.jaccard === null ? '—' : `${Math.round(e.jaccard * 100)}%`),
      },
    ],
    events,
    {
      empty: 'This ring has no history yet: it was first seen in the latest run.',
      testid: 'lineage-table',
    },
  );
}
