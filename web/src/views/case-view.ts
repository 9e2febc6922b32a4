/**
 * One case: decide it (status, assignee, decision note), keep notes, and export it as CSV, JSON
 * or a printable report. Exports are plain links: the browser downloads them with the session.
 */
import type { ApiCaseStatus, CaseDetailResponse } from '../../../server/api-types';
import { endpoints, type Reveal } from '../api/endpoints';
import { caseStatusBadge, labelBadge } from '../components/badges';
import { dataTable } from '../components/data-table';
import { keyValues } from '../components/key-values';
import { revealControl } from '../components/reveal-form';
import { toast, toastError } from '../components/toast';
import { h, replaceChildren } from '../dom';
import { formatDate, formatTime, humanize } from '../format';
import { hrefFor, type Route } from '../router';
import { currentUser } from '../session';
import { CASE_STATUSES } from './cases-view';
import type { View } from './view';

export function caseView(route: Route): View {
  const caseId = route.id ?? '';
  const el = h(
    'div',
    { class: 'case-view', data: { testid: 'case-view', caseId } },
    h('p', { class: 'muted' }, 'Loading case…'),
  );

  async function load(reveal?: Reveal): Promise<void> {
    try {
      render(await endpoints.caseDetail(caseId, reveal), reveal !== undefined);
    } catch (err) {
      toastError(err);
      replaceChildren(el, h('p', { class: 'error' }, 'Could not load this case.'));
    }
  }

  function render(reply: CaseDetailResponse, revealed: boolean): void {
    const c = reply.case;
    replaceChildren(
      el,
      h(
        'div',
        { class: 'page-header' },
        h(
          'div',
          { class: 'crumbs' },
          h('a', { attrs: { href: hrefFor('cases') } }, 'Cases'),
          ' / ',
          c.caseId,
        ),
        h(
          'div',
          { class: 'title-row' },
          h('h1', {}, c.title),
          caseStatusBadge(c.status),
          h('span', { class: 'spacer' }),
          exportLinks(c.caseId),
        ),
      ),
      h(
        'div',
        { class: 'case-grid' },
        h(
          'section',
          { class: 'card' },
          h('h2', {}, 'Summary'),
          keyValues([
            [
              'Ring',
              c.ringId
                ? h('a', { class: 'mono', attrs: { href: hrefFor('ring', c.ringId) } }, c.ringId)
                : null,
            ],
            ['Run', c.runId ? h('span', { class: 'mono' }, c.runId) : null],
            ['Accounts', String(c.accounts.length)],
            ['Opened', `${formatTime(c.createdAt)} by ${c.createdBy}`],
            ['Decided', c.decidedAt ? `${formatTime(c.decidedAt)} by ${c.decidedBy ?? '—'}` : null],
            [
              'Evidence pack',
              reply.evidencePack
                ? h(
                    'span',
                    {
                      class: 'mono small',
                      attrs: { title: `Frozen ${formatTime(reply.evidencePack.createdAt)}` },
                    },
                    reply.evidencePack.hash.slice(0, 16) + '…',
                  )
                : null,
            ],
          ]),
        ),
        decisionForm(reply),
        notesPanel(reply),
        h(
          'section',
          { class: 'card wide' },
          h('h2', {}, `Accounts (${reply.accounts.length})`),
          reply.masked && !revealed
            ? revealControl((r) => load(r))
            : h(
                'p',
                { class: 'revealed-note' },
                'Personal data revealed; the access is recorded in the audit log.',
              ),
          h(
            'div',
            { class: 'table-scroll' },
            dataTable(
              [
                {
                  title: 'Account',
                  cell: (a) =>
                    h(
                      'a',
                      { class: 'mono', attrs: { href: hrefFor('account', a.userId) } },
                      a.userId,
                    ),
                },
                { title: 'Name', cell: (a) => a.name },
                { title: 'Email', cell: (a) => a.email },
                { title: 'Phone', cell: (a) => a.phone },
                { title: 'Country', cell: (a) => a.country },
                { title: 'Label', cell: (a) => labelBadge(a.label) },
                { title: 'Created', cell: (a) => formatDate(a.createdAt) },
              ],
              reply.accounts,
              { empty: 'No accounts.', testid: 'case-accounts' },
            ),
          ),
        ),
      ),
    );
  }

  function decisionForm(reply: CaseDetailResponse): HTMLElement {
    const c = reply.case;
    const status = h(
      'select',
      { attrs: { name: 'status' }, data: { testid: 'case-status' } },
      ...CASE_STATUSES.map((s) =>
        h('option', { attrs: { value: s, selected: s === c.status } }, humanize(s)),
      ),
    );
    const assignee = h('input', {
      attrs: {
        type: 'text',
        name: 'assignee',
        value: c.assignee ?? '',
        placeholder: 'Unassigned',
        maxlength: 128,
      },
      data: { testid: 'case-assignee' },
    });
    const me = h('button', { class: 'btn btn-small', attrs: { type: 'button' } }, 'Assign to me');
    me.addEventListener('click', () => {
      assignee.value = currentUser()?.name ?? '';
    });
    const note = h('textarea', {
      attrs: {
        name: 'decisionNote',
        rows: 4,
        maxlength: 5000,
        placeholder: 'Why this decision? (kept with the case and its exports)',
      },
      data: { testid: 'decision-note' },
    });
    note.value = c.decisionNote ?? '';
    const save = h(
      'button',
      { class: 'btn btn-primary', attrs: { type: 'submit' }, data: { testid: 'save-case' } },
      'Save',
    );
    const form = h(
      'form',
      { class: 'card decision' },
      h('h2', {}, 'Decision'),
      h('label', { class: 'field' }, h('span', {}, 'Status'), status),
      h(
        'label',
        { class: 'field' },
        h('span', {}, 'Assignee'),
        h('span', { class: 'input-row' }, assignee, me),
      ),
      h('label', { class: 'field' }, h('span', {}, 'Decision note'), note),
      h('div', { class: 'button-row' }, save),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      save.disabled = true;
      endpoints
        .updateCase(c.caseId, {
          status: status.value as ApiCaseStatus,
          assignee: assignee.value.trim() || null,
          decisionNote: note.value.trim() || null,
        })
        .then(() => {
          toast('Case saved.');
          return load();
        })
        .catch(toastError)
        .finally(() => {
          save.disabled = false;
        });
    });
    return form;
  }

  function notesPanel(reply: CaseDetailResponse): HTMLElement {
    const text = h('textarea', {
      attrs: { name: 'note', rows: 3, maxlength: 5000, required: true, placeholder: 'Add a note' },
      data: { testid: 'note-text' },
    });
    const add = h('button', { class: 'btn', attrs: { type: 'submit' } }, 'Add note');
    const form = h('form', { class: 'note-form' }, text, h('div', { class: 'button-row' }, add));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const value = text.value.trim();
      if (!value) return;
      add.disabled = true;
      endpoints
        .addNote(reply.case.caseId, value)
        .then(() => load())
        .catch(toastError)
        .finally(() => {
          add.disabled = false;
        });
    });
    return h(
      'section',
      { class: 'card' },
      h('h2', {}, `Notes (${reply.notes.length})`),
      h(
        'ol',
        { class: 'notes', data: { testid: 'notes' } },
        ...reply.notes.map((n) =>
          h(
            'li',
            {},
            h('div', { class: 'note-meta' }, `${n.author} · ${formatTime(n.createdAt)}`),
            h('p', { class: 'note-text' }, n.text),
          ),
        ),
      ),
      form,
    );
  }

  void load();
  return { el };
}

function exportLinks(caseId: string): HTMLElement {
  const link = (format: 'csv' | 'json' | 'html', title: string) =>
    h(
      'a',
      {
        class: 'btn btn-small',
        attrs: {
          href: endpoints.caseExportUrl(caseId, format),
          download: `case-${caseId}.${format}`,
        },
        data: { testid: `export-${format}` },
      },
      title,
    );
  return h(
    'div',
    { class: 'button-row' },
    h('span', { class: 'muted' }, 'Export'),
    link('csv', 'CSV'),
    link('json', 'JSON'),
    link('html', 'Report'),
  );
}
