/**
 * The one shape of a workbook adapter: what the pane (Excel) and the command line (files) both hand the core, so that
 * validate, export, the validation report, templates and validation marks are orchestrated once: list the dataset
 * sheets and read their rows in chunks, write new sheets (a text table, a template), mark cells. Implemented by the
 * Excel adapter's `excelWorkbook` (src/excel/adapter.ts: the open workbook through Office.js) and the file adapter's
 * `fileWorkbook` / `newFileWorkbook` (src/file/file-workbook.ts: an opened .xlsx or CSV/TSV file, or none for a new
 * template; what it writes goes to a new .xlsx file, never the input). Both write templates from the one
 * `SheetTemplate` model (src/dwc) and marks in the one design of src/archive/marks.ts.
 */
import type { Lang, SheetTemplate } from "../dwc/types";
import type { Issue } from "../validate/types";
import type { DatasetSources, SheetSource } from "./export";

/** A sheet an adapter wrote. */
export interface WrittenSheet {
  /** The new sheet's name (the wanted one, or the first free "wanted (n)"). */
  name: string;
  /** Data rows written (the header row not counted). */
  rows: number;
}

/** Options of {@link WorkbookAdapter.collectSources}. */
export interface CollectOptions {
  /** Cancel: checked before each chunk is read (an `AbortSignal` fits). */
  signal?: { readonly aborted: boolean };
}

/**
 * A workbook as validation, export and the report see it, whichever program holds it.
 *
 * @example
 * const sources = await workbook.collectSources({ signal });
 * const issues = await validateDataset(sources);
 * const table = reportTable(issues, "en"); // src/validate
 * await workbook.writeSheet(table.sheetName, table.header, table.rows);
 * await workbook.markCells(issues);
 */
export interface WorkbookAdapter<S extends SheetSource = SheetSource> {
  /** The dataset sheets with their rows read lazily in chunks, the workbook's facts and its other sheets. */
  collectSources(options?: CollectOptions): Promise<DatasetSources<S>>;
  /**
   * Writes a table of text cells (every cell text-formatted, so that ids, dates and values stay as written) to a
   * NEW sheet named `wanted`, or the first free "wanted (2)", "wanted (3)"…: never over an existing sheet.
   */
  writeSheet(wanted: string, header: readonly string[], rows: readonly (readonly string[])[]): Promise<WrittenSheet>;
  /**
   * Adds the template's sheets as NEW sheets (named after each sheet's title in `lang` by {@link freeSheetName}:
   * never over an existing sheet): row 1 the Darwin Core terms, formats by column type, dropdowns bound to the
   * vocabulary sheet's named ranges, numeric rules. Returns the template sheets written, in order (`rows` 0).
   */
  writeTemplate(sheets: readonly SheetTemplate[], lang: Lang): Promise<WrittenSheet[]>;
  /**
   * Rewrites the validation marks of the dataset sheets from `issues` (the issues of those sheets: blocker and
   * error `E`, red; warning `W`, yellow; info nothing), in the design of src/archive/marks.ts: a very hidden
   * "DwC marks N" mirror sheet per marked sheet and two conditional formats. No value or format of the user's
   * cells is written.
   */
  markCells(issues: readonly Issue[]): Promise<void>;
}

/** Characters Excel refuses in sheet names. */
const BAD_NAME_CHARS = /[[\]:*?/\\]/g;

/**
 * A sheet name not in `taken` (lower-cased names): `Occurrence`, else `Occurrence (2)`, `Occurrence (3)`…, cut to
 * Excel's 31 characters, without the characters Excel refuses. Adds the result to `taken`. The rule every adapter's
 * `writeSheet` names its new sheet by.
 *
 * @example freeSheetName("Occurrence", new Set(["occurrence"])) === "Occurrence (2)"
 */
export function freeSheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(BAD_NAME_CHARS, " ").replace(/^'+|'+$/g, "").trim().slice(0, 31) || "Sheet";
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    name = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}
