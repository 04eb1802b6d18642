// A progress bar with ETA on stderr, drawn only when stderr is a terminal.
import cliProgress from "cli-progress";
import { noProgress, type StartProgress } from "../app/spec.ts";
import type { Io } from "../io/streams.ts";

/** The app's progress display for this terminal. */
export function startProgress(io: Io): StartProgress {
  return (label, total) => {
    if (!io.stderr.isTTY || io.env.CI) return noProgress;
    const bar = new cliProgress.SingleBar(
      {
        // a terminal's stderr here (isTTY above): the process's own stream
        stream: io.stderr as NodeJS.WritableStream,
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
  };
}
