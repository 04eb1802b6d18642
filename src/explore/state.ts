// The explorer's shareable state: the edited scenario's text and the run settings, carried in the
// URL's fragment (`#s=` and base64url of UTF-8 JSON), so a link opens the same what-if.

export interface SharedState {
  /** The scenario's file name, as the page knows it. */
  name: string;
  /** The scenario's text, with every edit made. */
  text: string;
  trials: number;
  seed: number;
  focus: string;
}

export function encodeState(state: SharedState): string {
  const bytes = new TextEncoder().encode(JSON.stringify(state));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return `s=${btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "")}`;
}

/** The state in a fragment, or undefined when there is none or it is not one of ours. */
export function decodeState(fragment: string): SharedState | undefined {
  const match = /(?:^#?|&)s=([A-Za-z0-9_-]+)/.exec(fragment);
  if (match === null) return undefined;
  try {
    const binary = atob(match[1]!.replaceAll("-", "+").replaceAll("_", "/"));
    const value = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))) as Partial<SharedState>;
    const ok = typeof value.name === "string" && typeof value.text === "string" && Number.isInteger(value.trials) && Number.isInteger(value.seed);
    return ok ? { focus: "baseline", ...value } as SharedState : undefined;
  } catch {
    return undefined;
  }
}
