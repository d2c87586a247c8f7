/**
 * Building the archive from an `ArchiveJob`: eml.xml from the metadata, then the archive writer over the sheets'
 * row chunks. Runs inside the export worker, or in the pane's thread where workers do not exist (tests).
 */
import { exportArchive, type ExportProgress, type ExportResult, type SheetSource } from "../../archive/export";
import type { RowChunk } from "../../dwc/table";
import { buildEmlXml } from "../../metadata/eml";
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

/** Builds the archive. Metadata errors throw (the pane checks them before starting a job). */
export async function runArchiveJob(
  job: ArchiveJob,
  pull: PullChunk,
  signal: { readonly aborted: boolean },
  onProgress: (p: ExportProgress) => void
): Promise<ExportResult> {
  const emlXml = buildEmlXml(job.metadata, { packageId: job.packageId, pubDate: job.pubDate });
  const sheets: SheetSource[] = job.sheets.map((s, i) => ({
    name: s.name,
    role: s.role,
    headers: s.headers,
    rowCount: s.rowCount,
    rows: rowsOf(pull, i),
  }));
  return exportArchive({ sheets, facts: job.facts, emlXml, signal, onProgress });
}
