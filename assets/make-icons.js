#!/usr/bin/env node
"use strict";
/**
 * Draws the add-in's icons (assets/icon-16.png … icon-80.png) with Node's zlib only: a green rounded tile with a
 * white sheet grid whose header row is dark green (the template's "required" fill) and a leaf in the corner.
 * Run `node assets/make-icons.js` after changing the drawing; the PNGs are committed.
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80];
const SUPER = 4; // supersampling per axis for anti-aliased edges

/** CRC-32 as PNG chunks need it. */
function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const TILE = [0x2e, 0x7d, 0x32]; // dark green tile
const SHEET = [0xff, 0xff, 0xff];
const HEADER = [0x85, 0xb3, 0x72]; // GBIF template "required" fill
const LINE = [0x9e, 0xb8, 0x94];
const LEAF = [0xf9, 0xa8, 0x25];

/** Colour of the point (u, v) in unit coordinates, or null for transparent. */
function shade(u, v) {
  const r = 0.18; // corner radius of the tile
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return null;
  // the leaf: an ellipse rotated 45°, top right
  const lu = u - 0.74;
  const lv = v - 0.26;
  const a = (lu + lv) / Math.SQRT2;
  const b = (lu - lv) / Math.SQRT2;
  if ((a / 0.09) ** 2 + (b / 0.19) ** 2 <= 1) return LEAF;
  // the sheet
  const x0 = 0.16;
  const y0 = 0.3;
  const x1 = 0.84;
  const y1 = 0.86;
  if (u >= x0 && u <= x1 && v >= y0 && v <= y1) {
    if (v <= y0 + 0.16) return HEADER;
    const t = 0.035;
    const cols = [x0 + (x1 - x0) / 3, x0 + (2 * (x1 - x0)) / 3];
    const rows = [y0 + 0.16 + (y1 - y0 - 0.16) / 2];
    if (cols.some((c) => Math.abs(u - c) < t / 2) || rows.some((c) => Math.abs(v - c) < t / 2)) return LINE;
    return SHEET;
  }
  return TILE;
}

function draw(size) {
  const out = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let rs = 0;
      let gs = 0;
      let bs = 0;
      let as = 0;
      for (let sy = 0; sy < SUPER; sy++) {
        for (let sx = 0; sx < SUPER; sx++) {
          const c = shade((x + (sx + 0.5) / SUPER) / size, (y + (sy + 0.5) / SUPER) / size);
          if (!c) continue;
          rs += c[0];
          gs += c[1];
          bs += c[2];
          as += 1;
        }
      }
      const i = (y * size + x) * 4;
      if (as > 0) {
        out[i] = Math.round(rs / as);
        out[i + 1] = Math.round(gs / as);
        out[i + 2] = Math.round(bs / as);
      }
      out[i + 3] = Math.round((255 * as) / (SUPER * SUPER));
    }
  }
  return out;
}

for (const size of SIZES) {
  const file = path.join(__dirname, `icon-${size}.png`);
  fs.writeFileSync(file, png(size, draw(size)));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
