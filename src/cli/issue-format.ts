import type { Lang } from "../dwc/types";
import { cellRef, columnLetters } from "../file";
import type { SourceNote } from "../file";
import { countBySeverity, getRule, SEVERITY_RANK, worseSeverity } from "../validate";
import type { Issue, Severity } from "../validate/types";

/**
 * One issue as the CLI prints it in JSON: the engine's fields, plus the cell reference and the message in the
 * chosen language.
 *
 * @example
 * { "ruleId": "vocabulary", "severity": "error", "sheet": "Occurrence", "row": 12, "column": "C",
 *   "cell": "Occurrence!C12", "term": "basisOfRecord", "value": "preservedspecimen",
 *   "message": "…", "fix": { "label": "…", "changes": [{ "cell": "Occurrence!C12", "from": "preservedspecimen", "to": "PreservedSpecimen" }] } }
 */
export interface IssueJson {
  ruleId: string;
  severity: Severity;
  sheet: string;
  /** 1-based row; 0 for a sheet- or dataset-level issue. */
  row: number;
  /** Column letters, or null when the issue is not about one column. */
  column: string | null;
  /** `Sheet!C12`, `Sheet!12:12` (a row), or `Sheet` (the sheet). */
  cell: string;
  term: string | null;
  value: string | null;
  message: string;
  fix: { label: string; changes: { cell: string; term: string; from: string; to: string }[] } | null;
}

/** The JSON form of an issue. */
export function issueToJson(issue: Issue, lang: Lang): IssueJson {
  return {
    ruleId: issue.ruleId,
    severity: issue.severity,
    sheet: issue.sheet,
    row: issue.row,
    column: issue.column >= 0 ? columnLetters(issue.column) : null,
    cell: issue.sheet ? cellRef(issue.sheet, issue.row, issue.column) : "",
    term: issue.term ?? null,
    value: issue.value ?? null,
    message: issue.message[lang],
    fix: issue.fix
      ? {
          label: issue.fix.label[lang],
          changes: issue.fix.changes.map((c) => ({
            // A column that does not exist yet (-1) is added at the end; name it by its term.
            cell:
              c.column >= 0
                ? cellRef(c.sheet, c.row, c.column)
                : `${cellRef(c.sheet, c.row, -1)} (new column ${c.term})`,
            term: c.term,
            from: c.from,
            to: c.to,
          })),
        }
      : null,
  };
}

/** A note about how the file was read, as an issue (`file.merged-cells` ...), so every output lists it. */
export function noteToIssue(note: SourceNote): Issue {
  // A formula without a computed value would be exported empty: the cell's value is unknown, so it blocks.
  const severity: Severity =
    note.code === "FORMULA_WITHOUT_RESULT" || note.blocking
      ? "blocker"
      : note.code === "MERGED_CELLS" || note.code === "NUL_CHARACTER"
        ? "warning"
        : "info";
  return {
    ruleId: `file.${note.code.toLowerCase().replace(/_/g, "-")}`,
    severity,
    sheet: note.sheet,
    row: note.row ?? 0,
    column: note.column ?? -1,
    message: note.message,
  };
}

const SEVERITY_WORD: Record<Severity, Record<Lang, string>> = {
  blocker: { en: "blocker", ru: "блокирует" },
  error: { en: "error", ru: "ошибка" },
  warning: { en: "warning", ru: "предупреждение" },
  info: { en: "info", ru: "сведения" },
};

/** Counts of issues by severity: the model's, as the pane counts them. */
export { countBySeverity };

/** "2 blockers, 3 errors, 12 warnings, 1 info" in the chosen language (blockers only when there are some). */
export function countsLine(counts: Record<Severity, number>, lang: Lang): string {
  const blockers = counts.blocker
    ? lang === "ru"
      ? `блокирующих: ${counts.blocker}, `
      : `${counts.blocker} blocker(s), `
    : "";
  return lang === "ru"
    ? `${blockers}ошибок: ${counts.error}, предупреждений: ${counts.warning}, сведений: ${counts.info}`
    : `${blockers}${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info`;
}

/** Longest value shown in the human report; the JSON output has the whole value. */
const SHOWN_VALUE = 60;

function shownValue(value: string): string {
  const v = value.length > SHOWN_VALUE ? `${value.slice(0, SHOWN_VALUE)}… (${value.length} chars)` : value;
  // Make invisible characters visible: the whitespace rules are about them.
  return JSON.stringify(v);
}

/**
 * The human report: issues grouped by rule (errors first), each line naming the cell, the value and the message
 * in `lang`; at most `perRule` lines per rule.
 */
export function formatIssues(issues: readonly Issue[], lang: Lang, perRule = 50): string {
  const groups = new Map<string, Issue[]>();
  for (const issue of issues) {
    const list = groups.get(issue.ruleId) ?? [];
    list.push(issue);
    groups.set(issue.ruleId, list);
  }
  const worst = (list: Issue[]) => Math.min(...list.map((i) => SEVERITY_RANK[i.severity]));
  const ordered = [...groups.entries()].sort((a, b) => worst(a[1]) - worst(b[1]) || a[0].localeCompare(b[0]));
  const lines: string[] = [];
  for (const [ruleId, list] of ordered) {
    const severity = list.reduce<Severity>((s, i) => worseSeverity(s, i.severity), "info");
    const title = getRule(ruleId)?.title[lang];
    lines.push("");
    lines.push(
      `${SEVERITY_WORD[severity][lang].toUpperCase()} ${ruleId}${title ? ` — ${title}` : ""} (${list.length})`
    );
    for (const issue of list.slice(0, perRule)) {
      // Sheet- and dataset-level issues about one term (metadata fields) name it after the place.
      const field = issue.term && (issue.column < 0 || issue.ruleId.startsWith("metadata.")) ? ` [${issue.term}]` : "";
      const where = (issue.sheet ? cellRef(issue.sheet, issue.row, issue.column) : "") + field;
      const value = issue.value !== undefined && issue.value !== "" ? ` ${shownValue(issue.value)}` : "";
      const fix = issue.fix && issue.fix.changes.length === 1 ? ` → ${JSON.stringify(issue.fix.changes[0].to)}` : "";
      const message = issue.message[lang];
      // File notes already start with the sheet name; do not print it twice.
      // Cell notes start with the cell (Occurrence!B4: …), which the line already names.
      const cellPrefix = issue.sheet && issue.row > 0 && issue.column >= 0 ? `${cellRef(issue.sheet, issue.row, issue.column)}: ` : "";
      const text =
        cellPrefix && message.startsWith(cellPrefix)
          ? message.slice(cellPrefix.length)
          : message.startsWith(`${issue.sheet}: `) && !value
            ? message.slice(issue.sheet.length + 2)
            : message;
      lines.push(`  ${where}${value}: ${text}${fix}`);
    }
    if (list.length > perRule) {
      const more = list.length - perRule;
      lines.push(
        lang === "ru" ? `  … и ещё ${more} (все — с --json)` : `  … and ${more} more (all of them with --json)`
      );
    }
  }
  return lines.join("\n") + (lines.length ? "\n" : "");
}

/**
 * When the dataset has no core or several, the line that tells which option settles it: the CLI's answer to "the
 * role is unclear" (the task pane asks instead).
 */
export function coreHint(issues: readonly Issue[], lang: Lang): string {
  if (!issues.some((i) => i.ruleId === "archive.coreCount")) return "";
  return lang === "ru"
    ? "Укажите ядро явно: --core occurrence|event|taxon (остальные листы станут его расширениями, если ссылаются на него).\n"
    : "Name the core: --core occurrence|event|taxon (the other sheets become its extensions when they link to it).\n";
}
