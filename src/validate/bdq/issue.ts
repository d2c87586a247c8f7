/**
 * Turning BDQ responses into validation issues for the engine: a NOT_COMPLIANT Validation, a POTENTIAL_ISSUE
 * Issue and an AMENDED/FILLED_IN Amendment become an Issue (the amendment as a fix proposal); everything else
 * (COMPLIANT, NOT_ISSUE, NOT_AMENDED, measures, unmet prerequisites) is no issue.
 */
import type { Text2 } from "../../dwc/types";
import type { CellChange, Issue, Severity } from "../types";
import type { BdqResponse, BdqTestDescriptor } from "./types";

/** Where the record being tested sits in the workbook. */
export interface BdqIssueContext {
  sheet: string;
  /** 1-based spreadsheet row of the record. */
  row: number;
  /** 0-based column of a term (unprefixed name), or -1 when the sheet has no such column. */
  columnOf(term: string): number;
  /** Current value of a term in the record (for `CellChange.from`). */
  valueOf(term: string): string;
}

/** `dwc:countryCode` → `countryCode`, `dc:type` → `type`, `dcterms:license` → `license`. */
export const unprefixed = (term: string): string => term.slice(term.indexOf(":") + 1);

/**
 * Severity of a NOT_COMPLIANT Validation: error when the value does not conform to the standard (a wrong format,
 * a value outside the controlled vocabulary or the valid range: the BDQ Conformance dimension); warning for
 * missing values (Completeness) and for implausible or inconsistent values (Likeliness, Consistency, Resolution).
 */
export function validationSeverity(test: BdqTestDescriptor): Severity {
  return test.dimension === "Conformance" ? "error" : "warning";
}

function message(test: BdqTestDescriptor, response: BdqResponse, en: string, ru: string): Text2 {
  return { en: `${test.label}: ${en} (${response.comment})`, ru: `${test.label}: ${ru} (${response.comment})` };
}

/**
 * The issue a response stands for, or undefined. `column` and `term` point at the first acted-upon term that the
 * sheet has (or the first one), so a mark lands on a cell the user can change.
 */
export function bdqResponseToIssue(
  test: BdqTestDescriptor,
  response: BdqResponse,
  context: BdqIssueContext
): Issue | undefined {
  const terms = test.actedUpon.map(unprefixed);
  const term = terms.find((t) => context.columnOf(t) >= 0) ?? terms[0];
  const base = {
    ruleId: test.label,
    sheet: context.sheet,
    row: context.row,
    column: term === undefined ? -1 : context.columnOf(term),
    term,
    value: term === undefined ? undefined : context.valueOf(term),
  };
  if (test.type === "Validation" && response.status === "RUN_HAS_RESULT" && response.result === "NOT_COMPLIANT") {
    return {
      ...base,
      severity: validationSeverity(test),
      message: message(test, response, test.description, "значение не прошло проверку качества данных TDWG BDQ"),
    };
  }
  if (test.type === "Issue" && response.status === "RUN_HAS_RESULT" && response.result === "POTENTIAL_ISSUE") {
    return {
      ...base,
      severity: "info",
      message: message(test, response, test.description, "возможная проблема качества данных"),
    };
  }
  if (
    test.type === "Amendment" &&
    (response.status === "AMENDED" || response.status === "FILLED_IN") &&
    typeof response.result === "object"
  ) {
    const changes: CellChange[] = Object.entries(response.result).map(([key, to]) => {
      const t = unprefixed(key);
      return {
        sheet: context.sheet,
        row: context.row,
        column: context.columnOf(t),
        term: t,
        from: context.valueOf(t),
        to,
      };
    });
    const summary = changes.map((c) => `${c.term} = ${c.to}`).join(", ");
    const filled = response.status === "FILLED_IN";
    return {
      ...base,
      severity: "info",
      message: message(
        test,
        response,
        filled ? `can be filled in: ${summary}` : `can be standardized: ${summary}`,
        filled ? `можно заполнить: ${summary}` : `можно привести к стандарту: ${summary}`
      ),
      fix: { label: { en: `Set ${summary}`, ru: `Записать ${summary}` }, changes },
    };
  }
  return undefined;
}
