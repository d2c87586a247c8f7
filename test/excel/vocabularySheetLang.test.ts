/**
 * The very hidden vocabulary sheet is named in the pane's language ("DwC vocabularies", "DwC словари") when the
 * add-in creates it, and found under any of its names afterwards: switching the language never makes a second
 * one, the dropdowns' names point to the one there, it is never a dataset sheet, and an import that fails puts it
 * back as it was (against the strict Excel fake).
 */
import { buildTemplate, getVocabulary, isVocabularySheetName, VOCABULARY_SHEET_NAMES } from "../../src/dwc";
import { formatExistingSheet, importSheets, insertTemplate, listWorkbookSheets, recogniseSheets } from "../../src/excel";
import * as exportModule from "../../src/excel/export";
import { collectExportSources } from "../../src/excel/export";
import { isInternalSheet } from "../../src/excel/sheets";
import type { ImportSheetInput } from "../../src/excel/import";
import { emptyMetadata } from "../../src/metadata";
import type { FakeExcel } from "./fake";
import { installFake, uninstallFakes } from "./helpers";

afterEach(() => {
  uninstallFakes();
  jest.restoreAllMocks();
});

const RU = "DwC словари";
const EN = "DwC vocabularies";

/** The workbook's vocabulary sheets, under whichever name. */
const vocabularySheets = (fake: FakeExcel) => fake.sheetNames().filter(isVocabularySheetName);

/** The sheet and column a `dwc_*` name points at, from its formula (`='DwC словари'!$A$2:$A$6`). */
function target(fake: FakeExcel, name: string): { sheet: string; column: string; last: number } {
  const item = fake.names().find((n) => n.name === name);
  if (!item) throw new Error(`no name ${name}`);
  const m = /^='?(.+?)'?!\$([A-Z]+)\$2:\$\2\$(\d+)$/.exec(item.formula);
  if (!m) throw new Error(`unexpected formula ${item.formula}`);
  return { sheet: m[1], column: m[2], last: Number(m[3]) };
}

/** The values a `dwc_*` name holds, read from the sheet it points at. */
function valuesOf(fake: FakeExcel, name: string): unknown[] {
  const t = target(fake, name);
  return fake.sheet(t.sheet).values(`${t.column}2:${t.column}${t.last}`).map((r) => r[0]);
}

const concepts = (id: string) => getVocabulary(id)!.concepts.map((c) => c.value);

/** Every `dwc_*` name's sheet. */
const namedSheets = (fake: FakeExcel) =>
  new Set(fake.names().filter((n) => n.name.startsWith("dwc_")).map((n) => target(fake, n.name).sheet));

describe("the vocabulary sheet's names", () => {
  it("knows both names, case-insensitively, and counts them as the add-in's own sheets", () => {
    expect(VOCABULARY_SHEET_NAMES).toEqual([EN, RU]);
    for (const name of [EN, RU, "dwc VOCABULARIES", "DWC СЛОВАРИ"]) {
      expect([name, isVocabularySheetName(name), isInternalSheet(name)]).toEqual([name, true, true]);
    }
    for (const name of ["DwC vocabulary", "Словари", "DwC словари (2)"]) expect(isVocabularySheetName(name)).toBe(false);
  });
});

describe("inserting templates in both languages", () => {
  it("creates the sheet in Russian, then reuses it for an English template", async () => {
    const fake = installFake();
    const [ruSheet] = await insertTemplate(buildTemplate("occurrence", "minimal"), "ru");
    expect(vocabularySheets(fake)).toEqual([RU]);
    expect(fake.sheet(RU).visibility).toBe("VeryHidden");
    expect(target(fake, "dwc_basisOfRecord").sheet).toBe(RU);
    expect(valuesOf(fake, "dwc_basisOfRecord")).toEqual(concepts("basisOfRecord"));
    const basisColumn = buildTemplate("occurrence", "minimal")[0].columns.findIndex((c) => c.term === "basisOfRecord");
    const ruLetter = String.fromCharCode(65 + basisColumn);
    expect(fake.sheet(ruSheet.name).validation(`${ruLetter}2`)!.rule).toEqual({
      list: { inCellDropDown: true, source: "=dwc_basisOfRecord" },
    });
    const formulaBefore = fake.names().find((n) => n.name === "dwc_basisOfRecord")!.formula;

    // The event template brings vocabularies the Russian sheet lacks (type, sampleSizeUnit): appended to it.
    expect(fake.names().some((n) => n.name === "dwc_type")).toBe(false);
    const [event] = await insertTemplate(buildTemplate("event", "minimal"), "en");
    expect(vocabularySheets(fake)).toEqual([RU]);
    expect(namedSheets(fake)).toEqual(new Set([RU]));
    expect(valuesOf(fake, "dwc_type")).toEqual(concepts("type"));
    expect(valuesOf(fake, "dwc_sampleSizeUnit")).toEqual(concepts("sampleSizeUnit"));
    expect(fake.names().filter((n) => n.name === "dwc_basisOfRecord")).toHaveLength(1);
    expect(fake.names().find((n) => n.name === "dwc_basisOfRecord")!.formula).toBe(formulaBefore);
    const typeColumn = buildTemplate("event", "minimal")[0].columns.findIndex((c) => c.term === "type");
    expect(fake.sheet(event.name).validation(`${String.fromCharCode(65 + typeColumn)}2`)!.rule).toEqual({
      list: { inCellDropDown: true, source: "=dwc_type" },
    });
  });

  it("keeps an English sheet when the pane is switched to Russian, for inserts and formatting alike", async () => {
    const fake = installFake([{ name: "My events", values: [["eventID", "type", "eventDate"], ["e1", "Event", "2020-05-01"]] }]);
    await insertTemplate(buildTemplate("occurrence", "minimal"), "en");
    expect(vocabularySheets(fake)).toEqual([EN]);
    await insertTemplate(buildTemplate("checklist", "extended"), "ru");
    const [eventTemplate] = buildTemplate("event", "minimal");
    const formatted = await formatExistingSheet("My events", eventTemplate.role, "ru");
    expect(formatted.formatted).toEqual(["eventID", "type", "eventDate"]);
    expect(vocabularySheets(fake)).toEqual([EN]);
    expect(namedSheets(fake)).toEqual(new Set([EN]));
    expect(valuesOf(fake, "dwc_license")).toEqual(concepts("license"));
    expect(valuesOf(fake, "dwc_type")).toEqual(concepts("type"));
    // The user's value stays as typed.
    expect(fake.sheet("My events").value("B2")).toBe("Event");
  });
});

describe("a Russian vocabulary sheet is never a dataset sheet", () => {
  it("is left out of the lists, the recognition and the export, even when made visible", async () => {
    const fake = installFake();
    const [occurrence] = await insertTemplate(buildTemplate("occurrence", "minimal"), "ru");
    await fake.userEdit(occurrence.name, "A2:B2", [["o1", "HumanObservation"]]);
    // A user may unhide it (VBA, another program); its row 1 (basisOfRecord, countryCode…) reads like a core.
    for (const s of fake.state.sheets) if (s.name === RU) s.visibility = "Visible";
    fake.state.settings.clear();
    const listed = await listWorkbookSheets();
    expect(listed.datasets.map((s) => s.name)).toEqual([occurrence.name]);
    expect(listed.others.map((s) => s.name)).not.toContain(RU);
    expect(listed.internal).toEqual([RU]);
    expect((await recogniseSheets()).map((s) => s.name)).toEqual([occurrence.name]);
    expect((await collectExportSources()).sheets.map((s) => s.name)).toEqual([occurrence.name]);
  });
});

describe("the pane's import names the sheet in its language and rolls it back", () => {
  const [eventTemplate] = buildTemplate("event", "minimal");
  /** An event core with two vocabulary columns (type, sampleSizeUnit). */
  const eventInput = (): ImportSheetInput => ({
    name: "Event",
    headers: ["eventID", "type", "sampleSizeUnit", "eventDate"],
    role: eventTemplate.role,
    records: 1,
    rows: [[["e1", "Event", "metre", "2020-05-01"]]] as unknown as AsyncIterable<string[][]>,
  });

  /** Everything the fake holds. */
  const state = (fake: FakeExcel) =>
    JSON.stringify({ sheets: fake.sheetNames().map((n) => fake.snapshot(n)), names: fake.names(), settings: fake.settings() });

  /** Makes writing the Metadata sheet, the import's last step, fail. */
  const failMetadata = () =>
    jest.spyOn(exportModule, "writeMetadataSheet").mockRejectedValue(new Error("GeneralException: the host failed"));

  it("creates the Russian sheet in Russian, and removes it when the import fails", async () => {
    const fake = installFake([{ name: "Sheet1", values: [["notes"]] }]);
    const before = state(fake);
    failMetadata();
    await expect(importSheets([eventInput()], { lang: "ru", metadata: emptyMetadata() })).rejects.toThrow("GeneralException");
    expect(state(fake)).toBe(before);
    jest.restoreAllMocks();

    await importSheets([eventInput()], { lang: "ru" });
    expect(vocabularySheets(fake)).toEqual([RU]);
    expect(fake.sheet(RU).visibility).toBe("VeryHidden");
    expect(namedSheets(fake)).toEqual(new Set([RU]));
    expect(valuesOf(fake, "dwc_sampleSizeUnit")).toEqual(concepts("sampleSizeUnit"));
  });

  it("appends to a Russian sheet in English, and clears what it appended when the import fails", async () => {
    const fake = installFake();
    await insertTemplate(buildTemplate("checklist", "minimal"), "ru");
    expect(fake.names().map((n) => n.name)).toEqual(["dwc_taxonRank"]);
    const before = state(fake);
    failMetadata();
    await expect(importSheets([eventInput()], { lang: "en", metadata: emptyMetadata() })).rejects.toThrow("GeneralException");
    expect(state(fake)).toBe(before);
    jest.restoreAllMocks();

    await importSheets([eventInput()], { lang: "en" });
    expect(vocabularySheets(fake)).toEqual([RU]);
    expect(namedSheets(fake)).toEqual(new Set([RU]));
    expect(valuesOf(fake, "dwc_type")).toEqual(concepts("type"));
    expect(valuesOf(fake, "dwc_taxonRank")).toEqual(concepts("taxonRank"));
  });
});
