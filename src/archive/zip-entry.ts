/**
 * A zip entry compressed with fflate's streaming `Deflate`, for fflate's streaming `Zip`. It does what fflate's
 * `ZipDeflate` does (a `ZipInputFile`: raw deflate data, CRC-32 and size for the data descriptor) with the
 * faster CRC of `crc32.ts`.
 */
import type { AsyncFlateStreamHandler, FlateError, ZipInputFile } from "fflate";
import { Deflate } from "fflate";
import { crc32 } from "./crc32";

/** A CRC-32 continuation function, `crc32(previous, bytes)`; Node's `zlib.crc32` has this shape. */
export type Crc32 = (previous: number, bytes: Uint8Array) => number;

type Level = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** The deflate-option bits of the zip general purpose flag, as fflate writes them (APPNOTE 4.4.4). */
function deflateFlag(level: Level): 0 | 1 | 2 | 3 {
  return level === 1 ? 3 : level < 6 ? 2 : level === 9 ? 1 : 0;
}

/** A streaming deflated zip entry; push uncompressed bytes, the last push with `final`. */
export class DeflateEntry implements ZipInputFile {
  readonly filename: string;
  readonly compression = 8;
  readonly flag: 0 | 1 | 2 | 3;
  mtime?: Date;
  size = 0;
  crc = 0;
  /** Set by `Zip.add`. */
  ondata!: AsyncFlateStreamHandler;
  private readonly deflate: Deflate;
  private running = 0;
  private readonly checksum: Crc32;

  /** @param checksum CRC-32 implementation (default: ours in JavaScript). */
  constructor(filename: string, level: Level, mtime?: Date, checksum: Crc32 = crc32) {
    this.filename = filename;
    this.checksum = checksum;
    this.flag = deflateFlag(level);
    if (mtime) this.mtime = mtime;
    this.deflate = new Deflate({ level }, (data, final) => this.ondata(null, data, final));
  }

  /** Adds bytes (copied by the deflate stream; the caller may reuse its buffer). */
  push(chunk: Uint8Array, final = false): void {
    this.running = this.checksum(this.running, chunk) >>> 0;
    this.size += chunk.length;
    if (final) this.crc = this.running;
    try {
      this.deflate.push(chunk, final);
    } catch (e) {
      this.ondata(e as FlateError, null as unknown as Uint8Array<ArrayBuffer>, final);
    }
  }
}
