/**
 * File-path form of `addSheetsToExistingFile` for the command line's `--out`: reads the workbook at
 * `inputPath` (size checked before reading), adds/replaces the spec's sheets and names, and writes a NEW
 * file at `outPath`. The input file is only read, never written. The bytes-level API is
 * `copyPackageWithSheets` in `./package-copy` (a zip-level copy).
 */
import * as fs from "node:fs";
import type { WorkbookSpec } from "../workbook/sheet-model";
import { FileWorkbook } from "./file-workbook";
import type { ReadLimits } from "./xlsx-reader";
import type { WriteOptions } from "./xlsx-writer";

/** Throws `FileReadError` for a refused input, and a Node system error for a missing/unreadable file. */
export async function addSheetsToExistingFile(
  inputPath: string,
  spec: WorkbookSpec,
  outPath: string,
  opts?: WriteOptions & { readonly limits?: Partial<ReadLimits> },
): Promise<void> {
  const workbook = await FileWorkbook.open(inputPath, opts?.limits);
  await workbook.writeSheets(spec);
  const bytes = await workbook.toBytes(opts);
  await fs.promises.writeFile(outPath, bytes);
}
