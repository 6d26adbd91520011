/**
 * Generates the add-in's ribbon/manifest icons (assets/icon-{16,32,64,80,128}.png) with Node built-ins only
 * (zlib for the PNG deflate stream). The picture: a teal rounded square with a white "Ø" (a ring crossed
 * by a diagonal stroke) — SØM's letter. Run: `npx tsx tools/make-icons.ts`.
 */
import { deflateSync } from "node:zlib";
import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";

const SIZES = [16, 32, 64, 80, 128] as const;
const BG: readonly [number, number, number] = [0x0f, 0x6c, 0x74]; // teal, readable on light and dark ribbons
const FG: readonly [number, number, number] = [0xff, 0xff, 0xff];

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), Buffer.from(data)]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** Coverage (0..1) of pixel (x, y) by the shape, 4×4 supersampled. */
function coverage(size: number, x: number, y: number, inside: (u: number, v: number) => boolean): number {
  let hits = 0;
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++) if (inside((x + (i + 0.5) / 4) / size, (y + (j + 0.5) / 4) / size)) hits++;
  return hits / 16;
}

const inRoundedSquare = (u: number, v: number): boolean => {
  const r = 0.18;
  const dx = Math.max(r - u, 0, u - (1 - r));
  const dy = Math.max(r - v, 0, v - (1 - r));
  return dx * dx + dy * dy <= r * r;
};

const inLetter = (u: number, v: number): boolean => {
  const cx = u - 0.5;
  const cy = v - 0.5;
  const d = Math.hypot(cx / 0.9, cy); // slightly tall ellipse
  const ring = d <= 0.3 && d >= 0.18;
  // diagonal stroke from bottom-left to top-right, clipped to a box around the ring
  const distToDiagonal = Math.abs(cx + cy) / Math.SQRT2;
  const stroke = distToDiagonal <= 0.055 && Math.abs(cx) <= 0.34 && Math.abs(cy) <= 0.38;
  return ring || stroke;
};

export function makeIcon(size: number): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const bg = coverage(size, x, y, inRoundedSquare);
      const fg = coverage(size, x, y, (u, v) => inRoundedSquare(u, v) && inLetter(u, v));
      const o = y * (size * 4 + 1) + 1 + x * 4;
      for (let k = 0; k < 3; k++) {
        const b = BG[k] ?? 0;
        const f = FG[k] ?? 0;
        raw[o + k] = bg > 0 ? Math.round((b * (bg - fg) + f * fg) / bg) : 0;
      }
      raw[o + 3] = Math.round(bg * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

if (require.main === module) {
  const dir = join(__dirname, "..", "assets");
  mkdirSync(dir, { recursive: true });
  for (const s of SIZES) {
    const png = makeIcon(s);
    writeFileSync(join(dir, `icon-${s}.png`), png);
    console.log(`assets/icon-${s}.png ${png.length} bytes`);
  }
}
