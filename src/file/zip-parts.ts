/**
 * Size-capped access to the parts of an .xlsx (zip) file, with fflate.
 *
 * Zip-bomb defence: fflate's `unzipSync` sizes its output buffer from the **declared** uncompressed size in
 * the central directory and never grows it, so an entry cannot inflate beyond what it declares (a lying
 * entry is truncated and then fails to parse). We therefore check the declared sizes against the caps
 * *before* anything is inflated: per entry and in total. Only the parts asked for are inflated.
 */
import { unzipSync, zipSync, type Zippable } from "fflate";
import { quoted } from "../workbook/safe-text";
import { FileReadError } from "./file-read-error";

export interface ZipLimits {
  /** Largest accepted file, bytes (compressed, as on disk). */
  readonly maxFileBytes: number;
  /** Largest total declared uncompressed size of the parts inflated, bytes. */
  readonly maxUncompressedBytes: number;
  /** Most entries in the zip's central directory. */
  readonly maxEntries: number;
}

export interface ZipEntryInfo {
  readonly name: string;
  /** Declared uncompressed size, bytes. */
  readonly size: number;
}

const MB = 1024 * 1024;

export function tooLargeError(bytes: number, max: number): FileReadError {
  const mb = (n: number): string => (n / MB).toFixed(1);
  return new FileReadError("tooLarge", {
    da: `Filen er for stor (${mb(bytes)} MB; højst ${mb(max)} MB).`,
    en: `The file is too large (${mb(bytes)} MB; at most ${mb(max)} MB).`,
  });
}

function notZipError(bytes: Uint8Array, cause?: unknown): FileReadError {
  // An encrypted (password-protected) .xlsx or an old .xls is an OLE compound file, not a zip.
  const ole =
    bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  return new FileReadError(
    "notZip",
    ole
      ? {
          da: "Filen er krypteret (beskyttet med adgangskode) eller i det gamle .xls-format. Gem den som en almindelig .xlsx-projektmappe uden adgangskode.",
          en: "The file is encrypted (password-protected) or in the old .xls format. Save it as a plain .xlsx workbook without a password.",
        }
      : {
          da: "Filen er ikke en gyldig .xlsx-projektmappe (ikke en zip-fil, eller den er beskadiget).",
          en: "The file is not a valid .xlsx workbook (not a zip file, or it is damaged).",
        },
    { cause },
  );
}

function bombError(name: string): FileReadError {
  return new FileReadError("zipBomb", {
    da: `Filen udpakkes til mere end det tilladte (delen ${quoted(name)}); den læses ikke.`,
    en: `The file unpacks to more than allowed (part ${quoted(name)}); it is not read.`,
  });
}

function tooManyEntriesError(max: number): FileReadError {
  return new FileReadError("tooManyEntries", {
    da: `Filen indeholder flere end ${max.toLocaleString("da-DK")} dele (zip-poster); en Excel-projektmappe har langt færre. Den læses ikke.`,
    en: `The file holds more than ${max.toLocaleString("en-GB")} parts (zip entries); an Excel workbook has far fewer. It is not read.`,
  });
}

function duplicateEntryError(name: string): FileReadError {
  return new FileReadError("duplicateEntry", {
    da: `Filen er beskadiget: delen ${quoted(name)} findes to gange i zip-filen (Excel ville afvise eller reparere filen). Åbn den i Excel, gem den, og prøv igen.`,
    en: `The file is damaged: the part ${quoted(name)} appears twice in the zip file (Excel would refuse or repair the file). Open it in Excel, save it and retry.`,
  });
}

/** Refuses a file larger than `maxFileBytes` before anything else is done with it. */
export function checkFileSize(byteLength: number, limits: ZipLimits): void {
  if (byteLength > limits.maxFileBytes) throw tooLargeError(byteLength, limits.maxFileBytes);
}

/** The entries of the zip (names and declared sizes) without inflating anything. */
export function listZipEntries(bytes: Uint8Array, limits: ZipLimits): readonly ZipEntryInfo[] {
  checkFileSize(bytes.length, limits);
  const entries: ZipEntryInfo[] = [];
  const seen = new Set<string>();
  try {
    unzipSync(bytes, {
      filter: (f) => {
        if (entries.length >= limits.maxEntries) throw tooManyEntriesError(limits.maxEntries);
        // Part names are case-insensitive in a package (OPC); two entries of one name = which one is meant?
        const key = f.name.toLowerCase();
        if (seen.has(key)) throw duplicateEntryError(f.name);
        seen.add(key);
        entries.push({ name: f.name, size: f.originalSize });
        return false;
      },
    });
  } catch (error) {
    if (error instanceof FileReadError) throw error;
    throw notZipError(bytes, error);
  }
  return entries;
}

/**
 * Inflates the entries whose names (case-insensitive) are in `wanted`. Throws `FileReadError` when an
 * entry or the total declared size is above `maxUncompressedBytes`. Keys of the result are lower-cased.
 */
export function extractParts(
  bytes: Uint8Array,
  wanted: ReadonlySet<string>,
  limits: ZipLimits,
  /** Declared sizes inflated so far by earlier calls on the same file (the total cap spans them). */
  inflated: { total: number } = { total: 0 },
): ReadonlyMap<string, Uint8Array> {
  checkFileSize(bytes.length, limits);
  let total = inflated.total;
  let raw: Record<string, Uint8Array>;
  const nameOf = new Map<string, string>();
  try {
    raw = unzipSync(bytes, {
      filter: (f) => {
        const key = f.name.toLowerCase();
        if (!wanted.has(key) || nameOf.has(key)) return false;
        total += f.originalSize;
        if (f.originalSize > limits.maxUncompressedBytes || total > limits.maxUncompressedBytes)
          throw bombError(f.name);
        inflated.total = total;
        nameOf.set(key, f.name);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof FileReadError) throw error;
    throw notZipError(bytes, error);
  }
  const out = new Map<string, Uint8Array>();
  for (const [key, name] of nameOf) {
    const data = Object.prototype.hasOwnProperty.call(raw, name) ? raw[name] : undefined;
    if (data !== undefined) out.set(key, data);
  }
  return out;
}

/**
 * A fixed timestamp for every zip entry so that the same content gives the same bytes. Zip (DOS) times are
 * local wall-clock fields, so the date is built from local fields: 1 Jan 2020 00:00 in any time zone.
 */
export const FIXED_ZIP_TIME = new Date(2020, 0, 1, 0, 0, 0);

/** Zips `files` in their insertion order with a fixed entry time and compression level (deterministic bytes). */
export function zipDeterministic(files: Zippable): Uint8Array {
  return zipSync(files, { level: 6, mtime: FIXED_ZIP_TIME });
}
