/**
 * The open workbook as the core's `WorkbookAdapter` (src/archive/adapter.ts): its dataset sheets read in chunks
 * through Office.js, new text sheets written under Excel's request size limit, templates inserted and validation
 * marks rewritten. What the pane's validate, export, report, template and marks go through.
 */
import type { WorkbookAdapter } from "../archive/adapter";
import { collectExportSources, type ExportSheetSource } from "./export";
import { writeReportSheet } from "./report";
import { insertTemplate } from "./template";
import { markIssues } from "./workbookValidation";

/**
 * The workbook open in Excel. `collectSources` is {@link collectExportSources}, `writeSheet` is
 * {@link writeReportSheet} (a new sheet, never over an existing one; every cell text-formatted), `writeTemplate` is
 * {@link insertTemplate} (its sheets' names, no data rows), `markCells` is {@link markIssues} (every mark rewritten
 * from the issues, in the session's queue).
 *
 * @example const table = reportTable(issues, lang); await excelWorkbook.writeSheet(table.sheetName, table.header, table.rows)
 * @example await excelWorkbook.writeTemplate(buildTemplate("event", "minimal"), "ru") // [{ name: "События", rows: 0 }, …]
 */
export const excelWorkbook: WorkbookAdapter<ExportSheetSource> = {
  collectSources: (options = {}) => collectExportSources({ signal: options.signal }),
  writeSheet: (wanted, header, rows) => writeReportSheet(wanted, header, rows),
  writeTemplate: async (sheets, lang) => (await insertTemplate([...sheets], lang)).map((s) => ({ name: s.name, rows: 0 })),
  markCells: (issues) => markIssues(issues),
};
