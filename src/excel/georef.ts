/**
 * The georeferencing calculator's reads and writes: the selected rows of a dataset sheet with the columns a
 * calculation reads and fills, and the values the user chose to write. Requests stay bounded: the selection is
 * clipped to the used rows and read in blocks of {@link GEOREF_BLOCK_ROWS} rows, only the needed columns, and at most
 * {@link GEOREF_MAX_ROWS} rows at a time. The verbatim terms are read, never written.
 */
import { createCellConverter, recogniseSheet } from "../dwc";
import type { CellConverter } from "../dwc/cells";
import type { CellValue } from "../dwc/table";
import type { SheetRole } from "../dwc/types";
import {
  GEOREF_INPUT_TERMS,
  GEOREF_OUTPUT_TERMS,
  type GeorefOutputTerm,
  type GeorefRowCells,
} from "../georef";
import { ExcelAdapterError } from "./errors";
import { queueDate1904 } from "./read";
import { loadRegistry, registryFrom } from "./registry";
import { isInternalSheet } from "./sheets";
import { columnsForHeaders, formatHeaderCell } from "./template";

/** Rows read in one request (about 12 short columns: well under Excel on the web's 5 MB). */
export const GEOREF_BLOCK_ROWS = 2000;
/** Rows the calculator takes at a time; a bigger selection is cut to its first rows (and says so). */
export const GEOREF_MAX_ROWS = 10000;

/** The selected rows of a dataset sheet, as the calculator needs them. */
export interface GeorefSelection {
  sheet: string;
  role: SheetRole;
  /** Data rows the selection covers (1-based, header row excluded, clipped to the used rows); empty when none. */
  firstRow: number;
  lastRow: number;
  /** The rows with a value in any column read, with the input, output and id columns by term. */
  rows: GeorefRowCells[];
  /** Output terms the header row lacks (a write adds them only when allowed). */
  missingColumns: GeorefOutputTerm[];
  /** Whether the selection had more than {@link GEOREF_MAX_ROWS} data rows (only the first ones were read). */
  capped: boolean;
}

/** Row 1 as trimmed text, from column A. */
function headerTexts(header: Excel.Range): string[] {
  if (header.isNullObject) return [];
  return [
    ...new Array<string>(header.columnIndex).fill(""),
    ...header.values[0].map((v) => (v === null || v === undefined ? "" : String(v).trim())),
  ];
}

/** The first column of each header (a duplicate header's later columns are not the term's). */
function columnIndex(headers: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    if (h && !index.has(h)) index.set(h, i);
  });
  return index;
}

/** Consecutive runs of sorted 1-based rows: [2,3,4,7] → [[2,3],[7,1]] as [first, count]. */
function runsOf(rows: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const r of rows) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === r) last[1]++;
    else runs.push([r, 1]);
  }
  return runs;
}

/**
 * Reads the selected rows of the active sheet for the calculator: the sheet's role, the rows with their values of
 * the terms a calculation reads (coordinates, verbatim coordinates, geodeticDatum, eventDate), fills and the record
 * id, as text like the archive writes them. One round trip for the sheet and selection, then one per
 * {@link GEOREF_BLOCK_ROWS} rows. Undefined when no worksheet is active or it is the add-in's own.
 *
 * @example await readGeorefSelection() // { sheet: "Occurrence", firstRow: 2, lastRow: 41, rows: [{ row: 2, cells: { decimalLatitude: "55.75", … } }], missingColumns: ["georeferencedBy"], … }
 * @throws ExcelAdapterError NOT_A_DATASET_SHEET when the sheet has no Darwin Core role
 */
export async function readGeorefSelection(): Promise<GeorefSelection | undefined> {
  const head = await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getActiveWorksheet();
    ws.load("name,id");
    const selected = context.workbook.getSelectedRange();
    selected.load("rowIndex,rowCount");
    const header = ws.getRange("1:1").getUsedRangeOrNullObject(true);
    header.load("values,columnIndex");
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowIndex,rowCount");
    const registryItem = loadRegistry(context);
    const date1904 = queueDate1904(context);
    await context.sync();
    if (isInternalSheet(ws.name)) return undefined;
    const headers = headerTexts(header);
    const registry = registryFrom(registryItem);
    const sheetId = ws.id;
    const role = registry.sheets[sheetId]?.role ?? recogniseSheet(headers, ws.name);
    if (!role) {
      throw new ExcelAdapterError("NOT_A_DATASET_SHEET", "The sheet's header row holds no Darwin Core terms", {
        sheet: ws.name,
      });
    }
    const columns = columnIndex(headers);
    const missingColumns = GEOREF_OUTPUT_TERMS.filter((t) => !columns.has(t));
    const lastUsedRow = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
    const firstRow = Math.max(2, selected.rowIndex + 1);
    const selectedLast = Math.min(selected.rowIndex + selected.rowCount, lastUsedRow);
    const capped = selectedLast - firstRow + 1 > GEOREF_MAX_ROWS;
    const lastRow = capped ? firstRow + GEOREF_MAX_ROWS - 1 : selectedLast;
    const wanted = [...new Set<string>([role.idTerm, ...GEOREF_INPUT_TERMS, ...GEOREF_OUTPUT_TERMS])].filter((t) =>
      columns.has(t)
    );
    return {
      sheetId,
      facts: { date1904: date1904() },
      selection: {
        sheet: ws.name,
        role,
        firstRow,
        lastRow: Math.max(firstRow - 1, lastRow),
        rows: [] as GeorefRowCells[],
        missingColumns,
        capped,
      },
      columns: wanted.map((term) => ({ term, index: columns.get(term)! })),
    };
  });
  if (!head) return undefined;
  const text = createCellConverter(head.facts);
  const { selection } = head;
  for (let start = selection.firstRow; start <= selection.lastRow; start += GEOREF_BLOCK_ROWS) {
    const n = Math.min(GEOREF_BLOCK_ROWS, selection.lastRow - start + 1);
    selection.rows.push(...(await readRowBlock(head.sheetId, start, n, head.columns, text)));
  }
  return selection;
}

/** One block of rows, the given columns only, in its own request; rows without any value are left out. */
async function readRowBlock(
  sheetId: string,
  start: number,
  n: number,
  columns: readonly { term: string; index: number }[],
  text: CellConverter
): Promise<GeorefRowCells[]> {
  return Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheetId);
    const ranges = columns.map(({ term, index }) => {
      const range = ws.getRangeByIndexes(start - 1, index, n, 1);
      range.load("values,numberFormat");
      return { term, range };
    });
    await context.sync();
    const rows: GeorefRowCells[] = [];
    for (let i = 0; i < n; i++) {
      const cells: Record<string, string> = {};
      for (const { term, range } of ranges) {
        const v = text(range.values[i][0] as CellValue, range.numberFormat[i][0] as string);
        if (v.trim() !== "") cells[term] = v.trim();
      }
      if (Object.keys(cells).length > 0) rows.push({ row: start + i, cells });
    }
    return rows;
  });
}

/** One cell to write: the value, and the value the user saw in it ("" when empty). */
export interface GeorefCellToWrite {
  row: number;
  term: GeorefOutputTerm;
  value: string;
  expected: string;
}

/** What {@link writeGeoref} writes. */
export interface GeorefWriteRequest {
  sheet: string;
  cells: readonly GeorefCellToWrite[];
  /** Replace cells holding the value the user saw; without it only empty cells are set. */
  replace: boolean;
  /** Add the missing output columns after the last header (the user agreed); without it their cells are skipped. */
  addColumns: boolean;
}

/** What a write did. */
export interface GeorefWriteResult {
  /** Cells set, and the rows they are in. */
  written: number;
  rows: number;
  /** Cells replaced (with `replace`): the value that was there. */
  replaced: { row: number; term: GeorefOutputTerm; from: string; to: string }[];
  /** Cells not set because they hold a value the user did not see (typed since, or not replacing). */
  skipped: { row: number; term: GeorefOutputTerm; current: string }[];
  /** Columns added after the last header, in order. */
  addedColumns: GeorefOutputTerm[];
  /** Columns the sheet lacks and that were not added (their cells were not written). */
  missingColumns: GeorefOutputTerm[];
}

/**
 * Writes the calculator's values on the user's click. A cell is set when it is empty now, or, with `replace`, when
 * it still holds the value the user saw; anything typed since is kept and reported. coordinateUncertaintyInMeters
 * is written as a number in the General format, as the templates format it; the other terms as text (`@`), so that
 * a date stays the ISO text. Missing columns are added after the last header with the template's header look when
 * `addColumns`. No other cell changes. Three round trips: the header, the cells' current values, the writes.
 *
 * @throws ExcelAdapterError SHEET_NOT_FOUND
 */
export async function writeGeoref(request: GeorefWriteRequest): Promise<GeorefWriteResult> {
  return Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(request.sheet);
    ws.load("name,id");
    const header = ws.getRange("1:1").getUsedRangeOrNullObject(true);
    header.load("values,columnIndex");
    const registryItem = loadRegistry(context);
    const date1904 = queueDate1904(context);
    try {
      await context.sync();
    } catch (e) {
      // Renamed or deleted since the rows were read.
      if ((e as { code?: string }).code !== "ItemNotFound") throw e;
      throw new ExcelAdapterError("SHEET_NOT_FOUND", `There is no sheet named "${request.sheet}"`, {
        sheet: request.sheet,
      });
    }
    const headers = headerTexts(header);
    const columns = columnIndex(headers);
    const result: GeorefWriteResult = {
      written: 0,
      rows: 0,
      replaced: [],
      skipped: [],
      addedColumns: [],
      missingColumns: [],
    };
    const byTerm = new Map<GeorefOutputTerm, Map<number, GeorefCellToWrite>>();
    for (const c of request.cells) {
      if (!byTerm.has(c.term)) byTerm.set(c.term, new Map());
      byTerm.get(c.term)!.set(c.row, c);
    }
    const terms = GEOREF_OUTPUT_TERMS.filter((t) => byTerm.has(t));
    const missing = terms.filter((t) => !columns.has(t));
    if (request.addColumns && missing.length > 0) {
      const registry = registryFrom(registryItem);
      const sheetId = ws.id;
      const role = registry.sheets[sheetId]?.role ?? recogniseSheet(headers, ws.name);
      let next = headers.length;
      const look = role ? columnsForHeaders(role, missing) : [];
      missing.forEach((term, i) => {
        const index = next++;
        const cell = ws.getRangeByIndexes(0, index, 1, 1);
        cell.numberFormat = [["@"]];
        cell.values = [[term]];
        const column = look[i];
        if (column) formatHeaderCell(ws, column, index);
        columns.set(term, index);
        result.addedColumns.push(term);
      });
    } else {
      result.missingColumns.push(...missing);
    }

    // The cells' values now, over the runs of rows to write (bounded by the rows the calculator read).
    const current = terms
      .filter((t) => columns.has(t) && !result.addedColumns.includes(t))
      .map((term) => {
        const rows = [...byTerm.get(term)!.keys()].sort((a, b) => a - b);
        const runs = runsOf(rows).map(([first, count]) => {
          const range = ws.getRangeByIndexes(first - 1, columns.get(term)!, count, 1);
          range.load("values,numberFormat");
          return { first, count, range };
        });
        return { term, runs };
      });
    if (current.length > 0) await context.sync();
    const text = createCellConverter({ date1904: date1904() });
    const now = new Map<string, string>();
    for (const { term, runs } of current) {
      for (const { first, count, range } of runs) {
        for (let i = 0; i < count; i++) {
          const v = text(range.values[i][0] as CellValue, range.numberFormat[i][0] as string);
          now.set(`${term}\t${first + i}`, v.trim());
        }
      }
    }

    const rowsWritten = new Set<number>();
    for (const term of terms) {
      if (!columns.has(term)) continue;
      const toSet: GeorefCellToWrite[] = [];
      for (const cell of byTerm.get(term)!.values()) {
        const there = now.get(`${term}\t${cell.row}`) ?? "";
        if (there === "") toSet.push(cell);
        else if (request.replace && there === cell.expected.trim()) {
          if (there !== cell.value) {
            toSet.push(cell);
            result.replaced.push({ row: cell.row, term, from: there, to: cell.value });
          }
        } else if (there !== cell.value) result.skipped.push({ row: cell.row, term, current: there });
      }
      toSet.sort((a, b) => a.row - b.row);
      const byRow = new Map(toSet.map((c) => [c.row, c]));
      const numeric = term === "coordinateUncertaintyInMeters";
      for (const [first, count] of runsOf(toSet.map((c) => c.row))) {
        const range = ws.getRangeByIndexes(first - 1, columns.get(term)!, count, 1);
        const values = Array.from({ length: count }, (_, i) => {
          const v = byRow.get(first + i)!.value;
          return [numeric && /^\d+(\.\d+)?$/.test(v) ? Number(v) : v];
        });
        range.numberFormat = values.map(() => [numeric ? "General" : "@"]);
        range.values = values;
        for (let i = 0; i < count; i++) rowsWritten.add(first + i);
      }
      result.written += toSet.length;
    }
    result.rows = rowsWritten.size;
    await context.sync();
    return result;
  });
}
