/** Small builders for validation tests. */
import type { SheetRole } from "../../src/dwc/types";
import type { CellValue } from "../../src/dwc/table";
import { validateRecords, type Issue } from "../../src/validate";

export const OCCURRENCE_CORE: SheetRole = { rowTypeId: "occurrence", kind: "core", datasetClass: "occurrence", idTerm: "occurrenceID" as SheetRole["idTerm"] };
export const EVENT_CORE: SheetRole = { rowTypeId: "event", kind: "core", datasetClass: "event", idTerm: "eventID" as SheetRole["idTerm"] };
export const EVENT_OCCURRENCES: SheetRole = { rowTypeId: "occurrence", kind: "extension", datasetClass: "event", idTerm: "eventID" as SheetRole["idTerm"] };
export const TAXON_CORE: SheetRole = { rowTypeId: "taxon", kind: "core", datasetClass: "checklist", idTerm: "taxonID" as SheetRole["idTerm"] };

/** Validates one occurrence sheet with the given columns; basic required columns are added when absent. */
export function occurrences(headers: string[], rows: CellValue[][], extra: Partial<{ numberFormats: (string | null)[][]; formulas: (string | null)[][] }> = {}): Issue[] {
  return validateRecords([{ name: "Occurrence", headers, rows, role: OCCURRENCE_CORE, ...extra }]);
}

/** Issues of one rule. */
export const only = (issues: Issue[], ruleId: string): Issue[] => issues.filter((i) => i.ruleId === ruleId);
/** Rule ids found at a cell. */
export const at = (issues: Issue[], row: number, column: number): string[] => issues.filter((i) => i.row === row && i.column === column).map((i) => i.ruleId);
