/**
 * From a dataset sheet's role and header row to the data file that will hold it: which sheet columns become
 * which data file columns, the `<core>`/`<extension>` descriptor, and the columns left out because they are not
 * terms of that core or extension.
 */
import { getProperty, getRowType } from "../dwc/rowTypes";
import { headerTermIri } from "../dwc/terms";
import { headerTermName } from "../dwc/templates/recognise";
import { idColumnMissingIssue } from "../validate/requirements";
import type { SheetRole, Text2 } from "../dwc/types";
import type { Issue } from "../validate/types";
import type { DataFileDescriptor, FieldDescriptor } from "./descriptor";
import { WRITE_LAYOUT } from "./descriptor";

/** A sheet column that does not go into the archive, and why. */
export interface LeftOutColumn {
  sheet: string;
  /** 0-based sheet column. */
  column: number;
  header: string;
  reason: "not-a-term" | "duplicate" | "blank-header";
  /** Non-empty cells the column held (counted during the export). */
  filledCells: number;
}

/** How one sheet becomes one data file. */
export interface SheetPlan {
  sheet: string;
  role: SheetRole;
  descriptor: DataFileDescriptor;
  /** Header line of the data file: term names, id column first. */
  header: string[];
  /** The sheet column (0-based) feeding each data file column. */
  sourceColumns: number[];
  leftOut: LeftOutColumn[];
}

/** Spreadsheet column letters for a 0-based column: 0 -> A, 27 -> AB. */
export { columnLetters as columnLetter } from "../dwc/table";

function refusal(ruleId: string, sheet: string, message: Text2, extra: Partial<Issue> = {}): Issue {
  return { ruleId, severity: "blocker", sheet, row: 0, column: -1, message, ...extra };
}

/**
 * Plans the data file of a sheet. The id (core) or coreid (extension) column is the role's `idTerm` column,
 * written first; it is also declared as a field when the core or extension defines that term (an Occurrence
 * extension defines eventID; MeasurementOrFact does not). Other columns keep their sheet order.
 *
 * @param location data file name inside the archive, e.g. `occurrence.txt`.
 * @returns the plan, or the issues that make the sheet impossible to export (unknown core or extension,
 *   no id column).
 *
 * @example
 * planSheet("Occurrences", { rowTypeId: "occurrence", kind: "core", datasetClass: "occurrence",
 *   idTerm: "occurrenceID" }, ["occurrenceID", "scientificName", "my notes"], "occurrence.txt")
 * // plan.header: ["occurrenceID", "scientificName"]; plan.leftOut[0].header: "my notes"
 */
export function planSheet(
  sheet: string,
  role: SheetRole,
  headers: readonly string[],
  location: string
): { plan?: SheetPlan; issues: Issue[] } {
  const rowType = getRowType(role.rowTypeId);
  if (!rowType) {
    return {
      issues: [
        refusal("archive.unknownRowType", sheet, {
          en: `Sheet "${sheet}" is marked as "${role.rowTypeId}", which is not a GBIF core or extension.`,
          ru: `Лист «${sheet}» помечен как «${role.rowTypeId}», но такого ядра или расширения GBIF нет.`,
        }),
      ],
    };
  }
  const trimmed = headers.map((h) => (h ?? "").trim());
  const idColumn = trimmed.findIndex((h) => headerTermName(h).toLowerCase() === role.idTerm.toLowerCase());
  if (idColumn < 0) return { issues: [idColumnMissingIssue(sheet, role)] };
  const header: string[] = [role.idTerm];
  const sourceColumns: number[] = [idColumn];
  const fields: FieldDescriptor[] = [];
  const idProperty = getProperty(role.rowTypeId, role.idTerm);
  if (idProperty) fields.push({ index: 0, term: idProperty.iri });
  const seen = new Set<string>(idProperty ? [idProperty.iri] : []);
  const leftOut: LeftOutColumn[] = [];
  trimmed.forEach((text, column) => {
    if (column === idColumn) return;
    if (!text) {
      leftOut.push({ sheet, column, header: text, reason: "blank-header", filledCells: 0 });
      return;
    }
    // A property of the core or extension; else a term it does not define (a full IRI, `dcterms:` / `obis:` names,
    // a Darwin Core term of another class), which goes out under its IRI so that nothing is lost.
    const property = getProperty(role.rowTypeId, text);
    const iri = property?.iri ?? headerTermIri(text);
    if (!iri) {
      leftOut.push({ sheet, column, header: text, reason: "not-a-term", filledCells: 0 });
      return;
    }
    if (seen.has(iri)) {
      leftOut.push({ sheet, column, header: text, reason: "duplicate", filledCells: 0 });
      return;
    }
    seen.add(iri);
    fields.push({ index: header.length, term: iri });
    header.push(property?.name ?? text);
    sourceColumns.push(column);
  });
  if (!fields.length) {
    return {
      issues: [
        refusal(
          "archive.noTermColumns",
          sheet,
          {
            en: `Sheet "${sheet}" has no column headed by a term of ${rowType.name}.`,
            ru: `На листе «${sheet}» нет ни одного столбца с термином ${rowType.name}.`,
          },
          { row: 1 }
        ),
      ],
    };
  }
  const descriptor: DataFileDescriptor = {
    rowType: rowType.rowType,
    location,
    idIndex: 0,
    ...WRITE_LAYOUT,
    fields,
  };
  return { plan: { sheet, role, descriptor, header, sourceColumns, leftOut }, issues: [] };
}
