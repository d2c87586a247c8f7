/**
 * An .xlsx file as a zip package, read under limits: its parts listed from the central directory, small parts
 * inflated whole, sheets and shared strings inflated piece by piece, every part's size and CRC-32 checked as it
 * inflates (src/archive/zip-entry.ts). Both .xlsx readers go through here, so a crafted file (a "zip bomb", a
 * wrong size field, a damaged part) is refused with the part named instead of exhausting memory.
 */
import { ArchiveError } from "../archive/errors";
import {
  MAX_HELD_ENTRY_BYTES,
  MAX_STREAMED_ENTRY_BYTES,
  MAX_TOTAL_INFLATED_BYTES,
  checkDeclaredSizes,
  inflateEntry,
  listZipEntries,
  readZipEntry,
  type ZipEntryInfo,
} from "../archive/zip-entry";
import { FileError } from "./source";

/**
 * Largest number of cells (rows x columns, from A1 to the last filled row and column) a sheet may span: 2^28, a
 * full 1,048,576-row sheet of 256 columns. Rows are handed on as arrays as wide as the sheet, so a stray cell at
 * XFD1048576 would otherwise mean 17 billion empty cells.
 */
export const MAX_SHEET_CELLS = 2 ** 28;
/**
 * Longest stretch of XML the streaming parser holds while waiting for an element to close (one row, one shared
 * string): 64 Mi characters. A real row is kilobytes; a part that never closes its element is refused.
 */
export const MAX_PENDING_XML_CHARS = 64 * 1024 * 1024;
/**
 * Most memory the shared strings table may take (estimated as 2 bytes a character plus 40 bytes a string):
 * 512 MiB, about 6 million strings of 20 characters. The table is the one part of a workbook the streaming reader
 * holds whole.
 */
export const MAX_SHARED_STRINGS_MEMORY = 512 * 1024 * 1024;
/**
 * Largest inflated size of all parts of a workbook read with ExcelJS (small files, see `openTableFile`): 64 MiB.
 * ExcelJS keeps every cell as an object (about 8 KB a row), so bigger workbooks go to the streaming reader.
 */
export const MAX_EXCELJS_INFLATED_BYTES = 64 * 1024 * 1024;

/** The limits the .xlsx readers work under; tests lower them to exercise the refusals quickly. */
export interface XlsxLimits {
  /** Largest inflated size of a part read whole (workbook.xml, styles.xml, relationships). */
  maxHeldPartBytes: number;
  /** Largest inflated size of a part read piece by piece (a sheet, the shared strings). */
  maxStreamedPartBytes: number;
  /** Largest sum of the declared inflated sizes of all parts. */
  maxTotalBytes: number;
  maxSheetCells: number;
  maxPendingXmlChars: number;
  maxSharedStringsMemory: number;
}

/** The limits documented in the README's "Limits" section. */
export const XLSX_LIMITS: XlsxLimits = {
  maxHeldPartBytes: MAX_HELD_ENTRY_BYTES,
  maxStreamedPartBytes: MAX_STREAMED_ENTRY_BYTES,
  maxTotalBytes: MAX_TOTAL_INFLATED_BYTES,
  maxSheetCells: MAX_SHEET_CELLS,
  maxPendingXmlChars: MAX_PENDING_XML_CHARS,
  maxSharedStringsMemory: MAX_SHARED_STRINGS_MEMORY,
};

/** A zip failure as a {@link FileError} naming the file and the part. */
export function packageError(path: string, e: unknown): FileError {
  if (e instanceof FileError) return e;
  if (e instanceof ArchiveError) {
    const where = e.path.length ? `part ${e.path.join(" > ")}: ` : "";
    if (e.code === "ZIP_LIMIT") return new FileError("FILE_TOO_LARGE", path, `${where}${e.detail}`);
    return new FileError(
      "FILE_UNREADABLE",
      path,
      `not a readable .xlsx workbook: ${where}${e.detail}. Save it again from Excel or LibreOffice as "Excel Workbook (.xlsx)".`
    );
  }
  const message = e instanceof Error ? e.message : String(e);
  return new FileError("FILE_UNREADABLE", path, `not a readable .xlsx workbook (${message})`);
}

/** The parts of an .xlsx package, looked up case-insensitively, read under limits. */
export class XlsxPackage {
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly limits: XlsxLimits;
  private readonly entries = new Map<string, ZipEntryInfo>();
  /** Sum of the parts' declared inflated sizes. */
  readonly inflatedSize: number;

  /**
   * Lists the package's parts and checks their declared sizes against the limits.
   * @throws FileError naming the file (and the part) when the zip is damaged or too big.
   */
  constructor(path: string, bytes: Uint8Array, limits: XlsxLimits = XLSX_LIMITS) {
    this.path = path;
    this.bytes = bytes;
    this.limits = limits;
    try {
      const list = listZipEntries(bytes).filter((e) => !e.name.endsWith("/"));
      checkDeclaredSizes(list, { maxEntryBytes: limits.maxStreamedPartBytes, maxTotalBytes: limits.maxTotalBytes });
      for (const e of list) this.entries.set(e.name.toLowerCase(), e);
      this.inflatedSize = list.reduce((sum, e) => sum + e.size, 0);
    } catch (e) {
      throw packageError(path, e);
    }
  }

  /** Every part, as the central directory lists it. */
  parts(): ZipEntryInfo[] {
    return [...this.entries.values()];
  }

  /** Whether the package holds a part. */
  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /** A small part's text ("" when it is missing). */
  text(name: string): string {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) return "";
    try {
      return new TextDecoder().decode(readZipEntry(this.bytes, entry, this.limits.maxHeldPartBytes));
    } catch (e) {
      throw packageError(this.path, e);
    }
  }

  /**
   * A part's text in pieces of at most `pieceChars` characters (UTF-8 decoded across piece boundaries), checked
   * as it inflates.
   * @throws FileError naming the part when it is missing, damaged or too big.
   */
  *textPieces(name: string, pieceChars = 1 << 20): Generator<string, void, undefined> {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) throw new FileError("FILE_UNREADABLE", this.path, `part ${name} is missing`);
    const decoder = new TextDecoder();
    try {
      for (const piece of inflateEntry(this.bytes, entry, this.limits.maxStreamedPartBytes)) {
        const text = decoder.decode(piece, { stream: true });
        for (let i = 0; i < text.length; i += pieceChars) yield text.slice(i, i + pieceChars);
      }
      const rest = decoder.decode();
      if (rest) yield rest;
    } catch (e) {
      throw packageError(this.path, e);
    }
  }

  /**
   * Inflates every part once without keeping it, so that a damaged or crafted part is found before another
   * reader (ExcelJS, which trusts the zip) inflates it.
   * @throws FileError naming the part.
   */
  verify(): void {
    try {
      for (const entry of this.entries.values()) {
        for (const piece of inflateEntry(this.bytes, entry, this.limits.maxStreamedPartBytes)) void piece;
      }
    } catch (e) {
      throw packageError(this.path, e);
    }
  }
}

/**
 * Splits streamed XML text into complete pieces: `feed` returns the text up to (not including) the last start of
 * `element` (everything before it is complete), and keeps the rest; `end` returns what is left. Refuses an element
 * that stays open for more than `maxPending` characters.
 */
export function elementCutter(element: string, maxPending: number, what: () => string) {
  let buffer = "";
  const open = `<${element}`;
  return {
    feed(text: string): string {
      buffer += text;
      const cut = buffer.lastIndexOf(open);
      if (cut <= 0) {
        if (buffer.length > maxPending) throw new Error(`${what()} is more than ${maxPending} characters of XML`);
        return "";
      }
      const body = buffer.slice(0, cut);
      buffer = buffer.slice(cut);
      if (buffer.length > maxPending) throw new Error(`${what()} is more than ${maxPending} characters of XML`);
      return body;
    },
    end(): string {
      const rest = buffer;
      buffer = "";
      return rest;
    },
  };
}
