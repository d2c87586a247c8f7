/**
 * The built task pane in Debian's Chromium with the strict fake Excel: insert a sampling-event template through
 * the UI and check the workbook; fill metadata, export, receive the download and read the archive back; save
 * screenshots in English and Russian. No network request leaves localhost except the (blocked) office.js.
 */
import * as fs from "fs";
import * as path from "path";
import { unzipSync, strFromU8 } from "fflate";
import type { Page } from "playwright-core";
import { buildTemplate } from "../../src/dwc";
import { LEVEL_FILLS } from "../../src/excel/style";
import { OFFICE_JS, OUTPUT, newLog, paneSession, screenshot, type RequestLog } from "./harness";

jest.setTimeout(240_000);

const pane = paneSession();

/** Every request went to the local server, except office.js, which was blocked. */
function expectOnlyLocal(log: RequestLog): void {
  const foreign = log.urls.filter((u) => !u.startsWith(pane.url + "/") && u !== OFFICE_JS && !u.startsWith("blob:") && !u.startsWith("data:"));
  expect(foreign).toEqual([]);
  expect(log.blocked).toEqual([OFFICE_JS]);
}

/** Headers (row 1) of a fake sheet. */
const headersOf = (page: Page, sheet: string): Promise<string[]> =>
  page.evaluate((name) => {
    const fake = (globalThis as any).__fakeExcel;
    const used: string = fake.sheet(name).usedAddress();
    const lastCol = used.split(":")[1].replace(/\d+/g, "");
    return fake.sheet(name).values(`A1:${lastCol}1`)[0];
  }, sheet);

/** Values for a data row by term; columns without a value stay empty. */
function rowFor(headers: string[], values: Record<string, string | number>): (string | number | null)[] {
  return headers.map((h) => (h in values ? values[h] : null));
}

const EVENT_ROW = {
  eventID: "E-001",
  type: "Event",
  eventDate: "2023-06-14",
  samplingProtocol: "Quadrat count",
  sampleSizeValue: 1,
  sampleSizeUnit: "square_metre",
  countryCode: "RU",
  locality: "Кандалакшский залив, о. Ряжков",
  decimalLatitude: 67.0,
  decimalLongitude: 32.55,
  geodeticDatum: "WGS84",
  coordinateUncertaintyInMeters: 30,
};
const OCCURRENCE_ROW = {
  occurrenceID: "E-001-1",
  eventID: "E-001",
  basisOfRecord: "HumanObservation",
  eventDate: "2023-06-14",
  scientificName: "Somateria mollissima (Linnaeus, 1758)",
  kingdom: "Animalia",
  occurrenceStatus: "present",
  individualCount: 12,
  organismQuantity: 12,
  organismQuantityType: "individuals",
};

describe("task pane in Chromium", () => {
  it("inserts an event template through the UI, exports the archive and downloads it", async () => {
    const log = newLog();
    const page = await pane.open({ sheets: [{ name: "Sheet1" }], options: { displayLanguage: "en-US" } }, log);
    await page.getByRole("button", { name: "Insert template" }).waitFor();
    await screenshot(page, path.join(OUTPUT, "taskpane-en.png"));

    // Templates: sampling event, minimal preset, insert
    await page.getByRole("radio", { name: "Sampling event" }).check();
    await page.getByRole("button", { name: "Insert template" }).click();
    await page.getByText(/^Inserted: /).waitFor();
    const [eventT, occT] = buildTemplate("event", "minimal");
    const names: string[] = await page.evaluate(() => (globalThis as any).__fakeExcel.sheetNames());
    expect(names).toEqual(expect.arrayContaining(["Sheet1", eventT.title.en, occT.title.en]));
    const eventHeaders = await headersOf(page, eventT.title.en);
    const occHeaders = await headersOf(page, occT.title.en);
    expect(eventHeaders).toEqual(eventT.columns.map((c) => c.term));
    expect(occHeaders).toEqual(occT.columns.map((c) => c.term));

    // header fills by level, frozen header row, a closed-vocabulary dropdown on basisOfRecord
    const facts = await page.evaluate(
      ([ev, oc, borCol]) => {
        const fake = (globalThis as any).__fakeExcel;
        const e = fake.sheet(ev);
        const o = fake.sheet(oc);
        return {
          fills: [e.format("A1", "fill.color"), o.format(`${borCol}1`, "fill.color")],
          frozen: [e.frozenRows, o.frozenRows],
          bor: o.validation(`${borCol}2`),
          numberFormatId: e.numberFormat("A2"),
        };
      },
      [eventT.title.en, occT.title.en, String.fromCharCode(65 + occHeaders.indexOf("basisOfRecord"))]
    );
    expect(facts.frozen).toEqual([1, 1]);
    expect(String(facts.fills[0]).toUpperCase()).toBe(LEVEL_FILLS.required);
    expect(String(facts.fills[1]).toUpperCase()).toBe(LEVEL_FILLS.required);
    expect(facts.numberFormatId).toBe("@");
    expect(facts.bor?.rule).toBeTruthy();
    expect(JSON.stringify(facts.bor?.rule)).toMatch(/list/i);
    expect(facts.bor?.errorAlert).toMatchObject({ style: "Stop" });

    // data: one event and one occurrence, typed into the fake workbook
    await page.evaluate(
      ([ev, oc, evRow, ocRow]) => {
        const fake = (globalThis as any).__fakeExcel;
        const col = (n: number) => String.fromCharCode(64 + n);
        return Promise.all([
          fake.userEdit(ev, `A2:${col(evRow.length)}2`, [evRow]),
          fake.userEdit(oc, `A2:${col(ocRow.length)}2`, [ocRow]),
        ]);
      },
      [eventT.title.en, occT.title.en, rowFor(eventHeaders, EVENT_ROW), rowFor(occHeaders, OCCURRENCE_ROW)] as const
    );

    // metadata through the form
    await page.getByRole("tab", { name: "Metadata" }).click();
    await page.getByLabel("Title").fill("Eiders of Ryazhkov island 2023");
    await page.getByLabel("Description").fill("Counts of common eiders on quadrats, Kandalaksha Bay, June 2023.");
    await page.getByLabel("Licence").selectOption("CC-BY-4.0");
    const people = page.getByRole("group", { name: /^Creator/ });
    await page.getByRole("button", { name: "Creator: Add person" }).click();
    await page.getByRole("group", { name: "Creator: Person 1" }).getByLabel("given name").fill("Anna");
    await page.getByRole("group", { name: "Creator: Person 1" }).getByLabel("last name").fill("Ivanova");
    await page.getByRole("button", { name: "Contact: Add person" }).click();
    await page.getByRole("group", { name: /^Contact.*Person 1$/ }).getByLabel("organisation").fill("Kandalaksha Reserve");
    expect(await people.count()).toBeGreaterThan(0);

    // export
    await page.getByRole("tab", { name: "Export" }).click();
    // the first-run guide is there until the first export
    await page.getByRole("navigation", { name: "Four steps to a GBIF dataset" }).waitFor();
    const downloadPromise = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export archive" }).click();
    const download = await Promise.race([
      downloadPromise,
      page
        .getByRole("region", { name: "The archive was not built" })
        .waitFor()
        .then(async () => {
          throw new Error(`Export blocked: ${await page.getByRole("region", { name: "The archive was not built" }).innerText()}`);
        }),
    ]);
    expect(download.suggestedFilename()).toBe("Eiders of Ryazhkov island 2023.zip");
    const file = path.join(OUTPUT, "export.zip");
    await download.saveAs(file);
    await page.getByText(/^Archive ready: /).waitFor();
    await page.getByRole("region", { name: "What next" }).getByText(/upload this archive/).waitFor();
    expect(await page.getByRole("navigation", { name: "Four steps to a GBIF dataset" }).count()).toBe(0);
    await screenshot(page, path.join(OUTPUT, "taskpane-export-en.png"));

    const zip = unzipSync(new Uint8Array(fs.readFileSync(file)));
    expect(Object.keys(zip).sort()).toEqual(["eml.xml", "event.txt", "meta.xml", "occurrence.txt"]);
    const meta = strFromU8(zip["meta.xml"]);
    expect(meta).toContain('rowType="http://rs.tdwg.org/dwc/terms/Event"');
    expect(meta).toContain('rowType="http://rs.tdwg.org/dwc/terms/Occurrence"');
    const eml = strFromU8(zip["eml.xml"]);
    expect(eml).toContain("<title xml:lang=");
    expect(eml).toContain("Eiders of Ryazhkov island 2023");
    expect(eml).toContain("Ivanova");
    const events = strFromU8(zip["event.txt"]).split(/\r?\n/).filter((l) => l !== "");
    expect(events).toHaveLength(2);
    const evHead = events[0].split("\t");
    const evRow = events[1].split("\t");
    expect(evHead).toEqual(eventHeaders);
    for (const [term, value] of Object.entries(EVENT_ROW)) {
      if (evHead.includes(term)) expect([term, evRow[evHead.indexOf(term)]]).toEqual([term, String(value)]);
    }
    const occ = strFromU8(zip["occurrence.txt"]).split(/\r?\n/).filter((l) => l !== "");
    expect(occ).toHaveLength(2);
    const occHead = occ[0].split("\t");
    const occRow = occ[1].split("\t");
    for (const [term, value] of Object.entries(OCCURRENCE_ROW)) {
      if (occHead.includes(term)) expect([term, occRow[occHead.indexOf(term)]]).toEqual([term, String(value)]);
    }
    expect(occRow[occHead.indexOf("scientificName")]).toBe("Somateria mollissima (Linnaeus, 1758)");

    // the metadata had no packageId: the export made one and wrote it to a new Metadata sheet; the next export reuses it
    const packageId = /<eml:eml[^>]*\spackageId="(urn:uuid:[0-9a-f-]{36})"/.exec(eml)?.[1];
    expect(packageId).toBeDefined();
    await page.getByText(`New dataset identifier (packageId): ${packageId}`).waitFor();
    const stored = await page.evaluate(() => {
      const sheet = (globalThis as any).__fakeExcel.sheet("Metadata");
      const rows: unknown[][] = sheet.values(`A1:B${sheet.usedAddress().split(":")[1].replace(/[A-Z]+/g, "")}`);
      return rows.find((r) => r[0] === "packageId")?.[1];
    });
    expect(stored).toBe(packageId);
    const again = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export archive" }).click();
    const second = path.join(OUTPUT, "export-again.zip");
    await (await again).saveAs(second);
    const eml2 = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(second)))["eml.xml"]);
    expect(/<eml:eml[^>]*\spackageId="([^"]+)"/.exec(eml2)?.[1]).toBe(packageId);

    expect(log.errors).toEqual([]);
    expectOnlyLocal(log);
    await page.context().close();
  });

  it("follows the selection in Term help, validates, selects an issue's cell and applies a fix", async () => {
    const log = newLog();
    const page = await pane.open({ sheets: [{ name: "Sheet1" }] }, log);
    await page.getByRole("button", { name: "Insert template" }).click();
    await page.getByText(/^Inserted: /).waitFor();
    const occT = buildTemplate("occurrence", "minimal")[0];
    const headers = await headersOf(page, occT.title.en);
    const bor = String.fromCharCode(65 + headers.indexOf("basisOfRecord"));

    await page.getByRole("tab", { name: "Term help" }).click();
    await page.getByText("Select a cell in a Darwin Core sheet to see its term.").or(page.getByRole("article")).first().waitFor();
    await page.evaluate(([sheet, cell]) => (globalThis as any).__fakeExcel.userSelect(sheet, cell), [occT.title.en, `${bor}3`]);
    await page.getByRole("article", { name: "basisOfRecord" }).waitFor();
    await page.getByText(`${occT.title.en} · column ${bor}`).waitFor();
    await screenshot(page, path.join(OUTPUT, "taskpane-termhelp-en.png"));

    const row = rowFor(headers, { ...OCCURRENCE_ROW, eventID: "", basisOfRecord: "preservedspecimen", countryCode: "RU", decimalLatitude: 67, decimalLongitude: 32.55, geodeticDatum: "WGS84" });
    await page.evaluate(
      ([sheet, address, values]) => (globalThis as any).__fakeExcel.userEdit(sheet, address, [values]),
      [occT.title.en, `A2:${String.fromCharCode(64 + row.length)}2`, row] as const
    );
    await page.getByRole("tab", { name: "Validate" }).click();
    await page.getByRole("button", { name: "Validate workbook" }).click();
    await page.getByText(/^Errors: \d+/).waitFor();
    const cellLink = page.getByRole("button", { name: `Go to ${occT.title.en}!${bor}2` });
    await cellLink.first().click();
    await screenshot(page, path.join(OUTPUT, "taskpane-validate-en.png"));
    const apply = page.getByRole("button", { name: "Apply", exact: true });
    await apply.first().waitFor();
    await apply.first().click();
    await page.getByText(/cell changed\.$/).waitFor();
    const fixed = await page.evaluate(([sheet, cell]) => (globalThis as any).__fakeExcel.sheet(sheet).value(cell), [occT.title.en, `${bor}2`]);
    expect(fixed).toBe("PreservedSpecimen");
    await page.getByText("Errors: 0").waitFor();
    // live validation: a bad value typed after the validation appears in the list without running it again (an
    // invalid basisOfRecord blocks the export: it is counted as such, and marked red like an error)
    await page.evaluate(([sheet, cell]) => (globalThis as any).__fakeExcel.userEdit(sheet, cell, "fossil"), [occT.title.en, `${bor}2`]);
    await page.getByText("Blocking export: 1").waitFor();
    await page.getByText("Blocks export", { exact: true }).first().waitFor();
    const marks = await page.evaluate(([cell]) => (globalThis as any).__fakeExcel.sheet("DwC marks 1").value(cell), [`${bor}2`]);
    expect(marks).toBe("E");
    await page.getByRole("button", { name: `Go to ${occT.title.en}!${bor}2` }).first().waitFor();
    expect(log.errors).toEqual([]);
    expectOnlyLocal(log);
    await page.context().close();
  });

  it('asks "Export with N errors?", shows the errors on request, and exports anyway when told', async () => {
    const log = newLog();
    const page = await pane.open({ sheets: [{ name: "Sheet1" }], options: { displayLanguage: "en-US" } }, log);
    // the boundaries load after the first render, from the add-in's own origin
    await page.getByRole("button", { name: "Insert template" }).click();
    await page.getByText(/^Inserted: /).waitFor();
    const occT = buildTemplate("occurrence", "minimal")[0];
    const headers = await headersOf(page, occT.title.en);
    // a day-first date is an error (certainly not ISO 8601) that does not block the archive
    const row = rowFor(headers, { ...OCCURRENCE_ROW, eventID: "", eventDate: "14.06.2023", countryCode: "RU", decimalLatitude: 67, decimalLongitude: 32.55, geodeticDatum: "WGS84" });
    await page.evaluate(
      ([sheet, address, values]) => (globalThis as any).__fakeExcel.userEdit(sheet, address, [values]),
      [occT.title.en, `A2:${String.fromCharCode(64 + row.length)}2`, row] as const
    );
    await page.getByRole("tab", { name: "Metadata" }).click();
    await page.getByLabel("Title").fill("Eiders 2023");
    await page.getByLabel("Description").fill("Counts of common eiders, Kandalaksha Bay, June 2023.");
    await page.getByLabel("Licence").selectOption("CC-BY-4.0");
    await page.getByRole("button", { name: "Creator: Add person" }).click();
    await page.getByRole("group", { name: "Creator: Person 1" }).getByLabel("last name").fill("Ivanova");
    await page.getByRole("button", { name: "Contact: Add person" }).click();
    await page.getByRole("group", { name: /^Contact.*Person 1$/ }).getByLabel("organisation").fill("Kandalaksha Reserve");

    await page.getByRole("tab", { name: "Export" }).click();
    await page.getByRole("button", { name: "Export archive" }).click();
    const dialog = page.getByRole("dialog", { name: "Export with 1 error?" });
    await Promise.race([
      dialog.waitFor(),
      page
        .getByRole("region", { name: "The archive was not built" })
        .waitFor()
        .then(async () => {
          throw new Error(`Export blocked: ${await page.getByRole("region", { name: "The archive was not built" }).innerText()}`);
        }),
    ]);
    // the default answer has the focus: Enter shows the errors
    const show = dialog.getByRole("button", { name: "Show errors" });
    await page.waitForFunction(() => document.activeElement?.textContent === "Show errors");
    await screenshot(page, path.join(OUTPUT, "taskpane-export-errors-en.png"), false);
    await show.press("Enter");
    await dialog.waitFor({ state: "hidden" });
    expect(await page.getByRole("tab", { name: "Validate" }).getAttribute("aria-selected")).toBe("true");
    await page.getByText("Errors: 1").waitFor();
    await page.getByText("Blocking export: 0").waitFor();
    const eventDate = String.fromCharCode(65 + headers.indexOf("eventDate"));
    await page.getByRole("button", { name: `Go to ${occT.title.en}!${eventDate}2` }).first().waitFor();
    await screenshot(page, path.join(OUTPUT, "taskpane-export-errors-shown-en.png"));

    // in Russian, exported anyway: the archive already built is downloaded
    await page.getByRole("button", { name: "Русский" }).click();
    await page.getByRole("tab", { name: "Экспорт" }).click();
    await page.getByRole("button", { name: "Экспортировать архив" }).click();
    const ru = page.getByRole("dialog", { name: "Экспортировать с 1 ошибкой?" });
    await ru.waitFor();
    await screenshot(page, path.join(OUTPUT, "taskpane-export-errors-ru.png"), false);
    const downloadPromise = page.waitForEvent("download");
    await ru.getByRole("button", { name: "Всё равно экспортировать" }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe("Eiders 2023.zip");
    const file = path.join(OUTPUT, "export-with-errors.zip");
    await download.saveAs(file);
    await page.getByText("В архиве 1 ошибка (вкладка «Проверка»).").waitFor();
    await screenshot(page, path.join(OUTPUT, "taskpane-export-errors-done-ru.png"));
    const occ = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(file)))["occurrence.txt"]).split(/\r?\n/).filter((l) => l !== "");
    expect(occ).toHaveLength(2);
    expect(occ[1].split("\t")[occ[0].split("\t").indexOf("eventDate")]).toBe("14.06.2023");

    // the boundaries came as their own chunk from this server, for the pane and for the export worker
    const geometry = log.urls.filter((u) => /\/chunks\/bdq-geometry\.[0-9a-f]+\.js$/.test(u));
    expect(geometry.length).toBeGreaterThanOrEqual(2);
    expect(geometry.every((u) => u.startsWith(pane.url + "/"))).toBe(true);
    expect(log.errors).toEqual([]);
    expectOnlyLocal(log);
    await page.context().close();
  });

  it("shows the pane in Russian when Office's language is Russian", async () => {
    const log = newLog();
    const page = await pane.open({ options: { displayLanguage: "ru-RU" } }, log);
    await page.getByRole("button", { name: "Вставить шаблон" }).waitFor();
    expect(await page.getByRole("tab", { name: "Шаблоны" }).getAttribute("aria-selected")).toBe("true");
    await screenshot(page, path.join(OUTPUT, "taskpane-ru.png"));
    await page.getByRole("tab", { name: "Метаданные" }).click();
    await page.getByText("Основные сведения").waitFor();
    await screenshot(page, path.join(OUTPUT, "taskpane-metadata-ru.png"));
    // without an Office theme the pane follows the system's colour scheme
    await page.emulateMedia({ colorScheme: "dark" });
    await page.getByRole("tab", { name: "Проверка" }).click();
    const background = await page.evaluate(() => getComputedStyle(document.querySelector(".fui-FluentProvider")!).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r + g + b).toBeLessThan(3 * 80);
    await screenshot(page, path.join(OUTPUT, "taskpane-dark-ru.png"), false);
    expect(log.errors).toEqual([]);
    expectOnlyLocal(log);
    await page.context().close();
  });

  it("tells the truth (issue #14): no Darwin Core sheets, a second core asked for and reported by Validate as by Export, marks removed without hiding problems, the result kept across tabs", async () => {
    const log = newLog();
    const page = await pane.open({ sheets: [{ name: "Sheet1" }], options: { displayLanguage: "en-US" } }, log);
    await page.getByRole("tab", { name: "Validate" }).click();
    await page.getByRole("button", { name: "Validate workbook" }).click();
    await page.getByText(/^The workbook has no Darwin Core sheets/).waitFor();
    expect(await page.getByText("No problems found.").count()).toBe(0);
    await screenshot(page, path.join(OUTPUT, "truth-empty-en.png"));

    // a template inserted twice: the second core is asked for
    await page.getByRole("tab", { name: "Templates" }).click();
    await page.getByRole("button", { name: "Insert template" }).click();
    await page.getByText("Inserted: Occurrence.").waitFor();
    await page.getByRole("button", { name: "Insert template" }).click();
    const ask = page.getByRole("dialog", { name: "Add a second core sheet?" });
    await ask.waitFor();
    await screenshot(page, path.join(OUTPUT, "truth-second-core-en.png"), false);
    await ask.getByRole("button", { name: "Insert a second core" }).click();
    await page.getByText("Inserted: Occurrence (2).").waitFor();

    // Validate reports it with the export's words, titled in plain language
    await page.getByRole("tab", { name: "Validate" }).click();
    await page.getByRole("button", { name: "Validate workbook" }).click();
    await page.getByText(/^Blocking export: [1-9]/).waitFor();
    await page.getByRole("button", { name: /Not exactly one core sheet with records/ }).waitFor();
    const blockers = await page.getByText(/^Blocking export: \d+/).innerText();
    expect(await page.locator("body").innerText()).not.toContain("archive.coreCount");
    await screenshot(page, path.join(OUTPUT, "truth-validate-en.png"));

    // removing the marks changes nothing the pane says about the data
    await page.getByRole("button", { name: "Remove marks" }).click();
    await page.getByText(/^Marks removed from the sheets/).waitFor();
    expect(await page.getByText(/^Blocking export: \d+/).innerText()).toBe(blockers);
    expect(await page.getByText("No problems found.").count()).toBe(0);

    // the metadata do not ask for a core sheet that is there
    await page.getByRole("tab", { name: "Metadata" }).click();
    await page.getByLabel("Title").fill("Eiders 2023");
    await page.getByLabel("Description").fill("Counts of common eiders, Kandalaksha Bay, June 2023.");
    await page.getByLabel("Licence").selectOption("CC-BY-4.0");
    await page.getByRole("button", { name: "Creator: Add person" }).click();
    await page.getByRole("group", { name: "Creator: Person 1" }).getByLabel("last name").fill("Ivanova");
    await page.getByRole("button", { name: "Contact: Add person" }).click();
    await page.getByRole("group", { name: /^Contact.*Person 1$/ }).getByLabel("organisation").fill("Kandalaksha Reserve");
    await page.getByRole("button", { name: "Save to workbook" }).click();
    await page.getByText("Saved in the workbook.").waitFor();
    expect(await page.locator("form").innerText()).not.toMatch(/add a core sheet/i);

    // Export refuses with the same words, next to its button; the refusal stays when the user looks elsewhere
    await page.getByRole("tab", { name: "Export" }).click();
    await page.getByRole("button", { name: "Export archive" }).click();
    const refused = page.getByRole("region", { name: "The archive was not built" });
    await refused.waitFor();
    const text = await refused.innerText();
    expect(text).toMatch(/problems? blocks? the export/);
    expect(text).toContain("Only one sheet can be the core");
    expect(text).toContain("Not exactly one core sheet with records");
    expect(text).not.toContain("archive.coreCount");
    expect(await page.getByText(/^Archive ready/).count()).toBe(0);
    await screenshot(page, path.join(OUTPUT, "truth-export-refused-en.png"));
    await page.getByRole("tab", { name: "Validate" }).click();
    await page.getByRole("tab", { name: "Export" }).click();
    await refused.waitFor();

    // in Russian, dark, at 320 px
    await page.getByRole("button", { name: "Русский" }).click();
    await page.getByRole("tab", { name: "Экспорт" }).click();
    await page.getByRole("region", { name: "Архив не создан" }).waitFor();
    await screenshot(page, path.join(OUTPUT, "truth-export-refused-ru.png"));
    await page.setViewportSize({ width: 320, height: 900 });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.getByRole("tab", { name: "Проверка" }).click();
    await page.getByText(/^Блокируют экспорт: \d+/).waitFor();
    await screenshot(page, path.join(OUTPUT, "truth-validate-dark-ru-320.png"));
    expect(log.errors).toEqual([]);
    expectOnlyLocal(log);
    await page.context().close();
  });

  it("lists 100,000 findings in a windowed list, with filters and Previous/Next (timings printed, not asserted)", async () => {
    const log = newLog();
    const occT = buildTemplate("occurrence", "minimal")[0];
    const headers = occT.columns.map((c) => c.term);
    const ROWS = 20_000;
    // five findings a row: spaces at the edges of five values
    const rows = Array.from({ length: ROWS }, (_, n) =>
      rowFor(headers, {
        ...OCCURRENCE_ROW,
        occurrenceID: `o${n} `,
        eventDate: "2023-06-14",
        scientificName: "Somateria mollissima ",
        kingdom: " Animalia",
        organismQuantityType: "individuals ",
        countryCode: "RU",
        decimalLatitude: 67,
        decimalLongitude: 32.55,
        geodeticDatum: "WGS84 ",
        coordinateUncertaintyInMeters: 30,
        taxonRank: "species",
      })
    );
    const page = await pane.open({ sheets: [{ name: "Occurrence", values: [headers, ...rows] }], options: { displayLanguage: "en-US" } }, log);
    await page.getByRole("tab", { name: "Validate" }).click();
    const t0 = Date.now();
    await page.getByRole("button", { name: "Validate workbook" }).click();
    await page.getByText(/^Warnings: \d{6}/).waitFor({ timeout: 840_000 });
    const listed = Date.now() - t0;
    const drawn = await page.locator("[data-testid=issue-list] li").count();
    const total = await page.getByText(/^Warnings: \d+/).innerText();
    const scroll = await page.evaluate(async () => {
      const el = document.querySelector("[data-testid=issue-list]") as HTMLElement;
      const start = performance.now();
      for (let i = 1; i <= 20; i++) {
        el.scrollTop = (el.scrollHeight * i) / 20;
        el.dispatchEvent(new Event("scroll"));
        await new Promise((r) => requestAnimationFrame(() => r(undefined)));
      }
      return performance.now() - start;
    });
    console.log(`Chromium: ${total}; validated and listed in ${listed} ms; ${drawn} rows in the document; 20 scroll steps in ${Math.round(scroll)} ms`);
    expect(drawn).toBeLessThan(100);
    await page.getByRole("button", { name: "Previous issue" }).click();
    await page.getByText(/^Issue \d+ of \d+$/).waitFor();
    await page.getByRole("combobox", { name: "Rule" }).selectOption({ index: 1 });
    await page.getByText(/^Showing \d+ of \d+$/).waitFor();
    await screenshot(page, path.join(OUTPUT, "truth-100k-en.png"), false);
    expect(log.errors).toEqual([]);
    await page.context().close();
  }, 900_000);

  it("fits 320 × 600 in English and Russian: five tabs in one row, each screen's primary action in view, term names wrapped at camelCase, nothing wider than the pane; follows Office's theme", async () => {
    const log = newLog();
    const occT = buildTemplate("occurrence", "minimal")[0];
    const headers = [...occT.columns.map((c) => c.term), "coordinateUncertaintyInMeters"];
    const page = await pane.open({ sheets: [{ name: "Occurrence", values: [headers, rowFor(headers, { ...OCCURRENCE_ROW, eventID: "" })] }], options: { displayLanguage: "en-US" } }, log);
    await page.setViewportSize({ width: 320, height: 600 });
    const primary: Record<string, { en: string; ru: string }> = {
      templates: { en: "Insert template", ru: "Вставить шаблон" },
      validate: { en: "Validate workbook", ru: "Проверить книгу" },
      metadata: { en: "Save to workbook", ru: "Сохранить в книге" },
      export: { en: "Export archive", ru: "Экспортировать архив" },
    };
    for (const lang of ["en", "ru"] as const) {
      await page.getByRole("button", { name: lang === "en" ? "English" : "Русский" }).click();
      const tabs = page.getByRole("tab");
      expect(await tabs.count()).toBe(5);
      const boxes = await tabs.evaluateAll((els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          const label = e.querySelector(".fui-Tab__content") as HTMLElement;
          return { top: Math.round(r.top), right: r.right, fits: label.scrollWidth <= label.clientWidth + 1 };
        })
      );
      expect(new Set(boxes.map((b) => b.top)).size).toBe(1);
      expect(boxes.every((b) => b.fits && b.right <= 320)).toBe(true);
      for (const id of ["templates", "help", "validate", "metadata", "export"]) {
        await page.locator(`#tab-${id}`).click();
        await page.locator(`#panel-${id}`).waitFor();
        if (primary[id]) {
          const button = page.getByRole("button", { name: primary[id][lang], exact: true });
          await button.waitFor();
          const box = await button.boundingBox();
          expect([id, lang, box !== null && box.y >= 0 && box.y + box.height <= 600]).toEqual([id, lang, true]);
        }
        // no select, field or label makes the pane scroll sideways
        expect([id, lang, await page.evaluate(() => document.documentElement.scrollWidth)]).toEqual([id, lang, 320]);
        await screenshot(page, path.join(OUTPUT, `narrow-${id}-${lang}-320.png`), false);
      }
    }

    // a long term name wraps at its camelCase boundaries, not in the middle of a word
    await page.locator("#tab-help").click();
    await page.evaluate((cell) => (globalThis as any).__fakeExcel.userSelect("Occurrence", cell), `${String.fromCharCode(64 + headers.length)}2`);
    const heading = page.getByRole("article", { name: "coordinateUncertaintyInMeters" }).getByRole("heading", { level: 2 });
    await heading.waitFor();
    const lines = await heading.evaluate((h) => {
      // the text of each line box, from the ranges of the heading's text nodes
      const out = new Map<number, string>();
      const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent ?? "";
        for (let i = 0; i < text.length; i++) {
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + 1);
          const top = Math.round(r.getBoundingClientRect().top);
          out.set(top, (out.get(top) ?? "") + text[i]);
        }
      }
      return [...out.entries()].sort((a, b) => a[0] - b[0]).map(([, t]) => t);
    });
    expect(lines.join("")).toBe("coordinateUncertaintyInMeters");
    for (const line of lines) expect(line).toMatch(/^(coordinate)?(Uncertainty)?(In)?(Meters)?$/);
    await screenshot(page, path.join(OUTPUT, "narrow-termhelp-ru-320.png"), false);

    // Office switches to a dark theme while the pane is open (Excel raises no event: the pane looks again)
    const background = () =>
      page.evaluate(() => {
        const [r, g, b] = getComputedStyle(document.querySelector(".fui-FluentProvider")!).backgroundColor.match(/\d+/g)!.map(Number);
        return r + g + b;
      });
    expect(await background()).toBeGreaterThan(3 * 200);
    await page.evaluate(() => {
      (globalThis as any).Office.context.officeTheme = { bodyBackgroundColor: "#1F1F1F", bodyForegroundColor: "#FFFFFF", controlBackgroundColor: "#2B2B2B", controlForegroundColor: "#FFFFFF" };
      window.dispatchEvent(new Event("focus"));
    });
    await page.waitForFunction(() => {
      const [r, g, b] = getComputedStyle(document.querySelector(".fui-FluentProvider")!).backgroundColor.match(/\d+/g)!.map(Number);
      return r + g + b < 3 * 80;
    });
    await page.locator("#tab-validate").click();
    await page.getByRole("button", { name: "Проверить книгу" }).click();
    await page.getByText(/^Предупреждения: \d+/).waitFor();
    await screenshot(page, path.join(OUTPUT, "narrow-validate-dark-ru-320.png"), false);
    await page.evaluate(() => {
      (globalThis as any).Office.context.officeTheme = { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000", controlBackgroundColor: "#FFFFFF", controlForegroundColor: "#000000" };
    });
    await page.waitForFunction(
      () => {
        const [r, g, b] = getComputedStyle(document.querySelector(".fui-FluentProvider")!).backgroundColor.match(/\d+/g)!.map(Number);
        return r + g + b > 3 * 200;
      },
      undefined,
      { timeout: 10_000 }
    );
    expect(log.errors).toEqual([]);
    expectOnlyLocal(log);
    await page.context().close();
  });

  it("says when Excel is older than the required API instead of showing a blank pane", async () => {
    const log = newLog();
    const page = await pane.open({ options: { excelApi: "1.8" } }, log);
    await page.getByText("This Excel is too old for the add-in").waitFor();
    await screenshot(page, path.join(OUTPUT, "taskpane-unsupported-en.png"), false);
    expectOnlyLocal(log);
    await page.context().close();
  });
});
