/**
 * Validation: pure rules over sheet contents. Adapters feed rows and show the plain `Issue` results.
 *
 * ```ts
 * const v = createWorkbookValidator({ sheets: [{ name: "Event", headers, role }], facts: { date1904 } });
 * issues.push(...v.addChunk("Event", { startRow: 2, values, numberFormats, formulas })); // repeat per chunk
 * issues.push(...v.finish());                        // header, duplicate, uniqueness and cross-sheet rules
 * const r = validateEdit(v, "Event", { startRow: 7, values: [rowValues] }); // live: one edited row
 * issues = applyEdit(issues, r);                     // clear, then add; r.revalidateSheets after header edits
 * const plan = planFixes(issues, "day-first-date");  // "fix all": changes + verbatim columns to add
 * await loadBdqGeometry();                           // optional: coordinates vs country / sea, BDQ G tests
 * ```
 */
export type { CellChange, Fix, Issue, RuleScope, Severity } from "./types";
export { countBySeverity, SEVERITY_RANK, worseSeverity } from "./severity";
export { allRules, engineRules, getRule, registerRules, RULE, type RuleDef, type RuleSource } from "./rules";
export {
  applyEdit,
  createWorkbookValidator,
  issueMatches,
  validateEdit,
  ValidateError,
  type EditResult,
  type IssueFilter,
  type SheetSpec,
  type ValidateErrorCode,
  type WorkbookValidator,
  type WorkbookValidatorOptions,
} from "./workbook";
export { validateRecords, type RecordsSheet } from "./records";
export { bdqRules, DEFAULT_BDQ_TESTS, type BdqMode } from "./bdqRules";
export { loadBdqGeometry, isBdqGeometryLoaded, runBdqTest } from "./bdq";
export { parseIsoDate, dayFirstToIso, type ParsedDate, type DatePoint } from "./dates";
export { columnLetter } from "./issue";
export { mergeFixes, planFixes, type FixPlan } from "./fixes";
export { REPORT_WORDS, reportTable, type ReportTable, type ReportWords } from "./report";
