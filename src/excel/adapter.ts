/**
 * The open workbook as the core's `WorkbookAdapter` (src/archive/adapter.ts): its dataset sheets read in chunks
 * through Office.js, and new text sheets written under Excel's request size limit. What the pane's validate,
 * export and report go through.
 */
import type { WorkbookAdapter } from "../archive/adapter";
import { collectExportSources, type ExportSheetSource } from "./export";
import { writeReportSheet } from "./report";

/**
 * The workbook open in Excel. `collectSources` is {@link collectExportSources}, `writeSheet` is
 * {@link writeReportSheet} (a new sheet, never over an existing one; every cell text-formatted).
 *
 * @example const table = reportTable(issues, lang); await excelWorkbook.writeSheet(table.sheetName, table.header, table.rows)
 */
export const excelWorkbook: WorkbookAdapter<ExportSheetSource> = {
  collectSources: (options = {}) => collectExportSources({ signal: options.signal }),
  writeSheet: (wanted, header, rows) => writeReportSheet(wanted, header, rows),
};
