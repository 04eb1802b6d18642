// Escaping for the explorer's HTML and SVG text.

/** Text for element content and double-quoted attribute values. */
export function escapeText(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}
