/**
 * Messages between the task pane and the export worker. The pane reads sheets from Excel in chunks and hands
 * them over one at a time when the worker asks (so the worker never queues a whole sheet); the worker checks the
 * metadata, validates and converts rows to text in one pass, writes meta.xml and eml.xml and compresses, off the
 * pane's thread (src/archive `exportDataset`).
 */
import type { DatasetExportResult } from "../../archive/dataset-export";
import type { ExportProgress } from "../../archive/export";
import type { RowChunk, WorkbookFacts } from "../../dwc/table";
import type { SheetRole } from "../../dwc/types";
import type { DatasetMetadata } from "../../metadata/types";

/** A dataset sheet as the worker needs it, without its rows. */
export interface SheetHeader {
  name: string;
  role: SheetRole;
  headers: string[];
  rowCount?: number;
}

/** What to build. */
export interface ArchiveJob {
  sheets: SheetHeader[];
  facts: WorkbookFacts;
  metadata: DatasetMetadata;
  /** eml.xml packageId and pubDate; given by the pane so that tests can fix them. */
  packageId: string;
  pubDate: string;
  /**
   * Load the country and sea boundaries before validating (the worker is a JS context of its own: the pane's
   * loaded copy does not count here). Default true.
   */
  geography?: boolean;
}

export type ToWorker =
  | { type: "start"; job: ArchiveJob }
  | { type: "chunk"; sheet: number; chunk: RowChunk | null }
  | { type: "cancel" };

export type FromWorker =
  | { type: "pull"; sheet: number }
  | { type: "progress"; progress: ExportProgress }
  | { type: "done"; result: DatasetExportResult }
  | { type: "error"; message: string };
