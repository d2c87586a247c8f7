/**
 * Which sheets are dataset sheets and what they hold: the registry first (sheets the add-in inserted or
 * formatted, found by worksheet id so renames do not matter), then the header row (`recogniseSheet` from the
 * model) for sheets the add-in did not make, e.g. a filled GBIF IPT template. Two round trips for any number of
 * sheets.
 */
import { recogniseSheet } from "../dwc";
import { isMetadataSheet } from "../metadata";
import type { WorkbookFacts } from "../dwc/table";
import type { SheetRole } from "../dwc/types";
import type { SheetExtent } from "./read";
import { extentOf, probeExtent, queueDate1904 } from "./read";
import type { Registry } from "./registry";
import { loadRegistry, registryFrom } from "./registry";
import { isVocabularySheetName } from "./style";

/** A dataset sheet with its role and extent. */
export interface DatasetSheet extends SheetExtent {
  role: SheetRole;
  /** `registry`: inserted or formatted by the add-in; `headers`: recognised from row 1. */
  source: "registry" | "headers";
}

/** Every sheet of the workbook with its role when it has one. */
export interface WorkbookSheets {
  facts: WorkbookFacts;
  /** Dataset sheets in workbook order. */
  datasets: DatasetSheet[];
  /** Other visible sheets (notes, a Metadata sheet…), with their extent. */
  others: SheetExtent[];
  /** Names of the add-in's own sheets present ({@link isInternalSheet}), whatever their visibility. */
  internal: string[];
  registry: Registry;
}

/**
 * Sheets the add-in keeps for itself (vocabulary lists, validation marks): never dataset sheets, whatever their
 * headers (the vocabulary sheet's row 1 — basisOfRecord, type, occurrenceStatus… — reads like an Occurrence
 * core) or visibility. The vocabulary sheet counts under its name in any interface language. Excel compares sheet
 * names case-insensitively, and so does this.
 */
export function isInternalSheet(name: string): boolean {
  return isVocabularySheetName(name) || /^dwc marks \d+$/.test(name.toLowerCase());
}

/**
 * Lists the workbook's sheets with their roles, extents and the workbook's facts.
 *
 * @example (await listWorkbookSheets()).datasets.map((s) => [s.name, s.role.rowTypeId]) // [["Event", "event"], …]
 */
export async function listWorkbookSheets(): Promise<WorkbookSheets> {
  return Excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/id,items/visibility");
    const registryItem = loadRegistry(context);
    const date1904 = queueDate1904(context);
    await context.sync();
    const internal = worksheets.items.filter((w) => isInternalSheet(w.name)).map((w) => w.name);
    const candidates = worksheets.items.filter((w) => !isInternalSheet(w.name));
    const probes = candidates.map((w) => probeExtent(w));
    await context.sync();
    const registry = registryFrom(registryItem);
    // Name fallback only for entries whose worksheet id is gone (a copy of the file made by another program).
    const liveIds = new Set(candidates.map((w) => w.id));
    const byName = new Map(
      Object.entries(registry.sheets)
        .filter(([id]) => !liveIds.has(id))
        .map(([, e]) => [e.name, e] as const),
    );
    const datasets: DatasetSheet[] = [];
    const others: SheetExtent[] = [];
    for (const probe of probes) {
      const extent = extentOf(probe);
      // The Metadata sheet holds the EML fields as key/value rows: never a dataset sheet, even if a registry says so.
      if (isMetadataSheet(extent.name, extent.headers)) {
        if (extent.visible) others.push(extent);
        continue;
      }
      const entry = registry.sheets[extent.id] ?? byName.get(extent.name);
      if (entry) {
        datasets.push({ ...extent, role: entry.role, source: "registry" });
        continue;
      }
      const role = extent.visible ? recogniseSheet(extent.headers, extent.name) : undefined;
      if (role) datasets.push({ ...extent, role, source: "headers" });
      else if (extent.visible) others.push(extent);
    }
    return { facts: { date1904: date1904() }, datasets, others, internal, registry };
  });
}

/**
 * The roles of the workbook's dataset sheets: registered ones and those recognised from their Darwin Core
 * headers (visible sheets only; hidden sheets count only when registered).
 */
export async function recogniseSheets(): Promise<DatasetSheet[]> {
  return (await listWorkbookSheets()).datasets;
}
