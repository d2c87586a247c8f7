/* The pane's pure helpers: language and theme choice, cell addresses, term search, issue ordering and grouping,
   fixes for all matching cells, and metadata fields by key. */
import { getRowType } from "../../src/dwc";
import { buildTemplate } from "../../src/dwc";
import { emptyMetadata } from "../../src/metadata/empty";
import { candidatesFor, searchTerms } from "../../src/taskpane/hooks/useTemplates";
import { countBySeverity, groupByRule, matchingChanges, sortIssues } from "../../src/taskpane/hooks/useValidation";
import { cellAddress, langFromLocale, stringsFor } from "../../src/taskpane/i18n";
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
    expect(countBySeverity(list)).toEqual({ error: 3, warning: 1, info: 1 });
  });
  it("fixes all cells of the same rule with the same value and proposal, across sheets", () => {
    const changes = matchingChanges(list, list[2]);
    expect(changes.map((c) => `${c.sheet}${c.row}`)).toEqual(["T9", "S3"]);
    expect(matchingChanges(list, list[4]).map((c) => c.to)).toEqual(["Y"]);
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
