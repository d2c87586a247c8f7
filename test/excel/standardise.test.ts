/**
 * "Standardise this sheet" in Excel (issue 13): the corpus tables put in the strict fake workbook, proposed and
 * applied by the adapter, must give the new sheet exactly the table the core (and so the CLI) builds, leave the
 * original untouched cell by cell, format the data area as text before any value arrives, and keep its requests
 * few and under the limit.
 */
import * as path from "path";
import { buildTemplate } from "../../src/dwc";
import {
  MAPPINGS_KEY,
  REGISTRY_KEY,
  listStandardiseCandidates,
  loadSavedMappings,
  proposeForSheet,
  saveMapping,
  standardiseSheet,
} from "../../src/excel";
import { openTableFile } from "../../src/file";
import { applyMapping, proposeMapping, toSavedMapping, type SavedMapping } from "../../src/standardise";
import type { FakeValue } from "./fake";
import { columnLetters } from "./fake";
import { installFake, uninstallFakes } from "./helpers";

afterEach(uninstallFakes);

const CORPUS = path.join(__dirname, "..", "standardise", "corpus");

/** A corpus table as the CLI reads it: headers and rows of text. */
async function corpus(file: string): Promise<{ headers: string[]; rows: string[][] }> {
  const source = await openTableFile(path.join(CORPUS, file));
  const sheet = source.sheets[0];
  const rows: string[][] = [];
  for await (const chunk of source.readRows(sheet.name))
    for (const r of chunk.values) rows.push(sheet.headers.map((_, c) => (r[c] === null || r[c] === undefined ? "" : String(r[c]))));
  return { headers: sheet.headers, rows };
}

/** The table as the fake stores it (empty cells null). */
const grid = (headers: string[], rows: string[][]): FakeValue[][] =>
  [headers, ...rows].map((r) => r.map((v) => (v === "" ? null : v)));

const lastCell = (columns: number, rows: number) => `${columnLetters(columns - 1)}${rows}`;

describe("standardiseSheet", () => {
  it.each(["01-birds-ru.csv", "04-mammals-dms-ru.csv", "06-event-plots-ru.csv", "11-fish-depth-ru.csv"])(
    "%s: the new sheet holds what the core builds, as text; the original is unchanged",
    async (file) => {
      const { headers, rows } = await corpus(file);
      const fake = installFake([
        { name: "Notes", values: [["free text"]] },
        { name: "Лист1", values: grid(headers, rows) },
      ]);
      const before = fake.snapshot("Лист1");
      const { proposal, table } = await proposeForSheet("Лист1");
      expect(table.headers).toEqual(headers);
      // The same proposal the CLI makes from the same text.
      expect(proposal).toEqual(proposeMapping(headers, rows.slice(0, 500)));
      const mapping = toSavedMapping(proposal);
      const expected = applyMapping(mapping, headers, rows);

      const result = await standardiseSheet("Лист1", mapping, "ru");
      expect(fake.snapshot("Лист1")).toBe(before);
      const sheet = fake.sheet(result.sheet);
      expect(result.sheet).toBe(buildTemplate(mapping.datasetClass, "minimal")[0].title.ru);
      // Beside the original.
      expect(sheet.position).toBe(fake.sheet("Лист1").position + 1);
      const n = expected.headers.length;
      expect(sheet.values(`A1:${lastCell(n, 1)}`)[0]).toEqual(expected.headers);
      expect(sheet.values(`A2:${lastCell(n, rows.length + 1)}`)).toEqual(
        expected.rows.map((r) => r.map((v) => (v === "" ? null : v))),
      );
      for (let c = 0; c < n; c++) expect(sheet.numberFormat(`${columnLetters(c)}2`)).toBe("@");
      expect(result.summary).toEqual(expected.summary);
      // Registered as a dataset sheet of the mapping's class.
      const registry = fake.settings()[REGISTRY_KEY] as { sheets: Record<string, { role: { datasetClass: string } }> };
      expect(registry.sheets[sheet.id].role.datasetClass).toBe(mapping.datasetClass);
    },
  );

  it("keeps decimal text such as 55.10 and codes such as 007 as written (text format before values)", async () => {
    const headers = ["Номер", "Широта", "Долгота", "Дата"];
    const rows = [
      ["007", "55.10", "37.50", "2012-06-23"],
      ["008", "55,20", "37,60", "24.06.2012"],
    ];
    const fake = installFake([{ name: "Data", values: grid(headers, rows) }]);
    const { proposal } = await proposeForSheet("Data");
    fake.resetCounters();
    const result = await standardiseSheet("Data", proposal, "en");
    const sheet = fake.sheet(result.sheet);
    const col = (term: string) => columnLetters(result.headers.indexOf(term));
    expect(sheet.value(`${col("decimalLatitude")}2`)).toBe("55.10");
    expect(sheet.value(`${col("decimalLatitude")}3`)).toBe("55.20");
    expect(sheet.value(`${col("verbatimLatitude")}3`)).toBe("55,20");
    expect(sheet.value(`${col("eventDate")}3`)).toBe("2012-06-24");
    // Order of the requests: the data area's text format is queued before the first data block (a General cell
    // would have typed "55.10" as 55.1, which the fake does, as Excel does).
    const log = fake.syncLog.flatMap((s) => s.what);
    const lastFormat = log.map((w) => w.startsWith("set Range.numberFormat")).lastIndexOf(true);
    expect(lastFormat).toBeGreaterThanOrEqual(0);
    expect(lastFormat).toBeLessThan(log.lastIndexOf("set Range.values"));
  });

  it("never overwrites a sheet: the new sheet gets a free name", async () => {
    const { headers, rows } = await corpus("01-birds-ru.csv");
    const fake = installFake([
      { name: "Лист1", values: grid(headers, rows) },
      { name: "Occurrence", values: [["mine"]] },
    ]);
    const { proposal } = await proposeForSheet("Лист1");
    const result = await standardiseSheet("Лист1", proposal, "en");
    expect(result.sheet).toBe("Occurrence (2)");
    expect(fake.sheet("Occurrence").value("A1")).toBe("mine");
  });

  it("cancelled between blocks: the half-written sheet and its role are gone, the workbook is as it was", async () => {
    const { headers, rows } = await corpus("01-birds-ru.csv");
    const many = Array.from({ length: 3000 }, (_, i) => rows[i % rows.length].map((v, c) => (c === 0 ? String(i + 1) : v)));
    const fake = installFake([{ name: "Лист1", values: grid(headers, many) }]);
    const mapping = toSavedMapping(proposeMapping(headers, many.slice(0, 500)));
    const names = fake.sheetNames();
    const before = fake.snapshot("Лист1");
    const registryBefore = JSON.stringify(fake.settings()[REGISTRY_KEY] ?? null);
    // The user presses Cancel once the first blocks of values are in the new sheet.
    let checks = 0;
    const signal = { get aborted() { return ++checks > 3; } } as AbortSignal;
    await expect(standardiseSheet("Лист1", mapping, "en", { signal, targetBytes: 20_000 })).rejects.toMatchObject({ code: "CANCELLED" });
    expect(checks).toBeGreaterThan(3);
    expect(fake.sheetNames().filter((n) => !n.startsWith("DwC "))).toEqual(names);
    expect(fake.snapshot("Лист1")).toBe(before);
    const registry = fake.settings()[REGISTRY_KEY] as { sheets: Record<string, unknown> } | undefined;
    expect(Object.keys(registry?.sheets ?? {})).toEqual(Object.keys(JSON.parse(registryBefore)?.sheets ?? {}));
  });

  it("writes 30,000 rows in blocks under the request limit, with a bounded number of round trips", async () => {
    const { headers, rows } = await corpus("01-birds-ru.csv");
    const many = Array.from({ length: 30000 }, (_, i) => rows[i % rows.length].map((v, c) => (c === 0 ? String(i + 1) : v)));
    const limit = 1_500_000;
    const fake = installFake([{ name: "Big", values: grid(headers, many) }], { payloadLimit: limit });
    const mapping: SavedMapping = toSavedMapping(proposeMapping(headers, many.slice(0, 500)));
    fake.resetCounters();
    const result = await standardiseSheet("Big", mapping, "en", { targetBytes: 1_000_000 });
    const sheet = fake.sheet(result.sheet);
    const expected = applyMapping(mapping, headers, many);
    const n = expected.headers.length;
    expect(sheet.values(`A29999:${lastCell(n, 30001)}`)).toEqual(
      expected.rows.slice(29997).map((r) => r.map((v) => (v === "" ? null : v))),
    );
    for (const s of fake.syncLog) expect(s.bytes).toBeLessThan(limit);
    const blocks = Math.ceil(30000 / 5000);
    console.log(`standardise: 30,000 rows, ${fake.syncCount} round trips, largest ${Math.max(...fake.syncLog.map((s) => s.bytes))} bytes`);
    // Reading and writing each take about one request per block of 5,000 rows; the rest is a fixed handful.
    expect(fake.syncCount).toBeLessThanOrEqual(2 * blocks + 20);
  });
});

describe("listStandardiseCandidates", () => {
  it("lists visible sheets that are not Darwin Core sheets and tells the active one", async () => {
    const { headers, rows } = await corpus("03-insects-en.csv");
    installFake([
      { name: "Occurrence", values: [["occurrenceID", "basisOfRecord", "scientificName"], ["1", "PreservedSpecimen", "Apis"]] },
      { name: "Insects", values: grid(headers, rows) },
      { name: "Hidden", values: [["a"]], visibility: "Hidden" },
      { name: "Empty" },
    ]);
    const { sheets, active } = await listStandardiseCandidates();
    expect(sheets).toEqual([{ name: "Insects", columns: headers.length, records: rows.length }]);
    // The fake's active sheet is the first one (a Darwin Core sheet): not offered.
    expect(active).toBeUndefined();
  });
});

describe("saved mappings", () => {
  it("are kept in the workbook settings, replaced by name, newest first, and read back checked", async () => {
    const fake = installFake([{ name: "Data" }]);
    const a: SavedMapping = { version: 1, datasetClass: "occurrence", columns: [{ header: "Вид", term: "scientificName", action: "map" }] };
    const b: SavedMapping = { version: 1, datasetClass: "event", columns: [{ header: "Дата", term: "eventDate", action: "map" }] };
    await saveMapping("Лист1", a, "2024-05-01T10:00:00Z");
    await saveMapping("Лист2", b, "2024-05-02T10:00:00Z");
    await saveMapping("Лист1", { ...a, datasetClass: "checklist" }, "2024-05-03T10:00:00Z");
    const list = await loadSavedMappings();
    expect(list.map((m) => [m.name, m.mapping.datasetClass])).toEqual([
      ["Лист1", "checklist"],
      ["Лист2", "event"],
    ]);
    expect(fake.settings()[MAPPINGS_KEY]).toBeDefined();
  });

  it("skip an entry that is not a usable mapping", async () => {
    const fake = installFake([{ name: "Data" }]);
    fake.state.settings.set(MAPPINGS_KEY, {
      version: 1,
      mappings: [
        { name: "bad", savedAt: "", mapping: { version: 1, datasetClass: "occurrence", columns: [{ header: "x", term: "notATerm" }] } },
        { name: "good", savedAt: "", mapping: { version: 1, datasetClass: "occurrence", columns: [{ header: "x", term: "eventdate" }] } },
      ],
    });
    const list = await loadSavedMappings();
    expect(list.map((m) => m.name)).toEqual(["good"]);
    expect(list[0].mapping.columns[0]).toEqual({ header: "x", term: "eventDate", action: "map" });
  });
});
