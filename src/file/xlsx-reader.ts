import ExcelJS from "exceljs";
import type { CellValue, RowChunk, SheetInfo } from "../dwc/table";
import { cellRef } from "./address";
import { hiddenRowsNote, mergedCellsNote, noResultNote, nulCharacterNote } from "./notes";
import { DEFAULT_CHUNK_ROWS, FileError, type SourceNote, type TableSource } from "./source";
import { MAX_EXCELJS_INFLATED_BYTES, XLSX_LIMITS, XlsxPackage, type XlsxLimits } from "./xlsx-package";
import {
  checkSheetSpan,
  emptyRowOf,
  openXlsxStreaming,
  parseMergedRanges,
  readFileBytes,
  readParts,
  rowsPerChunk,
  sheetParser,
  type PackageParts,
  type XlsxReadOptions,
} from "./xlsx-stream";

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

/** A number format worth passing on: ExcelJS reports no format or `General` for plain cells. */
function formatOf(cell: ExcelJS.Cell): string | null {
  const f = cell.numFmt;
  return f && f !== "General" ? f : null;
}

/** True for the cells of a merged range other than its top-left one (the file stores nothing in them). */
function isMergeSlave(cell: ExcelJS.Cell): boolean {
  return cell.isMerged && cell.master !== cell;
}

/**
 * Merged cells ExcelJS may expand: it creates an object for every cell of every merged range when it loads a
 * sheet, so a workbook merging more than this many cells is read by the streaming reader instead.
 */
const MAX_EXCELJS_MERGED_CELLS = 1_000_000;

/** Key of a cell in {@link RawSheet} maps. */
const cellKey = (row: number, column: number) => row * 16384 + column;

/**
 * What the file itself holds where ExcelJS reads it differently from the file (and from the streaming reader):
 * `t="d"` cells (ExcelJS parses "2012-03-04" as the number 2012), inline strings (ExcelJS leaves `_x000D_`
 * escapes undecoded), numbers under a format (ExcelJS turns dates into `Date`s, losing digits below the
 * millisecond), formulas' cached results (ExcelJS drops a `false` one). Also the cells whose formula has no
 * computed value, and the merged area.
 */
interface RawSheet {
  overrides: Map<number, CellValue>;
  /** Formula text as the streaming reader gives it (a shared formula's followers with their master's text). */
  formulas: Map<number, string>;
  noResult: { row: number; column: number }[];
  mergedCells: number;
}

/** Reads every sheet once with the streaming parser to find the cells ExcelJS gets wrong. */
function rawSheets(pkg: XlsxPackage, parts: PackageParts): Map<string, RawSheet> {
  const out = new Map<string, RawSheet>();
  for (const sheet of parts.sheets) {
    const raw: RawSheet = { overrides: new Map(), formulas: new Map(), noResult: [], mergedCells: 0 };
    const merges: string[] = [];
    const parse = sheetParser(parts, pkg.limits, (tail) => {
      for (const m of tail.matchAll(/<mergeCell\b[^>]*\bref="([^"]*)"/g)) merges.push(m[1]);
    });
    const take = (rows: ReturnType<typeof parse>) => {
      for (const r of rows) {
        for (const [col, cell] of r.values) {
          if (cell.noResult) raw.noResult.push({ row: r.row, column: col });
          const differs = cell.type === "d" || cell.type === "inlineStr" || cell.formula !== null;
          if (differs || (cell.type === "n" && cell.format !== null)) {
            raw.overrides.set(cellKey(r.row, col), cell.value);
          }
          if (cell.formula !== null) raw.formulas.set(cellKey(r.row, col), cell.formula);
        }
      }
    };
    if (pkg.has(sheet.part)) {
      for (const text of pkg.textPieces(sheet.part)) take(parse(text, false));
      take(parse("", true));
    }
    for (const m of parseMergedRanges(merges)) raw.mergedCells += (m.r2 - m.r1 + 1) * (m.c2 - m.c1 + 1);
    out.set(sheet.name, raw);
  }
  return out;
}

interface SheetScan {
  info: SheetInfo;
  sheet: ExcelJS.Worksheet;
  width: number;
  raw: RawSheet | undefined;
}

/** A cell's value as the file holds it: ExcelJS's, or the raw one where ExcelJS reads it differently. */
function valueOf(
  cell: ExcelJS.Cell,
  row: number,
  column: number,
  raw: RawSheet | undefined,
  date1904: boolean
): CellValue {
  const key = cellKey(row, column);
  const v = raw?.overrides.has(key) ? (raw.overrides.get(key) as CellValue) : plainValue(cell.value, date1904);
  return v === "" ? null : v;
}

function scanSheet(
  path: string,
  ws: ExcelJS.Worksheet,
  raw: RawSheet | undefined,
  facts: { date1904: boolean; maxSheetCells: number },
  notes: SourceNote[]
): SheetScan {
  const { date1904, maxSheetCells } = facts;
  let lastRow = 0;
  let width = 0;
  let hiddenRows = 0;
  let filled = 0;
  let lastRowCell = "";
  let widestCell = "";
  const nulCells: SourceNote[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    let rowHasValue = false;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (isMergeSlave(cell)) return;
      const v = valueOf(cell, rowNumber, colNumber - 1, raw, date1904);
      if (v === null) return;
      if (typeof v === "string" && v.includes("\u0000"))
        nulCells.push(nulCharacterNote(ws.name, rowNumber, colNumber - 1));
      rowHasValue = true;
      filled++;
      if (colNumber > width) {
        width = colNumber;
        widestCell = cellRef(ws.name, rowNumber, colNumber - 1);
      }
      lastRowCell = cellRef(ws.name, rowNumber, colNumber - 1);
    });
    if (rowHasValue) {
      lastRow = rowNumber;
      if (row.hidden && rowNumber > 1) hiddenRows++;
    }
  });
  checkSheetSpan(path, ws.name, { rows: lastRow, width, filled, lastRowCell, widestCell }, maxSheetCells);
  const headerRow = ws.findRow(1);
  const headers: string[] = [];
  for (let c = 1; c <= width; c++) {
    const cell = headerRow?.findCell(c);
    const v = !cell || isMergeSlave(cell) ? null : valueOf(cell, 1, c - 1, raw, date1904);
    headers.push(v === null ? "" : String(v));
  }
  const merges = mergedRanges(ws);
  if (merges.length > 0) notes.push(mergedCellsNote(ws.name, merges));
  if (hiddenRows > 0) notes.push(hiddenRowsNote(ws.name, hiddenRows));
  for (const c of raw?.noResult ?? []) notes.push(noResultNote(ws.name, c.row, c.column));
  notes.push(...nulCells);
  return {
    sheet: ws,
    width,
    raw,
    info: { name: ws.name, headers, rowCount: lastRow, visible: ws.state === "visible" || ws.state === undefined },
  };
}

function mergedRanges(ws: ExcelJS.Worksheet): string[] {
  // `model.merges` is ExcelJS's list of "A1:B2" ranges; the typed API has no getter for it.
  const merges = (ws.model as unknown as { merges?: string[] }).merges;
  return Array.isArray(merges) ? merges : [];
}

async function* chunksOf(scan: SheetScan, date1904: boolean, chunkRows: number): AsyncIterable<RowChunk> {
  const { sheet, width, info, raw } = scan;
  const perChunk = rowsPerChunk(chunkRows, width);
  const blank = emptyRowOf(width) as null[];
  for (let start = 2; start <= info.rowCount; start += perChunk) {
    const end = Math.min(info.rowCount, start + perChunk - 1);
    const values: CellValue[][] = [];
    const numberFormats: (string | null)[][] = [];
    const formulas: (string | null)[][] = [];
    for (let r = start; r <= end; r++) {
      // findRow/findCell, not getRow/getCell: those create the rows and cells they are asked for.
      const row = sheet.findRow(r);
      if (!row) {
        values.push(blank);
        numberFormats.push(blank);
        formulas.push(blank);
        continue;
      }
      const rv: CellValue[] = new Array(width).fill(null);
      const rf: (string | null)[] = new Array(width).fill(null);
      const rformula: (string | null)[] = new Array(width).fill(null);
      for (let c = 0; c < width; c++) {
        const cell = row.findCell(c + 1);
        if (!cell || isMergeSlave(cell)) continue;
        rv[c] = valueOf(cell, r, c, raw, date1904);
        rf[c] = formatOf(cell);
        rformula[c] = raw?.formulas.get(cellKey(r, c)) ?? formulaOf(cell.value);
      }
      values.push(rv);
      numberFormats.push(rf);
      formulas.push(rformula);
    }
    yield { startRow: start, values, numberFormats, formulas };
  }
}

/**
 * Opens an .xlsx/.xlsm file with ExcelJS. The zip is checked first (every part inflated under limits, sizes and
 * CRCs verified), since ExcelJS trusts it; a workbook that inflates to more than `MAX_EXCELJS_INFLATED_BYTES` or
 * merges more than a million cells is handed to the streaming reader, which gives the same results.
 * Throws {@link FileError} when the file is missing, corrupt, empty or past the limits.
 */
export async function openXlsx(path: string, options: XlsxReadOptions = {}): Promise<TableSource> {
  const bytes = options.bytes ?? (await readFileBytes(path));
  const limits: XlsxLimits = options.limits ?? XLSX_LIMITS;
  const pkg = new XlsxPackage(path, bytes, limits);
  if (pkg.inflatedSize > MAX_EXCELJS_INFLATED_BYTES) return openXlsxStreaming(path, { bytes, limits });
  pkg.verify();
  const parts = readParts(pkg);
  const raws = rawSheets(pkg, parts);
  if ([...raws.values()].some((r) => r.mergedCells > MAX_EXCELJS_MERGED_CELLS)) {
    return openXlsxStreaming(path, { bytes, limits });
  }
  const workbook = new ExcelJS.Workbook();
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer;
    await workbook.xlsx.load(buffer, { ignoreNodes: IGNORED_NODES } as Parameters<typeof workbook.xlsx.load>[1]);
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
  const scans = workbook.worksheets.map((ws) =>
    scanSheet(path, ws, raws.get(ws.name), { date1904, maxSheetCells: limits.maxSheetCells }, notes)
  );
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
