/**
 * The one design of validation marks, which every adapter's `markCells` (src/archive/adapter.ts) writes: a very
 * hidden mirror sheet per marked dataset sheet (`DwC marks 1`, `DwC marks 2`…) holding `E` (blocker or error) or
 * `W` (warning) at the address of the marked cell, and two conditional formats on the dataset sheet,
 * `=LEFT('DwC marks 1'!A1,1)="E"` (red) and `…="W"` (yellow), relative to A1. The user's values and formats are never
 * written. Pure: the Excel adapter (src/excel/marks.ts, through Office.js) and the file adapter
 * (src/file/marks-writer.ts, through ExcelJS) apply it.
 */
import { MARK_COLOURS, templateLastRow } from "../dwc";
import type { Issue } from "../validate/types";

/** Extra columns the marks' conditional formats cover beyond the header, for columns the user adds later. */
export const MARKS_SPARE_COLUMNS = 30;
/** Excel's last row. */
const MAX_ROWS = 1048576;

/** The marks' colours: the model's, which the template highlights share. */
export { MARK_COLOURS };

/** Mirror-sheet names look like this; nothing else is ever named so by the add-in or the command line. */
export function isMarksSheetName(name: string): boolean {
  return /^DwC marks \d+$/.test(name);
}

/** The first mirror name `DwC marks N` not in `taken` (lower-cased names); adds it to `taken`. */
export function freeMarksSheetName(taken: Set<string>): string {
  let n = 1;
  while (taken.has(`dwc marks ${n}`)) n++;
  const name = `DwC marks ${n}`;
  taken.add(name.toLowerCase());
  return name;
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

/** The rows of `sheet` that have a mark (an issue on a row, not info). */
export function markedRows(issues: readonly Issue[], sheet: string): Set<number> {
  return new Set(issues.filter((i) => i.sheet === sheet && i.row >= 1 && markCode(i.severity) !== "").map((i) => i.row));
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

/**
 * The two mark formulas for a mirror sheet, relative to A1 (a mirror's name has a space, so it is always quoted).
 *
 * @example markFormulas("DwC marks 1").error === `=LEFT('DwC marks 1'!A1,1)="E"`
 */
export function markFormulas(marksSheet: string): { error: string; warning: string } {
  const ref = `'${marksSheet.replace(/'/g, "''")}'!A1`;
  return { error: `=LEFT(${ref},1)="E"`, warning: `=LEFT(${ref},1)="W"` };
}

/** Whether a conditional-format formula is one of the marks' (to remove them). */
export function isMarkFormula(formula: string): boolean {
  return /'?DwC marks \d+'?!/.test(formula);
}

/**
 * What the conditional formats of a sheet's marks cover: columns A.. (the header's `width` plus
 * {@link MARKS_SPARE_COLUMNS}) and rows 1..lastRow (the template's rows, or past the data).
 */
export function marksExtent(width: number, lastDataRow: number): { columns: number; lastRow: number } {
  return { columns: Math.max(1, width) + MARKS_SPARE_COLUMNS, lastRow: Math.min(templateLastRow(lastDataRow), MAX_ROWS) };
}
