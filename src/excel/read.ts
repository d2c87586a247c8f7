/**
 * Reading sheets in chunks. Excel on the web refuses requests over 5 MB, and an add-in that blocks for 5 s is
 * restarted, so a sheet is read as blocks of consecutive rows (values, number formats and formulas), each one
 * round trip kept under {@link TARGET_REQUEST_BYTES}; the block size adapts to the bytes the previous block really
 * took, and a block the host still refuses is split in two and retried.
 */
import type { CellValue, RowChunk, SheetInfo, WorkbookFacts } from "../dwc/table";
import { ExcelAdapterError, throwIfAborted } from "./errors";

/** What one read request aims to stay under (below Excel on the web's 5 MB, with room for the envelope). */
export const TARGET_REQUEST_BYTES = 4 * 1024 * 1024;
/** Default and first block sizes, in rows. */
export const DEFAULT_CHUNK_ROWS = 5000;
const FIRST_CHUNK_ROWS = 500;

/** Options of {@link readSheetInChunks}. */
export interface ChunkOptions {
  /** Upper bound of rows per chunk (default 5000). */
  chunkRows?: number;
  /** Cancel: checked before each request (an `AbortSignal` fits). */
  signal?: { readonly aborted: boolean };
  /** First row to read, 1-based (default 2: the row after the header). */
  fromRow?: number;
  /** Bytes one request aims to stay under (default {@link TARGET_REQUEST_BYTES}). */
  targetBytes?: number;
  /** Called after each request with its approximate size in bytes (for progress and tests). */
  onRequest?: (bytes: number, rows: number) => void;
}

/** JSON-ish size of a value, the adapter's measure of a request. */
export function approxBytes(v: unknown): number {
  if (v === null || v === undefined) return 4;
  if (typeof v === "string") return v.length + 2;
  if (typeof v === "number" || typeof v === "boolean") return String(v).length;
  if (Array.isArray(v)) {
    let n = 2;
    for (const x of v) n += approxBytes(x) + 1;
    return n;
  }
  return JSON.stringify(v).length;
}

/**
 * Whether the workbook uses the 1904 date system. Office.js has no workbook property for it in ExcelApi 1.9, so
 * the workbook computes DATE(1904,1,1) (ExcelApi 1.2 `workbook.functions`): 0 in the 1904 system, 1462 in the
 * 1900 system. Nothing is written to the workbook.
 */
export function queueDate1904(context: Excel.RequestContext): () => boolean {
  const probe = context.workbook.functions.date(1904, 1, 1);
  probe.load("value");
  return () => probe.value === 0;
}

/** The workbook's facts (date system), in one round trip. */
export async function readWorkbookFacts(): Promise<WorkbookFacts> {
  return Excel.run(async (context) => {
    const date1904 = queueDate1904(context);
    await context.sync();
    return { date1904: date1904() };
  });
}

/** What a sheet is before its rows are read. */
export interface SheetExtent extends SheetInfo {
  id: string;
  /** Columns to read (from column A to the last used one). */
  columnCount: number;
}

/** Queued reads of a sheet's extent and header; `extentOf` reads them after the sync. */
export interface ExtentProbe {
  sheet: Excel.Worksheet;
  used: Excel.Range;
  header: Excel.Range;
}

/** Queues the reads of a sheet's name, id, visibility, used range and header row (sheet must exist). */
export function probeExtent(sheet: Excel.Worksheet): ExtentProbe {
  sheet.load("name,id,visibility");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,rowCount,columnIndex,columnCount");
  const header = sheet.getRange("1:1").getUsedRangeOrNullObject(true);
  header.load("values,columnIndex");
  return { sheet, used, header };
}

/** The extent from a synced probe. */
export function extentOf(p: ExtentProbe): SheetExtent {
  const headers: string[] = p.header.isNullObject
    ? []
    : [...new Array<string>(p.header.columnIndex).fill(""), ...p.header.values[0].map((v) => (v === null || v === undefined ? "" : String(v)))];
  const rowCount = p.used.isNullObject ? 0 : p.used.rowIndex + p.used.rowCount;
  const columnCount = p.used.isNullObject ? 0 : Math.max(headers.length, p.used.columnIndex + p.used.columnCount);
  return { name: p.sheet.name, id: p.sheet.id, visible: p.sheet.visibility === "Visible", headers, rowCount, columnCount };
}

/** A sheet's extent and header in one round trip. @throws ExcelAdapterError SHEET_NOT_FOUND */
export async function readSheetExtent(sheetName: string): Promise<SheetExtent> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
    await context.sync();
    if (sheet.isNullObject) throw new ExcelAdapterError("SHEET_NOT_FOUND", `There is no sheet named "${sheetName}"`, { sheet: sheetName });
    const probe = probeExtent(sheet);
    await context.sync();
    return extentOf(probe);
  });
}

function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? "";
  const message = (e as { message?: string })?.message ?? "";
  return /PayloadSizeLimitExceeded|PayloadTooLarge|ResponsePayloadSizeLimitExceeded/i.test(code + " " + message);
}

/** Reads one block of rows in its own request. */
async function readBlock(sheetId: string, startRow: number, rows: number, columns: number): Promise<{ chunk: RowChunk; bytes: number }> {
  return Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheetId).getRangeByIndexes(startRow - 1, 0, rows, columns);
    range.load("values,numberFormat,formulas");
    await context.sync();
    const values = range.values as CellValue[][];
    const numberFormats = range.numberFormat as (string | null)[][];
    const raw = range.formulas as unknown[][];
    // Office.js reports a constant's value as its "formula"; only real formulas (text starting with "=") are kept.
    const formulas = raw.map((row) => row.map((f) => (typeof f === "string" && f.startsWith("=") ? f : null)));
    for (const row of values) for (let i = 0; i < row.length; i++) if (row[i] === "") row[i] = null;
    const bytes = approxBytes(values) + approxBytes(numberFormats) + approxBytes(raw);
    return { chunk: { startRow, values, numberFormats, formulas }, bytes };
  });
}

/**
 * The data rows of a sheet of known extent as chunks, each read in its own request. The chunk size starts small,
 * then follows the measured bytes per row so that each request stays under {@link TARGET_REQUEST_BYTES}.
 */
export async function* chunksOf(extent: Pick<SheetExtent, "id" | "name" | "rowCount" | "columnCount">, options: ChunkOptions = {}): AsyncGenerator<RowChunk> {
  const maxRows = Math.max(1, options.chunkRows ?? DEFAULT_CHUNK_ROWS);
  let row = options.fromRow ?? 2;
  let rows = Math.min(maxRows, FIRST_CHUNK_ROWS);
  if (extent.columnCount === 0) return;
  while (row <= extent.rowCount) {
    throwIfAborted(options.signal, extent.name);
    const n = Math.min(rows, extent.rowCount - row + 1);
    let result: { chunk: RowChunk; bytes: number };
    try {
      result = await readBlock(extent.id, row, n, extent.columnCount);
    } catch (e) {
      if (isPayloadError(e) && n > 1) {
        rows = Math.max(1, Math.floor(n / 2));
        continue;
      }
      throw e;
    }
    options.onRequest?.(result.bytes, n);
    yield result.chunk;
    row += n;
    const perRow = Math.max(1, result.bytes / n);
    rows = Math.max(1, Math.min(maxRows, Math.floor((options.targetBytes ?? TARGET_REQUEST_BYTES) / perRow)));
  }
}

/**
 * Reads a sheet's data rows (row 2 to the last used row, column A to the last used column) in chunks and hands
 * each to `onChunk` (awaited, so the consumer sets the pace). Returns the sheet's extent.
 *
 * @example await readSheetInChunks("Occurrence", (c) => engine.feed("Occurrence", c), { signal })
 * @throws ExcelAdapterError SHEET_NOT_FOUND, CANCELLED
 */
export async function readSheetInChunks(
  sheetName: string,
  onChunk: (chunk: RowChunk) => void | Promise<void>,
  options: ChunkOptions = {},
): Promise<SheetExtent> {
  const extent = await readSheetExtent(sheetName);
  for await (const chunk of chunksOf(extent, options)) await onChunk(chunk);
  return extent;
}
