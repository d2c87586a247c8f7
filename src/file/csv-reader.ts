import * as fs from "fs";
import * as nodePath from "path";
import Papa from "papaparse";
import type { CellValue, RowChunk } from "../dwc/table";
import { encodingNote, nulCharacterNote } from "./notes";
import { DEFAULT_CHUNK_ROWS, FileError, type SourceNote, type TableSource } from "./source";
import { EncodingSniffer, RecordScanner, TextScanError } from "./text-scan";

/** Delimiters papaparse may pick when sniffing: comma, tab, semicolon (European Excel's CSV), pipe. */
const SNIFF_DELIMITERS = [",", "\t", ";", "|"];

/**
 * Decodes the file's bytes: UTF-16 with a BOM; UTF-8 (with or without BOM) when every byte is valid UTF-8; else
 * Windows-1251, the encoding Russian Excel saves "CSV" in, when the bytes read as Cyrillic words there. The whole
 * file decides, and nothing is guessed: a file that is neither (e.g. UTF-8 with one stray byte) is refused.
 * @throws TextScanError naming the line and byte offset of the first byte that is not UTF-8.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "UTF-16LE" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "UTF-16BE" };
  }
  try {
    // `ignoreBOM: false` (the default) strips a UTF-8 BOM.
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    const sniffer = new EncodingSniffer();
    sniffer.push(bytes);
    sniffer.finish();
    return { text: new TextDecoder("windows-1251").decode(bytes), encoding: "Windows-1251" };
  }
}

/**
 * The delimiter of a Darwin Core file, judged by its header line: term names never hold a comma, semicolon, tab or
 * pipe, so the candidate that occurs most there splits the header. This beats sniffing over the data, where a
 * Russian Excel CSV (`;` between fields, `,` as decimal mark) looks comma-separated. Tab wins ties for
 * `.tsv`/`.tab`/`.txt` files. A one-column header (none of them) gives a comma.
 */
export function headerDelimiter(text: string, fileName = ""): string {
  const end = text.search(/\r|\n|$/);
  const firstLine = text.slice(0, end);
  let best = "";
  let bestCount = 0;
  const order = /\.(tsv|tab|txt)$/i.test(fileName) ? ["\t", ...SNIFF_DELIMITERS] : SNIFF_DELIMITERS;
  for (const d of order) {
    const count = firstLine.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best || ",";
}

/**
 * Parses records already split by {@link RecordScanner} (LF record ends) with papaparse; any error papaparse
 * reports (a stray quote inside a quoted field) is refused naming the line.
 * @param lines the line each record starts on, for the message.
 * @throws TextScanError naming the line.
 */
export function parseRecords(text: string, delimiter: string, lines: readonly number[]): string[][] {
  const result = Papa.parse<string[]>(text, { delimiter, newline: "\n", skipEmptyLines: false });
  const error = result.errors[0];
  if (error) {
    const line = lines[error.row ?? 0] ?? lines[lines.length - 1] ?? 1;
    throw new TextScanError(
      line,
      `line ${line}: ${error.message.replace(/\.$/, "")} (the quotes of this record do not pair up)`
    );
  }
  return result.data;
}

/**
 * Parses delimited text into rows of strings. The delimiter comes from {@link headerDelimiter}; quoted fields may
 * hold delimiters, quotes and line breaks; CR LF, LF and CR all end records, even mixed in one file. A final line
 * break does not make an extra row.
 * @throws TextScanError naming the line of a quote that is never closed or does not pair up.
 */
export function parseDelimited(text: string, fileName = ""): { rows: string[][]; delimiter: string } {
  const delimiter = headerDelimiter(text, fileName);
  const records = new RecordScanner(delimiter).push(text, true);
  const rows = parseRecords(records.text, delimiter, records.lines);
  // papaparse yields [""] for the empty line after a final line break.
  while (rows.length > 0 && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === "") rows.pop();
  return { rows, delimiter };
}

/** A {@link TextScanError} as the FileError naming the file. */
export function textError(path: string, e: unknown): unknown {
  return e instanceof TextScanError ? new FileError("FILE_MALFORMED", path, e.message) : e;
}

/** Notes for cells holding a NUL character. */
export function nulNotes(sheet: string, rows: readonly string[][], firstRow: number): SourceNote[] {
  const notes: SourceNote[] = [];
  rows.forEach((r, i) => {
    r.forEach((v, c) => {
      if (v.includes("\u0000")) notes.push(nulCharacterNote(sheet, firstRow + i, c));
    });
  });
  return notes;
}

/**
 * Opens a CSV/TSV file as a one-sheet table named after the file. Values are text (empty fields are empty cells);
 * nothing is converted, so IDs keep leading zeros and dates stay as written.
 */
export async function openDelimited(path: string): Promise<TableSource> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.promises.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new FileError("FILE_NOT_FOUND", path, "file not found");
    throw new FileError("FILE_UNREADABLE", path, `cannot read the file (${code ?? String(e)})`);
  }
  const sheetName = nodePath.basename(path);
  let text: string;
  let encoding: string;
  let rows: string[][];
  try {
    ({ text, encoding } = decodeText(bytes));
    // NULs in the header line (or in the first kilobyte) mean a binary file, not text with a stray character.
    const firstLine = text.slice(0, text.search(/\r|\n|$/));
    if (firstLine.includes("\u0000") || text.slice(0, 1024).split("\u0000").length > 4) {
      throw new FileError("FILE_UNSUPPORTED", path, "this is a binary file, not delimited text (CSV or TSV)");
    }
    ({ rows } = parseDelimited(text, sheetName));
  } catch (e) {
    throw textError(path, e);
  }
  if (rows.length === 0 || rows.every((r) => r.every((v) => v === ""))) {
    throw new FileError("FILE_EMPTY", path, "the file holds no data");
  }
  const notes: SourceNote[] = nulNotes(sheetName, rows, 1);
  const encodingRemark = encodingNote(sheetName, encoding);
  if (encodingRemark) notes.push(encodingRemark);
  const headers = rows[0].map((h) => h);
  while (headers.length > 0 && headers[headers.length - 1] === "") headers.pop();
  const width = rows.reduce((w, r) => {
    let last = r.length;
    while (last > 0 && r[last - 1] === "") last--;
    return Math.max(w, last);
  }, headers.length);
  while (headers.length < width) headers.push("");
  return {
    path,
    kind: "csv",
    facts: { date1904: false },
    sheets: [{ name: sheetName, headers, rowCount: rows.length, visible: true }],
    veryHidden: new Set<string>(),
    notes,
    async *readRows(sheet: string, chunkRows = DEFAULT_CHUNK_ROWS): AsyncIterable<RowChunk> {
      if (sheet !== sheetName) throw new FileError("SHEET_NOT_FOUND", path, `no sheet named "${sheet}"`);
      for (let i = 1; i < rows.length; i += chunkRows) {
        const values: CellValue[][] = rows.slice(i, i + chunkRows).map((r) => {
          const out: CellValue[] = new Array(width);
          for (let c = 0; c < width; c++) out[c] = r[c] === undefined || r[c] === "" ? null : r[c];
          return out;
        });
        yield { startRow: i + 1, values };
      }
    },
  };
}
