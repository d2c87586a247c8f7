/**
 * The role each imported sheet takes in the workbook (what the task pane registers for the sheets it inserts):
 * the core's dataset class follows from its row type (Occurrence, Taxon -> checklist, Event), and every extension
 * the model knows links to the core's id term. A core the model does not know as one of the three (a pre-2009
 * DarwinCore row type) gives no sheet a role: the sheets are then recognised by their headers, or not at all.
 */
import { CORE_ID_TERM } from "../dwc/templates/levels";
import { termName, type DatasetClass, type RowTypeId, type SheetRole } from "../dwc/types";

/** The dataset class of each core row type. */
const CLASS_OF_CORE: Readonly<Record<string, DatasetClass>> = {
  occurrence: "occurrence",
  taxon: "checklist",
  event: "event",
};

/** What {@link sheetRoles} needs of a sheet (a `SheetLayout` or `ArchiveSheet`). */
export interface RoleInput {
  kind: "core" | "extension";
  rowTypeId?: RowTypeId;
}

/**
 * The role of each sheet, in order (undefined where the model does not know the row type, or the core's).
 *
 * @example sheetRoles([{ kind: "core", rowTypeId: "taxon" }, { kind: "extension", rowTypeId: "vernacularname" }])
 * // [{ rowTypeId: "taxon", kind: "core", datasetClass: "checklist", idTerm: "taxonID" },
 * //  { rowTypeId: "vernacularname", kind: "extension", datasetClass: "checklist", idTerm: "taxonID" }]
 */
export function sheetRoles(sheets: readonly RoleInput[]): (SheetRole | undefined)[] {
  const core = sheets.find((s) => s.kind === "core");
  const datasetClass = core?.rowTypeId ? CLASS_OF_CORE[core.rowTypeId] : undefined;
  return sheets.map((s) => {
    if (!datasetClass || !s.rowTypeId) return undefined;
    return { rowTypeId: s.rowTypeId, kind: s.kind, datasetClass, idTerm: termName(CORE_ID_TERM[datasetClass]) };
  });
}
