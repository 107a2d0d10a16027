/**
 * Draws the extension's icons (public/icon/<size>.png): a Clio-blue rounded square with a white
 * stopwatch. Run by hand when the design changes: `npx tsx scripts/make-icons.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [11, 92, 173];

/** Coverage of a pixel by the shape, 4×4 supersampled for smooth edges. */
function coverage(size: number, x: number, y: number, inside: (u: number, v: number) => boolean): number {
  let n = 0;
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (inside((x + (i + 0.5) / 4) / size, (y + (j + 0.5) / 4) / size)) n++;
  return n / 16;
}

const roundedSquare = (u: number, v: number) => {
  const r = 0.2;
  const dx = Math.max(0, Math.abs(u - 0.5) - (0.5 - r));
  const dy = Math.max(0, Math.abs(v - 0.5) - (0.5 - r));
  return dx * dx + dy * dy <= r * r;
};

const watch = (u: number, v: number) => {
  const cx = 0.5,
    cy = 0.55,
    d = Math.hypot(u - cx, v - cy);
  const ring = d <= 0.3 && d >= 0.22;
  const crown = Math.abs(u - cx) <= 0.05 && v >= 0.12 && v <= 0.25;
  const minute = Math.abs(u - cx) <= 0.035 && v >= cy - 0.17 && v <= cy;
  const hour = Math.abs(v - cy) <= 0.035 && u >= cx && u <= cx + 0.13;
  return ring || crown || minute || hour;
};

function png(size: number): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const bg = coverage(size, x, y, roundedSquare);
      const fg = coverage(size, x, y, (u, v) => roundedSquare(u, v) && watch(u, v));
      const o = y * (size * 4 + 1) + 1 + x * 4;
      for (let c = 0; c < 3; c++) raw[o + c] = Math.round(BLUE[c]! * (1 - fg) + 255 * fg);
      raw[o + 3] = Math.round(255 * bg);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c;
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(`public/icon/${size}.png`, png(size));
console.log('wrote public/icon/{16,32,48,128}.png');
