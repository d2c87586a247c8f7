import { applyEdit, createWorkbookValidator, RULE, validateEdit, ValidateError, type Issue } from "../../src/validate";
import { EVENT_CORE, EVENT_OCCURRENCES, only } from "./helpers";

const EVENT_HEADERS = ["eventID", "parentEventID", "eventDate", "decimalLatitude", "decimalLongitude"];
const OCC_HEADERS = ["eventID", "occurrenceID", "basisOfRecord", "scientificName"];

function eventWorkbook() {
  const v = createWorkbookValidator({
    sheets: [
      { name: "Event", headers: EVENT_HEADERS, role: EVENT_CORE },
      { name: "Associated occurrences", headers: OCC_HEADERS, role: EVENT_OCCURRENCES },
    ],
  });
  let issues: Issue[] = [];
  issues.push(...v.addChunk("Event", { startRow: 2, values: [["e1", "", "2012-06-23", 55.75, 37.62], ["e2", "e1", "2012-06-24", 55.7, 37.6]] }));
  issues.push(...v.addChunk("Event", { startRow: 4, values: [["e3", "e1", "2012-06-25", 55.7, 37.6]] }));
  issues.push(
    ...v.addChunk("Associated occurrences", {
      startRow: 2,
      values: [["e1", "o1", "HumanObservation", "Parus major"], ["e2", "o2", "HumanObservation", "Parus major"], ["e3", "o3", "HumanObservation", "Parus minor"]],
    }),
  );
  issues.push(...v.finish());
  // The fixture leaves out the event's strongly recommended columns (type, samplingProtocol…): warnings only.
  issues = issues.filter((i) => i.severity !== "info" && i.ruleId !== RULE.recommendedColumn);
  return { v, issues };
}

describe("createWorkbookValidator", () => {
  it("validates chunk by chunk and finds nothing in a clean event dataset", () => {
    expect(eventWorkbook().issues).toEqual([]);
  });
  it("throws a coded error for a sheet it was not told about", () => {
    const { v } = eventWorkbook();
    expect(() => v.addChunk("Nope", { startRow: 2, values: [] })).toThrow(ValidateError);
  });
  it("recognises sheet roles from headers when the adapter gives none", () => {
    const v = createWorkbookValidator({ sheets: [{ name: "Taxon", headers: ["taxonID", "scientificName", "taxonRank"] }, { name: "Notes", headers: ["what", "who"] }] });
    expect(v.sheets[0].role?.rowTypeId).toBe("taxon");
    expect(v.sheets[1].role).toBeUndefined();
    expect(only(v.finish(), RULE.sheetUnrecognised).map((i) => i.sheet)).toEqual(["Notes"]);
  });
});

describe("event dates from the event hierarchy", () => {
  const H = ["eventID", "parentEventID", "eventDate"];
  const dateIssues = (rows: string[][]) => {
    const v = createWorkbookValidator({ sheets: [{ name: "Event", headers: H, role: EVENT_CORE }] });
    return [...v.addChunk("Event", { startRow: 2, values: rows }), ...v.finish()].filter((i) => i.term === "eventDate");
  };
  it("lets an event take its date from a parent, a grandparent or a child event", () => {
    // cruise (dated) -> sample -> subSample: neither child needs its own date.
    expect(dateIssues([["cruise", "", "1996-02-28"], ["sample", "cruise", ""], ["sub", "sample", ""]])).toEqual([]);
    // Only the sub-samples are dated: the cruise and sample above them are dated by their children.
    expect(dateIssues([["cruise", "", ""], ["sample", "cruise", ""], ["sub", "sample", "1996-02-28T07:05:00Z"]])).toEqual([]);
  });
  it("warns, never blocks, for an event with no date anywhere in its line", () => {
    const issues = dateIssues([["a", "", "2012-06-23"], ["b", "", ""], ["c", "b", ""]]);
    expect(issues.map((i) => [i.ruleId, i.severity, i.row])).toEqual([
      [RULE.eventDateMissing, "warning", 3],
      [RULE.eventDateMissing, "warning", 4],
    ]);
  });
  it("does not loop on a parentEventID cycle", () => {
    expect(dateIssues([["a", "b", ""], ["b", "a", ""]]).map((i) => i.row)).toEqual([2, 3]);
  });
  it("never asks an event's occurrences for eventDate", () => {
    const v = createWorkbookValidator({
      sheets: [
        { name: "Event", headers: H, role: EVENT_CORE },
        { name: "Occurrence", headers: OCC_HEADERS, role: EVENT_OCCURRENCES },
      ],
    });
    const issues = [
      ...v.addChunk("Event", { startRow: 2, values: [["e1", "", "2012-06-23"]] }),
      ...v.addChunk("Occurrence", { startRow: 2, values: [["e1", "o1", "HumanObservation", "Parus major"]] }),
      ...v.finish(),
    ];
    expect(issues.filter((i) => i.term === "eventDate")).toEqual([]);
  });
});

describe("validateEdit", () => {
  it("keeps the per-column date-serial issue exact through edits: count, first cell, and gone when none is left", () => {
    const v = createWorkbookValidator({ sheets: [{ name: "Event", headers: EVENT_HEADERS, role: EVENT_CORE }] });
    const fmt = [null, null, "dd.mm.yyyy", null, null];
    const rows = [41083, 41084, 41085].map((d, i) => [`e${i + 1}`, "", d, 55.7, 37.6]);
    let issues = [...v.addChunk("Event", { startRow: 2, values: rows, numberFormats: rows.map(() => fmt) }), ...v.finish()];
    const serials = () => only(issues, RULE.excelSerialDate).map((i) => [i.row, i.column, i.count, i.value]);
    expect(serials()).toEqual([[2, 2, 3, "2012-06-23"]]);
    // The first date becomes text: the issue moves to row 3 and counts two cells. The validator keeps no cell
    // values, so the example (the old first cell) is dropped until an edited row gives a new one.
    issues = applyEdit(issues, validateEdit(v, "Event", { startRow: 2, values: [["e1", "", "2012-06-23", 55.7, 37.6]] }));
    expect(serials()).toEqual([[3, 2, 2, undefined]]);
    expect(only(issues, RULE.excelSerialDate)[0].message.en).toBe("eventDate: Excel dates in date-formatted cells (2 cells in C3:C4); exported as ISO 8601");
    // An edit of a row holding a date gives the example again; the issue stays at the first cell.
    issues = applyEdit(issues, validateEdit(v, "Event", { startRow: 4, values: [["e3", "", 41085, 55.7, 37.6]], numberFormats: [fmt] }));
    expect(serials()).toEqual([[3, 2, 2, "2012-06-25"]]);
    expect(only(issues, RULE.excelSerialDate)[0].message.en).toContain("e.g. C4 as 2012-06-25");
    // Row 2 gets a serial back: the issue returns to row 2 with three cells.
    issues = applyEdit(issues, validateEdit(v, "Event", { startRow: 2, values: [["e1", "", 41083, 55.7, 37.6]], numberFormats: [fmt] }));
    expect(serials()).toEqual([[2, 2, 3, "2012-06-23"]]);
    // All three typed as ISO text: no serial is left, nor its issue.
    const iso = ["2012-06-23", "2012-06-24", "2012-06-25"].map((d, i) => [`e${i + 1}`, "", d, 55.7, 37.6]);
    issues = applyEdit(issues, validateEdit(v, "Event", { startRow: 2, values: iso }));
    expect(serials()).toEqual([]);
  });
  it("re-validates an edited cell and its record, clearing the row first", () => {
    const { v, issues } = eventWorkbook();
    const r = validateEdit(v, "Event", { startRow: 3, values: [["e2", "e1", "24.06.2012", "55,7", 37.6]] });
    expect(r.clear).toContainEqual({ sheet: "Event", row: 3 });
    expect(r.add.map((i) => i.ruleId).sort()).toEqual([RULE.dayFirstDate, RULE.decimalComma]);
    const after = applyEdit(issues, r);
    const back = validateEdit(v, "Event", { startRow: 3, values: [["e2", "e1", "2012-06-24", 55.7, 37.6]] });
    expect(applyEdit(after, back)).toEqual([]);
  });
  it("makes extension rows dangling when their core eventID is renamed, and resolves them when renamed back", () => {
    const { v, issues } = eventWorkbook();
    const r = validateEdit(v, "Event", { startRow: 3, values: [["e2x", "e1", "2012-06-24", 55.7, 37.6]] });
    const after = applyEdit(issues, r);
    expect(only(after, RULE.linkDangling).map((i) => [i.sheet, i.row, i.value])).toEqual([["Associated occurrences", 3, "e2"]]);
    const back = applyEdit(after, validateEdit(v, "Event", { startRow: 3, values: [["e2", "e1", "2012-06-24", 55.7, 37.6]] }));
    expect(back).toEqual([]);
  });
  it("makes parentEventID references dangling when the parent is renamed", () => {
    const { v, issues } = eventWorkbook();
    const after = applyEdit(issues, validateEdit(v, "Event", { startRow: 2, values: [["E100", "", "2012-06-23", 55.75, 37.62]] }));
    expect(only(after, RULE.referenceDangling).map((i) => i.row)).toEqual([3, 4]);
    expect(only(after, RULE.linkDangling).map((i) => i.row)).toEqual([2]);
  });
  it("adds and removes duplicate-id issues on the other member of the group", () => {
    const { v, issues } = eventWorkbook();
    const dup = applyEdit(issues, validateEdit(v, "Event", { startRow: 4, values: [["E2", "e1", "2012-06-25", 55.7, 37.6]] }));
    expect(only(dup, RULE.idDuplicate).map((i) => i.row)).toEqual([3, 4]);
    // e3 no longer exists: its occurrence dangles.
    expect(only(dup, RULE.linkDangling).map((i) => i.value)).toEqual(["e3"]);
    const fixed = applyEdit(dup, validateEdit(v, "Event", { startRow: 4, values: [["e3", "e1", "2012-06-25", 55.7, 37.6]] }));
    expect(fixed).toEqual([]);
  });
  it("keeps dataset-wide occurrenceID duplicates up to date after an edit in the extension", () => {
    const { v, issues } = eventWorkbook();
    const dup = applyEdit(issues, validateEdit(v, "Associated occurrences", { startRow: 4, values: [["e3", "o1", "HumanObservation", "Parus minor"]] }));
    expect(only(dup, RULE.occurrenceIdDuplicate).map((i) => i.row)).toEqual([2, 4]);
    const dangling = applyEdit(dup, validateEdit(v, "Associated occurrences", { startRow: 4, values: [["e9", "o3", "HumanObservation", "Parus minor"]] }));
    expect(dangling.map((i) => [i.ruleId, i.row])).toEqual([[RULE.linkDangling, 4]]);
  });
  it("tracks duplicate rows through edits", () => {
    const { v, issues } = eventWorkbook();
    const dup = applyEdit(issues, validateEdit(v, "Associated occurrences", { startRow: 3, values: [["e1", "o1", "HumanObservation", "Parus major"]] }));
    expect(only(dup, RULE.duplicateRow).map((i) => i.row)).toEqual([2, 3]);
    const undone = applyEdit(dup, validateEdit(v, "Associated occurrences", { startRow: 3, values: [["e2", "o2", "HumanObservation", "Parus major"]] }));
    expect(undone).toEqual([]);
  });
  it("asks for a full re-validation when the header row changes", () => {
    const { v } = eventWorkbook();
    expect(validateEdit(v, "Event", { startRow: 1, values: [["eventID"]] }).revalidateSheets).toEqual(["Event"]);
  });
});
