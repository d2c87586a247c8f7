/**
 * Helpers of the real services that pull in model data (dataset types, coverage rules); loaded lazily with the
 * Excel adapter rather than in the pane's first script.
 */
import { archiveFileName } from "../../archive/export";
import type { RowChunk, WorkbookFacts } from "../../dwc/table";
import type { Lang, SheetRole } from "../../dwc/types";
import { addChunkToCoverage, deriveCoverage, newCoverageStats } from "../../metadata/coverage";
import type { Coverage, DatasetMetadata } from "../../metadata/types";
import { datasetTypeFor } from "../../metadata/vocabularies";
import type { TaskOptions } from "../services";

export { archiveFileName };

/** The metadata with its dataset type taken from the core sheet when the user has not set one. */
export function withDatasetType(meta: DatasetMetadata, sheets: readonly { role: SheetRole }[]): DatasetMetadata {
  if (meta.datasetType !== "") return meta;
  const core = sheets.find((s) => s.role.kind === "core");
  return core ? { ...meta, datasetType: datasetTypeFor(core.role.datasetClass) } : meta;
}

/** Coverage of every dataset sheet's rows, read chunk by chunk. */
export async function coverageOf(
  sources: { facts: WorkbookFacts; sheets: { name: string; headers: readonly string[]; rowCount: number; rows: AsyncIterable<RowChunk> }[] },
  lang: Lang,
  o: TaskOptions
): Promise<Coverage> {
  const stats = newCoverageStats();
  const total = sources.sheets.reduce((n, s) => n + Math.max(s.rowCount - 1, 0), 0);
  let done = 0;
  for (const sheet of sources.sheets) {
    for await (const chunk of sheet.rows) {
      if (o.signal.aborted) throw Object.assign(new Error("Cancelled"), { name: "AbortError" });
      addChunkToCoverage(stats, sheet.headers, chunk, { date1904: sources.facts.date1904 });
      done += chunk.values.length;
      o.onProgress({ phase: "coverage", done, total, sheet: sheet.name });
    }
  }
  return deriveCoverage(stats, lang);
}
