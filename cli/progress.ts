import cliProgress from 'cli-progress';

export interface Progress {
  /** Sets the total (unknown totals may be set later or never). */
  setTotal(total: number): void;
  update(done: number, label?: string): void;
  stop(): void;
}

const silent: Progress = { setTotal() {}, update() {}, stop() {} };

/**
 * A progress bar on stderr when stderr is a terminal and the output is not JSON; otherwise silent,
 * so scripts and `--json` output never see control characters.
 */
export function createProgress(
  title: string,
  opts: { json?: boolean; total?: number } = {},
): Progress {
  if (opts.json || !process.stderr.isTTY) return silent;
  const bar = new cliProgress.SingleBar(
    {
      format: `${title} [{bar}] {percentage}% {value}/{total} {label}`,
      stream: process.stderr,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(opts.total ?? 0, 0, { label: '' });
  return {
    setTotal: (t) => bar.setTotal(t),
    update: (d, label = '') => bar.update(d, { label }),
    stop: () => bar.stop(),
  };
}
