/**
 * Issue #14 over the strict fake Excel: Validate and Export report the same structural problems with the same
 * words (a second core inserted by inserting a template twice, an empty core), and removing the marks leaves the
 * findings as they are.
 */
import { buildTemplate } from "../../src/dwc";
import { clearValidationMarks, currentIssues, insertTemplate, resetValidationState, validateWorkbook } from "../../src/excel";
import { emptyAgent, emptyMetadata } from "../../src/metadata";
import type { ExportOutcome } from "../../src/taskpane/services";
import { createOfficeServices } from "../../src/taskpane/services/officeServices";
import { installFake, uninstallFakes } from "./helpers";

jest.setTimeout(120_000);

afterEach(() => {
  uninstallFakes();
  resetValidationState();
});

function metadata() {
  const m = emptyMetadata();
  m.title = "Birds";
  m.description = "Bird observations.";
  m.license = "CC-BY-4.0";
  m.creators = [{ ...emptyAgent(), surName: "Ivanova" }];
  m.contacts = [{ ...emptyAgent(), organization: "Moscow University" }];
  return m;
}

const options = () => ({ signal: new AbortController().signal, onProgress: () => undefined });

const blocked = (o: ExportOutcome) => (o.kind === "blocked" ? o.summary.blockers : []);

describe("Validate and Export agree", () => {
  it("a template inserted twice makes a second core: both refuse it with the same words", async () => {
    installFake([{ name: "Sheet1" }]);
    const [occurrence] = buildTemplate("occurrence", "minimal");
    await insertTemplate([occurrence], "en");
    const second = await insertTemplate([occurrence], "en");
    expect(second.map((s) => s.name)).toEqual(["Occurrence (2)"]);
    const issues = await validateWorkbook();
    const core = issues.filter((i) => i.ruleId === "archive.coreCount");
    expect(core).toHaveLength(1);
    expect(core[0].severity).toBe("blocker");
    expect(core[0].message.en).toContain("Occurrence, Occurrence (2)");
    const outcome = await createOfficeServices().exportArchive(metadata(), options(), "en");
    const refused = blocked(outcome).filter((i) => i.ruleId === "archive.coreCount");
    expect(refused.map((i) => i.message)).toEqual(core.map((i) => i.message));
  });

  it("an empty template is refused by both: its core has no records", async () => {
    installFake([{ name: "Sheet1" }]);
    await insertTemplate(buildTemplate("occurrence", "minimal"), "en");
    const issues = await validateWorkbook();
    const core = issues.filter((i) => i.ruleId === "archive.coreCount");
    expect(core.map((i) => i.message.en)).toEqual(['The core sheet "Occurrence" has no records: a dataset needs at least one.']);
    const outcome = await createOfficeServices().exportArchive(metadata(), options(), "en");
    expect(outcome.kind).toBe("blocked");
    expect(blocked(outcome).map((i) => i.message.en)).toContain(core[0].message.en);
  });

  it("validates every sheet: a workbook without Darwin Core sheets is told it has no core", async () => {
    installFake([{ name: "Sheet1" }, { name: "Notes", values: [["free text"]] }]);
    const issues = await validateWorkbook();
    expect(issues.map((i) => [i.ruleId, i.sheet])).toEqual(
      expect.arrayContaining([
        ["archive.coreCount", ""],
        ["sheet-unrecognised", "Notes"],
      ])
    );
  });

  it("removing the marks keeps the findings", async () => {
    installFake([{ name: "Sheet1" }]);
    await insertTemplate(buildTemplate("occurrence", "minimal"), "en");
    const issues = await validateWorkbook();
    expect(issues.length).toBeGreaterThan(0);
    await clearValidationMarks();
    expect(currentIssues()).toEqual(issues);
  });
});
