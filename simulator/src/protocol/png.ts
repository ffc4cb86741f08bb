// Tiny PNG pictures for the captcha and the QR stand-in, drawn without any image library.
import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** Encode an 8-bit grayscale bitmap (rows of 0–255) as a PNG. */
export function grayPng(width: number, height: number, pixel: (x: number, y: number) => number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(0, 9); // grayscale
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) raw[y * (width + 1) + 1 + x] = pixel(x, y);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// 3×5 digit glyphs, one string of 15 cells per digit.
const DIGITS = [
  "111101101101111",
  "010110010010111",
  "111001111100111",
  "111001111001111",
  "101101111001001",
  "111100111001111",
  "111100111101111",
  "111001001001001",
  "111101111101111",
  "111101111001111",
];

/** A readable picture of a digit string, for the captcha. */
export function digitsPng(text: string, scale = 6): Buffer {
  const cell = 4; // glyph width plus one column of space
  const width = (text.length * cell + 1) * scale;
  const height = 7 * scale;
  return grayPng(width, height, (x, y) => {
    const gx = Math.floor(x / scale) - 1;
    const gy = Math.floor(y / scale) - 1;
    const glyph = DIGITS[Number(text[Math.floor(gx / cell)])];
    const col = gx % cell;
    const on = glyph !== undefined && gx >= 0 && col < 3 && gy >= 0 && gy < 5 && glyph[gy * 3 + col] === "1";
    return on ? 20 : 235;
  });
}

/** A QR-like square pattern derived from a text: a stand-in, not a scannable code. */
export function patternPng(text: string, modules = 21, scale = 8): Buffer {
  const bits = createHash("sha256").update(text).digest();
  return grayPng(modules * scale, modules * scale, (x, y) => {
    const index = Math.floor(y / scale) * modules + Math.floor(x / scale);
    const byte = bits[(index >> 3) % bits.length] ?? 0;
    return (byte >> (index & 7)) & 1 ? 0 : 255;
  });
}
