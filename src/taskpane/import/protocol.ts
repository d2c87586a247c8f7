/**
 * Messages between the task pane and the import worker. The pane hands over the zip's bytes; the worker reads the
 * archive (unzip, decode, split) and eml.xml off the pane's thread and answers with the sheets' heads and the
 * metadata, then with each sheet's rows in blocks, one block per request of the pane (so the worker never queues a
 * whole sheet in messages while Excel is still writing the previous block).
 */
import type { SheetRemark } from "../../archive/sheets";
import type { SheetRole } from "../../dwc/types";
import type { DatasetMetadata } from "../../metadata/types";

/** A sheet to create, without its rows: what `archiveSheets`/`sheetLayouts` give, plus its role and size. */
export interface ImportSheetHead {
  /** The sheet name the archive asks for (`Occurrence`, `MeasurementOrFact`); the adapter picks a free one. */
  name: string;
  kind: "core" | "extension";
  rowType: string;
  rowTypeId?: string;
  /** The data file inside the archive (`occurrence.txt`). */
  location: string;
  headers: string[];
  /** Notes in words (English, as the CLI prints them) and as data (for the pane's own wording). */
  notes: string[];
  remarks: SheetRemark[];
  /** Data rows (the sheet's rows after the header). */
  records: number;
  /** The role registered for the sheet; undefined when the model does not know the row type. */
  role?: SheetRole;
}

/** What the archive holds, before its rows. */
export interface ImportHead {
  sheets: ImportSheetHead[];
  /** eml.xml read into the model (empty but for the dataset type when `metadataRead` is false). */
  metadata: DatasetMetadata;
  metadataRead: boolean;
  /** What the reader tolerated and what eml.xml could not give, in words. */
  notes: string[];
}

export type ToImportWorker =
  | { type: "open"; bytes: Uint8Array }
  | { type: "pull"; sheet: number };

export type FromImportWorker =
  | { type: "head"; head: ImportHead }
  /** The next block of a sheet's rows (every cell a string, as long as the headers); `done` after the last. */
  | { type: "rows"; sheet: number; rows: string[][]; done: boolean }
  /** The archive cannot be read: `code` is the `ArchiveError` code when there is one. */
  | { type: "error"; code?: string; message: string };
