import type { SheetInfo } from "../dwc/table";
import { collectFileSources, CORES, coreRole, isMetadataSheetInfo, type CoreName, type FileSheet, type FileSources, type TableSource } from "../file";
import { UsageError } from "./errors";
import type { Issue } from "../validate/types";

/** The warning for a hidden sheet that looks like Darwin Core data: it is left out, and the user should know. */
export function hiddenSheetIssue(sheet: string): Issue {
  return {
    ruleId: "file.hidden-sheet",
    severity: "warning",
    sheet,
    row: 0,
    column: -1,
    message: {
      en: `Sheet "${sheet}" is hidden and looks like Darwin Core data; hidden sheets are not validated or exported. Unhide it to include it.`,
      ru: `Лист «${sheet}» скрыт и похож на данные Darwin Core; скрытые листы не проверяются и не экспортируются. Покажите лист, чтобы включить его.`,
    },
  };
}

/** The cores `--core` accepts, and the role of a core sheet it names (the file adapter's). */
export { CORES, coreRole, type CoreName };

/** True for the workbook's Metadata sheet (the model's `isMetadataSheet`: by name, or by its key/value layout). */
export { isMetadataSheetInfo as isMetadataSheet };

/** A sheet of the file with the role it is validated and exported under (undefined: not a dataset sheet). */
export type DatasetSheet = FileSheet;

/** What the commands work on: the dataset sheets, the Metadata sheet if any, and the sheets left aside. */
export interface Dataset {
  /** Every visible sheet with data but the Metadata sheet, in workbook order, with its role. */
  sheets: DatasetSheet[];
  metadataSheet: SheetInfo | undefined;
  /** Sheets the user hid that look like Darwin Core sheets: not validated or exported, and said so. */
  hiddenDataSheets: string[];
  /** The same, as the core's validation and export take it (src/archive `validateDataset`, `exportDataset`). */
  sources: FileSources;
}

/**
 * Gives each visible sheet its role (the file adapter's `collectFileSources`: recognised from its headers and name,
 * or, with `--core`, the core named) and keeps the adapter's sources for the core's validation and export.
 * @throws UsageError when `--core` is given but no visible sheet has data.
 */
export function datasetOf(source: TableSource, core: CoreName | undefined): Dataset {
  const sources = collectFileSources(source, core);
  if (core && sources.dataSheets.length === 0) throw new UsageError(`${source.path}: no sheet with data to use as the ${core} core`);
  return { sheets: sources.dataSheets, metadataSheet: sources.metadataSheet, hiddenDataSheets: sources.hiddenDataSheets, sources };
}
