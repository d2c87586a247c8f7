/**
 * What the archive writer needs from the open workbook: each dataset sheet's role, header row and rows as an
 * async iterable of chunks (read on demand, each chunk one request under the size limit), the workbook's facts,
 * and the dataset metadata kept on the Metadata sheet.
 */
import type { RowChunk } from "../dwc/table";
import type { Lang } from "../dwc/types";
import type { DatasetSources, SheetSource } from "../archive/export";
import type { DatasetMetadata, MetadataProblem } from "../metadata";
import { isMetadataSheet, METADATA_SHEET_NAME, metadataFromSheetRows, metadataToSheetRows } from "../metadata";
import type { ChunkOptions, SheetExtent } from "./read";
import { chunksOf, queueDate1904 } from "./read";
import { listWorkbookSheets } from "./sheets";

/** A dataset sheet as the archive writer takes it (`SheetSource` of src/archive), its rows read from Excel as consumed. */
export interface ExportSheetSource extends SheetSource {
  rows: AsyncIterable<RowChunk>;
  rowCount: number;
}

/** Everything the export reads from the workbook: the adapters' one shape (`DatasetSources` of src/archive). */
export type ExportSources = DatasetSources<ExportSheetSource>;

/** Chunked rows of a sheet as a re-iterable async iterable (each iteration reads the sheet again). */
function rowsOf(extent: SheetExtent, options: ChunkOptions): AsyncIterable<RowChunk> {
  return { [Symbol.asyncIterator]: () => chunksOf(extent, options) };
}

/**
 * Lists the dataset sheets with lazily read rows, for `exportArchive` of src/archive.
 *
 * @example const { facts, sheets } = await collectExportSources({ signal }); await exportArchive({ sheets, facts, emlXml, … })
 */
export async function collectExportSources(options: Pick<ChunkOptions, "signal" | "chunkRows"> = {}): Promise<ExportSources> {
  const workbook = await listWorkbookSheets();
  return {
    facts: workbook.facts,
    sheets: workbook.datasets.map((d) => ({ name: d.name, role: d.role, headers: d.headers, rowCount: d.rowCount, rows: rowsOf(d, options) })),
    otherSheets: workbook.others.filter((o) => !isMetadataSheet(o.name, o.headers)).map((o) => o.name),
  };
}

/** The metadata read from the Metadata sheet, with the problems met, or undefined when there is no such sheet. */
export async function readMetadataSheet(): Promise<{ meta: DatasetMetadata; problems: MetadataProblem[] } | undefined> {
  const read = await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(METADATA_SHEET_NAME);
    const date1904 = queueDate1904(context);
    await context.sync();
    if (sheet.isNullObject) return undefined;
    // Columns A and B hold keys and values (C is help); the sheet has a few hundred rows at most.
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex,rowCount");
    await context.sync();
    if (used.isNullObject) return { rows: [] as (string | number | boolean | null)[][], date1904: date1904() };
    const range = sheet.getRangeByIndexes(0, 0, used.rowIndex + used.rowCount, 2);
    range.load("values");
    await context.sync();
    const rows = range.values.map((row) => row.map((v) => (v === "" ? null : (v as string | number | boolean))));
    return { rows, date1904: date1904() };
  });
  if (!read) return undefined;
  return metadataFromSheetRows(read.rows, { date1904: read.date1904 });
}

/**
 * Writes the metadata to the Metadata sheet (created at the end of the workbook when missing): columns A (key),
 * B (value) and C (help in `lang`), text-formatted so that dates and identifiers stay as typed. The sheet's old
 * contents are replaced; no other sheet is touched.
 */
export async function writeMetadataSheet(meta: DatasetMetadata, lang: Lang): Promise<void> {
  const rows = metadataToSheetRows(meta, lang);
  const width = Math.max(...rows.map((r) => r.length));
  const grid = rows.map((r) => [...r, ...new Array(width - r.length).fill(null)].map((v) => (v === null ? "" : v)));
  await Excel.run(async (context) => {
    const existing = context.workbook.worksheets.getItemOrNullObject(METADATA_SHEET_NAME);
    await context.sync();
    const sheet = existing.isNullObject ? context.workbook.worksheets.add(METADATA_SHEET_NAME) : existing;
    if (!existing.isNullObject) sheet.getRange().clear("Contents");
    const range = sheet.getRangeByIndexes(0, 0, grid.length, width);
    range.numberFormat = grid.map((r) => r.map(() => "@"));
    range.values = grid;
    sheet.getRangeByIndexes(0, 0, 1, width).format.font.bold = true;
    sheet.getRange("A:A").format.columnWidth = 180;
    sheet.getRange("B:B").format.columnWidth = 320;
    sheet.getRange("C:C").format.columnWidth = 420;
    await context.sync();
  });
}
