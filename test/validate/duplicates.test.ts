import fc from "fast-check";
import { applyEdit, createWorkbookValidator, RULE, validateEdit, type Issue } from "../../src/validate";
import type { CellValue } from "../../src/dwc/table";
import { EVENT_CORE, only } from "./helpers";

// Duplicate rows in a core sheet are compared within their id's rows; rows without an id in a hash index of their
// own (src/validate/duplicates.ts). These tests hold both paths to what a fresh validation of the sheet finds.
const HEADERS = ["eventID", "eventDate", "locality"];
const RULES: readonly string[] = [RULE.duplicateRow, RULE.idDuplicate];

function validate(rows: CellValue[][]) {
  const v = createWorkbookValidator({ sheets: [{ name: "Event", headers: HEADERS, role: EVENT_CORE, rowCount: rows.length + 1 }] });
  const issues = [...v.addChunk("Event", { startRow: 2, values: rows }), ...v.finish()];
  return { v, issues };
}

// Duplicate-row messages in full; id duplicates by row (a live edit may name a case variant of the id the
// way it was typed in another row: the validator keeps no values of ids that did not repeat, see keyindex.ts).
const findings = (issues: readonly Issue[]) =>
  issues
    .filter((i) => RULES.includes(i.ruleId))
    .map((i) => (i.ruleId === RULE.duplicateRow ? `${i.ruleId} ${i.row}: ${i.message.en}` : `${i.ruleId} ${i.row}`))
    .sort();

describe("duplicate rows in a core sheet", () => {
  it("flags identical rows with an id, and not rows whose ids differ only in case", () => {
    const { issues } = validate([
      ["e1", "2012-06-23", "a"],
      ["E1", "2012-06-23", "a"],
      ["e1", "2012-06-23", "a"],
      ["e2", "2012-06-23", "a"],
    ]);
    expect(only(issues, RULE.duplicateRow).map((i) => [i.row, i.message.en])).toEqual([
      [2, "Row 2 is identical to row(s) 4"],
      [4, "Row 4 is identical to row(s) 2"],
    ]);
    expect(only(issues, RULE.idDuplicate).map((i) => i.row)).toEqual([2, 3, 4]);
  });

  it("flags identical rows without an id", () => {
    const { issues } = validate([
      ["", "2012-06-23", "a"],
      ["e1", "2012-06-23", "a"],
      ["", "2012-06-23", "a"],
    ]);
    expect(only(issues, RULE.duplicateRow).map((i) => i.row)).toEqual([2, 4]);
  });

  it("keeps the groups of a row whose id changes through live edits", () => {
    const { v, issues } = validate([
      ["e1", "2012-06-23", "a"],
      ["e2", "2012-06-23", "a"],
    ]);
    expect(findings(issues)).toEqual([]);
    const joined = applyEdit(issues, validateEdit(v, "Event", { startRow: 3, values: [["e1", "2012-06-23", "a"]] }));
    expect(only(joined, RULE.duplicateRow).map((i) => i.row)).toEqual([2, 3]);
    // Still the same id, now a different row: the pair breaks up but the id still repeats.
    const apart = applyEdit(joined, validateEdit(v, "Event", { startRow: 3, values: [["e1", "2012-06-24", "a"]] }));
    expect(only(apart, RULE.duplicateRow)).toEqual([]);
    expect(only(apart, RULE.idDuplicate).map((i) => i.row)).toEqual([2, 3]);
    // Both lose their ids: identical again, now without an id.
    let both = applyEdit(apart, validateEdit(v, "Event", { startRow: 2, values: [["", "2012-06-24", "a"]] }));
    both = applyEdit(both, validateEdit(v, "Event", { startRow: 3, values: [["", "2012-06-24", "a"]] }));
    expect(only(both, RULE.duplicateRow).map((i) => i.row)).toEqual([2, 3]);
  });

  it("after any sequence of edits, finds what a fresh validation of the sheet finds", () => {
    const cell = (pool: string[]) => fc.constantFrom(...pool);
    const row = fc.tuple(cell(["e1", "E1", "e2", ""]), cell(["2012-06-23", "2012-06-24"]), cell(["a", "b", ""])).map((r): CellValue[] => [...r]);
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 7 }), fc.array(fc.tuple(fc.nat(6), row), { maxLength: 8 }), (start, edits) => {
        const rows = start.map((r) => r.slice());
        const { v, issues: first } = validate(rows);
        let issues = first;
        for (const [at, values] of edits) {
          const k = at % rows.length;
          rows[k] = values.slice();
          issues = applyEdit(issues, validateEdit(v, "Event", { startRow: 2 + k, values: [values] }));
          expect(findings(issues)).toEqual(findings(validate(rows).issues));
        }
      }),
      { numRuns: 150 },
    );
  });
});
