// Runs the CLI in-process with captured stdout and stderr.
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { run } from "../../src/cli/program.ts";

/** The repository root: file names in CLI tests are relative to it, as a user would type them. */
export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

class Capture extends Writable {
  text = "";
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

export async function runCli(argv: string[], cwd = repoRoot, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await run(argv, { stdout, stderr, env, cwd });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
