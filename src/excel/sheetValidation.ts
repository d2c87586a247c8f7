/**
 * "Validate this sheet only": one dataset sheet validated and marked, the other sheets' findings kept. Goes through
 * the live state's edit path after a whole-workbook validation, or through a validator of its own before one.
 */
import { createWorkbookValidator, RULE } from "../validate";
import type { Issue } from "../validate/types";
import { ExcelAdapterError, throwIfAborted } from "./errors";
import { chunksOf, readSheetExtent } from "./read";
import { listWorkbookSheets } from "./sheets";
import { activeSession, enqueue, notify } from "./session";
import type { ValidateOptions, ValidationProgress } from "./workbookValidation";
import { fullValidation, LIVE_BLOCK_ROWS, loadMarksRecords, rewriteAllMarks, validateRows } from "./workbookValidation";

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
  return enqueue(() => sheetValidation(name, onProgress, signal, options));
}

async function sheetValidation(
  name: string,
  onProgress: ((progress: ValidationProgress) => void) | undefined,
  signal: AbortSignal | undefined,
  options: ValidateOptions,
): Promise<Issue[]> {
  const ofSheet = (issues: readonly Issue[]): Issue[] => issues.filter((i) => i.sheet === name);
  const st = activeSession().state;
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
