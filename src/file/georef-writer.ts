import type ExcelJS from "exceljs";
import { FileError } from "./source";
import { inputWorkbook, safeSheetName, saveWorkbook, type WorkbookInput } from "./workbook-copy";

/** Values to put in one row of the sheet, by header (Darwin Core term). */
export interface GeorefFill {
  /** 1-based sheet row. */
  row: number;
  values: Readonly<Record<string, string>>;
}

/** What {@link writeGeorefWorkbook} writes. */
export interface GeorefWorkbook {
  /** The input file to copy (.xlsx), or the table of a CSV/TSV file to write as the only sheet. */
  input: WorkbookInput;
  /** The sheet the fills go to (for a CSV input, the name its sheet gets). */
  sheetName: string;
  fills: readonly GeorefFill[];
}

/** What was written: the sheet, the columns added to it, and how many cells were set. */
export interface GeorefWritten {
  sheet: string;
  addedColumns: string[];
  cellsSet: number;
}

/** An ExcelJS cell's value (read through a function: the Office.js lint rules mistake ExcelJS cells for theirs). */
function cellValue(cell: ExcelJS.Cell): ExcelJS.CellValue {
  return Reflect.get(cell, "value") as ExcelJS.CellValue;
}

function isEmpty(value: ExcelJS.CellValue): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  if (typeof value === "object" && "richText" in value) return value.richText.every((r) => r.text.trim() === "");
  return false;
}

/**
 * Writes the georeferenced workbook: the input copied through ExcelJS (a CSV/TSV table becomes its only sheet, as
 * text) with the given values set in one sheet, each as a text-formatted cell and only where the cell is empty, so
 * that no value of the user's is ever overwritten. Columns named in the fills that the sheet lacks are added after
 * its last header. Throws {@link FileError} when the input cannot be read, the sheet is missing or the output
 * cannot be written.
 */
export async function writeGeorefWorkbook(path: string, data: GeorefWorkbook): Promise<GeorefWritten> {
  const workbook = await inputWorkbook(data.input);
  const sheetName = data.input.kind === "csv" ? safeSheetName(data.sheetName) : data.sheetName;
  const ws = workbook.getWorksheet(sheetName);
  if (!ws) throw new FileError("SHEET_NOT_FOUND", path, `no sheet named "${sheetName}" to write to`);
  const columns = new Map<string, number>();
  let lastColumn = 0;
  ws.getRow(1).eachCell({ includeEmpty: false }, (cell, col) => {
    const header = cell.text.trim();
    if (header === "") return;
    lastColumn = Math.max(lastColumn, col);
    if (!columns.has(header)) columns.set(header, col);
  });
  const addedColumns: string[] = [];
  let cellsSet = 0;
  for (const fill of data.fills) {
    for (const [term, value] of Object.entries(fill.values)) {
      let col = columns.get(term);
      if (col === undefined) {
        col = ++lastColumn;
        columns.set(term, col);
        addedColumns.push(term);
        const head = ws.getCell(1, col);
        head.value = term;
        ws.getColumn(col).width = Math.max(14, Math.min(40, term.length + 3));
      }
      const cell = ws.getRow(fill.row).getCell(col);
      if (!isEmpty(cellValue(cell))) continue;
      cell.numFmt = "@";
      cell.value = value;
      cellsSet++;
    }
  }
  await saveWorkbook(workbook, path);
  return { sheet: ws.name, addedColumns, cellsSet };
}
