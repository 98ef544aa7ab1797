import cliProgress from "cli-progress";

/** A progress bar on standard error for long files; silent when not on a terminal. */
export function createProgress(label: string) {
  if (!process.stderr.isTTY) return { update: (_read: number, _total: number) => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} MB`,
      stream: process.stderr,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(read: number, total: number) {
      const mb = (n: number) => Math.round((n / 1e6) * 10) / 10;
      if (!started) {
        bar.start(mb(total), 0);
        started = true;
      }
      bar.update(mb(read));
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
