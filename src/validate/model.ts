/**
 * What the engine needs from the Darwin Core model, in one place: known term names, vocabularies bound to a
 * sheet's columns, the template levels (required columns) and cell-to-text conversion.
 */
import {
  buildTemplate,
  cellToText,
  createCellConverter,
  excelSerialToIso,
  extensionTemplate,
  getRowType,
  getVocabulary,
  getTerm,
  headerTermIri,
  isDateFormat,
  isExcelError,
  numberText,
  numberToText,
  recogniseSheet,
  rowTypes,
  terms,
  vocabularyIdFor,
  type CellConverter,
} from "../dwc";
import type { SheetRole, TemplateColumn, Vocabulary } from "../dwc/types";
import { createHeaderMatcher, type HeaderMatcher } from "./headers";

export { cellToText, excelSerialToIso, headerTermIri, isDateFormat, isExcelError, numberToText, recogniseSheet };

/**
 * The model's name for a term IRI: the row type's property with that IRI, else the Darwin Core or Dublin Core term
 * whose name reads back as that IRI. Undefined for an IRI the model does not know.
 */
export function termForIri(iri: string, rowTypeId?: string): string | undefined {
  const property = rowTypeId ? getRowType(rowTypeId)?.properties.find((p) => p.iri === iri) : undefined;
  if (property) return property.name;
  const term = getTerm(iri);
  return term && term.iri === iri ? term.name : undefined;
}
/**
 * The export's own cell-to-text conversion (numbers at Excel's 15-digit precision: 0.1 + 0.2 is "0.3"), so that a
 * value quoted in an issue is exactly the text the archive writes for that cell.
 */
export { createCellConverter, numberText, type CellConverter };

/**
 * Headers an archive's data files carry besides terms: `id` / `coreid` hold the record and core ids in
 * DwC-A text files and are accepted as they are.
 */
const ARCHIVE_ID_HEADERS = ["id", "coreid"];

let matcher: HeaderMatcher | undefined;

/** The header matcher over every Darwin Core term and every property of GBIF's core and extension definitions. */
export function headerMatcher(): HeaderMatcher {
  if (!matcher) {
    const names: string[] = [];
    for (const t of terms) if (t.rdfType === "property") names.push(t.name);
    for (const rt of rowTypes) for (const p of rt.properties) names.push(p.name);
    matcher = createHeaderMatcher([...names, ...ARCHIVE_ID_HEADERS]);
  }
  return matcher;
}

/** Names of the properties of a core or extension definition, or undefined for an unknown row type. */
export function rowTypeTerms(rowTypeId: string): ReadonlySet<string> | undefined {
  const rt = getRowType(rowTypeId);
  return rt ? new Set(rt.properties.map((p) => p.name as string)) : undefined;
}

/** The vocabulary bound to a term in a row type, if any. */
export function vocabularyFor(rowTypeId: string, term: string): Vocabulary | undefined {
  const id = vocabularyIdFor(rowTypeId, term);
  return id ? getVocabulary(id) : undefined;
}

/** The template columns for a sheet's role (levels and types), or [] when the model has no template for it. */
export function templateColumns(role: SheetRole): readonly TemplateColumn[] {
  if (role.kind === "core") {
    const sheets = buildTemplate(role.datasetClass, "minimal");
    const hit = sheets.find((s) => s.role.rowTypeId === role.rowTypeId && s.role.kind === "core");
    if (hit) return hit.columns;
  } else {
    const sheets = buildTemplate(role.datasetClass, "minimal");
    const hit = sheets.find((s) => s.role.rowTypeId === role.rowTypeId && s.role.kind === "extension");
    if (hit) return hit.columns;
  }
  return getRowType(role.rowTypeId) ? extensionTemplate(role.rowTypeId, role.datasetClass).columns : [];
}
