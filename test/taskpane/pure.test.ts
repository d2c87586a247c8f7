/* The pane's pure helpers: language and theme choice, cell addresses, term search, issue ordering and grouping,
   fixes for all matching cells, and metadata fields by key. */
import { getRowType } from "../../src/dwc";
import { buildTemplate } from "../../src/dwc";
import { emptyMetadata } from "../../src/metadata/empty";
import { candidatesFor, searchTerms } from "../../src/taskpane/hooks/useTemplates";
import { countBySeverity, groupByRule, issuesByFix, fixKey, matchingIssues, sortIssues } from "../../src/taskpane/hooks/useValidation";
import { cellAddress, langFromLocale, plural, stringsFor } from "../../src/taskpane/i18n";
import { exportFindings } from "../../src/taskpane/components/ExportScreen";
import { planFixes } from "../../src/validate";
import { getField, parseBound, setField } from "../../src/taskpane/metadata/form";
import { asModelApi } from "../../src/taskpane/model";
import { isDarkColor } from "../../src/taskpane/theme";
import { SCALAR_FIELDS } from "../../src/metadata/fields";
import type { Issue } from "../../src/validate/types";
import * as dwc from "../../src/dwc";

describe("language and theme", () => {
  it("uses Russian for ru-* display languages and English otherwise", () => {
    expect(["ru-RU", "ru", "RU-ru", "en-US", "de-DE", "", undefined].map(langFromLocale)).toEqual(["ru", "ru", "ru", "en", "en", "en", "en"]);
  });
  it("has every English string in Russian too, of the same kind", () => {
    const en = stringsFor("en");
    const ru = stringsFor("ru");
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(en) as (keyof typeof en)[]) expect([k, typeof ru[k]]).toEqual([k, typeof en[k]]);
  });
  it("picks plural forms with Intl.PluralRules: English one/other, Russian one/few/many", () => {
    const en = stringsFor("en");
    const ru = stringsFor("ru");
    expect([0, 1, 2, 21].map((n) => en.errorsDialogTitle(n))).toEqual(["Export with 0 errors?", "Export with 1 error?", "Export with 2 errors?", "Export with 21 errors?"]);
    expect([1, 2, 5, 11, 21, 22, 25, 101, 111].map((n) => ru.errorsDialogTitle(n))).toEqual([
      "Экспортировать с 1 ошибкой?",
      "Экспортировать с 2 ошибками?",
      "Экспортировать с 5 ошибками?",
      "Экспортировать с 11 ошибками?",
      "Экспортировать с 21 ошибкой?",
      "Экспортировать с 22 ошибками?",
      "Экспортировать с 25 ошибками?",
      "Экспортировать с 101 ошибкой?",
      "Экспортировать с 111 ошибками?",
    ]);
    expect([1, 3, 5, 21].map((n) => ru.blockedCount(n))).toEqual([
      "Экспорт блокирует 1 проблема:",
      "Экспорт блокируют 3 проблемы:",
      "Экспорт блокируют 5 проблем:",
      "Экспорт блокирует 21 проблема:",
    ]);
    expect([1, 2, 12].map((n) => en.blockedCount(n))).toEqual(["1 problem blocks the export:", "2 problems block the export:", "12 problems block the export:"]);
    expect([1, 4, 11, 1000].map((n) => ru.applied(n))).toEqual(["Изменена 1 ячейка.", "Изменены 4 ячейки.", "Изменено 11 ячеек.", "Изменено 1000 ячеек."]);
    expect(plural("ru", 1.5, { one: "# a", few: "# b", many: "# c", other: "# d" })).toBe("1.5 d");
  });
  it("tells dark from light Office body colours", () => {
    expect([isDarkColor("#262626"), isDarkColor("#fff"), isDarkColor("#FFFFFF"), isDarkColor("#1e1e1e"), isDarkColor("nope"), isDarkColor(undefined)]).toEqual([true, false, false, true, undefined, undefined]);
  });
});

describe("cellAddress", () => {
  it("writes Excel addresses", () => {
    expect([cellAddress(1, 0), cellAddress(7, 25), cellAddress(2, 26), cellAddress(3, 701), cellAddress(4, 702)]).toEqual(["A1", "Z7", "AA2", "ZZ3", "AAA4"]);
  });
});

describe("term search", () => {
  const model = asModelApi(dwc);
  const sheet = buildTemplate("occurrence", "minimal")[0];
  const candidates = candidatesFor(model, sheet);
  it("offers every term of the row type that is not a column yet", () => {
    const all = getRowType("occurrence")!.properties.map((p) => p.name);
    expect(candidates.map((c) => c.column.term).sort()).toEqual(all.filter((t) => !sheet.columns.some((c) => c.term === t)).sort());
  });
  it("finds names first, then definitions, in both languages, case-insensitively", () => {
    const r = searchTerms(candidates, "DEPTH").map((c) => c.column.term);
    expect(r.slice(0, 3)).toEqual(expect.arrayContaining(["minimumDepthInMeters", "maximumDepthInMeters"]));
    expect(searchTerms(candidates, "глубин").map((c) => c.column.term)).toContain("minimumDepthInMeters");
    expect(searchTerms(candidates, "  ")).toEqual([]);
    expect(searchTerms(candidates, "e", 5)).toHaveLength(5);
  });
});

const issue = (ruleId: string, severity: Issue["severity"], sheet: string, row: number, from?: string, to?: string): Issue => ({
  ruleId,
  severity,
  sheet,
  row,
  column: 1,
  message: { en: ruleId, ru: ruleId },
  fix: from !== undefined && to !== undefined ? { label: { en: "", ru: "" }, changes: [{ sheet, row, column: 1, term: "t", from, to }] } : undefined,
});

describe("issue list", () => {
  const list = [
    issue("b", "warning", "S", 5),
    issue("a", "info", "S", 1),
    issue("c", "error", "T", 9, "x", "X"),
    issue("c", "error", "S", 3, "x", "X"),
    issue("c", "error", "S", 2, "y", "Y"),
  ];
  it("sorts by severity, rule, sheet and row, and groups by rule", () => {
    const sorted = sortIssues(list);
    expect(sorted.map((i) => `${i.severity}:${i.ruleId}:${i.sheet}${i.row}`)).toEqual(["error:c:S2", "error:c:S3", "error:c:T9", "warning:b:S5", "info:a:S1"]);
    expect(groupByRule(sorted).map((g) => [g.ruleId, g.issues.length])).toEqual([["c", 3], ["b", 1], ["a", 1]]);
    expect(countBySeverity(list)).toEqual({ blocker: 0, error: 3, warning: 1, info: 1 });
  });
  it("lists blockers before errors, each tier in its own group", () => {
    const tiers = [...list, issue("c", "blocker", "S", 8), issue("z", "blocker", "S", 1)];
    const sorted = sortIssues(tiers);
    expect(sorted.map((i) => `${i.severity}:${i.ruleId}:${i.sheet}${i.row}`).slice(0, 3)).toEqual(["blocker:c:S8", "blocker:z:S1", "error:c:S2"]);
    expect(groupByRule(sorted).map((g) => `${g.severity}:${g.ruleId}`)).toEqual(["blocker:c", "blocker:z", "error:c", "warning:b", "info:a"]);
    expect(countBySeverity(tiers)).toEqual({ blocker: 2, error: 3, warning: 1, info: 1 });
  });
  it("fixes all cells of the same rule with the same value and proposal, across sheets", () => {
    const matching = matchingIssues(list, list[2]);
    expect(matching.map((i) => `${i.sheet}${i.row}`)).toEqual(["T9", "S3"]);
    expect(planFixes(matching).changes.map((c) => `${c.sheet}${c.row}`)).toEqual(["T9", "S3"]);
    expect(matchingIssues(list, list[4]).map((i) => i.fix?.changes[0].to)).toEqual(["Y"]);
    expect(matchingIssues(list, list[0])).toEqual([]);
    expect([...issuesByFix(list).values()].map((g) => g.length)).toEqual([2, 1]);
    expect(fixKey(list[0])).toBeUndefined();
  });
  it("plans every change of two-cell fixes for all matching cells, the verbatim column added once", () => {
    const dateIssue = (row: number): Issue => ({
      ruleId: "day-first-date",
      severity: "warning",
      sheet: "S",
      row,
      column: 3,
      message: { en: "", ru: "" },
      fix: {
        label: { en: "", ru: "" },
        changes: [
          { sheet: "S", row, column: 3, term: "eventDate", from: "13.06.2023", to: "2023-06-13" },
          { sheet: "S", row, column: -1, term: "verbatimEventDate", from: "", to: "13.06.2023" },
        ],
      },
    });
    const dates = [dateIssue(2), dateIssue(5), dateIssue(9)];
    const matching = matchingIssues(dates, dates[1]);
    expect(matching).toHaveLength(3);
    const plan = planFixes(matching);
    expect(plan.changes.map((c) => `${c.row}:${c.term}=${c.to}`)).toEqual([
      "2:eventDate=2023-06-13",
      "2:verbatimEventDate=13.06.2023",
      "5:eventDate=2023-06-13",
      "5:verbatimEventDate=13.06.2023",
      "9:eventDate=2023-06-13",
      "9:verbatimEventDate=13.06.2023",
    ]);
    expect(plan.newColumns).toEqual([{ sheet: "S", term: "verbatimEventDate" }]);
  });
  it("gives the Validate tab an export's findings with the exact counts when the lists were shortened", () => {
    const base = { files: [], leftOutColumns: [], blockers: [issue("x", "blocker", "S", 2)], errors: [issue("c", "error", "S", 3)], warnings: [issue("b", "warning", "S", 4), issue("a", "info", "S", 5)] };
    expect(exportFindings({ ...base, blockerCount: 1, errorCount: 1, warningCount: 2 })).toEqual({ issues: [...base.blockers, ...base.errors, ...base.warnings] });
    expect(exportFindings({ ...base, blockerCount: 1, errorCount: 12000, warningCount: 30000 }).totals).toEqual({ blocker: 1, error: 12000, warning: 29999, info: 1 });
  });
});

describe("metadata fields by key", () => {
  it("reads and writes every text field of the metadata model's field table", () => {
    let m = emptyMetadata();
    for (const spec of Object.values(SCALAR_FIELDS).flat()) {
      const value = spec.kind === "number" ? "12.5" : spec.kind === "source" ? "user" : `v-${spec.key}`;
      m = setField(m, spec.key, value);
      expect([spec.key, getField(m, spec.key)]).toEqual([spec.key, spec.kind === "list" ? value : value]);
    }
    expect(m.title).toBe("v-title");
    expect(m.methods.studyExtent).toBe("v-methods.studyExtent");
    expect(m.project.funding).toBe("v-project.funding");
    expect(m.coverage.geographic.west).toBe(12.5);
  });
  it("marks a coverage part as typed by the user when one of its values is edited", () => {
    const m = setField(emptyMetadata(), "coverage.beginDate", "2001");
    expect(m.coverage.temporal).toEqual({ begin: "2001", end: "", source: "user" });
    expect(m.coverage.geographic.source).toBe("data");
    expect(setField(m, "coverage.temporalSource", "data").coverage.temporal.source).toBe("data");
  });
  it("splits keywords at | and ;, keeps method steps one per line, parses bounds with a comma", () => {
    expect(setField(emptyMetadata(), "keywords", " a | b;c ;").keywords).toEqual(["a", "b", "c"]);
    expect(getField(setField(emptyMetadata(), "methods.steps", "one\ntwo"), "methods.steps")).toBe("one\ntwo");
    expect([parseBound("55,75"), parseBound(""), parseBound("x")]).toEqual([55.75, null, NaN]);
  });
  it("refuses keys that are not text fields", () => {
    expect(() => getField(emptyMetadata(), "creators")).toThrow(/no text field "creators"/);
    expect(() => setField(emptyMetadata(), "nope.x", "1")).toThrow(/no text field "nope.x"/);
  });
});
