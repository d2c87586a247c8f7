/**
 * "Validate this sheet only" (issue #14): one dataset sheet validated and marked, the other sheets' findings kept;
 * after a whole-workbook validation the links between sheets follow the sheet's changes.
 */
import { currentIssues, resetValidationState, validateSheet, validateWorkbook } from "../../src/excel/validation";
import { RULE, type Issue } from "../../src/validate";
import { installFake, uninstallFakes } from "./helpers";

afterEach(() => {
  uninstallFakes();
  resetValidationState();
});

const EVENT = ["eventID", "eventDate", "samplingProtocol", "countryCode", "decimalLatitude", "decimalLongitude", "geodeticDatum"];
const OCC = ["occurrenceID", "eventID", "basisOfRecord", "scientificName", "occurrenceStatus"];
const workbook = () => [
  {
    name: "Event",
    values: [EVENT, ["e1", "2023-06-14", "Quadrat count", "RU", 67, 32.55, "WGS84"], ["e2", "31.02.2023", "Quadrat count", "RU", 67, 32.55, "WGS84"]],
    numberFormats: [[], ["@", "@"], ["@", "@"]],
  },
  {
    name: "Associated occurrences",
    values: [OCC, ["o1", "e1", "HumanObservation", "Somateria mollissima", "present"], ["o2", "e9", "fossil", "Somateria mollissima", "present"]],
    numberFormats: [[], ["@", "@"], ["@", "@"]],
  },
];

const rulesOf = (issues: readonly Issue[], sheet: string): string[] => [...new Set(issues.filter((i) => i.sheet === sheet).map((i) => i.ruleId))].sort();

describe("validateSheet", () => {
  it("without an earlier validation: reports and marks this sheet's own findings only, not the rules that need every sheet", async () => {
    const fake = installFake(workbook());
    const seen: number[] = [];
    const issues = await validateSheet("Associated occurrences", (p) => seen.push(p.rowsDone));
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i) => i.sheet === "Associated occurrences")).toBe(true);
    // the invalid basisOfRecord of row 3 is found; the dangling link to e9 needs the core's records: not reported
    expect(issues.some((i) => i.row === 3 && i.column === 2 && i.severity === "blocker")).toBe(true);
    expect(issues.some((i) => i.ruleId === RULE.linkDangling)).toBe(false);
    expect(seen[seen.length - 1]).toBe(2);
    // marked on the sheet's mirror; the Event sheet (with its impossible date) was neither read into findings nor marked
    const mirrors = fake.sheetNames().filter((n) => n.startsWith("DwC marks"));
    expect(mirrors).toHaveLength(1);
    expect(fake.sheet(mirrors[0]).value("C3")).toBe("E");
    expect(currentIssues()).toEqual([]);
  });

  it("after a whole-workbook validation: the sheet's new findings replace its old ones, the others stay, and links follow", async () => {
    const fake = installFake(workbook());
    const before = await validateWorkbook();
    expect(rulesOf(before, "Associated occurrences")).toContain(RULE.linkDangling);
    const eventRules = rulesOf(before, "Event");
    expect(eventRules.length).toBeGreaterThan(0);
    // edits made while nothing listened (the pane was closed): the core now has e9, and a second bad date
    await fake.userEdit("Event", "A3:B3", [["e9", "2023-13-40"]]);
    const issues = await validateSheet("Event");
    expect(issues.every((i) => i.sheet === "Event")).toBe(true);
    expect(issues.some((i) => i.row === 3 && i.column === 1)).toBe(true);
    const after = currentIssues();
    // the Occurrence row linking to e9 links to a core record now; its invalid basisOfRecord is still listed
    expect(after.some((i) => i.sheet === "Associated occurrences" && i.ruleId === RULE.linkDangling)).toBe(false);
    expect(after.some((i) => i.sheet === "Associated occurrences" && i.row === 3 && i.column === 2 && i.severity === "blocker")).toBe(true);
    // what validateSheet resolved to is exactly the state's findings for Event
    expect(after.filter((i) => i.sheet === "Event")).toEqual(issues);
  });

  it("refuses a sheet that is not a Darwin Core sheet", async () => {
    installFake([...workbook(), { name: "Notes", values: [["free text"]] }]);
    await expect(validateSheet("Notes")).rejects.toThrow(/no Darwin Core sheet named "Notes"/);
  });
});
