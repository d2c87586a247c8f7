/**
 * Validation in Excel, the public entry: live validation (each change validated in its own event handler in at
 * most two round trips), removing the marks, click-to-cell and the geography the rules use. The whole-workbook run
 * is in workbookValidation.ts, "validate this sheet only" in sheetValidation.ts, fixes in fixes.ts and the session
 * they share in session.ts; their public names are exported from here too.
 */
import type { Lang } from "../dwc/types";
import { loadBdqGeometry } from "../validate";
import { parseRangeAddress } from "./address";
import { ExcelAdapterError } from "./errors";
import { clearAllMarks } from "./marks";
import { readSheetExtent } from "./read";
import { isInternalSheet } from "./sheets";
import { activeSession, notify } from "./session";
import type { ValidationProgress } from "./workbookValidation";
import { fullValidation, LIVE_BLOCK_ROWS, validateRows, validateWorkbook } from "./workbookValidation";

export {
  createValidationSession,
  currentIssues,
  currentValidationSession,
  resetValidationState,
  subscribeIssues,
  validatedSheets,
  type IssuesChange,
  type IssuesListener,
  type ValidationSession,
} from "./session";
export { validateWorkbook, type ValidateOptions, type ValidationProgress } from "./workbookValidation";
export { validateSheet } from "./sheetValidation";
export { applyFix, type FixResult } from "./fixes";

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
  if (!activeSession().state) await validateWorkbook(options.onProgress, undefined, { lang: options.lang });
  const report = (e: unknown): void => {
    if (options.onError) options.onError(e);
    else throw e;
  };
  const handlers = await Excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    const changed = worksheets.onChanged.add(async (event) => {
      const run = activeSession().chain.then(() => handleChange(event.worksheetId, event.address, event.changeType)).catch(report);
      activeSession().chain = run;
      await run;
    });
    const structural = async (): Promise<void> => {
      // A sheet added or deleted can change roles and links: validate again in full.
      const run = activeSession().chain.then(() => fullValidation(undefined, undefined, { lang: activeSession().state?.lang }).then(() => undefined)).catch(report);
      activeSession().chain = run;
      await run;
    };
    const added = worksheets.onAdded.add(async (event) => {
      // The add-in's own mirror sheets are not data; anything else may be a new dataset sheet.
      if (activeSession().ownSheetAdds > 0) {
        activeSession().ownSheetAdds--;
        return;
      }
      const name = await sheetNameOf(event.worksheetId);
      if (name !== undefined && !isInternalSheet(name)) await structural();
    });
    const deleted = worksheets.onDeleted.add(async (event) => {
      if (activeSession().state?.sheets.has(event.worksheetId)) await structural();
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


/** A change spanning this many rows is a whole-column change; it is cut to the used rows first. */
const WHOLE_COLUMN_ROWS = 100000;

/**
 * Validates one change: reads the changed rows (one round trip), runs the engine's edit validation, writes the
 * marks of every affected row and notifies (second round trip). Exported for tests and for the fix path.
 */
export async function handleChange(sheetId: string, address: string, changeType = "RangeEdited"): Promise<void> {
  const own = activeSession().ownWrites.indexOf(`${sheetId}|${address}`);
  if (own >= 0) {
    activeSession().ownWrites.splice(own, 1);
    return;
  }
  const st = activeSession().state;
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

/**
 * Removes every mark from the workbook (values and the user's formats were never touched). The issues stay what
 * they are: removing the marks changes nothing about the data, so the pane keeps listing them and the export
 * still refuses its blockers. Live validation, if running, marks the rows of the next change again.
 */
export async function clearValidationMarks(): Promise<void> {
  await clearAllMarks();
  const st = activeSession().state;
  if (st) for (const s of st.sheets.values()) s.marks = undefined;
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

/**
 * Loads the country and sea boundaries into this JS context, so that the validation (whole workbook and live
 * edits) checks coordinates against countries and seas; the same promise on every call.
 */
export function loadGeography(): Promise<void> {
  return loadBdqGeometry();
}
