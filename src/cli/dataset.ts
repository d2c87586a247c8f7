import { recogniseSheet, recogniseWorkbook } from "../dwc";
import type { SheetInfo } from "../dwc/table";
import type { SheetRole } from "../dwc/types";
import type { TableSource } from "../file";
import { isMetadataSheet as isMetaSheet } from "../metadata";
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

/** The cores `--core` accepts. */
export const CORES = ["occurrence", "event", "taxon"] as const;
export type CoreName = (typeof CORES)[number];

/** The role of a core sheet named by `--core`. */
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

/** True for the workbook's Metadata sheet (the model's {@link isMetaSheet}: by name, or by its key/value layout). */
export function isMetadataSheet(info: SheetInfo): boolean {
  return isMetaSheet(info.name, info.headers);
}

/** A sheet of the file with the role it is validated and exported under (undefined: not a dataset sheet). */
export interface DatasetSheet {
  info: SheetInfo;
  role: SheetRole | undefined;
}

/** What the commands work on: the dataset sheets, the Metadata sheet if any, and the sheets left aside. */
export interface Dataset {
  sheets: DatasetSheet[];
  metadataSheet: SheetInfo | undefined;
  /** Sheets the user hid that look like Darwin Core sheets: not validated or exported, and said so. */
  hiddenDataSheets: string[];
}

/**
 * Gives each visible sheet its role: recognised from its headers and name, or, with `--core`, the core named.
 * `--core` applies to the sheet recognised as a core (overriding its row type), else to the first visible sheet
 * without a role: that is how a CSV file or a sheet with unusual headers gets one. Hidden sheets (e.g. the
 * template's very hidden vocabulary lists, or an old copy the user hid) and the Metadata sheet are not dataset
 * sheets; hidden ones that look like Darwin Core are listed in `hiddenDataSheets` so the commands can say so.
 */
export function datasetOf(source: TableSource, core: CoreName | undefined): Dataset {
  const visible = source.sheets.filter((s) => s.visible && s.rowCount > 0);
  const hiddenDataSheets = source.sheets
    .filter((s) => !s.visible && s.rowCount > 0 && !source.veryHidden.has(s.name) && recogniseSheet(s.headers, s.name))
    .map((s) => s.name);
  const metadataSheet = source.kind === "xlsx" ? visible.find(isMetadataSheet) : undefined;
  const data = visible.filter((s) => s !== metadataSheet);
  const roles = recogniseWorkbook(data.map((s) => ({ name: s.name, headers: s.headers, records: Math.max(0, s.rowCount - 1) })));
  const sheets: DatasetSheet[] = data.map((info, i) => ({ info, role: roles[i] }));
  if (core) {
    const target = sheets.find((s) => s.role?.kind === "core") ?? sheets.find((s) => s.role === undefined) ?? sheets[0];
    if (!target) throw new UsageError(`${source.path}: no sheet with data to use as the ${core} core`);
    target.role = coreRole(core);
    // Extensions follow the core's dataset class (e.g. Occurrence rows under an Event core).
    for (const s of sheets) {
      if (s !== target && s.role) {
        s.role = s.role.kind === "core" ? undefined : { ...s.role, datasetClass: target.role.datasetClass };
      }
    }
  }
  return { sheets, metadataSheet, hiddenDataSheets };
}
