/**
 * Jobs (admin): queued and finished jobs with their progress, the detection runs they produced,
 * and a button to run detection now. Polls while a job is waiting or active.
 */
import type {
  ApiJob,
  ApiJobState,
  JobListResponse,
  RunListResponse,
} from '../../../server/api-types';
import { endpoints } from '../api/endpoints';
import { jobStateBadge } from '../components/badges';
import { dataTable } from '../components/data-table';
import { toast, toastError } from '../components/toast';
import { h, replaceChildren } from '../dom';
import { formatDuration, formatTime, humanize } from '../format';
import type { View } from './view';

const POLL_MS = 2000;
const FINISHED: ReadonlySet<ApiJobState> = new Set(['completed', 'failed', 'unknown']);

export function jobsView(): View {
  const jobsHost = h('div', {}, h('p', { class: 'muted' }, 'Loading jobs…'));
  const runsHost = h('div', {});
  const runNow = h(
    'button',
    { class: 'btn btn-primary', attrs: { type: 'button' }, data: { testid: 'run-detection' } },
    'Run detection now',
  );
  let timer: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;

  runNow.addEventListener('click', () => {
    runNow.disabled = true;
    endpoints
      .runDetection()
      .then((reply) => {
        toast(`Detection job ${reply.job.id} queued.`);
        return refresh();
      })
      .catch(toastError)
      .finally(() => {
        runNow.disabled = false;
      });
  });

  async function refresh(): Promise<void> {
    if (timer) clearTimeout(timer);
    try {
      const [jobs, runs] = await Promise.all([endpoints.jobs(), endpoints.runs(20)]);
      if (disposed) return;
      renderJobs(jobs);
      renderRuns(runs);
      if (jobs.items.some((j) => !FINISHED.has(j.state))) {
        timer = setTimeout(() => void refresh(), POLL_MS);
      }
    } catch (err) {
      toastError(err);
    }
  }

  function renderJobs(reply: JobListResponse): void {
    replaceChildren(
      jobsHost,
      dataTable(
        [
          { title: 'Job', cell: (j) => h('span', { class: 'mono' }, j.id) },
          { title: 'Kind', cell: (j) => j.name },
          { title: 'State', cell: (j) => jobStateBadge(j.state) },
          { title: 'Progress', cell: (j) => progressCell(j) },
          { title: 'Queued', cell: (j) => formatTime(j.timestamps.created) },
          { title: 'Finished', cell: (j) => formatTime(j.timestamps.finished) },
          {
            title: 'Error',
            cell: (j) => (j.failedReason ? h('span', { class: 'error' }, j.failedReason) : ''),
          },
        ],
        reply.items,
        {
          empty: 'No jobs yet.',
          testid: 'job-table',
          rowData: (j) => ({ jobId: j.id, state: j.state }),
        },
      ),
    );
  }

  function renderRuns(reply: RunListResponse): void {
    replaceChildren(
      runsHost,
      dataTable(
        [
          { title: 'Run', cell: (r) => h('span', { class: 'mono' }, r.runId) },
          { title: 'Finished', cell: (r) => formatTime(r.finishedAt) },
          { title: 'Duration', cell: (r) => formatDuration(r.finishedAt - r.startedAt) },
          {
            title: 'Status',
            cell: (r) =>
              h(
                'span',
                {
                  class: [
                    'badge',
                    r.status === 'completed' ? 'badge-job-completed' : 'badge-job-failed',
                  ],
                },
                humanize(r.status),
              ),
          },
          { title: 'Engine', cell: (r) => r.engine },
          { title: 'Rings', cell: (r) => countsText(r.counts) },
          {
            title: 'Modularity',
            cell: (r) => (r.modularity === null ? '—' : r.modularity.toFixed(3)),
          },
        ],
        reply.items,
        { empty: 'No detection has run yet.', testid: 'run-table' },
      ),
    );
  }

  void refresh();
  return {
    el: h(
      'div',
      { class: 'jobs-view', data: { testid: 'jobs-view' } },
      h(
        'div',
        { class: 'page-header' },
        h(
          'div',
          { class: 'title-row' },
          h('h1', {}, 'Jobs'),
          h('span', { class: 'spacer' }),
          runNow,
        ),
      ),
      h('section', { class: 'card' }, h('h2', {}, 'Jobs'), jobsHost),
      h('section', { class: 'card' }, h('h2', {}, 'Detection runs'), runsHost),
    ),
    dispose: () => {
      disposed = true;
      if (timer) clearTimeout(timer);
    },
  };
}

/** A bar when the stage has a known total; otherwise the stage and how much is done. */
function progressCell(job: ApiJob): HTMLElement {
  if (job.state === 'completed')
    return h(
      'span',
      { class: 'progress-cell' },
      h('progress', { attrs: { max: 100, value: 100 } }),
      ' done',
    );
  const p = job.progress;
  if (!p) return h('span', { class: 'muted' }, job.state === 'waiting' ? 'queued' : '—');
  const percent = p.total ? Math.min(100, Math.round((100 * p.done) / p.total)) : null;
  return h(
    'span',
    { class: 'progress-cell' },
    percent === null ? h('progress', {}) : h('progress', { attrs: { max: 100, value: percent } }),
    ` ${p.stage}${percent === null ? ` · ${p.done.toLocaleString('en-GB')}` : ` · ${percent}%`}`,
  );
}

function countsText(counts: Record<string, number>): string {
  const parts: string[] = [];
  for (const key of ['flagged', 'candidates', 'rings', 'new', 'dissolved']) {
    if (typeof counts[key] === 'number') parts.push(`${counts[key]} ${key}`);
  }
  return parts.length
    ? parts.join(', ')
    : Object.entries(counts)
        .slice(0, 3)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ') || '—';
}
