/**
 * An opened table file as the core's `WorkbookAdapter` (src/archive/adapter.ts), the file adapter's side of the
 * shape the Excel adapter's `excelWorkbook` also has: its dataset sheets read in chunks from the file, and new
 * text sheets added to an output workbook saved as a new .xlsx file. The input file is never changed.
 */
import * as path from "path";
import ExcelJS from "exceljs";
import { freeSheetName, type WorkbookAdapter, type WrittenSheet } from "../archive/adapter";
import { collectFileSources, type CoreName, type FileSheetSource, type FileSources } from "./dataset-sources";
import { FileError, type TableSource } from "./source";
import { saveWorkbook } from "./workbook-copy";

/** A file as a {@link WorkbookAdapter}, with the workbook its written sheets go to. */
export interface FileWorkbook extends WorkbookAdapter<FileSheetSource> {
  /** The file's sources, with what the command line also tells about it (`collectFileSources`). */
  collectSources(): Promise<FileSources>;
  /** The sheets written so far, in order. */
  readonly written: readonly WrittenSheet[];
  /**
   * Saves the written sheets as a new .xlsx file at `file` (replacing a file there, as the other commands' `-o`).
   * @throws FileError `WRITE_FAILED` for the input file's own path (never overwritten) or when the file cannot be written
   */
  save(file: string): Promise<void>;
}

/**
 * The file `source` (opened with `openTableFile`) as a workbook adapter. `collectSources` is `collectFileSources`
 * (with `core` for a CSV file or unrecognised headers); rows are read from the file as consumed, and cancelling is
 * left to the core's flow, which checks its signal between chunks. `writeSheet` adds a sheet of text cells (every
 * cell formatted "@", the header bold and frozen) to an output workbook that starts empty: a name already written
 * gets "(2)"; the input's own sheets are not in it. `save` writes that workbook.
 *
 * @example
 * const workbook = fileWorkbook(await openTableFile("birds.xlsx"));
 * const table = reportTable(await validateDataset(await workbook.collectSources()), "en");
 * await workbook.writeSheet(table.sheetName, table.header, table.rows);
 * await workbook.save("birds-report.xlsx");
 */
export function fileWorkbook(source: TableSource, core?: CoreName): FileWorkbook {
  const output = new ExcelJS.Workbook();
  output.creator = "dwc-excel";
  const taken = new Set<string>();
  const written: WrittenSheet[] = [];
  return {
    written,
    async collectSources() {
      return collectFileSources(source, core);
    },
    async writeSheet(wanted, header, rows) {
      const name = freeSheetName(wanted, taken);
      const width = header.length;
      const sheet = output.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
      for (let c = 1; c <= width; c++) sheet.getColumn(c).numFmt = "@";
      const head = sheet.addRow([...header]);
      head.font = { bold: true };
      for (const r of rows) sheet.addRow(Array.from({ length: width }, (_, i) => (r[i] ? r[i] : null)));
      // Every written cell text, so that Excel shows ids, dates and numbers as the report wrote them.
      sheet.eachRow((row) => row.eachCell((cell) => (cell.numFmt = "@")));
      header.forEach((h, i) => (sheet.getColumn(i + 1).width = Math.max(10, Math.min(60, h.length + 4))));
      const done = { name, rows: rows.length };
      written.push(done);
      return done;
    },
    async save(file) {
      if (path.resolve(file) === path.resolve(source.path)) throw new FileError("WRITE_FAILED", file, "this is the input file; write to another file");
      await saveWorkbook(output, file);
    },
  };
}
