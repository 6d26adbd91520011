/**
 * Any error thrown while the pane works → a message a person can act on, in both languages.
 * Office errors (and our adapter's wrappers) carry a stable `code` → `describeOfficeError`; app errors that
 * carry their own `{da, en}` message (`userMessage` or `messages`) show it; anything else is a programmer
 * error and is shown with its name so it can be reported.
 */
import { describeOfficeError, KNOWN_OFFICE_CODES } from "../excel/office-errors";
import { fill, T } from "./i18n";
import type { Text } from "./panel";

const isText = (x: unknown): x is Text =>
  typeof x === "object" &&
  x !== null &&
  typeof (x as { da?: unknown }).da === "string" &&
  typeof (x as { en?: unknown }).en === "string";

export function describeError(err: unknown): Text {
  if (typeof err === "object" && err !== null) {
    for (const key of ["userMessage", "messages", "text"]) {
      const m = (err as Record<string, unknown>)[key];
      if (isText(m)) return m;
    }
    const code = (err as { code?: unknown }).code;
    const name = (err as { name?: unknown }).name;
    if (
      (typeof code === "string" && KNOWN_OFFICE_CODES.includes(code)) ||
      name === "OfficeWriteError" ||
      name === "OfficeReadError" ||
      name === "RichApi.Error"
    )
      return describeOfficeError(err);
  }
  const detail =
    err instanceof Error ? `${err.name}: ${err.message}` : typeof err === "string" ? err : "unknown error";
  return fill(T.unexpected, { detail: detail.length > 300 ? `${detail.slice(0, 300)}…` : detail });
}
