import { cellsText, createTally, groupedCount, markRow, tallyIssue, tallySpan, unmarkRow } from "../../src/validate/tally";
import { RULE } from "../../src/validate";

describe("column tallies", () => {
  it("counts rows once, keeps the lowest as the example and finds the span", () => {
    const t = createTally(RULE.excelSerialDate, 2, "eventDate");
    expect(tallySpan(t)).toEqual({ first: 0, last: 0 });
    expect(markRow(t, 5)).toBe(true);
    t.sample = "2012-06-27";
    expect(markRow(t, 3000)).toBe(false);
    expect(markRow(t, 3)).toBe(true);
    t.sample = "2012-06-25";
    markRow(t, 5); // the same row again (checked twice) is not counted twice
    expect([t.count, t.sampleRow, tallySpan(t)]).toEqual([3, 3, { first: 3, last: 3000 }]);
    unmarkRow(t, 3);
    unmarkRow(t, 4); // never counted: nothing changes
    expect([t.count, t.sampleRow, tallySpan(t)]).toEqual([2, 0, { first: 5, last: 3000 }]);
  });

  it("makes one issue at the first cell with the count, and none when nothing is counted", () => {
    const t = createTally(RULE.idAsNumber, 27, "catalogNumber");
    expect(tallyIssue(t, "Occurrence", () => ({ en: "", ru: "" }))).toBeUndefined();
    markRow(t, 10);
    t.sample = "42";
    markRow(t, 12);
    const issue = tallyIssue(t, "Occurrence", (f) => ({ en: `${f.count} ${f.range} ${f.example?.cell}`, ru: "" }));
    expect(issue).toMatchObject({ ruleId: RULE.idAsNumber, severity: "info", sheet: "Occurrence", row: 10, column: 27, term: "catalogNumber", value: "42", count: 2 });
    expect(issue?.message.en).toBe("2 AB10:AB12 AB10");
  });

  it("words counts in English and with Russian plural forms", () => {
    expect(groupedCount(1234567, "en")).toBe("1,234,567");
    expect(groupedCount(999, "en")).toBe("999");
    expect(groupedCount(1000000, "ru")).toBe("1\u00a0000\u00a0000");
    const ru = [1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 112, 1001].map((n) => cellsText(n).ru.split(" ").pop());
    expect(ru).toEqual(["ячейка", "ячейки", "ячейки", "ячеек", "ячеек", "ячеек", "ячеек", "ячейка", "ячейки", "ячеек", "ячейка", "ячеек", "ячеек", "ячейка"]);
    expect([cellsText(1).en, cellsText(2).en]).toEqual(["1 cell", "2 cells"]);
  });
});
