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

/** Refuses to replace an existing file unless `force`. */
export function refuseExisting(out: string, force: boolean): void {
  if (!force && fs.existsSync(out)) {
    throw new CliError({
      da: `Filen findes allerede: ${out}. Brug --force for at overskrive den.`,
      en: `The file already exists: ${out}. Use --force to overwrite it.`,
    });
  }
}
