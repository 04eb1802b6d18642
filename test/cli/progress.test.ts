// Progress for batch logs (--progress off a terminal): a line per further tenth, then a last line.
import { describe, expect, it } from "vitest";
import { progressLines, startProgress } from "../../src/cli/progress.ts";
import type { Io } from "../../src/io/streams.ts";

function capture(isTTY = false): { io: Io; lines: () => string[] } {
  let text = "";
  const stream = { isTTY, write: (s: string) => ((text += s), true) };
  return { io: { stdout: stream, stderr: stream, env: {}, cwd: "." }, lines: () => text.split("\n").filter((l) => l !== "") };
}

describe("progress lines", () => {
  it("prints at each tenth with elapsed time and the time left, and once at the end", () => {
    const { io, lines } = capture();
    let ms = 0;
    const p = progressLines(io, "run", 1000, () => ms);
    for (let i = 0; i < 10; i++) {
      ms += 1000;
      p.tick(100);
    }
    p.stop();
    const out = lines();
    // 10 %, …, 90 % while running (100 % is not "running"), then the final line: 10 lines
    expect(out).toHaveLength(10);
    // after 3 ticks: 300 done in 3 s, so 700 left take 3 × 700 / 300 = 7 s
    expect(out[2]).toBe("run: 30% (300/1000 trials, 3 s, about 7 s left)");
    expect(out[9]).toBe("run: 100% (1000/1000 trials, 10 s)");
  });

  it("skips tenths a large chunk jumps over, printing one line for it", () => {
    const { io, lines } = capture();
    const p = progressLines(io, "sweep", 100, () => 0);
    p.tick(45); // 10 %–40 % passed at once: one line
    p.tick(10); // 55 %: the 50 % line
    p.stop();
    expect(lines().map((l) => l.split(" (")[0])).toEqual(["sweep: 45%", "sweep: 55%", "sweep: 55%"]);
  });

  it("--no-progress prints nothing, and without --progress nothing goes to a log that is not a terminal", () => {
    for (const mode of [false, undefined]) {
      const { io, lines } = capture(false);
      const p = startProgress(io, mode, () => 0)("run", 10);
      p.tick(10);
      p.stop();
      expect(lines()).toEqual([]);
    }
  });
});
