import type { Text2 } from "../dwc/types";

/**
 * The tier of a finding. blocker: the archive cannot be built, or the IPT or GBIF would refuse it (export refuses
 * only these); error: the value is certainly wrong and GBIF will flag or drop it (listed with its cell, does not stop
 * the archive unless the user asks for a strict export); warning: quality advice; info: worth knowing.
 */
export type Severity = "blocker" | "error" | "warning" | "info";

/** Tiers from the most to the least serious. */
export const SEVERITIES: readonly Severity[] = ["blocker", "error", "warning", "info"];

/** The scope a rule reads. */
export type RuleScope = "cell" | "record" | "sheet" | "dataset";

/** One proposed change of one cell. */
export interface CellChange {
  sheet: string;
  /** 1-based spreadsheet row. */
  row: number;
  /** 0-based column; -1 when the column does not exist yet and must be added with header `term`. */
  column: number;
  term: string;
  from: string;
  to: string;
}

/** A fix a rule proposes. Applied only on the user's click. */
export interface Fix {
  label: Text2;
  changes: CellChange[];
}

/** A validation result: plain data, for the task pane, the sheet marks, the CLI and JSON output. */
export interface Issue {
  ruleId: string;
  severity: Severity;
  sheet: string;
  /** 1-based spreadsheet row; 1 for a header problem; 0 for a sheet- or dataset-level issue. */
  row: number;
  /** 0-based column, or -1 when the issue is not about one column. */
  column: number;
  term?: string;
  value?: string;
  message: Text2;
  fix?: Fix;
  /**
   * How many cells the issue stands for, when a rule reports valid data once per column instead of once per cell
   * (e.g. date serials in date-formatted cells); `row` and `column` are then the first such cell. Absent for an
   * issue about one cell.
   */
  count?: number;
}
