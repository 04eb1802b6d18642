// Progress on stderr: a bar with ETA when stderr is a terminal, periodic plain lines for batch
// logs (Slurm, Kubernetes) with --progress, nothing with --no-progress or, by default, off a
// terminal or under CI.
import type cliProgress from "cli-progress";
import { createRequire } from "node:module";
import { noProgress, type Progress, type StartProgress } from "../app/progress.ts";
import type { Io } from "../io/streams.ts";

/** --progress (true), --no-progress (false), or neither (undefined: a bar on a terminal only). */
export type ProgressMode = boolean | undefined;

/** The app's progress display for this terminal and mode. */
export function startProgress(io: Io, mode: ProgressMode = undefined, now: () => number = Date.now): StartProgress {
  return (label, total) => {
    if (mode === false) return noProgress;
    if (io.stderr.isTTY && !io.env.CI) return progressBar(io, label, total);
    return mode === true ? progressLines(io, label, total, now) : noProgress;
  };
}

function progressBar(io: Io, label: string, total: number): Progress {
  // loaded only when a bar is drawn: every command starts without it
  const { SingleBar, Presets } = createRequire(import.meta.url)("cli-progress") as typeof cliProgress;
  const bar = new SingleBar(
    {
      // a terminal's stderr here (isTTY above): the process's own stream
      stream: io.stderr as NodeJS.WritableStream,
      format: `${label} [{bar}] {percentage}% | {value}/{total} trials | ETA {eta_formatted}`,
      etaBuffer: 50,
      hideCursor: true,
      clearOnComplete: true,
    },
    Presets.shades_classic,
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

/** A line at every further tenth of the work and at the end: `run: 30% (3000/10000 trials, 4 s, about 9 s left)`. */
export function progressLines(io: Io, label: string, total: number, now: () => number): Progress {
  const start = now();
  let done = 0;
  let nextTenth = 1;
  const line = () => {
    const seconds = (now() - start) / 1000;
    const left = done > 0 && done < total ? `, about ${Math.ceil((seconds * (total - done)) / done)} s left` : "";
    const pct = total > 0 ? Math.floor((100 * done) / total) : 100;
    io.stderr.write(`${label}: ${pct}% (${done}/${total} trials, ${seconds.toFixed(0)} s${left})\n`);
  };
  return {
    tick(n) {
      done += n;
      if (total > 0 && done * 10 >= nextTenth * total && done < total) {
        line();
        nextTenth = Math.floor((done * 10) / total) + 1;
      }
    },
    stop() {
      line();
    },
  };
}
