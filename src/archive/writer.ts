/**
 * The streaming archive writer: data files are written record by record into fflate's streaming `Zip` through
 * `ZipDeflate`, so no data file ever exists as one string or one byte array. Pure: no DOM, no Node; meant to run
 * in a Web Worker, where the zip chunks (plain `Uint8Array`s) can be transferred to the page.
 */
import { Zip, strToU8 } from "fflate";
import type { ArchiveDescriptor } from "./descriptor";
import { ArchiveError } from "./errors";
import { buildMetaXml } from "./meta-xml";
import { RECORD_WRITTEN, RecordEncoder } from "./record-encoder";
import type { Crc32 } from "./zip-entry";
import { DeflateEntry } from "./zip-entry";

/** Options of `createArchiveWriter`. */
export interface ArchiveWriterOptions {
  /** What meta.xml says. Its data file locations are the files `openFile` accepts, written in any order. */
  descriptor: ArchiveDescriptor;
  /**
   * The text of the metadata document, stored at `descriptor.metadata` (normally `eml.xml`), or a function
   * giving it, called by `finish` after all records (so coverage can be derived in the same pass).
   */
  emlXml?: string | (() => string);
  /**
   * Receives the zip as it is produced, chunk by chunk (e.g. to post to the page). When absent, the chunks are
   * collected and returned by `finish`.
   */
  onData?: (chunk: Uint8Array) => void;
  /** Deflate level 0–9 (default 6). */
  level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  /** Modification time stored for every entry (default: now). Fix it for byte-identical archives. */
  mtime?: Date;
  /**
   * A faster CRC-32 where the platform has one: in Node pass `zlib.crc32` (native, ~8x faster than ours, about
   * a twentieth of the export time). Default: the JavaScript implementation in crc32.ts.
   */
  crc32?: Crc32;
}

/** Writes the records of one data file. */
export interface DataFileWriter {
  readonly location: string;
  /**
   * Appends one record (one text per column, in data file column order). Returns -1 when written, or the index
   * of a field whose text cannot be stored as UTF-8 (an unpaired surrogate); then nothing of it is written.
   * @param count number of fields to take (lets the caller reuse one array).
   * @param plain the caller checked with `needsCare` that no field holds a tab, CR, LF, `"` or surrogate.
   */
  writeRecord(fields: readonly string[], count?: number, plain?: boolean): number;
  /** Records written, not counting the header line. */
  readonly records: number;
  /** Uncompressed bytes written so far. */
  readonly bytes: number;
  /** Ends the file. Required before opening the next one or finishing the archive. */
  close(): void;
}

/** A streaming Darwin Core Archive writer; see `createArchiveWriter`. */
export interface ArchiveWriter {
  /** Starts a data file declared in the descriptor and writes its header line. One file is open at a time. */
  openFile(location: string, header: readonly string[]): DataFileWriter;
  /** Adds meta.xml and the metadata document and ends the zip. Returns the collected chunks (none with `onData`). */
  finish(): Uint8Array[];
  /** Stops: the zip is abandoned, later calls throw `CANCELLED`. */
  cancel(): void;
}

/**
 * Creates a streaming writer for one archive.
 *
 * @example
 * const writer = createArchiveWriter({ descriptor, emlXml });
 * const file = writer.openFile("occurrence.txt", ["occurrenceID", "scientificName"]);
 * file.writeRecord(["o1", "Puffinus puffinus"]);
 * file.close();
 * const zipChunks = writer.finish(); // Uint8Array[]; concatenate or pass to a Blob
 */
export function createArchiveWriter(options: ArchiveWriterOptions): ArchiveWriter {
  const { descriptor } = options;
  const level = options.level ?? 6;
  const mtime = options.mtime ?? new Date();
  const collected: Uint8Array[] = [];
  let zipError: Error | undefined;
  let state: "open" | "finished" | "cancelled" = "open";
  let current: DataFileWriter | undefined;
  const declared = new Set<string>();
  for (const file of [descriptor.core, ...descriptor.extensions]) declared.add(file.location);
  const written = new Set<string>();

  const zip = new Zip((error, chunk) => {
    if (error) zipError = error;
    else if (options.onData) options.onData(chunk);
    else collected.push(chunk);
  });

  const check = (where: string): void => {
    if (state === "cancelled") throw new ArchiveError("CANCELLED", "the export was cancelled", ["archive", where]);
    if (state === "finished") throw new ArchiveError("WRITER_STATE", "the archive is already finished", ["archive", where]);
    if (zipError) throw new ArchiveError("WRITER_STATE", `compression failed: ${zipError.message}`, ["archive", where]);
  };

  const addWhole = (name: string, text: string): void => {
    const entry = new DeflateEntry(name, level, mtime, options.crc32);
    zip.add(entry);
    entry.push(strToU8(text), true);
  };

  return {
    openFile(location, header) {
      check(location);
      if (current) {
        throw new ArchiveError("WRITER_STATE", `${current.location} is still open`, ["archive", location]);
      }
      if (!declared.has(location)) {
        throw new ArchiveError("WRITER_STATE", "the descriptor does not declare this file", ["archive", location]);
      }
      if (written.has(location)) throw new ArchiveError("WRITER_STATE", "written twice", ["archive", location]);
      written.add(location);
      const entry = new DeflateEntry(location, level, mtime, options.crc32);
      zip.add(entry);
      // Large pushes: fflate deflates each push as one block run, so fewer, larger pushes cost less per byte.
      const encoder = new RecordEncoder((bytes) => entry.push(bytes), 1 << 20);
      if (encoder.writeRecord(header) !== RECORD_WRITTEN) {
        throw new ArchiveError("WRITER_STATE", "a header cannot be encoded as UTF-8", ["archive", location]);
      }
      let records = 0;
      let closed = false;
      const file: DataFileWriter = {
        location,
        writeRecord(fields, count, plain) {
          if (closed) throw new ArchiveError("WRITER_STATE", "the file is closed", ["archive", location]);
          if (state !== "open") check(location);
          const result = encoder.writeRecord(fields, count, plain);
          if (result === RECORD_WRITTEN) records++;
          return result;
        },
        get records() {
          return records;
        },
        get bytes() {
          return encoder.bytesWritten;
        },
        close() {
          if (closed) return;
          check(location);
          encoder.flush();
          entry.push(new Uint8Array(0), true);
          closed = true;
          current = undefined;
        },
      };
      current = file;
      return file;
    },
    finish() {
      check("finish");
      if (current) throw new ArchiveError("WRITER_STATE", `${current.location} is still open`, ["archive", "finish"]);
      const missing = [...declared].filter((l) => !written.has(l));
      if (missing.length) {
        throw new ArchiveError("WRITER_STATE", `declared data files not written: ${missing.join(", ")}`, ["archive"]);
      }
      addWhole("meta.xml", buildMetaXml(descriptor));
      if (descriptor.metadata) {
        if (options.emlXml === undefined) {
          throw new ArchiveError("WRITER_STATE", `${descriptor.metadata} is declared but no text was given`, ["archive"]);
        }
        addWhole(descriptor.metadata, typeof options.emlXml === "function" ? options.emlXml() : options.emlXml);
      }
      zip.end();
      state = "finished";
      if (zipError) throw new ArchiveError("WRITER_STATE", `compression failed: ${zipError.message}`, ["archive"]);
      return collected;
    },
    cancel() {
      if (state !== "open") return;
      state = "cancelled";
      zip.terminate();
      collected.length = 0;
    },
  };
}
