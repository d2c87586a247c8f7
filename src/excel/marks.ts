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
 *
 * The design itself (names, codes, formulas, colours) is the core's src/archive/marks.ts: the command line's
 * `validate --marked` writes the same mirror sheets and formats into a copy of the file (src/file/marks-writer.ts),
 * so {@link clearAllMarks} removes those too.
 */
import {
  freeMarksSheetName,
  isMarkFormula,
  isMarksSheetName,
  MARK_COLOURS,
  MARKS_SPARE_COLUMNS,
  markCode,
  markFormulas,
  markGrid,
  rowRuns,
} from "../archive/marks";
import { columnLetters } from "./address";
import { templateLastRow } from "./style";

/** The marks' model is the core's (src/archive/marks.ts), which the file adapter's marks follow too. */
export { isMarkFormula, isMarksSheetName, markCode, markFormulas, markGrid, rowRuns };

/** Settings key prefix of a dataset sheet's marks record (one key per worksheet id, so writers never race). */
export const MARKS_KEY_PREFIX = "dwc-excel.marks.";

/** Where a dataset sheet's marks live. */
export interface MarksRecord {
  /** Name of the very hidden mirror sheet. */
  marksSheet: string;
  /** Columns (from A) and last row the conditional formats cover. */
  columns: number;
  lastRow: number;
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
  const columns = Math.max(1, width) + MARKS_SPARE_COLUMNS;
  const lastRow = Math.max(record?.lastRow ?? 0, templateLastRow(lastDataRow));
  if (record && record.columns >= width && record.lastRow >= lastDataRow) return record;
  let next: MarksRecord;
  if (!record) {
    const marksSheet = freeMarksSheetName(takenSheetNames);
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
