// A progress bar with ETA on stderr, drawn only when stderr is a terminal.
import cliProgress from "cli-progress";
import type { CliIo } from "./context.ts";

export interface Progress {
  tick(n: number): void;
  stop(): void;
}

export function startProgress(io: CliIo, total: number, label: string): Progress {
  if (!io.stderr.isTTY || io.env.CI) return { tick() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: io.stderr,
      format: `${label} [{bar}] {percentage}% | {value}/{total} trials | ETA {eta_formatted}`,
      etaBuffer: 50,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    tick(n) {
      bar.increment(n);
    },
    stop() {
      bar.stop();
    },
  };
}
