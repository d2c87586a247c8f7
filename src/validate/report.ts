/**
 * The validation report as a table: one row per finding, in English or Russian. What the pane's "Write the report
 * to a sheet" and the command line's `validate --report` write, through an adapter's `writeSheet`.
 */
import { columnLetters } from "../dwc/table";
import type { Lang } from "../dwc/types";
import { getRule } from "./rules";
import type { Issue, Severity } from "./types";

/** The report's words in one language: its sheet name, header row, tier names and the title of a rule not in the catalog. */
export interface ReportWords {
  sheetName: string;
  header: readonly string[];
  tiers: Readonly<Record<Severity, string>>;
  otherRule: string;
}

/** The report's words in English and Russian (the pane's tier names and rule fallback are these too). */
export const REPORT_WORDS: Readonly<Record<Lang, ReportWords>> = {
  en: {
    sheetName: "Validation report",
    header: ["Sheet", "Cell", "Column", "Value", "Rule", "Tier", "Message", "Proposed fix"],
    tiers: { blocker: "Blocks export", error: "Error", warning: "Warning", info: "Note" },
    otherRule: "Data quality check",
  },
  ru: {
    sheetName: "Отчёт о проверке",
    header: ["Лист", "Ячейка", "Столбец", "Значение", "Правило", "Уровень", "Сообщение", "Предлагаемое исправление"],
    tiers: { blocker: "Блокирует экспорт", error: "Ошибка", warning: "Предупреждение", info: "Заметка" },
    otherRule: "Проверка качества данных",
  },
};

/** The report as a sheet to write: its wanted name, header row and rows of text. */
export interface ReportTable {
  sheetName: string;
  header: readonly string[];
  rows: string[][];
}

/**
 * One row per finding: sheet, cell (empty for a sheet- or dataset-level finding), column (its term), value, rule
 * (its title, never its id), tier, message and the proposed fix (the new values), in `lang`.
 *
 * @example reportTable([issue], "en").rows[0] // ["Occurrence", "B2", "basisOfRecord", "fossil", "basisOfRecord missing…", "Blocks export", "…", ""]
 */
export function reportTable(issues: readonly Issue[], lang: Lang): ReportTable {
  const words = REPORT_WORDS[lang];
  return {
    sheetName: words.sheetName,
    header: words.header,
    rows: issues.map((i) => [
      i.sheet,
      i.row > 0 ? `${columnLetters(Math.max(i.column, 0))}${i.row}` : "",
      i.term ?? "",
      i.value ?? "",
      getRule(i.ruleId)?.title[lang] ?? words.otherRule,
      words.tiers[i.severity],
      i.message[lang],
      i.fix ? i.fix.changes.map((c) => `${c.term}: ${c.to}`).join("; ") : "",
    ]),
  };
}
