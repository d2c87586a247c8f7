/**
 * The one flow of the pane and the CLI (src/archive/dataset-export.ts) on workbooks built here: an .xlsx written
 * with ExcelJS and read by the file adapter, the same rows in the strict Excel fake read by the Excel adapter, and
 * the same rows as plain chunks. Metadata that block make the run check-only (every row still read and every
 * blocker listed, no archive); good data give an archive whose records hold the sheet's values; both adapters'
 * sources give the same issues through the one validation.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { exportDataset, readArchive, recordsOf, validateDataset, type DatasetSources, type ExportProgress } from "../../src/archive";
import { collectExportSources } from "../../src/excel/export";
import { collectFileSources, openTableFile } from "../../src/file";
import { emptyAgent, emptyMetadata, type DatasetMetadata } from "../../src/metadata";
import type { Issue } from "../../src/validate/types";
import { installFake, uninstallFakes } from "../excel/helpers";
import { role, testSheet } from "./workbooks";

jest.setTimeout(60_000);

const DWC = "http://rs.tdwg.org/dwc/terms/";
const OCC_HEADERS = ["occurrenceID", "basisOfRecord", "scientificName", "eventDate", "countryCode", "decimalLatitude", "decimalLongitude"];
const MOF_HEADERS = ["occurrenceID", "measurementType", "measurementValue", "measurementUnit"];
type Row = (string | number)[];

const good = (id: string, date = "2021-06-01"): Row => [id, "HumanObservation", "Parus major", date, "RU", 54.7312, 40.8501];

/** Occurrences of the Oka reserve with a repeated id (row 4, blocker), a word GBIF does not know (row 5), a day-first date (row 6). */
const FLAWED: Row[] = [
  good("oka-1"),
  good("oka-2"),
  good("oka-2"),
  ["oka-4", "Specimen", "Parus major", "2021-06-03", "RU", 54.74, 40.86],
  good("oka-5", "13.06.2021"),
  good("oka-6"),
];
/** Measurements, one linking to no occurrence (row 3, an error: GBIF drops it). */
const FLAWED_MOF: Row[] = [
  ["oka-1", "wing length", "74", "mm"],
  ["oka-99", "wing length", "71", "mm"],
];
const CLEAN: Row[] = [good("oka-1"), good("oka-2", "2021-06-02"), ["oka-3", "PreservedSpecimen", "Cyanistes caeruleus", "2021-06", "RU", 54.7401, 40.8622]];
const CLEAN_MOF: Row[] = [["oka-3", "wing length", "66", "mm"]];

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "dwc-excel-dataset-export-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(uninstallFakes);

async function writeXlsx(name: string, occurrences: Row[], measurements: Row[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const occ = wb.addWorksheet("Occurrence");
  [OCC_HEADERS, ...occurrences].forEach((r) => occ.addRow(r));
  const mof = wb.addWorksheet("MeasurementOrFact");
  [MOF_HEADERS, ...measurements].forEach((r) => mof.addRow(r));
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function fileSources(name: string, occurrences: Row[], measurements: Row[]) {
  return collectFileSources(await openTableFile(await writeXlsx(name, occurrences, measurements)));
}

/** The same rows as plain chunks, with the roles the adapters recognise. */
function plainSources(occurrences: Row[], measurements: Row[]): DatasetSources {
  return {
    facts: { date1904: false },
    sheets: [
      testSheet("Occurrence", role("occurrence", "core", "occurrence", "occurrenceID"), OCC_HEADERS, occurrences.map((r) => r.map(cell))).source,
      testSheet("MeasurementOrFact", role("measurementorfact", "extension", "occurrence", "occurrenceID"), MOF_HEADERS, measurements.map((r) => r.map(cell))).source,
    ],
    otherSheets: [],
  };
}

function cell(v: string | number) {
  return typeof v === "number" ? { value: v, text: String(v) } : v;
}

function metadata(): DatasetMetadata {
  const person = { ...emptyAgent(), givenName: "Anna", surName: "Petrova", organization: "Oka Reserve", email: "anna@example.org" };
  return {
    ...emptyMetadata(),
    title: "Birds of the Oka reserve",
    description: "Bird counts of the Oka reserve.",
    license: "CC-BY-4.0",
    datasetType: "occurrence",
    creators: [person],
    contacts: [person],
  };
}

const joined = (chunks: readonly Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  chunks.reduce((at, c) => (out.set(c, at), at + c.length), 0);
  return out;
};
const where = (issues: readonly Issue[]) => issues.map((i) => `${i.ruleId} ${i.sheet}!${i.row}:${i.column}`);

describe("exportDataset", () => {
  it("with required metadata missing, still reads and validates every row, lists every blocker and writes no archive", async () => {
    const sources = await fileSources("flawed.xlsx", FLAWED, FLAWED_MOF);
    const progress: ExportProgress[] = [];
    const data: Uint8Array[] = [];
    const result = await exportDataset(sources, {
      metadata: emptyMetadata(),
      packageId: "urn:uuid:00000000-0000-4000-8000-000000000001",
      pubDate: "2026-11-21",
      onData: (chunk) => data.push(chunk),
      onProgress: (p) => progress.push(p),
    });
    expect([result.ok, result.checkOnly, result.cancelled]).toEqual([false, true, false]);
    expect(result.zip).toEqual([]);
    expect(data).toEqual([]);
    expect(result.metadataProblems.filter((p) => p.severity === "error").map((p) => p.field)).toEqual(expect.arrayContaining(["title", "license"]));
    // Every row of both sheets was read.
    const last = (sheet: string) => progress.filter((p) => p.sheet === sheet).pop()?.rowsDone;
    expect([last("Occurrence"), last("MeasurementOrFact")]).toEqual([FLAWED.length, FLAWED_MOF.length]);
    // The data blockers are the validation's own, all of them: the same as validating alone finds.
    const alone = (await validateDataset(await fileSources("flawed-again.xlsx", FLAWED, FLAWED_MOF))).filter((i) => i.severity === "blocker");
    expect(where(result.summary.blockers).sort()).toEqual(where(alone).sort());
    expect(result.summary.blockers.map((i) => [i.sheet, i.row])).toEqual(expect.arrayContaining([["Occurrence", 4], ["Occurrence", 5]]));
    expect(result.summary.blockerCount).toBe(result.summary.blockers.length);
    expect(result.summary.errors.map((i) => [i.sheet, i.row])).toEqual(expect.arrayContaining([["Occurrence", 6], ["MeasurementOrFact", 3]]));
  });

  it("with good metadata and data, writes an archive whose records hold the sheets' values and whose eml.xml has the packageId", async () => {
    const sources = await fileSources("clean.xlsx", CLEAN, CLEAN_MOF);
    const packageId = "urn:uuid:00000000-0000-4000-8000-000000000002";
    const result = await exportDataset(sources, { metadata: metadata(), packageId, pubDate: "2026-11-21", lang: "ru" });
    expect([result.summary.blockers, result.summary.errors]).toEqual([[], []]);
    expect([result.ok, result.checkOnly]).toEqual([true, false]);
    expect(result.metadataProblems.filter((p) => p.severity === "error")).toEqual([]);
    const archive = readArchive(joined(result.zip));
    const core = recordsOf(archive.core).map((r) => r.values);
    expect(core.map((r) => OCC_HEADERS.map((h) => r[`${DWC}${h}`]))).toEqual(CLEAN.map((row) => row.map(String)));
    const mof = recordsOf(archive.extensions[0]).map((r) => [r.id, r.values[`${DWC}measurementType`], r.values[`${DWC}measurementValue`]]);
    expect(mof).toEqual(CLEAN_MOF.map((r) => [r[0], r[1], r[2]]));
    expect(archive.metadata?.text).toContain(`packageId="${packageId}"`);
    expect(archive.metadata?.text).toContain("Birds of the Oka reserve");
  });

  it("streams the zip to onData, and with strict refuses data errors that a normal export lists", async () => {
    const errors: Row[] = [good("oka-1"), good("oka-2", "13.06.2021")];
    const streamed: Uint8Array[] = [];
    const options = { metadata: metadata(), packageId: "urn:uuid:00000000-0000-4000-8000-000000000003", pubDate: "2026-11-21" };
    const listed = await exportDataset(await fileSources("errors.xlsx", errors, []), { ...options, onData: (c) => streamed.push(c) });
    expect([listed.ok, listed.summary.errorCount, listed.zip.length]).toEqual([true, 1, 0]);
    expect(recordsOf(readArchive(joined(streamed)).core)).toHaveLength(2);
    const strict = await exportDataset(await fileSources("errors-strict.xlsx", errors, []), { ...options, strict: true });
    expect([strict.ok, strict.checkOnly, strict.zip]).toEqual([false, false, []]);
    expect(strict.summary.errors.map((i) => [i.ruleId, i.row])).toEqual(listed.summary.errors.map((i) => [i.ruleId, i.row]));
  });
});

describe("validateDataset over either adapter's sources", () => {
  it("finds the same issues in an .xlsx file, in Excel and in plain rows", async () => {
    const expected = await validateDataset(plainSources(FLAWED, FLAWED_MOF));
    // Not an empty comparison: the flaws are found.
    expect(expected.map((i) => [i.sheet, i.row, i.severity])).toEqual(
      expect.arrayContaining([["Occurrence", 4, "blocker"], ["Occurrence", 5, "blocker"], ["Occurrence", 6, "error"], ["MeasurementOrFact", 3, "error"]])
    );

    const file = await fileSources("same.xlsx", FLAWED, FLAWED_MOF);
    expect(file.sheets.map((s) => [s.name, s.role.rowTypeId, s.role.kind])).toEqual([
      ["Occurrence", "occurrence", "core"],
      ["MeasurementOrFact", "measurementorfact", "extension"],
    ]);
    expect(await validateDataset(file)).toEqual(expected);

    installFake([
      { name: "Occurrence", values: [OCC_HEADERS, ...FLAWED] },
      { name: "MeasurementOrFact", values: [MOF_HEADERS, ...FLAWED_MOF] },
    ]);
    const excel = await collectExportSources({ chunkRows: 2 });
    expect(excel.sheets.map((s) => [s.name, s.role.rowTypeId, s.role.kind])).toEqual(file.sheets.map((s) => [s.name, s.role.rowTypeId, s.role.kind]));
    expect(await validateDataset(excel)).toEqual(expected);
  });
});
