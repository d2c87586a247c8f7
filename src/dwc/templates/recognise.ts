/**
 * Recognising the role of a sheet that the add-in did not insert (e.g. a filled GBIF IPT template) from its header
 * row of Darwin Core term names.
 */
import { getRowType } from "../rowTypes";
import type { DatasetClass, RowTypeId, SheetRole } from "../types";
import { termName } from "../types";
import { CORE_ID_TERM } from "./levels";

const norm = (s: string) => s.trim().toLowerCase();

/** Dataset class whose core id term is `term`. */
const CLASS_OF_ID: ReadonlyArray<readonly [string, DatasetClass]> = [
  ["eventid", "event"],
  ["occurrenceid", "occurrence"],
  ["taxonid", "checklist"],
];

/** Headers that are not properties of the definition (nor the link term), ignoring blanks. */
function unknownCount(rowTypeId: RowTypeId, headers: readonly string[], link?: string): number {
  const def = getRowType(rowTypeId);
  if (!def) return headers.length;
  const names = new Set(def.properties.map((p) => p.name.toLowerCase()));
  if (link) names.add(link.toLowerCase());
  return headers.filter((h) => !names.has(h)).length;
}

/** A few unknown columns (notes, local fields) are tolerated: at most 2, or a quarter of the columns. */
const tolerated = (unknown: number, total: number) => unknown <= Math.max(2, Math.floor(total / 4));

/**
 * The role of a sheet from its header row (term names, case-insensitive, surrounding spaces ignored) and, to
 * break ties, its name. Returns undefined when the headers are not (mostly) Darwin Core terms of one core or
 * extension, or when an extension sheet has no column linking it to a core.
 *
 * - resourceID + relatedResourceID -> Resource Relationship; measurementType/Value -> (Extended) MeasurementOrFact
 *   (extended when it has measurementTypeID/ValueID/UnitID or the sheet name says so);
 *   vernacularName without scientificName -> Vernacular Name; bibliographicCitation -> References;
 *   identifier with format/type/title/creator -> Simple Multimedia. Their class comes from the link column
 *   (eventID before occurrenceID before taxonID, preferring one that is not a property of the extension).
 * - occurrenceID or basisOfRecord -> Occurrence: the event's occurrence extension when eventID is the first column
 *   or the sheet name says "associated"/"связанные", otherwise the Occurrence core.
 * - eventID, or sampling columns (samplingProtocol, sampleSizeValue) -> Event core.
 * - otherwise taxonID or scientificName with only Taxon properties -> Taxon core (checklist); with other
 *   occurrence terms (eventDate, decimalLatitude …) -> Occurrence core.
 *
 * @example recogniseSheet(["eventID", "occurrenceID", "basisOfRecord"], "Associated Occurrences")
 *   // { rowTypeId: "occurrence", kind: "extension", datasetClass: "event", idTerm: "eventID" }
 */
export function recogniseSheet(headers: string[], sheetName?: string): SheetRole | undefined {
  const hs = headers.map(norm).filter((h) => h !== "");
  if (hs.length === 0) return undefined;
  const has = (t: string) => hs.includes(t.toLowerCase());
  const name = norm(sheetName ?? "");
  const total = hs.length;

  const extension = (rowTypeId: RowTypeId): SheetRole | undefined => {
    // The link column is a core id term that is not itself a property of the extension (eMoF has occurrenceID
    // as a property, so an eMoF sheet with taxonID and occurrenceID belongs to a checklist); else any id term.
    const own = new Set(getRowType(rowTypeId)?.properties.map((p) => p.name.toLowerCase()));
    const found = CLASS_OF_ID.find(([id]) => has(id) && !own.has(id)) ?? CLASS_OF_ID.find(([id]) => has(id));
    if (!found) return undefined;
    const [, datasetClass] = found;
    const link = CORE_ID_TERM[datasetClass];
    if (!tolerated(unknownCount(rowTypeId, hs, link), total)) return undefined;
    return { rowTypeId, kind: "extension", datasetClass, idTerm: termName(link) };
  };
  const core = (rowTypeId: RowTypeId, datasetClass: DatasetClass): SheetRole | undefined =>
    tolerated(unknownCount(rowTypeId, hs), total)
      ? { rowTypeId, kind: "core", datasetClass, idTerm: termName(CORE_ID_TERM[datasetClass]) }
      : undefined;

  if (has("resourceID") && has("relatedResourceID")) return extension("resourcerelationship");
  if (has("measurementType") || has("measurementValue")) {
    const extended =
      has("measurementTypeID") ||
      has("measurementValueID") ||
      has("measurementUnitID") ||
      /extended|emof|расширен/.test(name);
    return extension(extended ? "extendedmeasurementorfact" : "measurementorfact");
  }
  if (has("vernacularName") && !has("scientificName") && !has("taxonRank")) return extension("vernacularname");
  if (has("bibliographicCitation") && !has("basisOfRecord") && !has("scientificName")) {
    const r = extension("references");
    if (r) return r;
  }
  if (has("identifier") && ["format", "type", "title", "creator"].some(has)) {
    const r = extension("multimedia");
    if (r) return r;
  }
  if (has("occurrenceID") || has("basisOfRecord")) {
    const associated = has("eventID") && (hs[0] === "eventid" || /associated|связанн/.test(name));
    if (associated) return extension("occurrence");
    return core("occurrence", "occurrence");
  }
  if (has("eventID") || has("samplingProtocol") || has("sampleSizeValue")) return core("event", "event");
  if (has("taxonID") || has("scientificName")) return core("taxon", "checklist") ?? core("occurrence", "occurrence");
  return undefined;
}
