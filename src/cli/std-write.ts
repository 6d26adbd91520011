/**
 * Standard output and error written synchronously with `fs.writeSync` (issue 13: start-up). Touching
 * `process.stdout`/`process.stderr` makes Node load its stream machinery (≈ 20 modules, a few ms of every
 * `som` run); a command line that writes its answer once does not need it. Writes are complete and in order
 * (an exit right after a write loses nothing). A closed pipe (`som … | head`) is EPIPE: standard output then
 * ends the process quietly, as other Unix tools do; standard error drops the text. A non-blocking descriptor
 * that is full (EAGAIN) is retried after a millisecond.
 */
import * as fs from "node:fs";

let pause: Int32Array | undefined;

/** Writes `text` (UTF-8) to `fd` in full; `onClosed` is called (once, then nothing more is written) on EPIPE. */
export function writeAllSync(fd: number, text: string, onClosed: () => void): void {
  const bytes = Buffer.from(text, "utf8");
  let at = 0;
  while (at < bytes.length) {
    try {
      at += fs.writeSync(fd, bytes, at, bytes.length - at);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") {
        pause ??= new Int32Array(new SharedArrayBuffer(4));
        Atomics.wait(pause, 0, 0, 1);
        continue;
      }
      if (code === "EPIPE") {
        onClosed();
        return;
      }
      throw error;
    }
  }
}
