/**
 * One-click export: dataset sheets (streamed as row chunks) + metadata text -> a Darwin Core Archive (zip
 * chunks) and a summary of what went where. Single pass over each sheet: every chunk is converted and
 * compressed at once, and handed to the validation (if given) at the same time; the zip is delivered only when
 * nothing blocks it.
 *
 * Blocks the export (the result has `ok: false` and no zip): an Excel error value in an exported column, text
 * that cannot be stored as UTF-8 (an unpaired surrogate), a sheet that cannot be planned (no id column, unknown
 * core or extension), not exactly one core sheet, and validation errors. Each names the sheet and cell.
 */
import type { CellValue, RowChunk, WorkbookFacts } from "../dwc/table";
import type { SheetRole } from "../dwc/types";
import type { SheetSpec } from "../validate/workbook";
import type { Issue } from "../validate/types";
import { createWorkbookValidator } from "../validate";
import { coreCountIssue } from "../validate/requirements";
import type { ArchiveDescriptor } from "./descriptor";
import type { LeftOutColumn, SheetPlan } from "./plan";
import { columnLetter, planSheet } from "./plan";
import { needsCare } from "./record-encoder";
import { createCellConverter, isErrorCell } from "./values";
import { createArchiveWriter } from "./writer";

/** A dataset sheet as the adapters hand it over. */
export interface SheetSource {
  /** Sheet name, for messages and click-to-cell. */
  name: string;
  role: SheetRole;
  /** Row 1 as text. */
  headers: readonly string[];
  /** Rows 2.. in chunks, in order (hidden and filtered rows included: they are data). */
  rows: AsyncIterable<RowChunk> | Iterable<RowChunk>;
  /** Last used row (`SheetInfo.rowCount`), for the progress bar. */
  rowCount?: number;
}

/**
 * What an adapter hands over of a workbook for validation and export: its facts, its dataset sheets with their rows
 * read lazily, and the visible sheets that are not dataset sheets (named, not exported). The adapters' one shape:
 * the Excel adapter's `collectExportSources` and the file adapter's `collectFileSources` return one, and
 * `validateDataset` / `exportDataset` (./dataset-export.ts) take it.
 */
export interface DatasetSources<S extends SheetSource = SheetSource> {
  facts: WorkbookFacts;
  /** Dataset sheets in workbook order (the core and its extensions). */
  sheets: S[];
  /** Visible sheets that are not dataset sheets, e.g. notes; the Metadata sheet is left out. */
  otherSheets: string[];
  /**
   * Every sheet the validation is told of, in workbook order, when that is more than `sheets`: the file adapter
   * adds its visible sheets with data and no role (undefined), so that the validation says why each is left out
   * (not recognised, header only). Default: `sheets`.
   */
  validationSheets?: readonly SheetSpec[];
}

/**
 * The whole-workbook validation, fed during the export: each chunk as it is read, then `finish` for the sheet-
 * and dataset-level rules. `createWorkbookValidator` (src/validate) is one. Issues with severity `error` block
 * the export; the others are listed in the summary.
 */
export interface ExportValidation {
  addChunk(sheet: string, chunk: RowChunk): Issue[] | void | Promise<Issue[] | void>;
  finish(): Issue[] | Promise<Issue[]>;
}

/** Progress, reported after each chunk. */
export interface ExportProgress {
  sheet: string;
  /** The data file being written; absent when the run only validates (`exportDataset`'s check-only). */
  location?: string;
  /** 0-based position of the sheet among the exported sheets. */
  sheetIndex: number;
  sheetCount: number;
  /** Rows read so far from this sheet (not counting the header). */
  rowsDone: number;
  /** Data rows in this sheet, when the source told (`rowCount - 1`). */
  rowsTotal?: number;
}

/** Options of `exportArchive`. */
export interface ExportOptions {
  /** The dataset sheets; exactly one has `role.kind === "core"`. */
  sheets: readonly SheetSource[];
  facts: WorkbookFacts;
  /**
   * eml.xml text (src/metadata `buildEmlXml`), or a function called once every row has been read, so that
   * coverage gathered through `onChunk` (src/metadata `addChunkToCoverage`) goes into the same single pass.
   */
  emlXml: string | (() => string);
  /** Sees every chunk of every sheet as it is read (e.g. to gather coverage). */
  onChunk?: (sheet: SheetSource, chunk: RowChunk) => void;
  /**
   * The validation run with the export. Default: `createWorkbookValidator` over the exported sheets with
   * `facts`. `false` skips it (only for callers that have just validated the same data, and for benchmarks).
   */
  validation?: ExportValidation | false;
  /** Refuse on validation errors too, not only on blockers (the CLI's `--strict`). */
  strict?: boolean;
  onProgress?: (progress: ExportProgress) => void;
  /** Receive zip chunks as they are made instead of in the result (they are only valid if the result is ok). */
  onData?: (chunk: Uint8Array) => void;
  /** Cancel: checked before each chunk (an `AbortSignal` fits). */
  signal?: { readonly aborted: boolean };
  /** Entry time in the zip (default now); fix it for byte-identical archives. */
  mtime?: Date;
  level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  /** A native CRC-32 where there is one (Node: `zlib.crc32`); see `ArchiveWriterOptions.crc32`. */
  crc32?: (previous: number, bytes: Uint8Array) => number;
}

/** One data file written. */
export interface ExportedFile {
  sheet: string;
  location: string;
  rowType: string;
  /** Records written (rows with at least one non-empty cell). */
  records: number;
  /** Data file columns (term names), id column first. */
  columns: string[];
  /** Rows whose cells were all empty, not written. */
  emptyRowsSkipped: number;
  /** Uncompressed size in bytes. */
  bytes: number;
}

/** What the export did; plain data for the task pane, the CLI and JSON output. */
export interface ExportSummary {
  files: ExportedFile[];
  /** Columns not exported: not a term of the sheet's core or extension, duplicated, or without a header. */
  leftOutColumns: LeftOutColumn[];
  /**
   * What blocks the export (the archive cannot be built, or the IPT or GBIF would refuse it), each naming sheet,
   * row, column and value: the export's own refusals and the validation's blockers (first 1000).
   */
  blockers: Issue[];
  /** Validation issues with severity `error`: listed, block only a strict export (first 10000). */
  errors: Issue[];
  /** Validation warnings and infos (listed, do not block; first 10000). */
  warnings: Issue[];
  /** Exact numbers of blockers, errors, and warnings with infos, including those beyond the lists. */
  blockerCount: number;
  errorCount: number;
  warningCount: number;
}

/** Result of `exportArchive`. */
export interface ExportResult {
  /** True when the archive is complete and nothing blocked it (no blocker; with `strict`, no error either). */
  ok: boolean;
  cancelled: boolean;
  /** The zip, in chunks (empty when not ok, or when `onData` received them). */
  zip: Uint8Array[];
  summary: ExportSummary;
}

const MAX_BLOCKERS = 1000;
const MAX_ISSUES = 10_000;

/**
 * Adds issues to a summary by severity: listed up to the caps (1000 blockers, 10000 errors, 10000 warnings and
 * infos), counted exactly.
 */
export function tallyIssues(summary: ExportSummary, issues: readonly Issue[]): void {
  for (const issue of issues) {
    if (issue.severity === "blocker") {
      if (summary.blockerCount++ < MAX_BLOCKERS) summary.blockers.push(issue);
    } else if (issue.severity === "error") {
      if (summary.errorCount++ < MAX_ISSUES) summary.errors.push(issue);
    } else if (summary.warningCount++ < MAX_ISSUES) summary.warnings.push(issue);
  }
}

/** An export summary with nothing in it yet. */
export function emptySummary(): ExportSummary {
  return { files: [], leftOutColumns: [], blockers: [], errors: [], warnings: [], blockerCount: 0, errorCount: 0, warningCount: 0 };
}

/** Data file name for a sheet: `occurrence.txt`, `measurementorfact.txt`; `-2`, `-3` for repeats. */
function locationFor(role: SheetRole, taken: Set<string>): string {
  const base = role.rowTypeId.toLowerCase().replace(/[^a-z0-9]+/g, "");
  let name = `${base}.txt`;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}.txt`;
  taken.add(name);
  return name;
}

function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || v === "";
}

/**
 * Exports dataset sheets and metadata as a Darwin Core Archive.
 *
 * @example
 * const { ok, zip, summary } = await exportArchive({
 *   sheets: [{ name: "Occurrence", role, headers, rows: chunksOfTheSheet }],
 *   facts: { date1904: false },
 *   emlXml,
 * });
 * if (ok) download(new Blob(zip, { type: "application/zip" }), archiveFileName(title));
 * else show(summary.blockers, summary.errors);
 */
export async function exportArchive(options: ExportOptions): Promise<ExportResult> {
  const summary = emptySummary();
  const refuse = (issue: Issue): void => {
    if (summary.blockerCount++ < MAX_BLOCKERS) summary.blockers.push(issue);
  };
  const noteIssues = (issues: Issue[] | void): void => tallyIssues(summary, issues ?? []);
  const blocked = (cancelled = false): ExportResult => ({ ok: false, cancelled, zip: [], summary });

  const cores = options.sheets.filter((s) => s.role.kind === "core");
  if (cores.length !== 1) {
    refuse(coreCountIssue(cores.map((c) => c.name)));
    return blocked();
  }
  // Core first, then the extensions in the order given.
  const sources = [cores[0], ...options.sheets.filter((s) => s.role.kind !== "core")];
  const taken = new Set<string>();
  const plans: SheetPlan[] = [];
  for (const source of sources) {
    const { plan, issues } = planSheet(source.name, source.role, source.headers, locationFor(source.role, taken));
    issues.forEach(refuse);
    if (plan) plans.push(plan);
  }
  if (summary.blockerCount) return blocked();
  for (const plan of plans) summary.leftOutColumns.push(...plan.leftOut);

  const descriptor: ArchiveDescriptor = {
    metadata: "eml.xml",
    core: plans[0].descriptor,
    extensions: plans.slice(1).map((p) => p.descriptor),
  };
  const writer = createArchiveWriter({
    descriptor,
    emlXml: options.emlXml,
    onData: options.onData,
    mtime: options.mtime,
    level: options.level,
    crc32: options.crc32,
  });
  const validation =
    options.validation === false
      ? undefined
      : (options.validation ??
        createWorkbookValidator({
          sheets: sources.map((s) => ({ name: s.name, headers: [...s.headers], role: s.role })),
          facts: options.facts,
        }));
  const text = createCellConverter(options.facts);
  const aborted = (): boolean => options.signal?.aborted === true;

  for (let s = 0; s < plans.length; s++) {
    const plan = plans[s];
    const source = sources[s];
    // After a refusal nothing more is written, but the sheets are still read to find every problem.
    let file = summary.blockerCount ? undefined : writer.openFile(plan.descriptor.location, plan.header);
    const columns = plan.sourceColumns;
    const width = columns.length;
    const fields: string[] = new Array<string>(width).fill("");
    const leftOutFilled = plan.leftOut.map((l) => l.column);
    let rowsDone = 0;
    let emptyRowsSkipped = 0;
    let records = 0;
    for await (const chunk of source.rows) {
      if (aborted()) break;
      if (validation) noteIssues(await validation.addChunk(source.name, chunk));
      options.onChunk?.(source, chunk);
      const { values, numberFormats } = chunk;
      for (let r = 0; r < values.length; r++) {
        const cells = values[r];
        const formats = numberFormats?.[r];
        let empty = true;
        for (let c = 0; c < cells.length; c++) {
          if (!isBlank(cells[c])) {
            empty = false;
            break;
          }
        }
        if (empty) {
          emptyRowsSkipped++;
          continue;
        }
        const row = chunk.startRow + r;
        // Text converted from numbers, dates and booleans never needs quotes; only the cells' own text is checked.
        let plain = true;
        for (let k = 0; k < width; k++) {
          const column = columns[k];
          const value = cells[column];
          if (value === null || value === undefined) fields[k] = "";
          else if (typeof value === "string") {
            // With validation, its excel-error blocker names the cell (once); without it, the export must.
            if (!validation && value.charCodeAt(0) === 0x23 && isErrorCell(value)) {
              refuse(errorValueRefusal(plan, row, column, k, value));
            }
            if (plain && needsCare(value)) plain = false;
            fields[k] = value;
          } else fields[k] = text(value, formats?.[column]);
        }
        for (let l = 0; l < leftOutFilled.length; l++) {
          if (!isBlank(cells[leftOutFilled[l]])) plan.leftOut[l].filledCells++;
        }
        if (summary.blockerCount || !file) {
          const bad = firstUnpairedSurrogate(fields, width);
          if (bad >= 0) refuse(unencodableRefusal(plan, row, columns[bad], bad, fields[bad]));
          continue;
        }
        const bad = file.writeRecord(fields, width, plain);
        if (bad >= 0) refuse(unencodableRefusal(plan, row, columns[bad], bad, fields[bad]));
        else records++;
      }
      rowsDone += values.length;
      options.onProgress?.({
        sheet: plan.sheet,
        location: plan.descriptor.location,
        sheetIndex: s,
        sheetCount: plans.length,
        rowsDone,
        ...(source.rowCount !== undefined ? { rowsTotal: Math.max(0, source.rowCount - 1) } : {}),
      });
    }
    if (aborted()) {
      writer.cancel();
      return blocked(true);
    }
    if (summary.blockerCount) {
      writer.cancel();
      file = undefined;
    } else file?.close();
    summary.files.push({
      sheet: plan.sheet,
      location: plan.descriptor.location,
      rowType: plan.descriptor.rowType,
      records,
      columns: plan.header,
      emptyRowsSkipped,
      bytes: file?.bytes ?? 0,
    });
  }

  if (validation) noteIssues(await validation.finish());
  // A dataset without records is no dataset (the validation says so too; without it, the export must).
  if (!validation && !summary.blockerCount && summary.files[0]?.records === 0) refuse(coreCountIssue([plans[0].sheet], true));
  if (summary.blockerCount || (options.strict && summary.errorCount)) {
    writer.cancel();
    return blocked();
  }
  const zip = writer.finish();
  return { ok: true, cancelled: false, zip, summary };
}

/** Index of the first field holding an unpaired UTF-16 surrogate, or -1 (used once nothing is written any more). */
function firstUnpairedSurrogate(fields: readonly string[], count: number): number {
  for (let f = 0; f < count; f++) {
    if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(fields[f])) return f;
  }
  return -1;
}

function errorValueRefusal(plan: SheetPlan, row: number, column: number, field: number, value: string): Issue {
  const cell = `${columnLetter(column)}${row}`;
  return {
    ruleId: "archive.excelError",
    severity: "blocker",
    sheet: plan.sheet,
    row,
    column,
    term: plan.header[field],
    value,
    message: {
      en: `Cell ${cell} (${plan.header[field]}) holds the Excel error ${value}. Correct the formula or the value, or clear the cell.`,
      ru: `В ячейке ${cell} (${plan.header[field]}) ошибка Excel ${value}. Исправьте формулу или значение либо очистите ячейку.`,
    },
  };
}

function unencodableRefusal(plan: SheetPlan, row: number, column: number, field: number, value: string): Issue {
  const cell = `${columnLetter(column)}${row}`;
  return {
    ruleId: "archive.unpairedSurrogate",
    severity: "blocker",
    sheet: plan.sheet,
    row,
    column,
    term: plan.header[field],
    value,
    message: {
      en: `Cell ${cell} (${plan.header[field]}) holds a broken character (half of an emoji or other surrogate pair) that UTF-8 cannot store. Retype the value.`,
      ru: `В ячейке ${cell} (${plan.header[field]}) повреждённый символ (половина эмодзи или суррогатной пары), который нельзя записать в UTF-8. Введите значение заново.`,
    },
  };
}

/**
 * A safe file name for the downloaded archive: the dataset title without characters Windows, macOS or a URL
 * forbid, at most 100 characters, with `.zip`. Cyrillic stays.
 * @example archiveFileName('Птицы: "Кандалакша" 2023') === "Птицы Кандалакша 2023.zip"
 */
export function archiveFileName(title: string): string {
  const clean = title
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "")
    .slice(0, 100)
    .trim();
  return `${clean || "dwc-archive"}.zip`;
}
