// Draws the extension icon (128×128 PNG, images/icon.png) with no image library: a HubSpot-orange
// rounded square, three white "list" rows, and a Salesforce-blue check on the first row.
// Run: node images/make-icon.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SIZE = 128;
const ORANGE = [255, 122, 89, 255];
const WHITE = [255, 255, 255, 255];
const BLUE = [0, 161, 224, 255];
const CLEAR = [0, 0, 0, 0];

const inRoundedSquare = (x, y, r) => {
  const cx = Math.min(Math.max(x, r), SIZE - 1 - r);
  const cy = Math.min(Math.max(y, r), SIZE - 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const inBox = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
// Distance from (x, y) to the segment (ax, ay)–(bx, by): draws the check mark strokes.
const nearSegment = (x, y, [ax, ay], [bx, by], width) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= width;
};

function pixel(x, y) {
  if (!inRoundedSquare(x, y, 22)) return CLEAR;
  const check = nearSegment(x, y, [22, 36], [32, 46], 5) || nearSegment(x, y, [32, 46], [50, 24], 5);
  if (check) return BLUE;
  const rows = [[30, 42], [58, 70], [86, 98]];
  if (rows.some(([y0, y1], i) => inBox(x, y, i === 0 ? 60 : 24, y0, 106, y1))) return WHITE;
  return ORANGE;
}

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1)); // each row: filter byte 0, then RGBA
for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) Buffer.from(pixel(x, y)).copy(raw, y * (SIZE * 4 + 1) + 1 + x * 4);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const target = fileURLToPath(new URL('./icon.png', import.meta.url));
writeFileSync(target, png);
console.log(`wrote ${target} (${png.length} bytes)`);
