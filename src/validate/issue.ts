/** Building issues and fixes. */
import type { Text2 } from "../dwc/types";
import { getRule } from "./rules";
import type { Fix, Issue, Severity } from "./types";

/** Spreadsheet column letters of a 0-based column: 0 → `A`, 27 → `AB`. */
export { columnLetters as columnLetter } from "../dwc/table";

/** Creates an issue; the severity defaults to the rule's. */
export function makeIssue(
  ruleId: string,
  sheet: string,
  row: number,
  column: number,
  term: string | undefined,
  value: string | undefined,
  message: Text2,
  fix?: Fix,
  severity?: Severity
): Issue {
  const issue: Issue = {
    ruleId,
    severity: severity ?? getRule(ruleId)?.severity ?? "error",
    sheet,
    row,
    column,
    message,
  };
  if (term !== undefined) issue.term = term;
  if (value !== undefined) issue.value = value;
  if (fix) issue.fix = fix;
  return issue;
}
