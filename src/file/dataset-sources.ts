/**
 * What validation and export read from an opened file: the core's `DatasetSources`, the same shape the Excel
 * adapter's `collectExportSources` returns, so that `validateDataset` and `exportDataset` (src/archive) run
 * unchanged on a workbook in Excel, an .xlsx file or a CSV file.
 */
import type { DatasetSources, SheetSource } from "../archive/export";
import { recogniseSheet, recogniseWorkbook } from "../dwc";
import type { RowChunk, SheetInfo } from "../dwc/table";
import type { SheetRole } from "../dwc/types";
import { isMetadataSheet } from "../metadata";
import type { TableSource } from "./source";

/** The cores a file's sheet can be declared as (the CLI's `--core`). */
export const CORES = ["occurrence", "event", "taxon"] as const;
export type CoreName = (typeof CORES)[number];

/** The role of a core sheet declared as `core`. */
export function coreRole(core: CoreName): SheetRole {
  switch (core) {
    case "occurrence":
      return {
        rowTypeId: "occurrence",
        kind: "core",
        datasetClass: "occurrence",
        idTerm: "occurrenceID" as SheetRole["idTerm"],
      };
    case "event":
      return { rowTypeId: "event", kind: "core", datasetClass: "event", idTerm: "eventID" as SheetRole["idTerm"] };
    case "taxon":
      return { rowTypeId: "taxon", kind: "core", datasetClass: "checklist", idTerm: "taxonID" as SheetRole["idTerm"] };
  }
}

/** A dataset sheet of a file, its rows read from the file as consumed. */
export interface FileSheetSource extends SheetSource {
  rows: AsyncIterable<RowChunk>;
  rowCount: number;
}

/** A visible sheet with data, with the role it is validated and exported under (undefined: not a dataset sheet). */
export interface FileSheet {
  info: SheetInfo;
  role: SheetRole | undefined;
}

/** `DatasetSources` of a file, with what the command line also tells the user about it. */
export interface FileSources extends DatasetSources<FileSheetSource> {
  /** Every visible sheet with data but the Metadata sheet, in workbook order, with its role. */
  dataSheets: FileSheet[];
  /** The workbook's Metadata sheet (an .xlsx file's), if any. */
  metadataSheet: SheetInfo | undefined;
  /** Sheets the user hid that look like Darwin Core sheets: not validated or exported, and to be said so. */
  hiddenDataSheets: string[];
}

/** True for the workbook's Metadata sheet (the model's `isMetadataSheet`: by name, or by its key/value layout). */
export function isMetadataSheetInfo(info: SheetInfo): boolean {
  return isMetadataSheet(info.name, info.headers);
}

/** Chunked rows of a sheet as a re-iterable async iterable (each iteration reads the sheet again). */
function rowsOf(source: TableSource, sheet: string): AsyncIterable<RowChunk> {
  return { [Symbol.asyncIterator]: () => source.readRows(sheet)[Symbol.asyncIterator]() };
}

/**
 * Gives each visible sheet of `source` its role and lists the dataset sheets with lazily read rows. Roles are
 * recognised from headers and names, or, with `core`, the core named: it applies to the sheet recognised as a core
 * (overriding its row type), else to the first visible sheet without a role, which is how a CSV file or a sheet with
 * unusual headers gets one; the other sheets' roles follow its dataset class. Hidden sheets (e.g. the template's
 * very hidden vocabulary lists, or an old copy the user hid) and the Metadata sheet are not dataset sheets; hidden
 * ones that look like Darwin Core are listed in `hiddenDataSheets`. With `core` and no visible sheet with data,
 * `sheets` is empty.
 *
 * @example
 * const sources = collectFileSources(await openTableFile("birds.csv"), "occurrence");
 * const issues = await validateDataset(sources); // src/archive
 */
export function collectFileSources(source: TableSource, core?: CoreName): FileSources {
  const visible = source.sheets.filter((s) => s.visible && s.rowCount > 0);
  const hiddenDataSheets = source.sheets
    .filter((s) => !s.visible && s.rowCount > 0 && !source.veryHidden.has(s.name) && recogniseSheet(s.headers, s.name))
    .map((s) => s.name);
  const metadataSheet = source.kind === "xlsx" ? visible.find(isMetadataSheetInfo) : undefined;
  const data = visible.filter((s) => s !== metadataSheet);
  const roles = recogniseWorkbook(data.map((s) => ({ name: s.name, headers: s.headers, records: Math.max(0, s.rowCount - 1) })));
  const dataSheets: FileSheet[] = data.map((info, i) => ({ info, role: roles[i] }));
  const target = core
    ? (dataSheets.find((s) => s.role?.kind === "core") ?? dataSheets.find((s) => s.role === undefined) ?? dataSheets[0])
    : undefined;
  if (core && target) {
    target.role = coreRole(core);
    // Extensions follow the core's dataset class (e.g. Occurrence rows under an Event core).
    for (const s of dataSheets) {
      if (s !== target && s.role) {
        s.role = s.role.kind === "core" ? undefined : { ...s.role, datasetClass: target.role.datasetClass };
      }
    }
  }
  const roled = dataSheets.filter((s): s is { info: SheetInfo; role: SheetRole } => s.role !== undefined);
  return {
    facts: source.facts,
    sheets: roled.map(({ info, role }) => ({
      name: info.name,
      role,
      headers: info.headers,
      rowCount: info.rowCount,
      rows: rowsOf(source, info.name),
    })),
    otherSheets: source.sheets
      .filter((s) => s.visible && s !== metadataSheet && !roled.some((r) => r.info === s))
      .map((s) => s.name),
    validationSheets: dataSheets.map(({ info, role }) => ({ name: info.name, headers: info.headers, role, rowCount: info.rowCount })),
    dataSheets,
    metadataSheet,
    hiddenDataSheets,
  };
}
