import * as fs from "fs";
import * as nodePath from "path";
import { openDelimited } from "./csv-reader";
import { openDelimitedStreaming } from "./csv-stream";
import { FileError, type TableSource } from "./source";
import type { XlsxLimits } from "./xlsx-package";
import { openXlsx } from "./xlsx-reader";
import { openXlsxStreaming } from "./xlsx-stream";

/**
 * Workbooks bigger than this (compressed) are read with the streaming reader: ExcelJS's full reader needs about
 * 8 KB of memory per row of a dozen cells, so a 100,000-row sheet (5 MB) already takes 800 MB.
 */
export const STREAMING_THRESHOLD_BYTES = 4 * 1024 * 1024;
/** Delimited files bigger than this are streamed: a whole file as one string stops at V8's ~512 M characters. */
export const CSV_STREAMING_THRESHOLD_BYTES = 32 * 1024 * 1024;

/** Options of {@link openTableFile}. */
export interface OpenOptions {
  /** Force the streaming readers on (true) or off (false); by default they are used above the thresholds. */
  streaming?: boolean;
  /** Lower .xlsx limits (tests); the documented `XLSX_LIMITS` by default. */
  xlsxLimits?: XlsxLimits;
}

/** Extensions read as delimited text. */
const DELIMITED = /\.(csv|tsv|tab|txt)$/i;
const WORKBOOK = /\.(xlsx|xlsm)$/i;

/**
 * Opens a spreadsheet file by its content and name: .xlsx/.xlsm through ExcelJS, .csv/.tsv/.txt as delimited text.
 * Throws {@link FileError} (with a code and the path) for missing, unsupported, unreadable or empty files.
 */
export async function openTableFile(path: string, options: OpenOptions = {}): Promise<TableSource> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(path);
  } catch {
    throw new FileError("FILE_NOT_FOUND", path, "file not found");
  }
  if (stat.isDirectory()) throw new FileError("FILE_UNSUPPORTED", path, "this is a folder, not a file");
  if (stat.size === 0) throw new FileError("FILE_EMPTY", path, "the file is empty (0 bytes)");
  const head = Buffer.alloc(8);
  const fd = await fs.promises.open(path, "r");
  try {
    await fd.read(head, 0, 8, 0);
  } finally {
    await fd.close();
  }
  const zip = head[0] === 0x50 && head[1] === 0x4b; // "PK": .xlsx is a zip package
  const ole = head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0; // legacy .xls
  const name = nodePath.basename(path);
  if (ole || /\.xls$/i.test(name)) {
    throw new FileError(
      "FILE_UNSUPPORTED",
      path,
      'legacy Excel 97-2003 (.xls) files are not supported; save it as "Excel Workbook (.xlsx)"'
    );
  }
  if (zip || WORKBOOK.test(name)) {
    const streaming = options.streaming ?? stat.size > STREAMING_THRESHOLD_BYTES;
    const xlsxOptions = options.xlsxLimits ? { limits: options.xlsxLimits } : {};
    // openXlsx itself hands workbooks that inflate to more than ExcelJS can hold to the streaming reader.
    return streaming ? openXlsxStreaming(path, xlsxOptions) : openXlsx(path, xlsxOptions);
  }
  if (DELIMITED.test(name)) {
    const streaming = options.streaming ?? stat.size > CSV_STREAMING_THRESHOLD_BYTES;
    return streaming ? openDelimitedStreaming(path) : openDelimited(path);
  }
  throw new FileError("FILE_UNSUPPORTED", path, "expected an .xlsx workbook or a .csv/.tsv file");
}
