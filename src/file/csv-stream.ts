import * as fs from "fs";
import * as nodePath from "path";
import Papa from "papaparse";
import type { CellValue, RowChunk } from "../dwc/table";
import { headerDelimiter } from "./csv-reader";
import { DEFAULT_CHUNK_ROWS, FileError, type SourceNote, type TableSource } from "./source";

/** Bytes read at a time. */
const READ_SIZE = 1 << 20;

/**
 * The encoding of a big delimited file, judged by its first megabyte: a UTF-16 BOM, else UTF-8 when that part
 * decodes as UTF-8, else Windows-1251 (Russian Excel's "CSV").
 */
async function sniffEncoding(path: string): Promise<{ encoding: string; bomBytes: number }> {
  const fd = await fs.promises.open(path, "r");
  try {
    const head = Buffer.alloc(READ_SIZE);
    const { bytesRead } = await fd.read(head, 0, READ_SIZE, 0);
    const bytes = head.subarray(0, bytesRead);
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", bomBytes: 2 };
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", bomBytes: 2 };
    try {
      // `stream: true`: a multi-byte character cut at the end of the sample is not an error.
      new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
      return { encoding: "utf-8", bomBytes: 0 };
    } catch {
      return { encoding: "windows-1251", bomBytes: 0 };
    }
  } finally {
    await fd.close();
  }
}

/**
 * The records of a delimited file, parsed piece by piece: text is cut after the last line break that is outside
 * quotes (quote parity: RFC 4180 doubles quotes inside quoted fields, so a line break with an even number of
 * quotes before it ends a record), and each piece is parsed by papaparse with the delimiter of the header line.
 */
async function* recordPieces(
  path: string,
  encoding: string,
  bomBytes: number,
  readSize: number
): AsyncGenerator<string[][]> {
  const decoder = new TextDecoder(encoding);
  let pending = "";
  let inQuotes = false;
  let scanned = 0;
  let delimiter: string | undefined;
  const parse = (text: string, final: boolean): string[][] => {
    if (delimiter === undefined) delimiter = headerDelimiter(text, path);
    const rows = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false }).data;
    // A piece ends just after a line break; papaparse reports the empty "line" after it as [""].
    if (!final && rows.length > 0) rows.pop();
    return rows;
  };
  for await (const buf of fs.createReadStream(path, { start: bomBytes, highWaterMark: readSize })) {
    pending += decoder.decode(buf as Buffer, { stream: true });
    let cut = -1;
    for (let i = scanned; i < pending.length; i++) {
      const ch = pending.charCodeAt(i);
      if (ch === 34) inQuotes = !inQuotes;
      else if (ch === 10 && !inQuotes) cut = i + 1;
    }
    scanned = pending.length;
    if (cut > 0) {
      const piece = pending.slice(0, cut);
      pending = pending.slice(cut);
      scanned -= cut;
      yield parse(piece, false);
    }
  }
  pending += decoder.decode();
  if (pending !== "") yield parse(pending, true);
}

const isBlankRow = (r: string[]) => r.length === 1 && r[0] === "";

/**
 * Opens a big CSV/TSV file without holding it: one pass finds the header, the width and the last record; each
 * `readRows` reads the file again. Same results as {@link openDelimited}.
 */
export async function openDelimitedStreaming(path: string, options: { readSize?: number } = {}): Promise<TableSource> {
  const readSize = options.readSize ?? READ_SIZE;
  let encoding: string;
  let bomBytes: number;
  try {
    ({ encoding, bomBytes } = await sniffEncoding(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new FileError("FILE_NOT_FOUND", path, "file not found");
    throw new FileError("FILE_UNREADABLE", path, `cannot read the file (${code ?? String(e)})`);
  }
  const sheetName = nodePath.basename(path);
  let headers: string[] | undefined;
  let count = 0;
  let rowCount = 0;
  let width = 0;
  let anyValue = false;
  for await (const rows of recordPieces(path, encoding, bomBytes, readSize)) {
    for (const r of rows) {
      if (headers === undefined) headers = r.slice();
      count++;
      if (!isBlankRow(r)) rowCount = count;
      let last = r.length;
      while (last > 0 && r[last - 1] === "") last--;
      if (last > 0) anyValue = true;
      if (last > width) width = last;
      if (count === 1 && r.some((v) => v.includes("\u0000"))) {
        throw new FileError("FILE_UNSUPPORTED", path, "this is a binary file, not delimited text (CSV or TSV)");
      }
    }
  }
  if (!headers || !anyValue) throw new FileError("FILE_EMPTY", path, "the file holds no data");
  while (headers.length > 0 && headers[headers.length - 1] === "") headers.pop();
  width = Math.max(width, headers.length);
  while (headers.length < width) headers.push("");
  const notes: SourceNote[] = [];
  if (encoding !== "utf-8") {
    const name = encoding === "windows-1251" ? "Windows-1251" : encoding.toUpperCase();
    notes.push({
      code: "ENCODING",
      sheet: sheetName,
      message: {
        en: `${sheetName}: read as ${name}; the archive is written in UTF-8.`,
        ru: `${sheetName}: прочитан в кодировке ${name}; архив записывается в UTF-8.`,
      },
    });
  }
  const total = rowCount;
  return {
    path,
    kind: "csv",
    facts: { date1904: false },
    sheets: [{ name: sheetName, headers, rowCount: total, visible: true }],
    veryHidden: new Set<string>(),
    notes,
    async *readRows(sheet: string, chunkRows = DEFAULT_CHUNK_ROWS): AsyncIterable<RowChunk> {
      if (sheet !== sheetName) throw new FileError("SHEET_NOT_FOUND", path, `no sheet named "${sheet}"`);
      let index = 0;
      let chunk: RowChunk | undefined;
      for await (const rows of recordPieces(path, encoding, bomBytes, readSize)) {
        for (const r of rows) {
          index++;
          if (index === 1) continue;
          if (index > total) break;
          const out: CellValue[] = new Array(width);
          for (let c = 0; c < width; c++) out[c] = r[c] === undefined || r[c] === "" ? null : r[c];
          if (!chunk) chunk = { startRow: index, values: [] };
          chunk.values.push(out);
          if (chunk.values.length >= chunkRows) {
            yield chunk;
            chunk = undefined;
          }
        }
        if (index > total) break;
      }
      if (chunk) yield chunk;
    },
  };
}
