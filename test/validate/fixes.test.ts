import { planFixes, RULE } from "../../src/validate";
import { occurrences } from "./helpers";

describe("planFixes", () => {
  const issues = occurrences(
    ["occurrenceID", "basisOfRecord", "scientificName", "eventDate"],
    [
      ["o1", "HumanObservation", "Parus major ", "23.06.2012"],
      ["o2", "HumanObservation", "Parus major", "24/06/2012"],
    ],
  );
  it("merges every day-first date fix and adds verbatimEventDate once", () => {
    const plan = planFixes(issues, RULE.dayFirstDate);
    expect(plan.newColumns).toEqual([{ sheet: "Occurrence", term: "verbatimEventDate" }]);
    expect(plan.changes.map((c) => [c.row, c.term, c.to])).toEqual([
      [2, "eventDate", "2012-06-23"],
      [2, "verbatimEventDate", "23.06.2012"],
      [3, "eventDate", "2012-06-24"],
      [3, "verbatimEventDate", "24/06/2012"],
    ]);
    expect(plan.conflicts).toEqual([]);
  });
  it("takes every rule's fixes when no rule is given, keeping the first change of a cell", () => {
    const plan = planFixes(issues);
    expect(plan.changes.map((c) => `${c.row}:${c.term}=${c.to}`)).toContain("2:scientificName=Parus major");
    expect(plan.changes.length + plan.conflicts.length).toBe(5);
  });
});
