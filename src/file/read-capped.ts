/**
 * Reading a user's file with a byte cap (Node). The size reported by `stat` is never trusted: a `.xlsx`
 * that is a symlink to `/dev/zero` reports 0 bytes and never ends, a FIFO blocks. The file is opened
 * without blocking, must be a regular file, and is read in chunks until the cap — one byte more than the
 * cap is refused as "too large".
 *
 * @example const bytes = await readFileCapped("SOM.xlsx", 20 * 1024 * 1024);
 */
import * as fs from "node:fs";
import { tooLargeError } from "./zip-parts";

const CHUNK = 1024 * 1024;

/**
 * The file's bytes, at most `maxBytes`. Throws `FileReadError` ("tooLarge") beyond the cap, a Node system
 * error (`EISDIR`, `ENOENT`, …) for a folder or a missing file, and `ENOTREG`-coded error for a device,
 * FIFO or socket.
 */
export function readFileCapped(path: string, maxBytes: number): Promise<Uint8Array> {
  try {
    return Promise.resolve(readFileCappedSync(path, maxBytes));
  } catch (error) {
    return Promise.reject(error as Error);
  }
}

/**
 * `readFileCapped` with synchronous calls: the same checks and errors. The command line reads one file and waits
 * for it anyway; the synchronous calls spare it loading Node's `fs/promises` (and the readline and stream
 * modules behind it) at start-up (issue 13).
 */
export function readFileCappedSync(path: string, maxBytes: number): Uint8Array {
  const fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error(`EISDIR: ${path}`), { code: "EISDIR", path });
    if (!stat.isFile())
      throw Object.assign(new Error(`not a regular file: ${path}`), { code: "ENOTREG", path });
    if (stat.size > maxBytes) throw tooLargeError(stat.size, maxBytes);
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const want = Math.min(CHUNK, maxBytes + 1 - total);
      const buf = new Uint8Array(want);
      const bytesRead = fs.readSync(fd, buf, 0, want, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw tooLargeError(total, maxBytes);
      chunks.push(buf.subarray(0, bytesRead));
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  } finally {
    fs.closeSync(fd);
  }
}
