/**
 * File-path form of `writeWorkbookSpec` for the command line and fixture scripts: writes `spec` as a new
 * .xlsx file at `outPath` (deterministic bytes, see xlsx-writer.ts). The bytes-level API is
 * `writeWorkbookSpec` in `./xlsx-writer`.
 */
import * as fs from "node:fs";
import type { WorkbookSpec } from "../workbook/sheet-model";
import { writeWorkbookSpec as writeWorkbookSpecBytes, type WriteOptions } from "./xlsx-writer";

/** Writes `spec` to `outPath` (overwrites; the caller decides whether that is allowed). Returns the bytes. */
export async function writeWorkbookSpec(
  spec: WorkbookSpec,
  outPath: string,
  opts?: WriteOptions,
): Promise<Uint8Array> {
  const bytes = await writeWorkbookSpecBytes(spec, opts);
  await fs.promises.writeFile(outPath, bytes);
  return bytes;
}
