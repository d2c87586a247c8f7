/**
 * Validation in Excel: the whole-workbook run (sheets read in chunks into the engine of src/validate), the live
 * run (each change validated in its own event handler in at most two round trips), marks on the sheets, the
 * issue list the task pane shows, click-to-cell and fixes.
 *
 * The engine's state (id sets, row hashes) is kept between edits so that cross-sheet rules are re-checked from
 * cached sets, never by rereading the workbook.
 */
import type { RowChunk, WorkbookFacts } from "../dwc/table";
import type { Lang, SheetRole } from "../dwc/types";
import { getProperty, getTerm } from "../dwc";
import { isMetadataSheet } from "../metadata";
import { applyEdit, createWorkbookValidator, loadBdqGeometry, mergeFixes, RULE } from "../validate";
import type { WorkbookValidator } from "../validate";
import type { CellChange, Fix, Issue } from "../validate/types";
import { columnLetters, parseRangeAddress } from "./address";
import { ExcelAdapterError, throwIfAborted } from "./errors";
import type { MarksRecord } from "./marks";
import { MARKS_KEY_PREFIX, markGrid, parseMarksRecord, queueEnsureMarks, queueMarkWrites, clearAllMarks } from "./marks";
import type { SheetExtent } from "./read";
import { approxBytes, chunksOf, readSheetExtent, TARGET_REQUEST_BYTES } from "./read";
import type { DatasetSheet } from "./sheets";
import { isInternalSheet, listWorkbookSheets } from "./sheets";
import { isTextColumn } from "./style";

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

/** Why the issue list changed: a full validation, a live edit, or the marks were cleared. */
export type IssuesChange = "full" | "edit" | "cleared";
export type IssuesListener = (issues: readonly Issue[], change: IssuesChange) => void;

interface SheetState {
  id: string;
  name: string;
  role: SheetRole;
  width: number;
  rowCount: number;
  marks?: MarksRecord;
}

/** What the adapter keeps between a validation and the following edits. */
interface ValidationState {
  validator: WorkbookValidator;
  facts: WorkbookFacts;
  lang: Lang;
  issues: Issue[];
  sheets: Map<string, SheetState>;
  takenNames: Set<string>;
}

/**
 * Everything live validation keeps for one workbook session: the engine's state after the last validation, the
 * subscribers, the add-in's own writes whose change events are ignored, and the queue that runs handlers one at a
 * time. One object, made fresh for each session ({@link resetValidationState}), instead of loose module variables.
 */
export interface ValidationSession {
  state: ValidationState | undefined;
  readonly listeners: Set<IssuesListener>;
  /** `sheetId|A1address` of writes the add-in made to dataset sheets, whose change events must be ignored. */
  readonly ownWrites: string[];
  /** Sheets the add-in is adding itself (mirror sheets), whose `onAdded` events must be ignored. */
  ownSheetAdds: number;
  /** Live edits, fixes and structural re-validations, in order: each waits for the one before. */
  chain: Promise<void>;
}

/** A new, empty session. */
export function createValidationSession(): ValidationSession {
  return { state: undefined, listeners: new Set(), ownWrites: [], ownSheetAdds: 0, chain: Promise.resolve() };
}

/** The workbook's session (the task pane and the ribbon command each run in one document's context). */
let session = createValidationSession();

function notify(change: IssuesChange): void {
  const issues = session.state?.issues ?? [];
  for (const l of session.listeners) l(issues, change);
}

/** Subscribes to the issue list (full validations, live edits, clearing). Returns the unsubscribe function. */
export function subscribeIssues(listener: IssuesListener): () => void {
  session.listeners.add(listener);
  return () => session.listeners.delete(listener);
}

/** The current issues (empty before the first validation). */
export function currentIssues(): readonly Issue[] {
  return session.state?.issues ?? [];
}

async function loadMarksRecords(ids: string[]): Promise<Map<string, MarksRecord>> {
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
  const run = session.chain.then(() => fullValidation(onProgress, signal, options));
  session.chain = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

/** The whole-workbook validation itself (callers already in the session's chain use it directly). */
async function fullValidation(
  onProgress?: (progress: ValidationProgress) => void,
  signal?: AbortSignal,
  options: ValidateOptions = {},
): Promise<Issue[]> {
  const lang = options.lang ?? session.state?.lang ?? "en";
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
  // The add-in's own sheets count too: a mirror whose settings record was lost must not be created twice.
  const takenNames = new Set([...datasets.map((s) => s.name), ...workbook.others.map((s) => s.name), ...workbook.internal].map((n) => n.toLowerCase()));
  for (const r of marks.values()) takenNames.add(r.marksSheet.toLowerCase());
  session.state = {
    validator,
    facts: workbook.facts,
    lang,
    issues,
    sheets: new Map(datasets.map((d) => [d.id, { id: d.id, name: d.name, role: d.role, width: d.headers.length, rowCount: d.rowCount, marks: marks.get(d.id) }])),
    takenNames,
  };
  if (options.marks !== false) await rewriteAllMarks(session.state, datasets);
  notify("full");
  return issues;
}

/** Rules that need every sheet's records (links between sheets, the one core, occurrenceID across sheets). */
const DATASET_RULES: ReadonlySet<string> = new Set([RULE.coreCount, RULE.linkDangling, RULE.referenceDangling, RULE.occurrenceIdDuplicate]);

/**
 * Validates one dataset sheet ("Validate this sheet only") and marks its cells; the other sheets' findings stay.
 * After a whole-workbook validation (the state live validation keeps), the sheet's rows go through the engine's
 * edit path in blocks, as a paste of the whole sheet would: the rules linking sheets see every sheet's ids as
 * cached, and the findings they put on other sheets follow (the listeners hear of it). Without one, a validator
 * sees every sheet's headers but reads only this sheet: its cell, record and sheet rules report, and the rules that
 * need every sheet's records (links, one core) wait for a whole-workbook validation. Runs in the same queue as
 * live edits and whole-workbook validations.
 *
 * @example const found = await validateSheet("Occurrence", (p) => show(p), controller.signal) // Occurrence's findings
 * @throws ExcelAdapterError SHEET_NOT_FOUND when `name` is not a dataset sheet; CANCELLED when `signal` aborts
 */
export async function validateSheet(
  name: string,
  onProgress?: (progress: ValidationProgress) => void,
  signal?: AbortSignal,
  options: ValidateOptions = {},
): Promise<Issue[]> {
  const run = session.chain.then(() => sheetValidation(name, onProgress, signal, options));
  session.chain = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

async function sheetValidation(
  name: string,
  onProgress: ((progress: ValidationProgress) => void) | undefined,
  signal: AbortSignal | undefined,
  options: ValidateOptions,
): Promise<Issue[]> {
  const ofSheet = (issues: readonly Issue[]): Issue[] => issues.filter((i) => i.sheet === name);
  const st = session.state;
  const known = st && [...st.sheets.values()].find((s) => s.name === name);
  if (st && known) {
    const extent = await readSheetExtent(name);
    // Rows emptied since (a shrunken sheet) are validated too, so that their findings go.
    const lastRow = Math.max(known.rowCount, extent.rowCount);
    const rowsTotal = Math.max(0, lastRow - 1);
    const width = Math.max(1, known.width, extent.columnCount);
    for (let first = 2; first <= lastRow; first += LIVE_BLOCK_ROWS) {
      throwIfAborted(signal, name);
      onProgress?.({ sheet: name, rowsDone: first - 2, rowsTotal });
      const rows = Math.min(LIVE_BLOCK_ROWS, lastRow - first + 1);
      if (await validateRows(st, known, first, rows, width)) {
        // Renamed, or its header row changed: everything again.
        return ofSheet(await fullValidation(onProgress, signal, { ...options, lang: options.lang ?? st.lang }));
      }
    }
    onProgress?.({ sheet: name, rowsDone: rowsTotal, rowsTotal });
    notify("edit");
    return ofSheet(st.issues);
  }
  const lang = options.lang ?? "en";
  const workbook = await listWorkbookSheets();
  const target = workbook.datasets.find((d) => d.name === name);
  if (!target) throw new ExcelAdapterError("SHEET_NOT_FOUND", `There is no Darwin Core sheet named "${name}"`, { sheet: name });
  const validator = createWorkbookValidator({
    sheets: workbook.datasets.map((d) => ({ name: d.name, headers: d.headers, role: d.role, rowCount: d.rowCount })),
    lang,
    facts: workbook.facts,
    recognise: false,
  });
  const found: Issue[] = [];
  const rowsTotal = Math.max(0, target.rowCount - 1);
  let rowsDone = 0;
  onProgress?.({ sheet: name, rowsDone, rowsTotal });
  for await (const chunk of chunksOf(target, { signal, chunkRows: options.chunkRows })) {
    for (const issue of validator.addChunk(name, chunk)) found.push(issue);
    rowsDone += chunk.values.length;
    onProgress?.({ sheet: name, rowsDone, rowsTotal });
  }
  for (const issue of validator.finish()) if (issue.sheet === name) found.push(issue);
  const issues = found.filter((i) => !DATASET_RULES.has(i.ruleId));
  if (options.marks !== false) {
    // The marks of this sheet alone, written as a whole-workbook validation writes them (the state stays unset).
    const marks = await loadMarksRecords([target.id]);
    const takenNames = new Set([...workbook.datasets, ...workbook.others].map((s) => s.name.toLowerCase()));
    for (const n of workbook.internal) takenNames.add(n.toLowerCase());
    for (const r of marks.values()) takenNames.add(r.marksSheet.toLowerCase());
    const sheets = new Map([[target.id, { id: target.id, name, role: target.role, width: target.headers.length, rowCount: target.rowCount, marks: marks.get(target.id) }]]);
    await rewriteAllMarks({ validator, facts: workbook.facts, lang, issues, sheets, takenNames }, [target]);
  }
  return issues;
}

/** Clears each sheet's mirror and writes the marks of the current issues, in requests under the size limit. */
async function rewriteAllMarks(st: ValidationState, datasets: DatasetSheet[]): Promise<void> {
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
async function prepareMarks(st: ValidationState, sheet: SheetState, width: number): Promise<void> {
  await Excel.run(async (context) => {
    const data = context.workbook.worksheets.getItem(sheet.id);
    if (sheet.marks) context.workbook.worksheets.getItem(sheet.marks.marksSheet).getRange().clear("Contents");
    else session.ownSheetAdds++;
    sheet.marks = queueEnsureMarks(context, data, sheet.id, sheet.marks, width, sheet.rowCount, st.takenNames);
    await context.sync();
  });
}

/** Name of a worksheet by id, or undefined when it is gone. */
async function sheetNameOf(id: string): Promise<string | undefined> {
  return Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(id);
    ws.load("name");
    await context.sync();
    if (ws.isNullObject) return undefined;
    return ws.name;
  });
}

async function writeMarkBatch(record: MarksRecord, grid: Map<number, string[]>): Promise<void> {
  await Excel.run(async (context) => {
    queueMarkWrites(context, record, grid);
    await context.sync();
  });
}

/** Options of {@link startLiveValidation}. */
export interface LiveOptions {
  lang?: Lang;
  /** Progress of the first, whole-workbook validation (when none has run yet). */
  onProgress?: (progress: ValidationProgress) => void;
  /** Called with an error the handler could not recover from (the handler keeps running). */
  onError?: (error: unknown) => void;
}

/** A running live validation. */
export interface LiveValidation {
  /** Unregisters the event handlers. */
  stop(): Promise<void>;
}


/**
 * Starts live validation: validates the workbook once (unless already done), then registers `onChanged` on the
 * worksheet collection (ExcelApi 1.9), so that every change to a dataset sheet (typing, paste, fill, undo) is
 * validated with its records, the marks of the affected rows are rewritten and subscribers are told. Changes the
 * add-in makes itself (fixes, marks) are ignored. Handlers run one at a time, in order.
 */
export async function startLiveValidation(options: LiveOptions = {}): Promise<LiveValidation> {
  if (!session.state) await validateWorkbook(options.onProgress, undefined, { lang: options.lang });
  const report = (e: unknown): void => {
    if (options.onError) options.onError(e);
    else throw e;
  };
  const handlers = await Excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    const changed = worksheets.onChanged.add(async (event) => {
      const run = session.chain.then(() => handleChange(event.worksheetId, event.address, event.changeType)).catch(report);
      session.chain = run;
      await run;
    });
    const structural = async (): Promise<void> => {
      // A sheet added or deleted can change roles and links: validate again in full.
      const run = session.chain.then(() => fullValidation(undefined, undefined, { lang: session.state?.lang }).then(() => undefined)).catch(report);
      session.chain = run;
      await run;
    };
    const added = worksheets.onAdded.add(async (event) => {
      // The add-in's own mirror sheets are not data; anything else may be a new dataset sheet.
      if (session.ownSheetAdds > 0) {
        session.ownSheetAdds--;
        return;
      }
      const name = await sheetNameOf(event.worksheetId);
      if (name !== undefined && !isInternalSheet(name)) await structural();
    });
    const deleted = worksheets.onDeleted.add(async (event) => {
      if (session.state?.sheets.has(event.worksheetId)) await structural();
    });
    await context.sync();
    return [changed, added, deleted];
  });
  return {
    async stop() {
      await Excel.run(handlers[0].context, async (context) => {
        for (const h of handlers) h.remove();
        await context.sync();
      });
    },
  };
}

/** Largest edit (in rows) validated in one read; bigger pastes are read in blocks. */
const LIVE_BLOCK_ROWS = 2000;
/** A change spanning this many rows is a whole-column change; it is cut to the used rows first. */
const WHOLE_COLUMN_ROWS = 100000;

/**
 * Validates one change: reads the changed rows (one round trip), runs the engine's edit validation, writes the
 * marks of every affected row and notifies (second round trip). Exported for tests and for the fix path.
 */
export async function handleChange(sheetId: string, address: string, changeType = "RangeEdited"): Promise<void> {
  const own = session.ownWrites.indexOf(`${sheetId}|${address}`);
  if (own >= 0) {
    session.ownWrites.splice(own, 1);
    return;
  }
  const st = session.state;
  if (!st) return;
  const sheet = st.sheets.get(sheetId);
  if (!sheet) return;
  const a = parseRangeAddress(address);
  // Inserted or deleted rows/columns/cells move the rows the engine's id sets refer to; a changed header row
  // changes roles and columns: validate everything again.
  if (a.firstRow <= 1 || (changeType !== "RangeEdited" && changeType !== "Unknown")) {
    await fullValidation(undefined, undefined, { lang: st.lang });
    return;
  }
  let lastRow = a.lastRow;
  if (a.lastRow - a.firstRow >= WHOLE_COLUMN_ROWS) {
    // A whole-column change (e.g. clearing column B): only the used rows matter.
    const extent = await readSheetExtent(sheet.id);
    lastRow = Math.min(a.lastRow, Math.max(extent.rowCount, sheet.rowCount, a.firstRow));
  }
  const width = Math.max(sheet.width, Math.min(a.lastColumn + 1, sheet.width + 50));
  for (let first = a.firstRow; first <= lastRow; first += LIVE_BLOCK_ROWS) {
    const rows = Math.min(LIVE_BLOCK_ROWS, lastRow - first + 1);
    const needsFull = await validateRows(st, sheet, first, rows, width);
    if (needsFull) {
      await fullValidation(undefined, undefined, { lang: st.lang });
      return;
    }
  }
  notify("edit");
}

/** One block of an edit; returns true when a full validation is needed (rename, header change). */
async function validateRows(st: ValidationState, sheet: SheetState, first: number, rows: number, width: number): Promise<boolean> {
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
      if (!target.marks) session.ownSheetAdds++;
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

/**
 * Removes every mark from the workbook (values and the user's formats were never touched). The issues stay what
 * they are: removing the marks changes nothing about the data, so the pane keeps listing them and the export
 * still refuses its blockers. Live validation, if running, marks the rows of the next change again.
 */
export async function clearValidationMarks(): Promise<void> {
  await clearAllMarks();
  if (session.state) for (const s of session.state.sheets.values()) s.marks = undefined;
  notify("cleared");
}

/** Selects a cell (1-based row, 0-based column; -1 selects the row's first cell) and activates its sheet. */
export async function selectCell(sheet: string, row: number, column: number): Promise<void> {
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
    await context.sync();
    if (ws.isNullObject) throw new ExcelAdapterError("SHEET_NOT_FOUND", `There is no sheet named "${sheet}"`, { sheet });
    ws.activate();
    ws.getCell(Math.max(0, row - 1), Math.max(0, column)).select();
    await context.sync();
  });
}

/** What {@link applyFix} did. */
export interface FixResult {
  applied: CellChange[];
  /** Changes not applied because the cell no longer holds `from` (edited since the fix was proposed). */
  outOfDate: CellChange[];
  /** Changes not applied because an earlier change of the same fix writes the same cell (`planFixes` conflicts). */
  conflicts: CellChange[];
  /** Columns added for verbatim copies, as `Sheet!X1`. */
  addedColumns: string[];
}

function cellText(v: unknown): string {
  return v === null || v === undefined ? "" : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
}

/**
 * Applies a fix on the user's click (one issue's fix, or the changes `planFixes` merged for "Apply to all"):
 * writes each change's `to` where the cell still holds `from` (a row with a cell that no longer does is left
 * alone, all its changes out of date: a fix's cells go together). The plan comes from `mergeFixes` (src/validate), the
 * one implementation of fix planning: a change with column -1 goes to the column headed by its term, which is added
 * once per sheet at the end of the header row when missing (the verbatim copy of the original value); a second
 * change of the same cell is a conflict and is not written. Text terms are written into text-formatted cells so
 * that Excel does not turn an ISO date or an id into a number. The changed rows are then validated again.
 */
export async function applyFix(fix: Fix): Promise<FixResult> {
  const run = session.chain.then(() => applyFixNow(fix));
  session.chain = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

/** Rows to validate again after a fix, as blocks of nearby rows (one read each) instead of one read per row. */
function rowBlocks(rows: number[]): [first: number, count: number][] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const blocks: [number, number][] = [];
  for (const r of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && r - (last[0] + last[1] - 1) <= 50 && r - last[0] < LIVE_BLOCK_ROWS) last[1] = r - last[0] + 1;
    else blocks.push([r, 1]);
  }
  return blocks;
}

async function applyFixNow(fix: Fix): Promise<FixResult> {
  const plan = mergeFixes([fix]);
  const result: FixResult = { applied: [], outOfDate: [], conflicts: plan.conflicts, addedColumns: [] };
  const bySheet = new Map<string, CellChange[]>();
  for (const c of plan.changes) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c]);
  const touched: { id: string; rows: number[] }[] = [];
  await Excel.run(async (context) => {
    const reads = [...bySheet].map(([name, changes]) => {
      const ws = context.workbook.worksheets.getItem(name);
      ws.load("id");
      const header = ws.getRange("1:1").getUsedRangeOrNullObject(true);
      header.load("values,columnIndex");
      const cells = changes.map((c) => {
        if (c.column < 0) return undefined;
        const cell = ws.getCell(c.row - 1, c.column);
        cell.load("values");
        return cell;
      });
      return { name, ws, header, changes, cells };
    });
    await context.sync();
    // Where each planned new column goes: an existing column of that header (its cells must still be empty, as the
    // plan assumed), or a new one at the end of the header row.
    const columnOf = new Map<string, number>();
    const existing: { change: CellChange; index: number; cell: Excel.Range }[] = [];
    for (const r of reads) {
      const headers: string[] = r.header.isNullObject ? [] : [...new Array<string>(r.header.columnIndex).fill(""), ...r.header.values[0].map(cellText)];
      for (const { sheet, term } of plan.newColumns) {
        if (sheet !== r.name) continue;
        let column = headers.indexOf(term);
        if (column < 0) {
          column = headers.length;
          headers.push(term);
          const h = r.ws.getCell(0, column);
          h.numberFormat = [["@"]];
          h.values = [[term]];
          session.ownWrites.push(`${r.ws.id}|${columnLetters(column)}1`);
          result.addedColumns.push(`${r.name}!${columnLetters(column)}1`);
        } else {
          r.changes.forEach((change, index) => {
            if (change.column >= 0 || change.term !== term) return;
            const cell = r.ws.getCell(change.row - 1, column);
            cell.load("values");
            existing.push({ change, index, cell });
          });
        }
        columnOf.set(`${r.name}\u0000${term}`, column);
      }
    }
    if (existing.length > 0) {
      await context.sync();
      for (const e of existing) {
        const r = reads.find((x) => x.changes[e.index] === e.change);
        if (r) r.cells[e.index] = e.cell;
      }
    }
    for (const { name, ws, changes, cells } of reads) {
      const rows: number[] = [];
      const role = session.state ? [...session.state.sheets.values()].find((s) => s.name === name)?.role : undefined;
      // A row's changes go together: a date is not rewritten when its original can no longer be kept beside it.
      const staleRows = new Set(changes.filter((c, i) => cells[i] && cellText(cells[i]?.values[0][0]) !== c.from).map((c) => c.row));
      changes.forEach((change) => {
        if (staleRows.has(change.row)) {
          result.outOfDate.push(change);
          return;
        }
        const column = change.column >= 0 ? change.column : (columnOf.get(`${name}\u0000${change.term}`) as number);
        const target = ws.getCell(change.row - 1, column);
        const type = (role ? getProperty(role.rowTypeId, change.term)?.type : undefined) ?? (getTerm(change.term) ? "string" : undefined);
        if (type && isTextColumn({ type })) target.numberFormat = [["@"]];
        target.values = [[change.to]];
        session.ownWrites.push(`${ws.id}|${columnLetters(column)}${change.row}`);
        result.applied.push({ ...change, column });
        rows.push(change.row);
      });
      touched.push({ id: ws.id, rows });
    }
    await context.sync();
  });
  // The add-in's own writes are ignored by the handler; validate the changed rows here instead.
  if (session.state) {
    if (result.addedColumns.length > 0) await fullValidation(undefined, undefined, { lang: session.state.lang });
    else {
      for (const { id, rows } of touched) {
        const sheet = session.state.sheets.get(id);
        if (!sheet) continue;
        for (const [first, count] of rowBlocks(rows)) await validateRows(session.state, sheet, first, count, Math.max(1, sheet.width));
      }
      notify("edit");
    }
  }
  return result;
}

/**
 * Loads the country and sea boundaries into this JS context, so that the validation (whole workbook and live
 * edits) checks coordinates against countries and seas; the same promise on every call.
 */
export function loadGeography(): Promise<void> {
  return loadBdqGeometry();
}

/**
 * Starts a new session: forgets the validation state, the pending own writes and the queue (for tests and when the
 * workbook closes). Subscribers stay subscribed: they belong to the pane, not to the session.
 */
export function resetValidationState(): void {
  session = { ...createValidationSession(), listeners: session.listeners };
}

/** The current session, for tests that check what it holds. */
export function currentValidationSession(): Readonly<ValidationSession> {
  return session;
}

/** The sheets the current validation knows, for the pane (name, id, extent). */
export function validatedSheets(): readonly Pick<SheetExtent, "id" | "name" | "rowCount">[] {
  return session.state ? [...session.state.sheets.values()].map((s) => ({ id: s.id, name: s.name, rowCount: s.rowCount })) : [];
}
