/**
 * Building the archive from an `ArchiveJob`: the sheets' row chunks, pulled from the pane, go through the core's
 * `exportDataset` (src/archive), the same flow as the command line's. Runs inside the export worker, or in the
 * pane's thread where workers do not exist (tests).
 */
import { exportDataset, type DatasetExportResult } from "../../archive/dataset-export";
import type { DatasetSources, ExportProgress } from "../../archive/export";
import type { RowChunk } from "../../dwc/table";
import { loadBdqGeometry } from "../../validate";
import type { ArchiveJob } from "./protocol";

/** Where the rows come from: the next chunk of a sheet, or null after its last one. */
export type PullChunk = (sheet: number) => Promise<RowChunk | null>;

async function* rowsOf(pull: PullChunk, sheet: number): AsyncIterable<RowChunk> {
  for (;;) {
    const chunk = await pull(sheet);
    if (chunk === null) return;
    yield chunk;
  }
}

/**
 * Loads the boundary pack in this JS context, so that the validation checks coordinates against countries and
 * seas. A failure (the chunk could not be fetched) leaves those checks out rather than stopping the export.
 */
export async function loadGeography(): Promise<boolean> {
  try {
    await loadBdqGeometry();
    return true;
  } catch (e) {
    console.warn(
      `Country boundaries not loaded; geography checks skipped: ${e instanceof Error ? e.message : String(e)}`
    );
    return false;
  }
}

/**
 * Builds the archive with the core's one flow (`exportDataset`: metadata check, eml.xml, the validated export).
 * Metadata lacking something required make it check-only: every row is still read and validated so that the user
 * sees all blockers at once, and no archive is kept.
 */
export async function runArchiveJob(
  job: ArchiveJob,
  pull: PullChunk,
  signal: { readonly aborted: boolean },
  onProgress: (p: ExportProgress) => void
): Promise<DatasetExportResult> {
  if (job.geography !== false) await loadGeography();
  const sources: DatasetSources = {
    facts: job.facts,
    sheets: job.sheets.map((s, i) => ({ name: s.name, role: s.role, headers: s.headers, rowCount: s.rowCount, rows: rowsOf(pull, i) })),
    otherSheets: [],
  };
  return exportDataset(sources, { metadata: job.metadata, packageId: job.packageId, pubDate: job.pubDate, signal, onProgress });
}
