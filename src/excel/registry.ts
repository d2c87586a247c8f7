/**
 * Where the add-in remembers which sheets are Darwin Core dataset sheets and what they hold.
 *
 * Stored in the workbook's own settings (`workbook.settings`, ExcelApi 1.4), so it travels with the file, under
 * one key holding JSON keyed by worksheet id. The id stays the same when the user renames a sheet, so a rename
 * never loses the role; the last known name is kept too, as a fallback for a file whose ids changed (a copy made
 * by another program), and sheets missing from the registry are recognised by their header row instead
 * (`recogniseSheets`).
 *
 * @example
 * { "version": 1, "sheets": { "{00000000-0001-0000-0000-000000000003}": {
 *     "name": "Occurrence", "role": { "rowTypeId": "occurrence", "kind": "core", "datasetClass": "occurrence", "idTerm": "occurrenceID" },
 *     "lastRow": 50000, "marksSheet": "DwC marks 1" } } }
 */
import type { SheetRole } from "../dwc/types";

/** The settings key. */
export const REGISTRY_KEY = "dwc-excel.sheets";

/** What the registry knows of one dataset sheet. */
export interface RegistryEntry {
  /** Name when last seen (fallback only; the key is the worksheet id). */
  name: string;
  role: SheetRole;
  /** Last row covered by formats, dropdowns and highlighting. */
  lastRow: number;
  /** The very hidden sheet that holds this sheet's validation marks, once created. */
  marksSheet?: string;
  /** Columns the marks' conditional formats cover (from column A). */
  marksColumns?: number;
}

export interface Registry {
  version: 1;
  sheets: Record<string, RegistryEntry>;
}

/** An empty registry. */
export function emptyRegistry(): Registry {
  return { version: 1, sheets: {} };
}

/** Reads a registry value as stored in settings; anything unreadable counts as empty (never throws). */
export function parseRegistry(value: unknown): Registry {
  const v = typeof value === "string" ? safeJson(value) : value;
  if (!v || typeof v !== "object" || (v as Registry).version !== 1 || typeof (v as Registry).sheets !== "object") return emptyRegistry();
  return { version: 1, sheets: { ...(v as Registry).sheets } };
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    // A corrupt value is treated as no registry: sheets are then recognised by their headers.
    return undefined;
  }
}

/** Queues the registry's load; read `.value` of the result after the next sync (null object when absent). */
export function loadRegistry(context: Excel.RequestContext): Excel.Setting {
  const item = context.workbook.settings.getItemOrNullObject(REGISTRY_KEY);
  item.load("value");
  return item;
}

/** The registry from a loaded and synced setting. */
export function registryFrom(item: Excel.Setting): Registry {
  return item.isNullObject ? emptyRegistry() : parseRegistry(item.value);
}

/** Queues writing the registry back. */
export function saveRegistry(context: Excel.RequestContext, registry: Registry): void {
  context.workbook.settings.add(REGISTRY_KEY, registry);
}
