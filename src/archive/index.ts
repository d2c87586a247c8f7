/**
 * Darwin Core Archive writer and reader (pure: no DOM, no Node, no Office.js).
 *
 * - `exportDataset` / `validateDataset`: an adapter's `DatasetSources` + metadata -> checked metadata, eml.xml and
 *   the archive validated in the same pass (or the validation alone): the one flow of the pane and the CLI.
 * - `WorkbookAdapter`: the one shape both adapters implement (collect the dataset sheets, write a new sheet).
 * - `exportArchive`: dataset sheets as row chunks + eml.xml text -> zip chunks + export summary.
 * - `createArchiveWriter`: the streaming writer underneath (meta.xml, eml.xml, data files into fflate's Zip).
 * - `buildMetaXml` / `parseMetaXml`: meta.xml both ways.
 * - `readArchive` / `recordsOf`: zip bytes or folder files -> descriptor, rows and records.
 */
export type { ArchiveDescriptor, DataFileDescriptor, FieldDescriptor } from "./descriptor";
export { META_DEFAULTS, WRITE_LAYOUT } from "./descriptor";
export type { ArchiveErrorCode } from "./errors";
export { ArchiveError } from "./errors";
export { buildMetaXml, parseMetaXml, DWC_TEXT_NS } from "./meta-xml";
export type { ArchiveWriter, ArchiveWriterOptions, DataFileWriter } from "./writer";
export { createArchiveWriter } from "./writer";
export type {
  ExportOptions,
  ExportProgress,
  ExportResult,
  ExportSummary,
  ExportValidation,
  ExportedFile,
  SheetSource,
  DatasetSources,
} from "./export";
export { exportArchive, archiveFileName } from "./export";
export type { CollectOptions, WorkbookAdapter, WrittenSheet } from "./adapter";
export { freeSheetName } from "./adapter";
export type { DatasetExportOptions, DatasetExportResult, ValidateDatasetOptions } from "./dataset-export";
export { exportDataset, validateDataset } from "./dataset-export";
export type { LeftOutColumn, SheetPlan } from "./plan";
export { planSheet, columnLetter } from "./plan";
export type { ArchiveContents, ArchiveRecord, DataFileContents, MetadataContents } from "./reader";
export { readArchive, recordsOf } from "./reader";
export type { ArchiveSheet } from "./sheets";
export { archiveSheets, headerForTerm } from "./sheets";
export { parseDelimited } from "./delimited";
export type { DelimitedLayout } from "./delimited";
export { createCellConverter, numberText, toExcelPrecision } from "./values";
export type { CellConverter } from "./values";
