/**
 * "Apply to all" end to end over the strict fake Excel: the pane picks the matching issues, `planFixes`
 * (src/validate) plans their changes, and the services' applyChanges writes them through the adapter's applyFix.
 * A day-first date fix has two cells, the ISO date and the original kept in verbatimEventDate: both are written
 * for every matching issue, the verbatim column is added once.
 */
import { resetValidationState, validateWorkbook } from "../../src/excel";
import { matchingIssues } from "../../src/taskpane/hooks/useValidation";
import { createOfficeServices } from "../../src/taskpane/services/officeServices";
import { planFixes } from "../../src/validate";
import { installFake, uninstallFakes } from "./helpers";

afterEach(() => {
  uninstallFakes();
  resetValidationState();
});

const HEADERS = ["occurrenceID", "basisOfRecord", "scientificName", "eventDate"];
const rows = [
  ["o1", "HumanObservation", "Parus major", "13.06.2023"],
  ["o2", "HumanObservation", "Pica pica", "13.06.2023"],
  ["o3", "HumanObservation", "Corvus corax", "14.06.2023"],
  ["o4", "HumanObservation", "Parus major", "13.06.2023"],
];
const textFormats = rows.map(() => ["@", "@", "@", "@"]);

describe("Apply to all", () => {
  it("writes both cells of every matching two-cell fix, adding the verbatim column once", async () => {
    const fake = installFake([{ name: "Birds", values: [HEADERS, ...rows], numberFormats: [[], ...textFormats] }]);
    const issues = await validateWorkbook();
    const dates = issues.filter((i) => i.ruleId === "day-first-date");
    expect(dates.map((i) => i.row)).toEqual([2, 3, 4, 5]);
    expect(dates.every((i) => i.fix?.changes.length === 2)).toBe(true);
    const matching = matchingIssues(issues, dates[0]);
    expect(matching.map((i) => i.row)).toEqual([2, 3, 5]);

    const result = await createOfficeServices().applyChanges(planFixes(matching).changes);
    expect(result.outOfDate).toEqual([]);
    expect(result.applied).toHaveLength(6);
    expect(fake.sheet("Birds").values("A1:F1")).toEqual([[...HEADERS, "verbatimEventDate", null]]);
    expect(fake.sheet("Birds").values("D2:E5")).toEqual([
      ["2023-06-13", "13.06.2023"],
      ["2023-06-13", "13.06.2023"],
      ["14.06.2023", null],
      ["2023-06-13", "13.06.2023"],
    ]);
    // text formats keep the ISO dates text
    expect(fake.sheet("Birds").numberFormat("D2")).toBe("@");
  });

  it("writes into a verbatim column the user added since, and leaves a row alone whose verbatim cell is no longer empty", async () => {
    const fake = installFake([{ name: "Birds", values: [HEADERS, ...rows], numberFormats: [[], ...textFormats] }]);
    const issues = await validateWorkbook();
    const matching = matchingIssues(
      issues,
      issues.find((i) => i.ruleId === "day-first-date")!
    );
    expect(matching.every((i) => i.fix!.changes[1].column === -1)).toBe(true);
    // the user adds verbatimEventDate and types into row 3 after the validation
    await fake.userEdit("Birds", "E1", "verbatimEventDate");
    await fake.userEdit("Birds", "E3", "mid-June");
    const result = await createOfficeServices().applyChanges(planFixes(matching).changes);
    // row 3's date is not rewritten either: its original could not be kept
    expect(result.outOfDate.map((c) => `${c.row}:${c.term}`)).toEqual(["3:eventDate", "3:verbatimEventDate"]);
    expect(fake.sheet("Birds").values("D2:F5")).toEqual([
      ["2023-06-13", "13.06.2023", null],
      ["13.06.2023", "mid-June", null],
      ["14.06.2023", null, null],
      ["2023-06-13", "13.06.2023", null],
    ]);
  });
});
