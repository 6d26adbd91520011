/**
 * User text inside our messages, made safe to print: workbook content is untrusted, and a name or an id can
 * hold control characters (C0, DEL, C1), bidirectional overrides that reorder what a terminal shows
 * ("Trojan Source"), zero-width characters, or megabytes of text. Pure and browser-safe.
 */

/**
 * Characters that are never printed raw: C0 controls except tab and newline, DEL, C1 controls, the Arabic
 * letter mark, zero-width and direction marks, line/paragraph separators, bidi embeddings/overrides/isolates,
 * and the byte-order mark.
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

const escapeChar = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** `text` with every unsafe character shown as `\uXXXX` (tab and newline kept). Meaning-preserving inside JSON. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** Longest user text echoed in a message before it is cut with "…". */
export const MAX_ECHO = 80;

/**
 * User text for a message: cut to `max` characters (then ending in "…"), in double quotes,
 * with quotes, backslashes and every control or direction character escaped.
 * Example: `quoted("Kommune\u202eA")` → `"Kommune\u202eA"` (the escape is shown, not applied).
 */
export function quoted(text: string, max = MAX_ECHO): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return terminalSafe(JSON.stringify(cut)).replace(/\n/g, "\\n").replace(/\t/g, "\\t");
}
