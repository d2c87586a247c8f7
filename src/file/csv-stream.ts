import * as fs from "fs";
import * as nodePath from "path";
import type { CellValue, RowChunk } from "../dwc/table";
import { headerDelimiter, nulNotes, parseRecords, textError } from "./csv-reader";
import { encodingNote } from "./notes";
import { DEFAULT_CHUNK_ROWS, FileError, type SourceNote, type TableSource } from "./source";
import { EncodingSniffer, RecordScanner } from "./text-scan";

/** Bytes read at a time. */
const READ_SIZE = 1 << 20;

/**
 * The encoding of a big delimited file, judged by the whole file (as {@link decodeText} judges a small one): a
 * UTF-16 BOM; else UTF-8 when every byte is valid UTF-8 (checked with a fatal decoder as the file streams by);
 * else a second pass decides between Windows-1251 and a refusal naming the line and byte offset.
 * @throws TextScanError when no encoding reads the file cleanly.
 */
async function sniffEncoding(path: string, readSize: number): Promise<{ encoding: string; bomBytes: number }> {
  const fd = await fs.promises.open(path, "r");
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await fd.read(head, 0, 2, 0);
    if (bytesRead === 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", bomBytes: 2 };
    if (bytesRead === 2 && head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", bomBytes: 2 };
  } finally {
    await fd.close();
  }
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    for await (const buf of fs.createReadStream(path, { highWaterMark: readSize })) {
      decoder.decode(buf as Buffer, { stream: true });
    }
    decoder.decode();
    return { encoding: "utf-8", bomBytes: 0 };
  } catch (e) {
    // Node's fatal decoder throws a TypeError with this code (from its own realm, so no instanceof).
    if ((e as NodeJS.ErrnoException).code !== "ERR_ENCODING_INVALID_ENCODED_DATA") throw e;
  }
  const sniffer = new EncodingSniffer();
  for await (const buf of fs.createReadStream(path, { highWaterMark: readSize })) sniffer.push(buf as Buffer);
  sniffer.finish();
  return { encoding: "windows-1251", bomBytes: 0 };
}

/**
 * The records of a delimited file, parsed piece by piece: {@link RecordScanner} cuts the text after the last
 * complete record (quotes honoured; CR LF, LF and CR all end records) and each piece is parsed by papaparse with
 * the delimiter of the header line. Yields the rows and the line each starts on.
 */
async function* recordPieces(
  path: string,
  encoding: string,
  bomBytes: number,
  readSize: number
): AsyncGenerator<string[][]> {
  const decoder = new TextDecoder(encoding);
  let scanner: RecordScanner | undefined;
  let delimiter = ",";
  let head = "";
  const parse = (text: string, final: boolean): string[][] => {
    if (!scanner) {
      // The header line decides the delimiter: wait until it is complete.
      head += text;
      if (!final && !/[\r\n]/.test(head)) return [];
      delimiter = headerDelimiter(head, path);
      scanner = new RecordScanner(delimiter);
      text = head;
      head = "";
    }
    const records = scanner.push(text, final);
    if (records.text === "") return [];
    const rows = parseRecords(records.text, delimiter, records.lines);
    // A piece ends just after a line break; papaparse reports the empty "line" after it as [""].
    if (!final && rows.length > 0) rows.pop();
    return rows;
  };
  for await (const buf of fs.createReadStream(path, { start: bomBytes, highWaterMark: readSize })) {
    const rows = parse(decoder.decode(buf as Buffer, { stream: true }), false);
    if (rows.length > 0) yield rows;
  }
  yield parse(decoder.decode(), true);
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
    ({ encoding, bomBytes } = await sniffEncoding(path, readSize));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new FileError("FILE_NOT_FOUND", path, "file not found");
    if (code) throw new FileError("FILE_UNREADABLE", path, `cannot read the file (${code})`);
    throw textError(path, e);
  }
  const sheetName = nodePath.basename(path);
  let headers: string[] | undefined;
  let count = 0;
  let rowCount = 0;
  let width = 0;
  let anyValue = false;
  const notes: SourceNote[] = [];
  try {
    for await (const rows of recordPieces(path, encoding, bomBytes, readSize)) {
      notes.push(...nulNotes(sheetName, rows, count + 1));
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
  } catch (e) {
    throw textError(path, e);
  }
  if (!headers || !anyValue) throw new FileError("FILE_EMPTY", path, "the file holds no data");
  while (headers.length > 0 && headers[headers.length - 1] === "") headers.pop();
  width = Math.max(width, headers.length);
  while (headers.length < width) headers.push("");
  const encodingRemark = encodingNote(sheetName, encoding);
  if (encodingRemark) notes.push(encodingRemark);
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
