/**
 * Validation: pure rules over sheet contents. Adapters feed rows (`createWorkbookValidator` → `addChunk` →
 * `finish`, `validateEdit` for live edits) and show the plain `Issue` results.
 */
export type { CellChange, Fix, Issue, RuleScope, Severity } from "./types";
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
