import { createWorkbookValidator, RULE, validateRecords } from "../../src/validate";
import { at, occurrences, OCCURRENCE_CORE, only } from "./helpers";

const H = ["occurrenceID", "basisOfRecord", "scientificName", "eventDate"];
const ok = ["o1", "HumanObservation", "Parus major", "2012-06-23"];

describe("bad input (issue 3, section 8)", () => {
  it("reports an empty sheet", () => {
    const v = createWorkbookValidator({ sheets: [{ name: "Sheet1", headers: [] }] });
    // And a workbook without any dataset sheet has no core, which blocks: the same words as the export's.
    expect(v.finish()).toEqual([
      expect.objectContaining({ ruleId: RULE.coreCount, severity: "blocker" }),
      expect.objectContaining({ ruleId: RULE.sheetEmpty, sheet: "Sheet1", row: 0, severity: "info" }),
    ]);
  });
  it("reports a header-only sheet", () => {
    const issues = validateRecords([{ name: "Occurrence", headers: H, rows: [], role: OCCURRENCE_CORE }]);
    expect(only(issues, RULE.sheetHeaderOnly)[0].message.en).toBe('Sheet "Occurrence" has headers but no records');
  });
  it("validates a 32,767-character cell and shortens it in messages", () => {
    const long = "x".repeat(32766) + " ";
    const issues = occurrences([...H, "occurrenceRemarks"], [[...ok, long]]);
    expect(at(issues, 2, 4).sort()).toEqual([RULE.cellTooLong, RULE.whitespaceEdges].sort());
    for (const i of issues) expect(i.message.en.length).toBeLessThan(300);
  });
  it("accepts emoji and combining characters", () => {
    const issues = occurrences([...H, "occurrenceRemarks", "recordedBy"], [[...ok, "seen 🐦 👍🏽 ❤️", "Jose\u0301 Núñez | Zoë Ёлкина"]]);
    expect(issues.filter((i) => i.row === 2)).toEqual([]);
  });
  it("reports formulas and error values together", () => {
    const issues = occurrences([...H, "individualCount"], [[...ok, "#DIV/0!"]], { formulas: [[null, null, null, null, "=A1/0"]] });
    expect(at(issues, 2, 4).sort()).toEqual([RULE.excelError, RULE.formula].sort());
  });
  it("reports the empty cells a merged range leaves (values only in the top-left cell)", () => {
    // A1:A2-style merge of basisOfRecord over two records: the second record has no value.
    const issues = occurrences(H, [ok, ["o2", null, "Parus minor", "2012-06-23"]]);
    expect(only(issues, RULE.basisOfRecord).map((i) => [i.row, i.term])).toEqual([[3, "basisOfRecord"]]);
  });
  it("validates hidden and filtered rows like the rest (the engine sees every row it is given)", () => {
    const v = createWorkbookValidator({ sheets: [{ name: "Occurrence", headers: H, role: OCCURRENCE_CORE }] });
    const issues = v.addChunk("Occurrence", { startRow: 2, values: [ok, ["o2", "HumanObservation", " Parus", "2012"]] });
    expect(at(issues, 3, 2)).toEqual([RULE.whitespaceEdges]);
  });
  it("reports blank headers: with data as a warning, between terms as info, trailing empty columns not at all", () => {
    const issues = occurrences(["occurrenceID", "", "basisOfRecord", "", "scientificName", "eventDate", ""], [["o1", "", "HumanObservation", "note", "Parus major", "2012-06-23", ""]]);
    expect(only(issues, RULE.headerBlank).map((i) => [i.column, i.severity])).toEqual([[1, "info"], [3, "warning"]]);
  });
  it("survives rows shorter and longer than the header row", () => {
    const issues = occurrences(H, [["o1", "HumanObservation"], [...ok, "extra", "cells"]]);
    const empty = [...only(issues, RULE.recommendedValue), ...only(issues, RULE.basisOfRecord)];
    expect(empty.map((i) => i.row)).toEqual([2, 2]);
  });
  it("skips entirely empty rows", () => {
    const issues = occurrences(H, [ok, [null, "", null, ""], ["o2", "HumanObservation", "Parus major", "2012-06-23"]]);
    expect(issues.filter((i) => i.row === 3)).toEqual([]);
  });
  it("flags a header with stray spaces and still reads the column as the term", () => {
    const issues = occurrences(["occurrenceID ", "basisOfRecord", "scientificName", "eventDate"], [["o1", "occurrence", "Parus major", "2012"]]);
    expect(at(issues, 1, 0)).toContain(RULE.whitespaceEdges);
    expect(only(issues, RULE.vocabularyVariant)[0].fix?.changes[0].to).toBe("Occurrence");
  });
});
