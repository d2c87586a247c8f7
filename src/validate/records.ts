/** Validating small in-memory tables in one call (tests, the CLI's CSV files). */
import type { Lang, SheetRole } from "../dwc/types";
import type { CellValue, WorkbookFacts } from "../dwc/table";
import type { BdqMode } from "./bdqRules";
import type { Issue } from "./types";
import { createWorkbookValidator } from "./workbook";

/** One sheet held in memory: header row and data rows (row 2 onwards). */
export interface RecordsSheet {
  name: string;
  headers: string[];
  /** Data rows; `rows[0]` is spreadsheet row 2. */
  rows: CellValue[][];
  role?: SheetRole;
  numberFormats?: (string | null)[][];
  formulas?: (string | null)[][];
}

/**
 * Validates whole sheets held in memory: every rule, cell to dataset. Issues come sheet by sheet, cell and record
 * issues first, then the sheet and dataset issues.
 *
 * @example validateRecords([{ name: "Occurrence", headers: ["occurrenceID", "basisOfRecord"], rows: [["o1", "occurrence"]] }])
 */
export function validateRecords(sheets: RecordsSheet[], options: { lang?: Lang; facts?: WorkbookFacts; recognise?: boolean; bdq?: BdqMode } = {}): Issue[] {
  const v = createWorkbookValidator({
    sheets: sheets.map((s) => ({ name: s.name, headers: s.headers, role: s.role, rowCount: s.rows.length + 1 })),
    ...options,
  });
  const out: Issue[] = [];
  for (const s of sheets) {
    if (s.rows.length) out.push(...v.addChunk(s.name, { startRow: 2, values: s.rows, numberFormats: s.numberFormats, formulas: s.formulas }));
  }
  out.push(...v.finish());
  return out;
}
