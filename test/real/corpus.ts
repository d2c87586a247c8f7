/**
 * The real published datasets of ../shared/samples/real, typed into workbooks as a data manager would: one sheet
 * per data file, every value as text. Archives (zip or folder with meta.xml) go through the archive reader and
 * take their headers from meta.xml (src/archive/sheets.ts); folders without meta.xml keep each file's header line,
 * the delimiter guessed from it.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { archiveSheets, readArchive, type ArchiveContents } from "../../src/archive";

export const SHARED = path.resolve(__dirname, "../../../shared");
export const REAL = path.join(SHARED, "samples/real");

/** A sheet of the typed workbook. */
export interface TypedSheet {
  name: string;
  headers: string[];
  rows: string[][];
}

/** A dataset of the corpus: its sheets, and the archive as read when it has a meta.xml. */
export interface RealDataset {
  name: string;
  sheets: TypedSheet[];
  archive?: ArchiveContents;
}

/** The datasets' names: every zip and folder of samples/real. */
export function realDatasetNames(): string[] {
  return fs
    .readdirSync(REAL)
    .filter((n) => n.endsWith(".zip") || fs.statSync(path.join(REAL, n)).isDirectory())
    .map((n) => n.replace(/\.zip$/, ""))
    .sort();
}

function folderFiles(dir: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const n of fs.readdirSync(dir)) files.set(n, new Uint8Array(fs.readFileSync(path.join(dir, n))));
  return files;
}

/** Reads one dataset of the corpus. */
export function readRealDataset(name: string): RealDataset {
  const zip = path.join(REAL, `${name}.zip`);
  const dir = path.join(REAL, name);
  if (fs.existsSync(zip) || fs.existsSync(path.join(dir, "meta.xml"))) {
    const archive = readArchive(fs.existsSync(zip) ? new Uint8Array(fs.readFileSync(zip)) : folderFiles(dir));
    const sheets = archiveSheets(archive).map((s) => ({ name: s.name, headers: s.headers, rows: s.rows }));
    return { name, sheets, archive };
  }
  const sheets: TypedSheet[] = [];
  for (const file of fs.readdirSync(dir).sort()) {
    if (!/\.(csv|tsv|txt)$/i.test(file)) continue;
    const text = fs.readFileSync(path.join(dir, file), "utf8").replace(/^\uFEFF/, "");
    const firstLine = text.slice(0, text.indexOf("\n"));
    const delimiter = firstLine.includes("\t") ? "\t" : ",";
    const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true });
    const [headers, ...rows] = parsed.data;
    sheets.push({ name: file.replace(/\.[^.]+$/, ""), headers, rows });
  }
  return { name, sheets };
}

/**
 * A control character as Excel stores it in a cell's XML (`_x000B_`): XML 1.0 cannot hold it raw, and ExcelJS
 * would drop it. (A vertical tab pasted from Word is a real value of the bryoquel checklist.)
 */
const excelEscape = (v: string): string =>
  v.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);

/** Writes the typed workbook: every value as a text cell, as a careful data manager types them. */
export async function writeTypedWorkbook(dataset: RealDataset, file: string, extraSheets: TypedSheet[] = []): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of [...dataset.sheets, ...extraSheets]) {
    const ws = wb.addWorksheet(s.name);
    ws.addRow(s.headers);
    for (const r of s.rows) ws.addRow(r.map(excelEscape));
  }
  await wb.xlsx.writeFile(file);
}
