/*
 * Draws the app's home-screen icons: the wheel (four rings in the board's colours, eight sector
 * lines, the persona's hub) as PNG files in client/public/icons. Plain pixels and zlib, so it
 * needs nothing beyond Node. Run it again after changing the colours:
 *
 *   node --import tsx scripts/icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

type Rgb = [number, number, number];
const hex = (h: string): Rgb => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;

const NAVY = hex('#17324d');
const BACKGROUND = hex('#f5f4f0');
const WHITE = hex('#ffffff');
/** Outside in, as on the mat: landelijk, gemeente, informeel netwerk, eigen kracht. */
const RINGS: Rgb[] = ['#ecd2e2', '#c6e3f6', '#b7e1d1', '#f9dda4'].map(hex);

/**
 * The colour at a point of the icon, in units where the icon is 2 wide and centred on 0.
 * `scale` shrinks the wheel, so a maskable icon keeps it inside the safe circle.
 */
function colourAt(x: number, y: number, scale: number, square: boolean): Rgb {
  const r = Math.hypot(x, y) / scale;
  if (r > 1) return square ? NAVY : BACKGROUND;
  if (r > 0.94) return NAVY;
  if (r < 0.2) return NAVY;
  if (r < 0.26) return WHITE;
  // Eight sectors, divided by thin white lines across the rings.
  const angle = Math.atan2(y, x);
  const sector = (angle / (Math.PI / 4) + 8) % 1;
  const line = Math.min(sector, 1 - sector) * (Math.PI / 4) * r;
  if (line < 0.012) return WHITE;
  const band = Math.min(3, Math.floor(((0.94 - r) / (0.94 - 0.26)) * 4));
  const edge = (((0.94 - r) / (0.94 - 0.26)) * 4) % 1;
  if (band > 0 && edge < 0.03) return WHITE;
  return RINGS[band]!;
}

/** An RGBA image of `size` pixels, each the average of 4 × 4 samples for smooth edges. */
function render(size: number, scale: number, square: boolean): Buffer {
  const n = 4;
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px++) {
      let rr = 0,
        gg = 0,
        bb = 0,
        aa = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = ((px + (sx + 0.5) / n) / size) * 2 - 1;
          const y = ((py + (sy + 0.5) / n) / size) * 2 - 1;
          const outside = !square && Math.hypot(x, y) / scale > 1;
          const [r, g, b] = colourAt(x, y, scale, square);
          rr += r;
          gg += g;
          bb += b;
          aa += outside ? 0 : 255;
        }
      }
      const k = n * n;
      row.set([Math.round(rr / k), Math.round(gg / k), Math.round(bb / k), Math.round(aa / k)], 1 + px * 4);
    }
    rows.push(row);
  }
  return png(size, Buffer.concat(rows));
}

function png(size: number, raw: Buffer): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

const out = resolve(import.meta.dirname, '../client/public/icons');
mkdirSync(out, { recursive: true });
// "any": the round wheel on a transparent ground; "maskable": on navy, inside the 80 % safe circle.
writeFileSync(join(out, 'icon-192.png'), render(192, 0.98, false));
writeFileSync(join(out, 'icon-512.png'), render(512, 0.98, false));
writeFileSync(join(out, 'maskable-512.png'), render(512, 0.78, true));
// iOS puts its own rounded corners on a full square.
writeFileSync(join(out, 'apple-touch-icon.png'), render(180, 0.86, true));
console.log(`icons written to ${out}`);
