/**
 * What a cell means, as text for a data file. The conversion itself (Excel's 15-digit precision, date serials as
 * ISO 8601, one converter per workbook) lives in the model (src/dwc/cells.ts) so that validation quotes exactly the
 * text the archive writes; it is re-exported here as part of the archive's public surface.
 */
import { isExcelError } from "../dwc/cells";
import type { CellValue } from "../dwc/table";

export { createCellConverter, numberText, toExcelPrecision } from "../dwc/cells";
export type { CellConverter } from "../dwc/cells";

/** Whether a cell holds an Excel error value (`#N/A`, `#ИМЯ?` …), which blocks the export. */
export function isErrorCell(value: CellValue): boolean {
  return typeof value === "string" && value.charCodeAt(0) === 0x23 && isExcelError(value);
}
