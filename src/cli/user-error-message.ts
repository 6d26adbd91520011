/**
 * Known failures that are the user's situation, not a bug — a missing file, no permission, a full disk —
 * turned into one line in the user's language. Unknown errors return undefined (the caller reports them
 * as unexpected).
 */
import { FileReadError } from "../file/file-read-error";
import type { Lang } from "../present/format";

interface NodeSystemError {
  readonly code: string;
  readonly path?: string;
}

function isSystemError(error: unknown): error is NodeSystemError {
  return (
    typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string"
  );
}

const SYSTEM: Readonly<
  Record<string, { readonly da: (p: string) => string; readonly en: (p: string) => string }>
> = {
  ENOENT: { da: (p) => `Filen findes ikke: ${p}`, en: (p) => `File not found: ${p}` },
  EACCES: { da: (p) => `Ingen adgang til filen: ${p}`, en: (p) => `Permission denied: ${p}` },
  EPERM: { da: (p) => `Ingen adgang til filen: ${p}`, en: (p) => `Permission denied: ${p}` },
  EISDIR: { da: (p) => `Det er en mappe, ikke en fil: ${p}`, en: (p) => `Is a directory, not a file: ${p}` },
  ENOTREG: {
    da: (p) => `Det er ikke en almindelig fil (men en enhed, en pipe eller lignende): ${p}`,
    en: (p) => `Not a regular file (a device, a pipe or similar): ${p}`,
  },
  ENOTDIR: { da: (p) => `Stien findes ikke: ${p}`, en: (p) => `Path not found: ${p}` },
  ENOSPC: { da: (p) => `Der er ikke plads på disken: ${p}`, en: (p) => `No space left on device: ${p}` },
  EROFS: { da: (p) => `Filsystemet er skrivebeskyttet: ${p}`, en: (p) => `Read-only file system: ${p}` },
};

/** One-line message for a known user-side failure, or undefined. */
export function userErrorMessage(error: unknown, lang: Lang): string | undefined {
  if (error instanceof FileReadError) return error.messageIn(lang);
  if (isSystemError(error)) {
    const entry = Object.prototype.hasOwnProperty.call(SYSTEM, error.code) ? SYSTEM[error.code] : undefined;
    if (entry !== undefined) return entry[lang](error.path ?? "");
  }
  return undefined;
}
