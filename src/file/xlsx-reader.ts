import * as fs from "fs";
import ExcelJS from "exceljs";
import type { CellValue, RowChunk, SheetInfo } from "../dwc/table";
import { cellRef } from "./address";
import { hiddenRowsNote, mergedCellsNote, noResultNote } from "./notes";
import { DEFAULT_CHUNK_ROWS, FileError, type SourceNote, type TableSource } from "./source";

/** Milliseconds per day and the Unix epoch as an Excel 1900-system serial (1970-01-01 = 25569). */
const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL_1900 = 25569;
/** Days between the 1900 and 1904 date systems' day zero. */
const DAYS_1900_TO_1904 = 1462;

/**
 * ExcelJS turns numbers under a date format into `Date` objects (using the workbook's date system); the core wants
 * the serial the file holds, so it can honour the format and the date system itself. This inverts ExcelJS's
 * `excelToDate`, rounding to the millisecond it rounded to.
 */
export function dateToSerial(date: Date, date1904: boolean): number {
  const serial = date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL_1900 - (date1904 ? DAYS_1900_TO_1904 : 0);
  // Whole days come back exact; time parts are rounded to 1 ms (1/86,400,000 day) as ExcelJS stored them.
  return Math.round(serial * MS_PER_DAY) / MS_PER_DAY;
}

/**
 * Sheet parts the reader does not need. ExcelJS expands every validation range into one entry per cell, so a
 * template's dropdowns bound to rows 2..1,048,576 would cost millions of objects.
 */
const IGNORED_NODES = ["dataValidations", "conditionalFormatting", "extLst"];

type ExcelValue = ExcelJS.CellValue | undefined;

/** The plain value of an ExcelJS cell value (rich text joined, hyperlinks as their text, errors as `#N/A`...). */
export function plainValue(v: ExcelValue, date1904: boolean): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateToSerial(v, date1904);
  if (typeof v === "object") {
    if ("error" in v && typeof v.error === "string") return v.error;
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as { result?: unknown }).result;
      return plainValue(result as ExcelValue, date1904);
    }
    if ("hyperlink" in v) {
      const text = (v as { text?: unknown }).text;
      return plainValue(text as ExcelValue, date1904) ?? (v as { hyperlink: string }).hyperlink;
    }
  }
  return String(v);
}

function formulaOf(v: ExcelValue): string | null {
  if (v && typeof v === "object" && !(v instanceof Date)) {
    if ("formula" in v && typeof v.formula === "string") return `=${v.formula}`;
    if ("sharedFormula" in v) {
      const f = (v as { formula?: string; sharedFormula: string }).formula ?? v.sharedFormula;
      return `=${f}`;
    }
  }
  return null;
}

function hasNoResult(v: ExcelValue): boolean {
  return (
    v !== null &&
    typeof v === "object" &&
    !(v instanceof Date) &&
    ("formula" in v || "sharedFormula" in v) &&
    (v as { result?: unknown }).result === undefined
  );
}

/** A number format worth passing on: ExcelJS reports no format or `General` for plain cells. */
function formatOf(cell: ExcelJS.Cell): string | null {
  const f = cell.numFmt;
  return f && f !== "General" ? f : null;
}

/**
 * The ExcelJS cell at a 1-based column. A named helper, because the Office.js lint rules mistake ExcelJS's
 * synchronous `getCell` for Office's proxy objects that need `load` and `sync`.
 */
function cellAt(row: ExcelJS.Row, column: number): ExcelJS.Cell {
  return row.getCell(column);
}

/** True for the cells of a merged range other than its top-left one (the file stores nothing in them). */
function isMergeSlave(cell: ExcelJS.Cell): boolean {
  return cell.isMerged && cell.master !== cell;
}

interface SheetScan {
  info: SheetInfo;
  sheet: ExcelJS.Worksheet;
  width: number;
}

function scanSheet(ws: ExcelJS.Worksheet, date1904: boolean, notes: SourceNote[]): SheetScan {
  let lastRow = 0;
  let width = 0;
  let hiddenRows = 0;
  let noResult: string | undefined;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    let rowHasValue = false;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (isMergeSlave(cell)) return;
      const v = plainValue(cell.value, date1904);
      if (hasNoResult(cell.value) && noResult === undefined) noResult = cellRef(ws.name, rowNumber, colNumber - 1);
      if (v === null || v === "") return;
      rowHasValue = true;
      if (colNumber > width) width = colNumber;
    });
    if (rowHasValue) {
      lastRow = rowNumber;
      if (row.hidden && rowNumber > 1) hiddenRows++;
    }
  });
  const headerRow = ws.getRow(1);
  const headers: string[] = [];
  for (let c = 1; c <= width; c++) {
    const cell = cellAt(headerRow, c);
    const v = isMergeSlave(cell) ? null : plainValue(cell.value, date1904);
    headers.push(v === null ? "" : String(v));
  }
  const merges = mergedRanges(ws);
  if (merges.length > 0) notes.push(mergedCellsNote(ws.name, merges));
  if (hiddenRows > 0) notes.push(hiddenRowsNote(ws.name, hiddenRows));
  if (noResult !== undefined) notes.push(noResultNote(ws.name, noResult));
  return {
    sheet: ws,
    width,
    info: { name: ws.name, headers, rowCount: lastRow, visible: ws.state === "visible" || ws.state === undefined },
  };
}

function mergedRanges(ws: ExcelJS.Worksheet): string[] {
  // `model.merges` is ExcelJS's list of "A1:B2" ranges; the typed API has no getter for it.
  const merges = (ws.model as unknown as { merges?: string[] }).merges;
  return Array.isArray(merges) ? merges : [];
}

async function* chunksOf(scan: SheetScan, date1904: boolean, chunkRows: number): AsyncIterable<RowChunk> {
  const { sheet, width, info } = scan;
  for (let start = 2; start <= info.rowCount; start += chunkRows) {
    const end = Math.min(info.rowCount, start + chunkRows - 1);
    const values: CellValue[][] = [];
    const numberFormats: (string | null)[][] = [];
    const formulas: (string | null)[][] = [];
    for (let r = start; r <= end; r++) {
      const row = sheet.getRow(r);
      const rv: CellValue[] = new Array(width);
      const rf: (string | null)[] = new Array(width);
      const rformula: (string | null)[] = new Array(width);
      for (let c = 0; c < width; c++) {
        const cell = cellAt(row, c + 1);
        if (isMergeSlave(cell)) {
          rv[c] = null;
          rf[c] = null;
          rformula[c] = null;
          continue;
        }
        const v = plainValue(cell.value, date1904);
        rv[c] = v === "" ? null : v;
        rf[c] = formatOf(cell);
        rformula[c] = formulaOf(cell.value);
      }
      values.push(rv);
      numberFormats.push(rf);
      formulas.push(rformula);
    }
    yield { startRow: start, values, numberFormats, formulas };
  }
}

/** Opens an .xlsx/.xlsm file with ExcelJS. Throws {@link FileError} when the file is missing, corrupt or empty. */
export async function openXlsx(path: string): Promise<TableSource> {
  if (!fs.existsSync(path)) throw new FileError("FILE_NOT_FOUND", path, "file not found");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path, { ignoreNodes: IGNORED_NODES });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new FileError(
      "FILE_UNREADABLE",
      path,
      `not a readable .xlsx workbook (${reason}). Save it from Excel or LibreOffice as "Excel Workbook (.xlsx)".`
    );
  }
  const date1904 = Boolean(workbook.properties?.date1904);
  const notes: SourceNote[] = [];
  const scans = workbook.worksheets.map((ws) => scanSheet(ws, date1904, notes));
  if (scans.every((s) => s.info.rowCount === 0)) {
    throw new FileError("FILE_EMPTY", path, "the workbook has no filled cells in any sheet");
  }
  const byName = new Map(scans.map((s) => [s.info.name, s]));
  return {
    path,
    kind: "xlsx",
    facts: { date1904 },
    sheets: scans.map((s) => s.info),
    veryHidden: new Set(workbook.worksheets.filter((w) => w.state === "veryHidden").map((w) => w.name)),
    notes,
    readRows(sheet: string, chunkRows = DEFAULT_CHUNK_ROWS) {
      const scan = byName.get(sheet);
      if (!scan) throw new FileError("SHEET_NOT_FOUND", path, `no sheet named "${sheet}"`);
      return chunksOf(scan, date1904, chunkRows);
    },
  };
}
