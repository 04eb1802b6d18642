// A progress display for batches of trials, apart from the run spec so that the command line can
// offer it without loading the engine.

/** A progress display for one batch of trials: the CLI draws a bar, a library caller may log. */
export interface Progress {
  tick(done: number): void;
  stop(): void;
}

/** Starts the display of a batch of `total` trials. */
export type StartProgress = (label: string, total: number) => Progress;

/** A display that shows nothing. */
export const noProgress: Progress = { tick() {}, stop() {} };
