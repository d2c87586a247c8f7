/**
 * The cell under the selection and what it means in Darwin Core terms, for the task pane's term help: the
 * column's header, the sheet's role and the template column (level, block, vocabulary). One round trip.
 */
import { recogniseSheet } from "../dwc";
import type { SheetRole, TemplateColumn } from "../dwc/types";
import { loadRegistry, registryFrom } from "./registry";
import { isInternalSheet } from "./sheets";
import { columnsForHeaders } from "./template";

/** What is selected. */
export interface SelectionInfo {
  sheet: string;
  sheetId: string;
  /** 1-based row and 0-based column of the selection's top-left cell. */
  row: number;
  column: number;
  /** Row 1 of that column ("" when blank). */
  header: string;
  /** The sheet's role, when it is a dataset sheet. */
  role?: SheetRole;
  /** The template column when the header is a term of the sheet's core or extension. */
  templateColumn?: TemplateColumn;
}

/**
 * Reads the selection (the active sheet's selected range, or `at` from a selection event).
 *
 * @example await readSelection() // { sheet: "Event", row: 5, column: 2, header: "eventDate", role: {…}, templateColumn: {…} }
 */
export async function readSelection(at?: { worksheetId: string; address: string }): Promise<SelectionInfo | undefined> {
  return Excel.run(async (context) => {
    const ws = at ? context.workbook.worksheets.getItem(at.worksheetId) : context.workbook.worksheets.getActiveWorksheet();
    ws.load("name,id");
    const cell = at ? ws.getRange(at.address) : context.workbook.getSelectedRange();
    cell.load("rowIndex,columnIndex");
    const header = ws.getRange("1:1").getUsedRangeOrNullObject(true);
    header.load("values,columnIndex");
    const registryItem = loadRegistry(context);
    await context.sync();
    if (isInternalSheet(ws.name)) return undefined;
    const headers: string[] = header.isNullObject
      ? []
      : [...new Array<string>(header.columnIndex).fill(""), ...header.values[0].map((v) => (v === null || v === undefined ? "" : String(v)))];
    const registry = registryFrom(registryItem);
    const role = registry.sheets[ws.id]?.role ?? recogniseSheet(headers, ws.name);
    const column = cell.columnIndex;
    const templateColumn = role ? columnsForHeaders(role, headers)[column] : undefined;
    return {
      sheet: ws.name,
      sheetId: ws.id,
      row: cell.rowIndex + 1,
      column,
      header: headers[column] ?? "",
      ...(role ? { role } : {}),
      ...(templateColumn ? { templateColumn } : {}),
    };
  });
}

/**
 * Calls `listener` with the new selection whenever it changes on any sheet (ExcelApi 1.9
 * `worksheets.onSelectionChanged`). Returns a function that stops watching.
 */
export async function watchSelection(
  listener: (info: SelectionInfo | undefined) => void,
  onError?: (e: unknown) => void,
): Promise<() => Promise<void>> {
  const handler = await Excel.run(async (context) => {
    const result = context.workbook.worksheets.onSelectionChanged.add(async (event) => {
      try {
        listener(await readSelection({ worksheetId: event.worksheetId, address: event.address }));
      } catch (e) {
        if (onError) onError(e);
        else throw e;
      }
    });
    await context.sync();
    return result;
  });
  return async () => {
    await Excel.run(handler.context, async (context) => {
      handler.remove();
      await context.sync();
    });
  };
}
