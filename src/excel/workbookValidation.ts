/**
 * The whole-workbook validation (sheets read in chunks into the engine of src/validate, marks rewritten, the result
 * kept in the session) and the re-validation of a block of rows through the engine's edit path, which live edits,
 * the sheet-only run and fixes share.
 *
 * The engine's state (id sets, row hashes) is kept between edits so that cross-sheet rules are re-checked from
 * cached sets, never by rereading the workbook.
 */
import type { RowChunk } from "../dwc/table";
import type { Lang } from "../dwc/types";
import { isMetadataSheet } from "../metadata";
import { applyEdit, createWorkbookValidator } from "../validate";
import type { Issue } from "../validate/types";
import { throwIfAborted } from "./errors";
import type { MarksRecord } from "./marks";
import { clearAllMarks, isMarksSheetName, MARKS_KEY_PREFIX, markGrid, parseMarksRecord, queueEnsureMarks, queueMarkWrites } from "./marks";
import { approxBytes, chunksOf, TARGET_REQUEST_BYTES } from "./read";
import type { DatasetSheet } from "./sheets";
import { listWorkbookSheets } from "./sheets";
import type { SheetState, ValidationState } from "./session";
import { activeSession, enqueue, notify } from "./session";

/** Progress of a whole-workbook validation. */
export interface ValidationProgress {
  sheet: string;
  /** Rows read so far, over all sheets. */
  rowsDone: number;
  /** Data rows of all dataset sheets. */
  rowsTotal: number;
}

/** Options of {@link validateWorkbook}. */
export interface ValidateOptions {
  lang?: Lang;
  /** Write marks on the sheets (default true). */
  marks?: boolean;
  chunkRows?: number;
}

/** Largest edit (in rows) validated in one read; bigger pastes are read in blocks. */
export const LIVE_BLOCK_ROWS = 2000;

/** The marks records (settings) of the given sheets, by sheet id. */
export async function loadMarksRecords(ids: string[]): Promise<Map<string, MarksRecord>> {
  return Excel.run(async (context) => {
    const items = ids.map((id) => {
      const item = context.workbook.settings.getItemOrNullObject(MARKS_KEY_PREFIX + id);
      item.load("value");
      return [id, item] as const;
    });
    await context.sync();
    const out = new Map<string, MarksRecord>();
    for (const [id, item] of items) {
      const record = item.isNullObject ? undefined : parseMarksRecord(item.value);
      if (record) out.set(id, record);
    }
    return out;
  });
}

/**
 * Validates every dataset sheet and the cross-sheet rules: sheets are read in chunks (each request under the
 * 5 MB limit of Excel on the web) and fed to the engine; marks are rewritten; the result is kept for live edits.
 *
 * @example const issues = await validateWorkbook((p) => setProgress(p.rowsDone / p.rowsTotal), controller.signal)
 * Runs after any live edit being handled (and edits arriving meanwhile wait for it), so the two never interleave.
 *
 * @throws ExcelAdapterError CANCELLED when `signal` aborts (the previous result stays in effect)
 */
export async function validateWorkbook(
  onProgress?: (progress: ValidationProgress) => void,
  signal?: AbortSignal,
  options: ValidateOptions = {},
): Promise<Issue[]> {
  return enqueue(() => fullValidation(onProgress, signal, options));
}

/** The whole-workbook validation itself (callers already in the session's chain use it directly). */
export async function fullValidation(
  onProgress?: (progress: ValidationProgress) => void,
  signal?: AbortSignal,
  options: ValidateOptions = {},
): Promise<Issue[]> {
  const lang = options.lang ?? activeSession().state?.lang ?? "en";
  const workbook = await listWorkbookSheets();
  const datasets = workbook.datasets;
  // Every visible sheet goes to the validator, the ones without a Darwin Core role too (the Metadata sheet and blank sheets aside):
  // it reports what is not a dataset sheet and, with every sheet known, whether there is exactly one core with
  // records (archive.coreCount), with the words the export uses.
  // A blank sheet (the "Sheet1" of every new workbook) says nothing about the dataset and is left out.
  const plain = workbook.others.filter(
    (o) =>
      !isMetadataSheet(o.name, o.headers) && o.headers.some((h) => String(h ?? "").trim() !== "")
  );
  const validator = createWorkbookValidator({
    sheets: [
      ...datasets.map((d) => ({ name: d.name, headers: d.headers, role: d.role, rowCount: d.rowCount })),
      ...plain.map((o) => ({ name: o.name, headers: o.headers, rowCount: o.rowCount })),
    ],
    lang,
    facts: workbook.facts,
    recognise: false,
  });
  const issues: Issue[] = [];
  const rowsTotal = datasets.reduce((n, d) => n + Math.max(0, d.rowCount - 1), 0);
  let rowsDone = 0;
  for (const sheet of datasets) {
    throwIfAborted(signal, sheet.name);
    onProgress?.({ sheet: sheet.name, rowsDone, rowsTotal });
    for await (const chunk of chunksOf(sheet, { signal, chunkRows: options.chunkRows })) {
      for (const issue of validator.addChunk(sheet.name, chunk)) issues.push(issue);
      rowsDone += chunk.values.length;
      onProgress?.({ sheet: sheet.name, rowsDone, rowsTotal });
    }
  }
  for (const issue of validator.finish()) issues.push(issue);
  const marks = await loadMarksRecords(datasets.map((d) => d.id));
  const internal = options.marks !== false && (await clearOrphanMarks(workbook.internal, marks)) ? workbook.internal.filter((n) => !isMarksSheetName(n)) : workbook.internal;
  // The add-in's own sheets count too: a mirror whose settings record was lost must not be created twice.
  const takenNames = new Set([...datasets.map((s) => s.name), ...workbook.others.map((s) => s.name), ...internal].map((n) => n.toLowerCase()));
  for (const r of marks.values()) takenNames.add(r.marksSheet.toLowerCase());
  const state: ValidationState = {
    validator,
    facts: workbook.facts,
    lang,
    issues,
    sheets: new Map(datasets.map((d) => [d.id, { id: d.id, name: d.name, role: d.role, width: d.headers.length, rowCount: d.rowCount, marks: marks.get(d.id) }])),
    takenNames,
  };
  activeSession().state = state;
  if (options.marks !== false) await rewriteAllMarks(state, datasets);
  notify("full");
  return issues;
}

/**
 * Rewrites every mark of the workbook's dataset sheets from `issues` (blocker/error `E`, warning `W`, info nothing),
 * as "Validate" does after reading, without validating: what `excelWorkbook.markCells` is. A sheet without issues
 * loses its marks; its mirror and formats are created only when it has some. The session's sheets (when a
 * validation ran) get the mirrors' records, so live edits keep writing to the same mirror.
 *
 * @example await markIssues(await validateDataset(await excelWorkbook.collectSources()))
 */
export async function markIssues(issues: readonly Issue[]): Promise<void> {
  return enqueue(async () => {
    const workbook = await listWorkbookSheets();
    const datasets = workbook.datasets;
    const records = await loadMarksRecords(datasets.map((d) => d.id));
    const internal = (await clearOrphanMarks(workbook.internal, records)) ? workbook.internal.filter((n) => !isMarksSheetName(n)) : workbook.internal;
    const takenNames = new Set([...datasets.map((s) => s.name), ...workbook.others.map((s) => s.name), ...internal].map((n) => n.toLowerCase()));
    for (const r of records.values()) takenNames.add(r.marksSheet.toLowerCase());
    const sheets = new Map<string, SheetState>(
      datasets.map((d) => [d.id, { id: d.id, name: d.name, role: d.role, width: d.headers.length, rowCount: d.rowCount, marks: records.get(d.id) }]),
    );
    await rewriteMarks({ issues, sheets, takenNames }, datasets);
    const st = activeSession().state;
    if (st) {
      for (const [id, sheet] of sheets) {
        const known = st.sheets.get(id);
        if (known) known.marks = sheet.marks;
      }
      for (const n of takenNames) st.takenNames.add(n);
    }
  });
}

/**
 * Before a full rewrite of the marks: when a mirror sheet exists that no marks record points to (marks written by
 * `dwc-excel validate --marked`, which cannot write the add-in's settings, or a record lost), every mark of the
 * workbook is removed first, so those marks do not stay drawn beside the new ones after the user fixed the cells.
 * `records` is emptied then. No request when every mirror has its record. Returns whether marks were removed.
 */
async function clearOrphanMarks(internal: readonly string[], records: Map<string, MarksRecord>): Promise<boolean> {
  const recorded = new Set([...records.values()].map((r) => r.marksSheet.toLowerCase()));
  if (!internal.some((n) => isMarksSheetName(n) && !recorded.has(n.toLowerCase()))) return false;
  await clearAllMarks();
  records.clear();
  return true;
}

/** Clears each sheet's mirror and writes the marks of the current issues, in requests under the size limit. */
export async function rewriteAllMarks(st: ValidationState, datasets: DatasetSheet[]): Promise<void> {
  await rewriteMarks(st, datasets);
}

/** What a rewrite of marks needs: the issues, the sheets (their records are updated) and the names taken. */
interface MarksTarget {
  issues: readonly Issue[];
  sheets: Map<string, SheetState>;
  takenNames: Set<string>;
}

async function rewriteMarks(st: MarksTarget, datasets: DatasetSheet[]): Promise<void> {
  for (const d of datasets) {
    const sheet = st.sheets.get(d.id) as SheetState;
    const rows = new Set(st.issues.filter((i) => i.sheet === d.name && i.row >= 1 && i.severity !== "info").map((i) => i.row));
    if (rows.size === 0 && !sheet.marks) continue;
    const width = Math.max(1, sheet.width);
    const grid = markGrid(st.issues, d.name, rows, width);
    const perRow = approxBytes(new Array(width).fill("E")) + 8;
    const batch = Math.max(1, Math.floor(TARGET_REQUEST_BYTES / perRow));
    const allRows = [...grid.keys()].sort((a, b) => a - b);
    await prepareMarks(st, sheet, width);
    for (let i = 0; i < allRows.length; i += batch) {
      const part = new Map(allRows.slice(i, i + batch).map((r) => [r, grid.get(r) as string[]]));
      await writeMarkBatch(sheet.marks as MarksRecord, part);
    }
  }
}

/** Empties a sheet's mirror (or creates it) in one request, before its marks are rewritten. */
async function prepareMarks(st: { takenNames: Set<string> }, sheet: SheetState, width: number): Promise<void> {
  await Excel.run(async (context) => {
    const data = context.workbook.worksheets.getItem(sheet.id);
    if (sheet.marks) context.workbook.worksheets.getItem(sheet.marks.marksSheet).getRange().clear("Contents");
    else activeSession().ownSheetAdds++;
    sheet.marks = queueEnsureMarks(context, data, sheet.id, sheet.marks, width, sheet.rowCount, st.takenNames);
    await context.sync();
  });
}

async function writeMarkBatch(record: MarksRecord, grid: Map<number, string[]>): Promise<void> {
  await Excel.run(async (context) => {
    queueMarkWrites(context, record, grid);
    await context.sync();
  });
}

/** One block of an edit; returns true when a full validation is needed (rename, header change). */
export async function validateRows(st: ValidationState, sheet: SheetState, first: number, rows: number, width: number): Promise<boolean> {
  return Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet.id);
    ws.load("name");
    const range = ws.getRangeByIndexes(first - 1, 0, rows, width);
    range.load("values,numberFormat,formulas");
    await context.sync();
    if (ws.name !== sheet.name) return true;
    const chunk = toChunk(first, range);
    sheet.rowCount = Math.max(sheet.rowCount, first + rows - 1);
    const result = st.validator.validateEdit(sheet.name, chunk);
    st.issues = applyEdit(st.issues, result);
    if (result.revalidateSheets.length > 0) return true;
    // Rows whose marks may change: the edited rows and every row the edit cleared or flagged elsewhere.
    const affected = new Map<string, Set<number>>();
    const touch = (name: string, row: number): void => {
      if (row < 1) return;
      let set = affected.get(name);
      if (!set) affected.set(name, (set = new Set()));
      set.add(row);
    };
    for (let r = first; r < first + rows; r++) touch(sheet.name, r);
    for (const f of result.clear) touch(f.sheet, f.row);
    for (const i of result.add) touch(i.sheet, i.row);
    for (const [name, rowSet] of affected) {
      const target = [...st.sheets.values()].find((s) => s.name === name);
      if (!target) continue;
      const w = Math.max(1, target.width, name === sheet.name ? width : 0);
      const grid = markGrid(st.issues, name, rowSet, w);
      const anyMark = [...grid.values()].some((row) => row.some((c) => c !== ""));
      if (!target.marks && !anyMark) continue;
      if (!target.marks) activeSession().ownSheetAdds++;
      target.marks = queueEnsureMarks(context, context.workbook.worksheets.getItem(target.id), target.id, target.marks, w, target.rowCount, st.takenNames);
      queueMarkWrites(context, target.marks, grid);
    }
    await context.sync();
    return false;
  });
}

function toChunk(startRow: number, range: Excel.Range): RowChunk {
  const values = range.values.map((row) => row.map((v) => (v === "" ? null : v)));
  const formulas = range.formulas.map((row) => row.map((f) => (typeof f === "string" && f.startsWith("=") ? f : null)));
  return { startRow, values, numberFormats: range.numberFormat as (string | null)[][], formulas };
}
