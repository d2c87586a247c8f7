/**
 * Marks through the core's WorkbookAdapter (`excelWorkbook.markCells`), over the strict fake Excel: the same mirror
 * cells and conditional formats a full validation writes, a rewrite that clears what is no longer an issue, and
 * live validation going on writing into the same mirror afterwards.
 */
import { validateDataset, type WorkbookAdapter } from "../../src/archive";
import { excelWorkbook } from "../../src/excel";
import { resetValidationState, startLiveValidation, validateWorkbook } from "../../src/excel/validation";
import type { FakeExcel } from "./fake";
import { installFake, uninstallFakes } from "./helpers";

afterEach(() => {
  uninstallFakes();
  resetValidationState();
});

const HEADERS = ["occurrenceID", "basisOfRecord", "scientificName", "eventDate", "decimalLatitude", "decimalLongitude", "countryCode"];
/** Birds with a wrong basisOfRecord (B3), a latitude out of range (E4) and a day-first date (D2). */
const sheets = () => [
  {
    name: "Birds",
    values: [
      HEADERS,
      ["o1", "HumanObservation", "Parus major", "23.06.2012", 55.75, 37.62, "RU"],
      ["o2", "Bogus", "Pica pica", "2012-06-24", 55.7, 37.5, "RU"],
      ["o3", "PreservedSpecimen", "Corvus corax", "2013-05-01", 156.1, 38.2, "RU"],
    ],
    numberFormats: [[], ["@", null, null, "@"], ["@", null, null, "@"], ["@", null, null, "@"]],
  },
  { name: "Notes", values: [["free text"]] },
];

const mirrorSheets = (fake: FakeExcel) => fake.sheetNames().filter((n) => /^DwC marks \d+$/.test(n));
const formats = (fake: FakeExcel) =>
  fake
    .sheet("Birds")
    .conditionalFormats()
    .map((c) => ({ address: c.address, formula: c.rule.formula, format: c.format }));

describe("excelWorkbook.markCells", () => {
  it("writes the mirror cells and conditional formats a full validation writes, from the same issues", async () => {
    const validated = installFake(sheets());
    const issues = await validateWorkbook();
    const expectedMirror = validated.sheet("DwC marks 1").values("A1:G4");
    const expectedFormats = formats(validated);
    expect(expectedMirror.flat().filter((v) => v === "E").length).toBeGreaterThanOrEqual(2);
    uninstallFakes();
    resetValidationState();

    const fake = installFake(sheets());
    const before = fake.snapshot("Birds");
    const workbook: WorkbookAdapter = excelWorkbook;
    await workbook.markCells(issues);
    expect(mirrorSheets(fake)).toEqual(["DwC marks 1"]);
    expect(fake.sheet("DwC marks 1").visibility).toBe("VeryHidden");
    expect(fake.sheet("DwC marks 1").values("A1:G4")).toEqual(expectedMirror);
    expect(formats(fake)).toEqual(expectedFormats);
    expect(formats(fake).map((f) => f.formula).sort()).toEqual([`=LEFT('DwC marks 1'!A1,1)="E"`, `=LEFT('DwC marks 1'!A1,1)="W"`]);
    // The user's cells are as they were: only conditional formats were added to the sheet.
    const strip = (s: string) => {
      const snap = JSON.parse(s);
      delete snap.conditionalFormats;
      return JSON.stringify(snap);
    };
    expect(strip(fake.snapshot("Birds"))).toBe(strip(before));
  });

  it("marks the issues of the core's flow (collectSources, validateDataset) at their cells, and a rewrite clears the rest", async () => {
    const fake = installFake(sheets());
    const issues = await validateDataset(await excelWorkbook.collectSources());
    await excelWorkbook.markCells(issues);
    const mirror = fake.sheet("DwC marks 1");
    expect(mirror.value("B3")).toBe("E");
    expect(mirror.value("E4")).toBe("E");
    expect(mirror.value("A2")).toBeNull();

    // Only the basisOfRecord issue left: the other marks go, the mirror and its formats stay the one pair.
    await excelWorkbook.markCells(issues.filter((i) => i.row === 3 && i.column === 1));
    expect(mirrorSheets(fake)).toEqual(["DwC marks 1"]);
    expect(mirror.value("B3")).toBe("E");
    expect(mirror.value("E4")).toBeNull();
    expect(formats(fake).length).toBe(2);
  });

  it("leaves live validation writing into the same mirror", async () => {
    const fake = installFake(sheets());
    await validateWorkbook(undefined, undefined, { marks: false });
    await startLiveValidation({ lang: "en" });
    expect(mirrorSheets(fake)).toEqual([]);
    // The marks come from the interface after the session's validation, which then knows their mirror.
    await excelWorkbook.markCells(await validateDataset(await excelWorkbook.collectSources()));
    expect(fake.sheet("DwC marks 1").value("B3")).toBe("E");
    await fake.userEdit("Birds", "B4", "Bogus");
    expect(mirrorSheets(fake)).toEqual(["DwC marks 1"]);
    expect(fake.sheet("DwC marks 1").value("B4")).toBe("E");
    expect(formats(fake).length).toBe(2);
  });

  it("replaces marks that no settings record points to (a file marked by the command line) instead of adding a second mirror", async () => {
    const fake = installFake(sheets());
    await excelWorkbook.markCells(await validateDataset(await excelWorkbook.collectSources()));
    // What `dwc-excel validate --marked` leaves: the mirror and its formats, but no record in the add-in's settings.
    for (const key of [...fake.state.settings.keys()]) if (key.startsWith("dwc-excel.marks.")) fake.state.settings.delete(key);
    resetValidationState();
    // The user fixes the latitude in Excel, then validates in the pane.
    await fake.userEdit("Birds", "E4", 56.1);
    await validateWorkbook();
    expect(mirrorSheets(fake)).toEqual(["DwC marks 1"]);
    expect(formats(fake).map((f) => f.formula).sort()).toEqual([`=LEFT('DwC marks 1'!A1,1)="E"`, `=LEFT('DwC marks 1'!A1,1)="W"`]);
    expect(fake.sheet("DwC marks 1").value("E4")).toBeNull();
    expect(fake.sheet("DwC marks 1").value("B3")).toBe("E");
    expect(Object.keys(fake.settings()).filter((k) => k.startsWith("dwc-excel.marks."))).toHaveLength(1);
  });
});
