/**
 * The workbook a command writes its results into: the user's input workbook copied through ExcelJS (every sheet as
 * it was), or a CSV/TSV table as its first sheet, as text. One definition for the commands that add sheets or cells
 * to the user's own data (georef, standardise), and one way to save it.
 */
import ExcelJS from "exceljs";
import { FileError } from "./source";

/** The input: an .xlsx file, or a delimited table already read (headers and rows of text). */
export type WorkbookInput = { kind: "xlsx"; path: string } | { kind: "csv"; sheetName: string; headers: string[]; rows: string[][] };

/** A name Excel accepts for a sheet: no `[ ] : * ? / \`, at most 31 characters, "Data" when nothing is left. */
export function safeSheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, " ").slice(0, 31) || "Data";
}

/**
 * The input as a workbook to add to: the .xlsx file read, or the table as one text-formatted sheet (an empty value
 * an empty cell).
 * @throws FileError `FILE_UNREADABLE` naming the file when the .xlsx cannot be read
 */
export async function inputWorkbook(input: WorkbookInput): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  if (input.kind === "xlsx") {
    try {
      await workbook.xlsx.readFile(input.path);
    } catch (e) {
      throw new FileError("FILE_UNREADABLE", input.path, `cannot copy the workbook (${e instanceof Error ? e.message : String(e)})`);
    }
    return workbook;
  }
  workbook.creator = "dwc-excel";
  const ws = workbook.addWorksheet(safeSheetName(input.sheetName));
  input.headers.forEach((_, i) => (ws.getColumn(i + 1).numFmt = "@"));
  ws.addRow(input.headers);
  for (const row of input.rows) ws.addRow(row.map((v) => (v === "" ? null : v)));
  ws.eachRow((row) => row.eachCell((cell) => (cell.numFmt = "@")));
  return workbook;
}

/**
 * Saves a workbook.
 * @throws FileError `WRITE_FAILED` naming the file and the system's reason
 */
export async function saveWorkbook(workbook: ExcelJS.Workbook, path: string): Promise<void> {
  try {
    await workbook.xlsx.writeFile(path);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
    throw new FileError("WRITE_FAILED", path, `cannot write the file (${reason})`);
  }
}
