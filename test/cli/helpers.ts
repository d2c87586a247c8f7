import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli";
import {
  emptyAgent,
  emptyMetadata,
  metadataToJson,
  metadataToSheetRows,
  type DatasetMetadata,
} from "../../src/metadata";

/** What one run of the command line printed and returned. */
export interface RunResult {
  code: number;
  out: string;
  err: string;
}

/** Runs `dwc-excel argv...` in-process, capturing its output. */
export async function run(...argv: string[]): Promise<RunResult> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

/** A fresh temporary folder. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `dwc-excel-${prefix}-`));
}

/** A sheet to build: rows (row 1 = headers) and optional per-cell number formats by address. */
export interface SheetSpecForTest {
  name: string;
  rows: ExcelJS.CellValue[][];
  formats?: Record<string, string>;
  hiddenRows?: number[];
  merges?: string[];
  state?: ExcelJS.WorksheetState;
}

/** Writes a workbook with ExcelJS and returns its path. */
export async function writeWorkbook(
  dir: string,
  name: string,
  sheets: SheetSpecForTest[],
  options: { date1904?: boolean } = {}
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  if (options.date1904) wb.properties.date1904 = true;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, s.state ? { state: s.state } : undefined);
    s.rows.forEach((r) => ws.addRow(r));
    for (const [addr, fmt] of Object.entries(s.formats ?? {})) ws.getCell(addr).numFmt = fmt;
    for (const r of s.hiddenRows ?? []) ws.getRow(r).hidden = true;
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** A valid occurrence sheet's header and two records (Oka reserve bird counts). */
export const OCCURRENCE_HEADERS = [
  "occurrenceID",
  "basisOfRecord",
  "scientificName",
  "eventDate",
  "countryCode",
  "decimalLatitude",
  "decimalLongitude",
  "geodeticDatum",
  "coordinateUncertaintyInMeters",
  "kingdom",
  "taxonRank",
];

export const OCCURRENCE_ROWS: ExcelJS.CellValue[][] = [
  [
    "oka-2021-0001",
    "HumanObservation",
    "Parus major Linnaeus, 1758",
    "2021-06-01",
    "RU",
    54.7312,
    40.8501,
    "WGS84",
    50,
    "Animalia",
    "species",
  ],
  [
    "oka-2021-0002",
    "HumanObservation",
    "Cyanistes caeruleus (Linnaeus, 1758)",
    "2021-06-02",
    "RU",
    54.7401,
    40.8622,
    "WGS84",
    100,
    "Animalia",
    "species",
  ],
];

/** Metadata that passes GBIF's checks, titled `title`. */
export function goodMetadata(title: string): DatasetMetadata {
  const person = {
    ...emptyAgent(),
    givenName: "Anna",
    surName: "Petrova",
    organization: "Example Reserve",
    email: "anna@example.org",
  };
  return {
    ...emptyMetadata(),
    title,
    description: "Bird counts used to test the command line export.",
    license: "CC-BY-4.0",
    creators: [person],
    contacts: [person],
    metadataProviders: [person],
    citation: `Petrova A. ${title}.`,
    publishingOrganization: "Example Reserve",
  };
}

/** `goodMetadata(title)` in the `--metadata` JSON format. */
export function metadataJson(title: string, changes: Record<string, unknown> = {}): string {
  return metadataToJson({ ...goodMetadata(title), ...changes } as DatasetMetadata);
}

/** The Metadata sheet (fixed layout) for `goodMetadata(title)`. */
export function metadataSheet(title: string): SheetSpecForTest {
  return { name: "Metadata", rows: metadataToSheetRows(goodMetadata(title), "en") as ExcelJS.CellValue[][] };
}
