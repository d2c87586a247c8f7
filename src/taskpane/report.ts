/** The validation report as table rows: what "Write the report to a sheet" writes. */
import type { Lang } from "../dwc/types";
import { getRule } from "../validate/rules";
import type { Issue, Severity } from "../validate/types";
import { cellAddress, type Strings } from "./i18n";

const tier = (s: Severity, strings: Strings): string =>
  s === "blocker" ? strings.severityBlocker : s === "error" ? strings.severityError : s === "warning" ? strings.severityWarning : strings.severityInfo;

/**
 * One row per finding: sheet, cell (empty for a sheet- or dataset-level finding), column (its term), value, rule
 * (its title, never its id), tier, message and the proposed fix (the new values), in `lang`.
 *
 * @example reportRows([issue], "en", strings)[0] // ["Occurrence", "B2", "basisOfRecord", "fossil", "basisOfRecord missing…", "Blocks export", "…", ""]
 */
export function reportRows(issues: readonly Issue[], lang: Lang, strings: Strings): string[][] {
  return issues.map((i) => [
    i.sheet,
    i.row > 0 ? cellAddress(i.row, Math.max(i.column, 0)) : "",
    i.term ?? "",
    i.value ?? "",
    getRule(i.ruleId)?.title[lang] ?? strings.otherRule,
    tier(i.severity, strings),
    i.message[lang],
    i.fix ? i.fix.changes.map((c) => `${c.term}: ${c.to}`).join("; ") : "",
  ]);
}
