/**
 * Zip entries both ways. Writing: a zip entry compressed with fflate's streaming `Deflate`, for fflate's streaming
 * `Zip`; it does what fflate's `ZipDeflate` does (a `ZipInputFile`: raw deflate data, CRC-32 and size for the data
 * descriptor) with the faster CRC of `crc32.ts`. Reading: entries listed from the central directory and inflated
 * under limits, sizes and CRC checked (see {@link inflateEntry}).
 */
import type { AsyncFlateStreamHandler, FlateError, ZipInputFile } from "fflate";
import { Deflate, Inflate, strFromU8 } from "fflate";
import { crc32 } from "./crc32";
import { ArchiveError } from "./errors";

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

/*
 * Reading: a zip's entries listed from its central directory and inflated under limits, with each entry's size
 * and CRC-32 checked as it inflates. fflate's `unzipSync` trusts the sizes a file declares (a wrong size truncates
 * silently, a huge one allocates it) and checks no CRC; a few kilobytes of crafted zip then exhaust memory.
 */

/**
 * Largest inflated size of one entry that is held in memory whole (meta.xml, eml.xml, an archive's data file;
 * an .xlsx's workbook.xml, relationships and styles): 256 MiB. V8's longest string is 2^29 - 24 UTF-16 units
 * (512 Mi), so much more could not be decoded anyway; real parts of this kind are kilobytes (an .xlsx) to a few
 * hundred megabytes (the biggest archives' data files, which the in-memory archive reader cannot hold).
 */
export const MAX_HELD_ENTRY_BYTES = 256 * 1024 * 1024;
/**
 * Largest inflated size of one entry that is streamed (an .xlsx sheet or its shared strings, inflated and parsed
 * piece by piece): 2 GiB, about a full 1,048,576-row sheet of 50 filled columns. Memory does not grow with it;
 * the limit bounds the time a crafted "zip bomb" can take.
 */
export const MAX_STREAMED_ENTRY_BYTES = 2 * 1024 * 1024 * 1024;
/**
 * Largest sum of the inflated sizes of the entries of one zip that are held in memory together (an archive's
 * files): 1 GiB.
 */
export const MAX_HELD_TOTAL_BYTES = 1024 * 1024 * 1024;
/** Largest sum of the inflated sizes of all entries of one zip read piece by piece (an .xlsx): 16 GiB. */
export const MAX_TOTAL_INFLATED_BYTES = 16 * 1024 * 1024 * 1024;

/** How much may be inflated: per entry and over all entries read. */
export interface InflateLimits {
  /** Largest inflated size of one entry, in bytes. */
  maxEntryBytes: number;
  /** Largest sum of the declared inflated sizes of the entries read, in bytes. */
  maxTotalBytes: number;
}

/** The limits for entries held in memory whole. */
export const HELD_LIMITS: InflateLimits = {
  maxEntryBytes: MAX_HELD_ENTRY_BYTES,
  maxTotalBytes: MAX_HELD_TOTAL_BYTES,
};

/** One entry as the central directory describes it. */
export interface ZipEntryInfo {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  /** Inflated size as declared; inflating checks that the data really has it. */
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
}

const MIB = 1024 * 1024;

/** "2.05 GiB", "300 MiB", "12345 bytes": sizes in messages. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * MIB) return `${+(bytes / (1024 * MIB)).toFixed(2)} GiB`;
  if (bytes >= MIB) return `${+(bytes / MIB).toFixed(2)} MiB`;
  return `${bytes} bytes`;
}

function zipError(entry: string | undefined, message: string, code: "BAD_ZIP" | "ZIP_LIMIT" = "BAD_ZIP"): ArchiveError {
  return new ArchiveError(code, message, entry === undefined ? [] : [entry]);
}

const u16 = (b: Uint8Array, p: number): number => b[p] | (b[p + 1] << 8);
const u32 = (b: Uint8Array, p: number): number => (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
/** A 64-bit little-endian size or offset (exact up to 2^53). */
const u64 = (b: Uint8Array, p: number): number => u32(b, p) + u32(b, p + 4) * 0x1_0000_0000;

/** Offset of the end-of-central-directory record, or -1. */
function findEnd(bytes: Uint8Array): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let p = bytes.length - 22; p >= stop; p--) {
    if (bytes[p] === 0x50 && bytes[p + 1] === 0x4b && bytes[p + 2] === 5 && bytes[p + 3] === 6) return p;
  }
  return -1;
}

/** Where the central directory starts and how many entries it lists (zip64 records honoured). */
function centralDirectory(bytes: Uint8Array): { offset: number; count: number } {
  const end = findEnd(bytes);
  if (end < 0) throw zipError(undefined, "the zip's central directory is missing (the file is truncated or not a zip)");
  let count = u16(bytes, end + 10);
  let offset = u32(bytes, end + 16);
  const locator = end - 20;
  if ((count === 0xffff || offset === 0xffffffff) && locator >= 0 && u32(bytes, locator) === 0x07064b50) {
    const z = u64(bytes, locator + 8);
    if (z + 56 > bytes.length || u32(bytes, z) !== 0x06064b50)
      throw zipError(undefined, "the zip64 directory is damaged");
    count = u64(bytes, z + 32);
    offset = u64(bytes, z + 48);
  }
  if (offset >= bytes.length) throw zipError(undefined, "the zip's central directory points outside the file");
  return { offset, count };
}

/**
 * The entries of a zip, from its central directory.
 * @throws ArchiveError `BAD_ZIP` when the directory is missing or damaged.
 */
export function listZipEntries(bytes: Uint8Array): ZipEntryInfo[] {
  const { offset, count } = centralDirectory(bytes);
  const entries: ZipEntryInfo[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) {
      throw zipError(undefined, `the zip's central directory is damaged at entry ${i + 1} of ${count}`);
    }
    const flags = u16(bytes, p + 8);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    const name = strFromU8(bytes.subarray(p + 46, p + 46 + nameLength), !(flags & 0x800));
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    let local = u32(bytes, p + 42);
    // Zip64 extended information (APPNOTE 4.5.3): the 64-bit values of the fields saturated above, in this order.
    for (let x = p + 46 + nameLength; x + 4 <= p + 46 + nameLength + extraLength;) {
      const id = u16(bytes, x);
      const length = u16(bytes, x + 2);
      if (id === 1) {
        let q = x + 4;
        if (size === 0xffffffff) {
          size = u64(bytes, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(bytes, q);
          q += 8;
        }
        if (local === 0xffffffff) local = u64(bytes, q);
      }
      x += 4 + length;
    }
    entries.push({
      name,
      method: u16(bytes, p + 10),
      flags,
      crc: u32(bytes, p + 16),
      compressedSize,
      size,
      offset: local,
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Refuses a set of entries whose declared sizes exceed the limits, before anything is inflated.
 * @throws ArchiveError `ZIP_LIMIT` naming the entry (or the total).
 */
export function checkDeclaredSizes(entries: readonly ZipEntryInfo[], limits: InflateLimits): void {
  let total = 0;
  for (const e of entries) {
    if (e.size > limits.maxEntryBytes) {
      throw zipError(
        e.name,
        `inflates to ${sizeText(e.size)}, more than the ${sizeText(limits.maxEntryBytes)} this tool reads of one entry`,
        "ZIP_LIMIT"
      );
    }
    total += e.size;
  }
  if (total > limits.maxTotalBytes) {
    throw zipError(
      undefined,
      `the entries inflate to ${sizeText(total)} together, more than the ${sizeText(limits.maxTotalBytes)} this tool reads of one zip`,
      "ZIP_LIMIT"
    );
  }
}

/** Compressed bytes handed to the inflater at a time: at deflate's ~1:1032 at most about 16 MiB come out. */
const INFLATE_STEP = 16 * 1024;

/**
 * Inflates one entry piece by piece, checking as it goes that it does not grow past its declared size or the
 * limit, and at the end that its size and CRC-32 are the declared ones. The pieces are fresh arrays.
 * @throws ArchiveError `BAD_ZIP` (damaged, encrypted, unsupported method, wrong size or CRC) or `ZIP_LIMIT`,
 *   naming the entry.
 */
export function* inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntryInfo,
  maxEntryBytes = MAX_STREAMED_ENTRY_BYTES
): Generator<Uint8Array, void, undefined> {
  const name = entry.name;
  if (entry.size > maxEntryBytes) {
    throw zipError(
      name,
      `inflates to ${sizeText(entry.size)}, more than the ${sizeText(maxEntryBytes)} this tool reads of one entry`,
      "ZIP_LIMIT"
    );
  }
  if (entry.flags & 1) throw zipError(name, "the entry is encrypted");
  const p = entry.offset;
  if (p + 30 > bytes.length || u32(bytes, p) !== 0x04034b50)
    throw zipError(name, "the entry's local header is missing");
  const start = p + 30 + u16(bytes, p + 26) + u16(bytes, p + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw zipError(name, "the entry's data runs past the end of the file (truncated zip)");
  let produced = 0;
  let crc = 0;
  const account = (piece: Uint8Array): void => {
    produced += piece.length;
    if (produced > entry.size) {
      throw zipError(
        name,
        produced > maxEntryBytes
          ? `inflates to more than the ${sizeText(maxEntryBytes)} this tool reads of one entry`
          : `inflates to more than the ${entry.size} bytes its header declares (damaged or crafted zip)`,
        produced > maxEntryBytes ? "ZIP_LIMIT" : "BAD_ZIP"
      );
    }
    crc = crc32(crc, piece);
  };
  if (entry.method === 0) {
    for (let q = start; q < end; q += 1 << 20) {
      const piece = bytes.slice(q, Math.min(end, q + (1 << 20)));
      account(piece);
      yield piece;
    }
  } else if (entry.method === 8) {
    const pieces: Uint8Array[] = [];
    const inflate = new Inflate((data) => {
      if (data.length) pieces.push(data);
    });
    for (let q = start; q < end || q === start; q += INFLATE_STEP) {
      const stop = Math.min(end, q + INFLATE_STEP);
      try {
        inflate.push(bytes.subarray(q, stop), stop >= end);
      } catch (e) {
        throw zipError(name, `the compressed data is damaged (${(e as Error).message})`);
      }
      for (const piece of pieces) {
        account(piece);
        yield piece;
      }
      pieces.length = 0;
      if (stop >= end) break;
    }
  } else {
    throw zipError(name, `compression method ${entry.method} is not supported (only stored and deflated entries)`);
  }
  if (produced !== entry.size) {
    throw zipError(name, `inflates to ${produced} bytes, not the ${entry.size} its header declares (damaged zip)`);
  }
  if (crc >>> 0 !== entry.crc >>> 0) throw zipError(name, "the CRC-32 check fails: the entry is damaged");
}

/**
 * Inflates one entry whole into an array of its declared size (checked as {@link inflateEntry} does).
 * @throws ArchiveError `BAD_ZIP` or `ZIP_LIMIT` naming the entry.
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntryInfo, maxEntryBytes = MAX_HELD_ENTRY_BYTES): Uint8Array {
  if (entry.size > maxEntryBytes) {
    throw zipError(
      entry.name,
      `inflates to ${sizeText(entry.size)}, more than the ${sizeText(maxEntryBytes)} this tool reads of one entry`,
      "ZIP_LIMIT"
    );
  }
  const out = new Uint8Array(entry.size);
  let at = 0;
  for (const piece of inflateEntry(bytes, entry, maxEntryBytes)) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

/**
 * Unzips the entries `filter` keeps (all by default) into memory, under `limits` (declared sizes checked before
 * anything is inflated, real sizes and CRCs while inflating). Folders are left out.
 *
 * @example unzipBounded(bytes, HELD_LIMITS, (name) => name.endsWith(".xml")) // Map { "meta.xml" => Uint8Array }
 * @throws ArchiveError `BAD_ZIP` or `ZIP_LIMIT` naming the entry.
 */
export function unzipBounded(
  bytes: Uint8Array,
  limits: InflateLimits = HELD_LIMITS,
  filter: (name: string) => boolean = () => true
): Map<string, Uint8Array> {
  const entries = listZipEntries(bytes).filter((e) => !e.name.endsWith("/") && filter(e.name));
  checkDeclaredSizes(entries, limits);
  const files = new Map<string, Uint8Array>();
  for (const e of entries) files.set(e.name, readZipEntry(bytes, e, limits.maxEntryBytes));
  return files;
}
