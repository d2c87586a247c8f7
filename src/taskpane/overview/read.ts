/**
 * Reading the overview from the workbook: each dataset sheet's overview columns in chunks, turned into records, and
 * the geographic coverage the metadata derives from the same cells. Loaded lazily with the Excel adapter; takes
 * the adapter's functions as arguments, so tests drive it with their own.
 */
import { createCellConverter } from "../../dwc/cells";
import type { RowChunk, WorkbookFacts } from "../../dwc/table";
import type { Lang, SheetRole } from "../../dwc/types";
import { addChunkToCoverage, deriveCoverage, newCoverageStats } from "../../metadata/coverage";
import type { TaskOptions } from "../services";
import type { GeoBox } from "./aggregate";
import { overviewColumns, OVERVIEW_TERMS, recordsFromChunk, type OverviewSheet } from "./records";

/** A dataset sheet as the adapter lists it. */
export interface SheetToRead {
  name: string;
  role: SheetRole;
  headers: readonly string[];
  rowCount: number;
}

/** What the map and the charts are drawn from. */
export interface OverviewData {
  sheets: OverviewSheet[];
  /** The bounding box the metadata's geographic coverage derives from the data; undefined without coordinates. */
  derivedBox?: GeoBox;
}

/**
 * Reads the overview. `chunks(sheet, columns)` yields the sheet's data rows of those columns.
 *
 * @example await readOverview(await listWorkbookSheets(), (s, c) => columnChunks(s, c, { signal }), options, "en")
 */
export async function readOverview<S extends SheetToRead>(
  workbook: { facts: WorkbookFacts; datasets: readonly S[] },
  chunks: (sheet: S, columns: number[]) => AsyncIterable<RowChunk>,
  o: TaskOptions,
  lang: Lang
): Promise<OverviewData> {
  const convert = createCellConverter(workbook.facts);
  const stats = newCoverageStats();
  const total = workbook.datasets.reduce((n, s) => n + Math.max(0, s.rowCount - 1), 0);
  let done = 0;
  const sheets: OverviewSheet[] = [];
  for (const s of workbook.datasets) {
    const at = overviewColumns(s.headers);
    const columns = OVERVIEW_TERMS.map((t) => at[t]).filter((i) => i >= 0);
    const headers = columns.map((i) => s.headers[i]);
    const sheet: OverviewSheet = { name: s.name, rowTypeId: s.role.rowTypeId, kind: s.role.kind, records: [] };
    sheets.push(sheet);
    for await (const chunk of chunks(s, columns)) {
      if (o.signal.aborted) throw Object.assign(new Error("Cancelled"), { name: "AbortError" });
      for (const r of recordsFromChunk(s.name, headers, chunk, convert)) sheet.records.push(r);
      addChunkToCoverage(stats, headers, chunk, { date1904: workbook.facts.date1904 });
      done += chunk.values.length;
      o.onProgress({ phase: "read", done, total, sheet: s.name });
    }
  }
  const g = deriveCoverage(stats, lang).geographic;
  const derivedBox =
    g.west !== null && g.east !== null && g.north !== null && g.south !== null ? { west: g.west, east: g.east, north: g.north, south: g.south } : undefined;
  return { sheets, derivedBox };
}
