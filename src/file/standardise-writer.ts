import type ExcelJS from "exceljs";
import { buildTemplate, columnFor, CORE_ROW_TYPE, LEVEL_COLOURS, BLOCK_COLOURS } from "../dwc";
import type { ColumnLevel, DatasetClass, Lang, TemplateColumn } from "../dwc/types";
import { headerNote } from "./template-writer";
import { inputWorkbook, saveWorkbook, type WorkbookInput } from "./workbook-copy";

/** What {@link writeStandardisedWorkbook} writes. */
export interface StandardisedWorkbook {
  /** The input file, copied sheet by sheet (.xlsx), or the table of a CSV/TSV file to write as its first sheet. */
  input: WorkbookInput;
  /** The new sheet: wanted name (made unique), Darwin Core headers, rows of text. */
  sheetName: string;
  headers: string[];
  rows: string[][];
  datasetClass: DatasetClass;
  lang: Lang;
  /** The report sheet's name and rows (row 1 a title, each section starting with its header row). */
  reportName: string;
  report: (string | number)[][];
  /** Rows of the report that head a table (bold, filled). */
  reportHeadRows: number[];
}

/** The sheet names actually written. */
export interface WrittenSheets {
  sheet: string;
  report: string;
}

function uniqueName(wanted: string, workbook: ExcelJS.Workbook): string {
  const taken = new Set(workbook.worksheets.map((w) => w.name.toLowerCase()));
  const base = wanted.replace(/[[\]:*?/\\]/g, " ").slice(0, 31);
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  return name;
}

/** The template column of a term (level and block, as a template sheet of the dataset class would have it). */
function templateColumn(
  term: string,
  datasetClass: DatasetClass,
  levels: Map<string, ColumnLevel>
): TemplateColumn | undefined {
  try {
    return columnFor(CORE_ROW_TYPE[datasetClass], term, levels.get(term) ?? "optional");
  } catch {
    return undefined;
  }
}

function addDataSheet(workbook: ExcelJS.Workbook, data: StandardisedWorkbook): string {
  const name = uniqueName(data.sheetName, workbook);
  const ws = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
  const levels = new Map<string, ColumnLevel>();
  for (const sheet of buildTemplate(data.datasetClass, "minimal"))
    for (const c of sheet.columns) if (!levels.has(c.term)) levels.set(c.term, c.level);
  data.headers.forEach((term, index) => {
    const col = ws.getColumn(index + 1);
    col.width = Math.max(12, Math.min(40, term.length + 3));
    col.numFmt = "@";
    const cell = ws.getCell(1, index + 1);
    cell.value = term;
    const column = templateColumn(term, data.datasetClass, levels);
    if (!column) return;
    cell.font = { bold: column.level !== "optional" };
    const fill = LEVEL_COLOURS[column.level];
    if (fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${fill}` } };
    cell.border = { bottom: { style: "thick", color: { argb: `FF${BLOCK_COLOURS[column.block]}` } } };
    cell.note = headerNote(column, data.lang);
  });
  data.rows.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value === "") return;
      const cell = ws.getCell(r + 2, c + 1);
      cell.numFmt = "@";
      cell.value = value;
    });
  });
  return name;
}

function addReportSheet(workbook: ExcelJS.Workbook, data: StandardisedWorkbook): string {
  const name = uniqueName(data.reportName, workbook);
  const ws = workbook.addWorksheet(name);
  data.report.forEach((row) => ws.addRow(row));
  ws.getRow(1).font = { bold: true, size: 13 };
  for (const r of data.reportHeadRows) {
    const row = ws.getRow(r);
    row.font = { bold: true };
    row.eachCell((cell) => (cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD8E3CF" } }));
  }
  const widths = [16, 24, 28, 22, 22, 22, 60, 12, 12, 12, 12, 60];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return name;
}

/**
 * Writes the standardisation's workbook: the input's sheets unchanged (an .xlsx file is copied through ExcelJS; a
 * CSV/TSV table becomes the first sheet, as text), then the new Darwin Core sheet (text-formatted columns, headers
 * filled by level and underlined by block as in the templates, term help as header notes), then the report sheet.
 * Throws {@link FileError} when the input cannot be read or the output cannot be written.
 */
export async function writeStandardisedWorkbook(path: string, data: StandardisedWorkbook): Promise<WrittenSheets> {
  const workbook = await inputWorkbook(data.input);
  const sheet = addDataSheet(workbook, data);
  const report = addReportSheet(workbook, data);
  await saveWorkbook(workbook, path);
  return { sheet, report };
}
