/**
 * Sheet roles: registered by id (renames keep them), recognised from headers (a filled GBIF IPT template),
 * the selection's term, and the requirement check.
 */
import path from "path";
import ExcelJS from "exceljs";
import { buildTemplate, recogniseSheet } from "../../src/dwc";
import { insertTemplate, listWorkbookSheets, missingRequirement, readSelection, recogniseSheets, validateWorkbook, watchSelection } from "../../src/excel";
import { collectExportSources, writeMetadataSheet } from "../../src/excel/export";
import { VOCABULARY_SHEET } from "../../src/excel/style";
import { emptyMetadata, METADATA_SHEET_NAME, metadataToSheetRows } from "../../src/metadata";
import { isMetadataSheet as isCliMetadataSheet } from "../../src/cli/dataset";
import type { FakeSheetInit, FakeValue } from "./fake";
import { installFake, uninstallFakes } from "./helpers";

afterEach(uninstallFakes);

const TEMPLATES = path.resolve(__dirname, "../../../shared/dwc/gbif-ipt/templates");

/** The sheets of a real .xlsx as fake sheets (cell text; enough for recognition). */
async function sheetsOf(file: string): Promise<FakeSheetInit[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(TEMPLATES, file));
  return wb.worksheets.map((ws) => {
    const values: FakeValue[][] = [];
    ws.eachRow((row, r) => {
      const cells: FakeValue[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => (cells[c - 1] = cell.text === "" ? null : cell.text));
      values[r - 1] = cells;
    });
    for (let i = 0; i < values.length; i++) values[i] = values[i] ?? [];
    return { name: ws.name, values, visibility: ws.state === "visible" ? "Visible" : ws.state === "hidden" ? "Hidden" : "VeryHidden" };
  });
}

describe("recogniseSheets", () => {
  it.each([
    ["occurrence_ipt_template_v2.3_example_data.xlsx", [["occurrence", "core", "occurrence"]]],
    ["checklist_ipt_template_v1.2_example_data.xlsx", [["taxon", "core", "checklist"]]],
  ])("recognises the dataset sheets of GBIF's %s by their headers", async (file, expected) => {
    installFake(await sheetsOf(file));
    const sheets = await recogniseSheets();
    expect(sheets.length).toBeGreaterThan(0);
    expect(sheets.map((s) => [s.role.rowTypeId, s.role.kind, s.role.datasetClass]).slice(0, expected.length)).toEqual(expected);
    expect(sheets.every((s) => s.source === "headers")).toBe(true);
    expect(sheets[0].rowCount).toBeGreaterThan(1);
  });

  it("recognises the event template's event core and its occurrence extension", async () => {
    installFake(await sheetsOf("event_ipt_template_v3.2_example_data.xlsx"));
    const roles = (await recogniseSheets()).map((s) => `${s.role.rowTypeId}/${s.role.kind}`);
    expect(roles).toContain("event/core");
    expect(roles).toContain("occurrence/extension");
  });

  it("keeps the role of an inserted sheet after a rename, and ignores the add-in's hidden sheets", async () => {
    const fake = installFake();
    const [inserted] = await insertTemplate(buildTemplate("checklist", "minimal"), "en");
    const sheet = fake.state.sheets.find((s) => s.id === inserted.id)!;
    sheet.name = "Мои таксоны";
    const found = await recogniseSheets();
    expect(found.map((s) => [s.name, s.source, s.role.rowTypeId])).toEqual([["Мои таксоны", "registry", "taxon"]]);
  });
});

describe("readSelection", () => {
  it("tells the term, level and vocabulary of the selected column, following selection changes", async () => {
    const fake = installFake();
    const [t] = buildTemplate("occurrence", "minimal");
    const [ins] = await insertTemplate([t], "ru");
    const at = t.columns.findIndex((c) => c.term === "basisOfRecord");
    const seen: (string | undefined)[] = [];
    const stop = await watchSelection((info) => seen.push(info?.templateColumn?.vocabulary));
    await fake.userSelect(ins.name, `${String.fromCharCode(65 + at)}7`);
    await stop();
    await fake.userSelect(ins.name, "A2");
    expect(seen).toEqual(["basisOfRecord"]);
    const info = await readSelection();
    expect(info).toMatchObject({ sheet: ins.name, row: 2, column: 0, header: "occurrenceID", templateColumn: { level: "required" } });
    expect(info?.role?.rowTypeId).toBe("occurrence");
  });
});

describe("missingRequirement", () => {
  it("is null on ExcelApi 1.9 and a clear message below it", () => {
    installFake(undefined, { excelApi: "1.9" });
    expect(missingRequirement()).toBeNull();
    uninstallFakes();
    installFake(undefined, { excelApi: "1.8" });
    expect(missingRequirement()).toMatchObject({ requirement: "ExcelApi 1.9", message: { en: expect.stringContaining("1.9") } });
  });
});

describe("the add-in's own sheets are never dataset sheets", () => {
  /**
   * A workbook as a user has it after inserting a template, filling the Metadata sheet and validating once: the
   * occurrence sheet, the very hidden "DwC vocabularies" (whose header row — basisOfRecord, type,
   * occurrenceStatus, countryCode… — reads like an Occurrence core), a "DwC marks N" mirror and the Metadata sheet.
   * With `forgetRegistry`, the registry is lost (a copy saved by another program), so every role comes from headers.
   */
  async function workbookWithOwnSheets(forgetRegistry: boolean): Promise<ReturnType<typeof installFake>> {
    const fake = installFake();
    const [occurrence] = await insertTemplate(buildTemplate("occurrence", "minimal"), "en");
    const headers = fake.sheet(occurrence.name).values("A1:C1")[0];
    const row = headers.map((h) => (h === "occurrenceID" ? "o1" : h === "basisOfRecord" ? "Herbarium sheet" : null));
    await fake.userEdit(occurrence.name, "A2:C2", [row]);
    await writeMetadataSheet(emptyMetadata(), "en");
    const issues = await validateWorkbook(undefined, undefined, { lang: "en" });
    // "Herbarium sheet" is not a basisOfRecord: a blocker, marked red like an error
    expect(issues.some((i) => i.sheet === occurrence.name && i.severity === "blocker")).toBe(true);
    expect(fake.sheetNames()).toEqual(expect.arrayContaining([occurrence.name, VOCABULARY_SHEET, "DwC marks 1", METADATA_SHEET_NAME]));
    // Whatever their visibility: a user may unhide a sheet (VBA, another program).
    for (const s of fake.state.sheets) if (s.name === VOCABULARY_SHEET || s.name === "DwC marks 1") s.visibility = "Visible";
    if (forgetRegistry) fake.state.settings.clear();
    return fake;
  }

  it.each([
    ["with the registry", false],
    ["recognised from headers after the registry is lost", true],
  ])("lists, validates and exports only the dataset sheet (%s)", async (_label, forgetRegistry) => {
    await workbookWithOwnSheets(forgetRegistry);
    expect(recogniseSheet(["basisOfRecord", "type", "occurrenceStatus", "countryCode"], VOCABULARY_SHEET)?.rowTypeId).toBe("occurrence");
    const listed = await listWorkbookSheets();
    expect(listed.datasets.map((s) => s.name)).toEqual(["Occurrence"]);
    expect(listed.others.map((s) => s.name)).not.toEqual(expect.arrayContaining([VOCABULARY_SHEET]));
    expect((await recogniseSheets()).map((s) => s.name)).toEqual(["Occurrence"]);
    const issues = await validateWorkbook(undefined, undefined, { lang: "en" });
    expect([...new Set(issues.map((i) => i.sheet))]).toEqual(["Occurrence"]);
    const sources = await collectExportSources();
    expect(sources.sheets.map((s) => s.name)).toEqual(["Occurrence"]);
    // The fake's blank "Sheet1" is a visible non-dataset sheet; none of the add-in's sheets is listed.
    expect(sources.otherSheets).toEqual(["Sheet1"]);
    expect(listed.internal.sort()).toEqual(["DwC marks 1", VOCABULARY_SHEET]);
  });

  it("leaves out a Metadata sheet under another name or case, as the command line does (one definition)", async () => {
    const fake = installFake();
    await insertTemplate(buildTemplate("occurrence", "minimal"), "en");
    const rows = metadataToSheetRows(emptyMetadata(), "ru").map((r) => r.map((v) => (v === "" ? null : v))) as FakeValue[][];
    fake.addSheet({ name: "Метаданные", values: rows });
    fake.addSheet({ name: "metadata", values: rows });
    fake.addSheet({ name: "Notes", values: [["key", "note"], ["a", "b"]] });
    const issues = await validateWorkbook(undefined, undefined, { lang: "en" });
    const reported = new Set(issues.map((i) => i.sheet));
    expect([reported.has("Notes"), reported.has("Метаданные"), reported.has("metadata")]).toEqual([true, false, false]);
    expect((await collectExportSources()).otherSheets.sort()).toEqual(["Notes", "Sheet1"]);
    // The command line's dataset sorting reads the same definition.
    const headers = (name: string) => fake.sheet(name).values("A1:C1")[0].map((v) => String(v ?? ""));
    expect(["Метаданные", "metadata", "Notes"].map((name) => isCliMetadataSheet({ name, headers: headers(name), visible: true, rowCount: 2 }))).toEqual([true, true, false]);
  });
});
