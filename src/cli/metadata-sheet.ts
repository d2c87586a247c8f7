import type { CellValue } from "../dwc/table";
import type { DatasetClass, Lang } from "../dwc/types";
import { METADATA_SHEET_NAME, datasetTypeFor, emptyMetadata, metadataToSheetRows } from "../metadata";

/** The Metadata sheet of a new template: its name and rows. */
export interface MetadataSheet {
  sheetName: string;
  rows: CellValue[][];
}

/**
 * The Metadata sheet for a new template, in the metadata module's fixed layout (key, value, help), with the
 * dataset type already set from the class and the metadata language from `lang`.
 */
export function metadataSheetRows(datasetClass: DatasetClass, lang: Lang): MetadataSheet {
  const meta = emptyMetadata();
  meta.datasetType = datasetTypeFor(datasetClass);
  if (lang === "ru") {
    meta.metadataLanguage = "rus";
    meta.dataLanguage = "rus";
  }
  return { sheetName: METADATA_SHEET_NAME, rows: metadataToSheetRows(meta, lang) };
}
