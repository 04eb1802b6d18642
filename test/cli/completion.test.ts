// `chokepoint completion bash` sources in a real bash and completes commands, options and choices;
// the zsh and fish scripts name every command too.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.ts";

const exec = promisify(execFile);

/** What bash offers for the words typed so far (the last one is being completed). */
async function complete(script: string, words: string[]): Promise<string[]> {
  const dir = await mkdtemp(path.join(tmpdir(), "chokepoint-completion-"));
  try {
    const file = path.join(dir, "completion.bash");
    await writeFile(file, script);
    const array = words.map((w) => `'${w}'`).join(" ");
    const probe = `source ${file}; COMP_WORDS=(${array}); COMP_CWORD=${words.length - 1}; _chokepoint; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const { stdout } = await exec("bash", ["--norc", "--noprofile", "-c", probe], { cwd: dir });
    return stdout.split("\n").filter((l) => l !== "");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe("chokepoint completion", () => {
  it("bash: sources cleanly and registers the completion function", async () => {
    const { code, stdout } = await runCli(["completion", "bash"]);
    expect(code).toBe(0);
    const { stdout: registered } = await exec("bash", ["--norc", "--noprofile", "-c", `${stdout}\ncomplete -p chokepoint`]);
    expect(registered.trim()).toBe("complete -o filenames -F _chokepoint chokepoint");
  });

  it("bash: completes subcommands, a command's options and an option's choices", async () => {
    const { stdout: script } = await runCli(["completion", "bash"]);
    expect(await complete(script, ["chokepoint", "co"])).toEqual(["compare", "completion"]);
    expect(await complete(script, ["chokepoint", "compare", "--bu"])).toEqual(["--budget"]);
    expect(await complete(script, ["chokepoint", "run", "--tri"])).toEqual(["--trials"]);
    // --budget is compare's, not run's
    expect(await complete(script, ["chokepoint", "run", "--bu"])).toEqual([]);
    expect(await complete(script, ["chokepoint", "schema", "--kind", "n"])).toEqual(["network"]);
  });

  it("zsh and fish: every command is named", async () => {
    const zsh = (await runCli(["completion", "zsh"])).stdout;
    const fish = (await runCli(["completion", "fish"])).stdout;
    expect(zsh).toContain("bashcompinit");
    for (const cmd of ["run", "compare", "sweep", "inspect", "validate", "schema", "merge"]) {
      expect(fish).toContain(`-n __fish_use_subcommand -a ${cmd} `);
      expect(zsh).toMatch(new RegExp(`\\b${cmd}\\) opts=`));
    }
  });

  it("refuses an unknown shell with exit 2", async () => {
    const { code, stderr } = await runCli(["completion", "powershell"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/bash, zsh, fish/);
  });
});
