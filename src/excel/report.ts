/**
 * The validation report as a sheet: every finding as a table row on a new sheet (never over an existing one:
 * "Validation report", then "Validation report (2)"…), written in blocks so that no request reaches Excel's
 * 5 MB limit (Excel on the web), whatever the number of findings.
 */
import { freeSheetName, type WrittenSheet } from "../archive/adapter";
import { columnLetters } from "./address";
import { approxBytes, TARGET_REQUEST_BYTES } from "./read";

/** What {@link writeReportSheet} wrote: the core's `WrittenSheet`. */
export type ReportSheet = WrittenSheet;

/**
 * Writes `header` and `rows` (text only: every cell text-formatted, so that Excel keeps ids, dates and values as
 * the report shows them) to a new sheet named `wanted`, or the first free "wanted (n)". One round trip to add the
 * sheet with its header, then one per block of rows under the request size limit.
 *
 * @example await writeReportSheet("Validation report", ["Sheet", "Cell", …], [["Occurrence", "B2", …]])
 */
export async function writeReportSheet(wanted: string, header: readonly string[], rows: readonly (readonly string[])[], limit = TARGET_REQUEST_BYTES): Promise<ReportSheet> {
  const width = header.length;
  const last = columnLetters(Math.max(0, width - 1));
  const name = await Excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    const chosen = freeSheetName(wanted, new Set(worksheets.items.map((w) => w.name.toLowerCase())));
    const sheet = worksheets.add(chosen);
    const head = sheet.getRange(`A1:${last}1`);
    head.numberFormat = [header.map(() => "@")];
    head.values = [[...header]];
    head.format.font.bold = true;
    sheet.freezePanes.freezeRows(1);
    await context.sync();
    return chosen;
  });
  let at = 0;
  while (at < rows.length) {
    // As many rows as fit under the limit (values and their text formats both travel), at least one.
    let bytes = 0;
    let end = at;
    while (end < rows.length) {
      const b = approxBytes(rows[end]) * 2 + 16;
      if (end > at && bytes + b > limit) break;
      bytes += b;
      end++;
    }
    const block = rows.slice(at, end).map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
    await writeBlock(name, at + 2, last, block);
    at = end;
  }
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(name);
    sheet.getRange(`A1:${last}1`).format.autofitColumns();
    sheet.activate();
    await context.sync();
  });
  return { name, rows: rows.length };
}

/** One block of rows from 1-based row `first`: one request. */
async function writeBlock(sheet: string, first: number, lastColumn: string, block: string[][]): Promise<void> {
  await Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRange(`A${first}:${lastColumn}${first + block.length - 1}`);
    range.numberFormat = block.map((r) => r.map(() => "@"));
    range.values = block;
    await context.sync();
  });
}
