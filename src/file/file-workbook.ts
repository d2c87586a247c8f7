/**
 * An opened table file as the core's `WorkbookAdapter` (src/archive/adapter.ts), the file adapter's side of the
 * shape the Excel adapter's `excelWorkbook` also has: its dataset sheets read in chunks from the file, and new
 * sheets (text tables, templates) and validation marks written to an output workbook saved as a new .xlsx file.
 * The input file is never changed.
 */
import * as path from "path";
import ExcelJS from "exceljs";
import { freeSheetName, type WorkbookAdapter, type WrittenSheet } from "../archive/adapter";
import type { CellValue } from "../dwc/table";
import type { Lang, SheetTemplate } from "../dwc/types";
import type { Issue } from "../validate/types";
import { collectFileSources, type CoreName, type FileSheetSource, type FileSources } from "./dataset-sources";
import { writeMarks, type MarkedSheet } from "./marks-writer";
import { FileError, type TableSource } from "./source";
import { addTemplateSheets } from "./template-writer";
import { inputWorkbook, safeSheetName, saveWorkbook } from "./workbook-copy";

/** The Metadata sheet a template gets in a file (the command line's `metadataSheetRows`). */
export interface TemplateMetadata {
  sheetName: string;
  rows: CellValue[][];
}

/** A file as a {@link WorkbookAdapter}, with the workbook its written sheets go to. */
export interface FileWorkbook extends WorkbookAdapter<FileSheetSource> {
  /** The file's sources, with what the command line also tells about it (`collectFileSources`). */
  collectSources(): Promise<FileSources>;
  /**
   * The interface's `writeTemplate`, and in a file the template's Metadata sheet too when `metadata` is given
   * (after the template sheets, before the very hidden vocabulary sheet, as `writeTemplateFile` writes it).
   */
  writeTemplate(sheets: readonly SheetTemplate[], lang: Lang, metadata?: TemplateMetadata): Promise<WrittenSheet[]>;
  /**
   * The interface's `markCells`, into the copy of the input (`copy: true`): the marks the copy already had are
   * replaced.
   * @throws Error when the output is not a copy of the input (marks belong on the user's own sheets)
   */
  markCells(issues: readonly Issue[]): Promise<void>;
  /** The sheets the last `markCells` marked, with their mirror sheets and counts of marked cells. */
  readonly marked: readonly MarkedSheet[];
  /** The sheets written so far, in order (text tables and template sheets). */
  readonly written: readonly WrittenSheet[];
  /**
   * Saves the output workbook as a new .xlsx file at `file` (replacing a file there, as the other commands' `-o`).
   * @throws FileError `WRITE_FAILED` for the input file's own path (never overwritten) or when the file cannot be written
   */
  save(file: string): Promise<void>;
}

/** Options of {@link fileWorkbook}. */
export interface FileWorkbookOptions {
  /**
   * The output workbook starts as a copy of the input (an .xlsx file's sheets as ExcelJS reads them; a CSV/TSV
   * file's table as one sheet of text cells) instead of empty: what marks are written into.
   */
  copy?: boolean;
}

/** The output of a CSV/TSV file's copy: its one table as text, an empty cell for an empty value. */
async function csvCopy(source: TableSource): Promise<{ workbook: ExcelJS.Workbook; renamed: Map<string, string> }> {
  const sheet = source.sheets[0];
  const rows: string[][] = [];
  for await (const chunk of source.readRows(sheet.name)) {
    for (const row of chunk.values) rows.push(row.map((v) => (v === null || v === undefined ? "" : String(v))));
  }
  const workbook = await inputWorkbook({ kind: "csv", sheetName: sheet.name, headers: [...sheet.headers], rows });
  return { workbook, renamed: new Map([[sheet.name, safeSheetName(sheet.name)]]) };
}

function adapter(source: TableSource | undefined, core: CoreName | undefined, options: FileWorkbookOptions): FileWorkbook {
  const taken = new Set<string>();
  const written: WrittenSheet[] = [];
  const marked: MarkedSheet[] = [];
  // Issues name the input's sheets; a CSV file's sheet may get another name in the copy (Excel's naming rules).
  let renamed = new Map<string, string>();
  let output: Promise<ExcelJS.Workbook> | undefined;
  const workbook = (): Promise<ExcelJS.Workbook> => {
    output ??= (async () => {
      if (options.copy && source) {
        const copy =
          source.kind === "xlsx" ? { workbook: await inputWorkbook({ kind: "xlsx", path: source.path }), renamed } : await csvCopy(source);
        renamed = copy.renamed;
        for (const w of copy.workbook.worksheets) taken.add(w.name.toLowerCase());
        return copy.workbook;
      }
      const empty = new ExcelJS.Workbook();
      empty.creator = "dwc-excel";
      return empty;
    })();
    return output;
  };
  return {
    written,
    marked,
    async collectSources() {
      if (!source) return { sheets: [], facts: { date1904: false }, otherSheets: [], dataSheets: [], metadataSheet: undefined, hiddenDataSheets: [] };
      return collectFileSources(source, core);
    },
    async writeSheet(wanted, header, rows) {
      const out = await workbook();
      const name = freeSheetName(wanted, taken);
      const width = header.length;
      const sheet = out.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
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
    async writeTemplate(sheets, lang, metadata) {
      const out = await workbook();
      const names = addTemplateSheets(out, sheets, { lang, metadataRows: metadata?.rows, metadataSheetName: metadata?.sheetName }, taken);
      const done = names.map((name) => ({ name, rows: 0 }));
      written.push(...done);
      return done;
    },
    async markCells(issues) {
      if (!options.copy || !source) throw new Error("markCells writes into a copy of the input: fileWorkbook(source, core, { copy: true })");
      const out = await workbook();
      const named = renamed.size === 0 ? issues : issues.map((i) => ({ ...i, sheet: renamed.get(i.sheet) ?? i.sheet }));
      marked.splice(0, marked.length, ...writeMarks(out, named));
      for (const w of out.worksheets) taken.add(w.name.toLowerCase());
    },
    async save(file) {
      if (source && path.resolve(file) === path.resolve(source.path)) {
        throw new FileError("WRITE_FAILED", file, "this is the input file; write to another file");
      }
      await saveWorkbook(await workbook(), file);
    },
  };
}

/**
 * The file `source` (opened with `openTableFile`) as a workbook adapter. `collectSources` is `collectFileSources`
 * (with `core` for a CSV file or unrecognised headers); rows are read from the file as consumed, and cancelling is
 * left to the core's flow, which checks its signal between chunks. `writeSheet` adds a sheet of text cells (every
 * cell formatted "@", the header bold and frozen) and `writeTemplate` template sheets to an output workbook that
 * starts empty, or with `copy` as a copy of the input (what `markCells` marks): a name already there gets "(2)".
 * `save` writes that workbook.
 *
 * @example
 * const workbook = fileWorkbook(await openTableFile("birds.xlsx"), undefined, { copy: true });
 * const issues = await validateDataset(await workbook.collectSources());
 * await workbook.markCells(issues);
 * await workbook.save("birds-marked.xlsx");
 */
export function fileWorkbook(source: TableSource, core?: CoreName, options: FileWorkbookOptions = {}): FileWorkbook {
  return adapter(source, core, options);
}

/**
 * A workbook adapter without an input file, for a new template: `collectSources` gives no sheets, `writeTemplate`
 * and `writeSheet` fill a new workbook, `save` writes it; there is nothing to mark.
 *
 * @example
 * const workbook = newFileWorkbook();
 * await workbook.writeTemplate(buildTemplate("occurrence", "minimal"), "en", metadataSheetRows("occurrence", "en"));
 * await workbook.save("occurrence.xlsx");
 */
export function newFileWorkbook(): FileWorkbook {
  return adapter(undefined, undefined, {});
}
