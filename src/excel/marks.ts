/**
 * Validation marks on the sheet, reversible by construction.
 *
 * Each dataset sheet that has marks gets a very hidden "mirror" sheet (`DwC marks 1`, `DwC marks 2`…) whose cell
 * at the same address holds `E` (blocker or error) or `W` (warning), and two conditional formats on the dataset sheet:
 * `=LEFT('DwC marks 1'!A1,1)="E"` (red) and `…="W"` (yellow). Why this design:
 * - the user's values and formats are never written: a mark is a value on the add-in's own sheet, and Excel
 *   draws it through a conditional format, which shows over the user's fill without replacing it;
 * - a cell that becomes valid loses its mark by writing "" to the mirror cell (one small write per edited row);
 * - marks persist in the file and show with the task pane closed;
 * - one command removes everything: delete the two conditional formats and the mirror sheet.
 * Storing the user's original fill in settings and painting cells instead would break as soon as the user
 * changes the fill of a marked cell (the restore would undo their change), so it was not chosen.
 *
 * Inserting or deleting rows on the dataset sheet does not move the mirror's cells; the live handler re-marks
 * the rows it is told about, and "Validate" rewrites all marks.
 */
import type { Issue } from "../validate/types";
import { columnLetters, quoteSheet } from "./address";
import { MARK_COLOURS, templateLastRow } from "./style";

/** Settings key prefix of a dataset sheet's marks record (one key per worksheet id, so writers never race). */
export const MARKS_KEY_PREFIX = "dwc-excel.marks.";
/** Extra columns the marks' conditional formats cover beyond the header, for columns the user adds later. */
const SPARE_COLUMNS = 30;

/** Where a dataset sheet's marks live. */
export interface MarksRecord {
  /** Name of the very hidden mirror sheet. */
  marksSheet: string;
  /** Columns (from A) and last row the conditional formats cover. */
  columns: number;
  lastRow: number;
}

/** Mirror-sheet names look like this; nothing else is ever named so by the add-in. */
export function isMarksSheetName(name: string): boolean {
  return /^DwC marks \d+$/.test(name);
}

/**
 * The code a mirror cell holds for a severity: blockers and errors `E` (both red: a blocker is a certainly wrong
 * value too; the task pane tells them apart), warnings `W`; info is not marked.
 */
export function markCode(severity: Issue["severity"]): "E" | "W" | "" {
  return severity === "blocker" || severity === "error" ? "E" : severity === "warning" ? "W" : "";
}

/**
 * Mark grids for the given rows of one sheet from the current issues: `width` codes per row, the strongest
 * severity per cell. An issue about a whole record (column -1) marks the row's first cell; sheet-level issues
 * (row 0) are not marked.
 *
 * @example markGrid([{ sheet: "S", row: 3, column: 1, severity: "error", … }], "S", [3, 4], 3)
 *   // Map { 3 => ["", "E", ""], 4 => ["", "", ""] }
 */
export function markGrid(issues: readonly Issue[], sheet: string, rows: Iterable<number>, width: number): Map<number, string[]> {
  const grid = new Map<number, string[]>();
  for (const r of rows) if (r >= 1) grid.set(r, new Array<string>(width).fill(""));
  for (const i of issues) {
    if (i.sheet !== sheet) continue;
    const row = grid.get(i.row);
    if (!row) continue;
    const code = markCode(i.severity);
    const c = i.column < 0 ? 0 : i.column;
    if (!code || c >= width) continue;
    if (row[c] !== "E") row[c] = code;
  }
  return grid;
}

/** Consecutive rows of a grid, as runs `[firstRow, rows[]]`, so each run is one range write. */
export function rowRuns(grid: Map<number, string[]>): [number, string[][]][] {
  const rows = [...grid.keys()].sort((a, b) => a - b);
  const runs: [number, string[][]][] = [];
  for (const r of rows) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1].length === r) last[1].push(grid.get(r) as string[]);
    else runs.push([r, [grid.get(r) as string[]]]);
  }
  return runs;
}

/** The two mark formulas for a mirror sheet, relative to A1. */
export function markFormulas(marksSheet: string): { error: string; warning: string } {
  const ref = `${quoteSheet(marksSheet)}!A1`;
  return { error: `=LEFT(${ref},1)="E"`, warning: `=LEFT(${ref},1)="W"` };
}

/** Whether a conditional-format formula is one of the marks' (to remove them). */
export function isMarkFormula(formula: string): boolean {
  return /'?DwC marks \d+'?!/.test(formula);
}

/** Queues the conditional formats drawing the marks over columns [from, to) of rows 1..lastRow. */
function queueMarkFormats(dataSheet: Excel.Worksheet, marksSheet: string, from: number, to: number, lastRow: number): void {
  const range = dataSheet.getRange(`${columnLetters(from)}1:${columnLetters(to - 1)}${lastRow}`);
  const formulas = markFormulas(marksSheet);
  // Formulas are relative to the range's top-left cell.
  const rel = (f: string) => (from === 0 ? f : f.replace(/!A1\b/, `!${columnLetters(from)}1`));
  const pairs: [string, { fill: string; font: string }][] = [
    [rel(formulas.warning), MARK_COLOURS.warning],
    [rel(formulas.error), MARK_COLOURS.error],
  ];
  for (const [formula, colours] of pairs) {
    const cf = range.conditionalFormats.add("Custom");
    cf.custom.rule.formula = formula;
    cf.custom.format.fill.color = colours.fill;
    cf.custom.format.font.color = colours.font;
  }
}

/**
 * Queues what makes marks possible on a dataset sheet, without any read: the mirror sheet (when `record` is
 * undefined), the conditional formats (extended when `width` grew), and the settings record. Returns the record
 * in effect afterwards.
 */
export function queueEnsureMarks(
  context: Excel.RequestContext,
  dataSheet: Excel.Worksheet,
  dataSheetId: string,
  record: MarksRecord | undefined,
  width: number,
  lastDataRow: number,
  takenSheetNames: Set<string>,
): MarksRecord {
  const columns = Math.max(1, width) + SPARE_COLUMNS;
  const lastRow = Math.max(record?.lastRow ?? 0, templateLastRow(lastDataRow));
  if (record && record.columns >= width && record.lastRow >= lastDataRow) return record;
  let next: MarksRecord;
  if (!record) {
    let n = 1;
    while (takenSheetNames.has(`dwc marks ${n}`)) n++;
    const marksSheet = `DwC marks ${n}`;
    takenSheetNames.add(marksSheet.toLowerCase());
    const sheet = context.workbook.worksheets.add(marksSheet);
    sheet.visibility = "VeryHidden";
    next = { marksSheet, columns, lastRow: Math.min(lastRow, 1048576) };
    queueMarkFormats(dataSheet, marksSheet, 0, next.columns, next.lastRow);
  } else {
    next = { ...record, columns: Math.max(record.columns, columns), lastRow: Math.min(Math.max(record.lastRow, lastRow), 1048576) };
    if (next.lastRow > record.lastRow) queueMarkFormats(dataSheet, record.marksSheet, 0, record.columns, next.lastRow);
    if (next.columns > record.columns) queueMarkFormats(dataSheet, record.marksSheet, record.columns, next.columns, next.lastRow);
  }
  context.workbook.settings.add(MARKS_KEY_PREFIX + dataSheetId, next);
  return next;
}

/** Queues writing mark rows to the mirror sheet (one range per run of consecutive rows). */
export function queueMarkWrites(context: Excel.RequestContext, record: MarksRecord, grid: Map<number, string[]>): void {
  const sheet = context.workbook.worksheets.getItem(record.marksSheet);
  for (const [first, rows] of rowRuns(grid)) {
    const width = rows[0].length;
    if (width === 0) continue;
    sheet.getRangeByIndexes(first - 1, 0, rows.length, width).values = rows;
  }
}

/** Reads a marks record from a settings value; undefined when unreadable. */
export function parseMarksRecord(value: unknown): MarksRecord | undefined {
  const v = value as MarksRecord | undefined;
  if (!v || typeof v.marksSheet !== "string" || !isMarksSheetName(v.marksSheet)) return undefined;
  return { marksSheet: v.marksSheet, columns: Number(v.columns) || 0, lastRow: Number(v.lastRow) || 0 };
}

/**
 * Removes every validation mark of the workbook: the marks' conditional formats on every sheet, the mirror
 * sheets and their settings records. Values and the user's formats are untouched (they never changed).
 * Three round trips whatever the number of sheets.
 */
export async function clearAllMarks(): Promise<void> {
  await Excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/id");
    const settings = context.workbook.settings;
    settings.load();
    await context.sync();
    const formats = worksheets.items
      .filter((w) => !isMarksSheetName(w.name))
      .map((w) => {
        const cfs = w.getRange().conditionalFormats;
        cfs.load("items/type");
        return cfs;
      });
    await context.sync();
    const custom = formats.flatMap((cfs) => cfs.items.filter((cf) => cf.type === "Custom"));
    for (const cf of custom) cf.custom.rule.load("formula");
    await context.sync();
    for (const cf of custom) if (isMarkFormula(cf.custom.rule.formula)) cf.delete();
    for (const w of worksheets.items) if (isMarksSheetName(w.name)) w.delete();
    for (const s of settings.items) if (s.key.startsWith(MARKS_KEY_PREFIX)) s.delete();
    await context.sync();
  });
}
