import cliProgress from "cli-progress";

/**
 * A progress bar on standard error for long files. Off a terminal (CI logs, a cron job,
 * a supervising process) it writes one plain line per tenth of the file instead.
 */
export function createProgress(label: string) {
  if (!process.stderr.isTTY) {
    let lastTenth = 0;
    return {
      update(read: number, total: number) {
        if (total <= 0) return;
        const tenth = Math.floor((read / total) * 10);
        if (tenth > lastTenth && tenth < 10) {
          lastTenth = tenth;
          process.stderr.write(`${label}: ${tenth * 10}% read\n`);
        }
      },
      stop: () => {},
    };
  }
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
