/**
 * Building the archive from an `ArchiveJob`: eml.xml from the metadata, then the archive writer over the sheets'
 * row chunks, validating them in the same pass (the export's only validation). Runs inside the export worker, or
 * in the pane's thread where workers do not exist (tests).
 */
import { exportArchive, type ExportProgress, type ExportResult, type SheetSource } from "../../archive/export";
import type { RowChunk } from "../../dwc/table";
import { buildEmlXml } from "../../metadata/eml";
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
 * Builds the archive (or, for a `checkOnly` job, only validates: no eml.xml, nothing kept). Metadata errors throw
 * in buildEmlXml: the pane sends a `checkOnly` job when the metadata lack something required.
 */
export async function runArchiveJob(
  job: ArchiveJob,
  pull: PullChunk,
  signal: { readonly aborted: boolean },
  onProgress: (p: ExportProgress) => void
): Promise<ExportResult> {
  if (job.geography !== false) await loadGeography();
  const emlXml = job.checkOnly ? "" : buildEmlXml(job.metadata, { packageId: job.packageId, pubDate: job.pubDate });
  const sheets: SheetSource[] = job.sheets.map((s, i) => ({
    name: s.name,
    role: s.role,
    headers: s.headers,
    rowCount: s.rowCount,
    rows: rowsOf(pull, i),
  }));
  const result = await exportArchive({
    sheets,
    facts: job.facts,
    emlXml,
    signal,
    onProgress,
    ...(job.checkOnly ? { level: 0 as const, onData: () => undefined } : {}),
  });
  return job.checkOnly ? { ...result, zip: [] } : result;
}
