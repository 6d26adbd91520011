/**
 * Output-path checks of the command line: the input workbook is never written, an existing file is not
 * replaced without `--force` where a command asks for it, and output files end in .xlsx.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { CliError } from "./cli-error";

/** Absolute path of `p` relative to `cwd`. */
export const resolvePath = (cwd: string, p: string): string => path.resolve(cwd, p);

/** True when both paths name the same existing file (same path, symlink or hard link). */
export function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** Refuses an output path that is not an .xlsx file name. */
export function requireXlsxName(out: string): void {
  if (!/\.xlsx$/i.test(out)) {
    throw new CliError({
      da: `Uddatafilen skal have endelsen .xlsx: ${out}`,
      en: `The output file must end in .xlsx: ${out}`,
    });
  }
}

/** Refuses to write `out` when it is the input workbook. */
export function refuseInputAsOutput(input: string, out: string): void {
  if (sameFile(input, out)) {
    throw new CliError({
      da: `Uddatafilen er selve inputfilen (${out}). Inputfilen ændres aldrig; vælg et andet navn med --out.`,
      en: `The output file is the input file itself (${out}). The input file is never changed; choose another name with --out.`,
    });
  }
}

/** True when something (a file, a folder, a symlink — also a dangling one) has the name `p`. */
function entryExists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * Refuses to replace an existing file unless `force`, and refuses an output whose folder does not exist
 * (said as such, not as "file not found").
 */
export function refuseExisting(out: string, force: boolean): void {
  const dir = path.dirname(out);
  let isDir = false;
  try {
    isDir = fs.statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) {
    throw new CliError({
      da: `Mappen til uddatafilen findes ikke: ${dir}. Opret den først, eller vælg en anden sti.`,
      en: `The output file's folder does not exist: ${dir}. Create it first, or choose another path.`,
    });
  }
  if (!force && entryExists(out)) {
    throw new CliError({
      da: `Filen findes allerede: ${out}. Brug --force for at overskrive den.`,
      en: `The file already exists: ${out}. Use --force to overwrite it.`,
    });
  }
}

/**
 * Writes a new output file: checked with `refuseExisting`, written to a fresh temporary file in the same
 * folder (created exclusively, so nothing else is opened) and renamed onto `out`. A rename replaces a
 * symlink named `out` itself, never the file it points to, and a failed write leaves `out` as it was.
 */
export async function writeOutputFile(out: string, data: Uint8Array | string, force: boolean): Promise<void> {
  refuseExisting(out, force);
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.som-tmp`);
  try {
    await fs.promises.writeFile(tmp, data, { flag: "wx" });
    if (!force && entryExists(out)) refuseExisting(out, false); // appeared meanwhile
    await fs.promises.rename(tmp, out);
  } finally {
    await fs.promises.rm(tmp, { force: true });
  }
}
