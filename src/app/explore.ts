// Use case `explore`: the what-if explorer as one self-contained HTML file, with the scenario and
// the network it names embedded (validated first, as every command does), or empty, waiting for
// a file to be opened or dropped.
import { explorerScript } from "../io/browser-bundle.ts";
import { loadScenario, readTexts } from "../io/load.ts";
import { renderExplorePage } from "../render/explore-page.ts";

/** The page for `file` (a scenario, relative to `cwd`), or an empty explorer without one. */
export async function explorerPage(file: string | undefined, cwd: string): Promise<string> {
  if (file === undefined) return renderExplorePage({ bundle: await explorerScript(), files: [], scenario: "", title: "chokepoint explore" });
  // validated first: a broken file is refused before any work
  const scenario = await loadScenario(file, { cwd });
  const bundle = await explorerScript();
  const names = scenario.networkFile === undefined ? [file] : [file, scenario.networkFile];
  const files = await readTexts(names, cwd);
  return renderExplorePage({ bundle, files, scenario: file, title: scenario.name });
}

/** Where the page goes when no --out is given: the scenario's name with `.html`, in the working directory. */
export function defaultPageName(file: string | undefined): string {
  if (file === undefined) return "explore.html";
  const base = file.slice(Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\")) + 1);
  return `${base.replace(/\.(ya?ml|json)$/i, "")}.html`;
}
