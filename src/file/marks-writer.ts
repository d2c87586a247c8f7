/**
 * Validation marks in an ExcelJS workbook, in the design the add-in draws them (src/archive/marks.ts): per marked
 * dataset sheet a very hidden mirror sheet "DwC marks N" holding `E`/`W` at the marked cell's address, and two
 * conditional formats on the dataset sheet, `LEFT('DwC marks N'!A1,1)="E"` red and `…="W"` yellow. A file marked by
 * the command line therefore looks the same in Excel as one marked by the add-in, and the add-in's "Remove marks"
 * (which finds mirrors by name and formats by formula) removes them. No value or format of the user's cells is
 * written. The workbook is meant to be a copy of the user's file (`inputWorkbook` in workbook-copy.ts).
 */
import type ExcelJS from "exceljs";
import {
  freeMarksSheetName,
  isMarkFormula,
  isMarksSheetName,
  MARK_COLOURS,
  markedRows,
  marksExtent,
  markFormulas,
  markGrid,
} from "../archive/marks";
import type { Issue } from "../validate/types";
import { columnLetters } from "./address";

/** A sheet's marks as written. */
export interface MarkedSheet {
  /** The dataset sheet. */
  sheet: string;
  /** Its mirror sheet. */
  marksSheet: string;
  /** Cells marked `E` and `W`. */
  errors: number;
  warnings: number;
}

/** `#RRGGBB` as ExcelJS's ARGB. */
const argb = (hex: string): string => `FF${hex.replace(/^#/, "").toUpperCase()}`;

/** The conditional-format rule of one mark code. */
function markRule(formula: string, colours: { fill: string; font: string }, priority: number): ExcelJS.ConditionalFormattingRule {
  return {
    type: "expression",
    priority,
    // The file stores formulas without the leading "=" Office.js shows.
    formulae: [formula.replace(/^=/, "")],
    style: {
      fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(colours.fill) } },
      font: { color: { argb: argb(colours.font) } },
    },
  } as ExcelJS.ConditionalFormattingRule;
}

/** Whether a conditional-format rule is a mark's (its formula reads a mirror sheet). */
function isMarkRule(rule: ExcelJS.ConditionalFormattingRule): boolean {
  return ((rule as { formulae?: unknown[] }).formulae ?? []).some((f) => isMarkFormula(String(f)));
}

/** Removes the marks already in the workbook (mirror sheets and the marks' conditional formats), as "Remove marks" does. */
export function removeMarks(workbook: ExcelJS.Workbook): void {
  for (const ws of [...workbook.worksheets]) {
    if (isMarksSheetName(ws.name)) {
      workbook.removeWorksheet(ws.id);
      continue;
    }
    // Keeps the formats none of whose rules is a mark's.
    ws.removeConditionalFormatting((cf: ExcelJS.ConditionalFormattingOptions) => !cf.rules.some(isMarkRule));
  }
}

/**
 * Rewrites every mark of `workbook` from `issues` (blocker/error `E`, warning `W`, info nothing; an issue about a
 * whole record marks the row's first cell, sheet-level issues none): marks already there are removed first, then
 * each sheet with marks gets its mirror and the two conditional formats over its columns plus spare ones, rows 1 to
 * the template's last row or past the data. Issues of sheets the workbook does not have are ignored.
 *
 * @example writeMarks(await inputWorkbook({ kind: "xlsx", path: "birds.xlsx" }), issues) // [{ sheet: "Occurrence", marksSheet: "DwC marks 1", errors: 3, warnings: 1 }]
 */
export function writeMarks(workbook: ExcelJS.Workbook, issues: readonly Issue[]): MarkedSheet[] {
  removeMarks(workbook);
  const taken = new Set(workbook.worksheets.map((w) => w.name.toLowerCase()));
  const marked: MarkedSheet[] = [];
  for (const target of [...workbook.worksheets]) {
    const name = target.name;
    const rows = markedRows(issues, name);
    if (rows.size === 0) continue;
    const columnsUsed = issues.reduce((w, i) => (i.sheet === name && i.row >= 1 ? Math.max(w, i.column + 1) : w), 1);
    const width = Math.max(target.columnCount, columnsUsed);
    const grid = markGrid(issues, name, rows, width);
    const marksSheet = freeMarksSheetName(taken);
    const mirror = workbook.addWorksheet(marksSheet, { state: "veryHidden" });
    let errors = 0;
    let warnings = 0;
    for (const [row, codes] of grid) {
      codes.forEach((code, c) => {
        if (!code) return;
        mirror.getCell(row, c + 1).value = code;
        if (code === "E") errors++;
        else warnings++;
      });
    }
    let lastRow = target.rowCount;
    for (const r of rows) if (r > lastRow) lastRow = r;
    const extent = marksExtent(width, lastRow);
    const formulas = markFormulas(marksSheet);
    target.addConditionalFormatting({
      ref: `A1:${columnLetters(extent.columns - 1)}${extent.lastRow}`,
      rules: [markRule(formulas.error, MARK_COLOURS.error, 1), markRule(formulas.warning, MARK_COLOURS.warning, 2)],
    });
    marked.push({ sheet: name, marksSheet, errors, warnings });
  }
  return marked;
}
