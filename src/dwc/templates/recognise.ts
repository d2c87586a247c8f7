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
export function recogniseSheet(headers: readonly string[], sheetName?: string): SheetRole | undefined {
  const hs = headers.map((h) => norm(headerTermName(h))).filter((h) => h !== "");
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

  // Each extension rule falls through when the sheet cannot be that extension (no link column, too many other
  // terms): an occurrence sheet with a vernacularName column is still occurrences.
  if (has("resourceID") && has("relatedResourceID")) {
    const r = extension("resourcerelationship");
    if (r) return r;
  }
  if (has("measurementType") || has("measurementValue")) {
    const extended =
      has("measurementTypeID") ||
      has("measurementValueID") ||
      has("measurementUnitID") ||
      /extended|emof|расширен/.test(name);
    const r = extension(extended ? "extendedmeasurementorfact" : "measurementorfact");
    if (r) return r;
  }
  if (has("vernacularName") && !has("scientificName") && !has("taxonRank") && !has("basisOfRecord")) {
    const r = extension("vernacularname");
    if (r) return r;
  }
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

/** A sheet as the workbook recogniser sees it. */
export interface SheetForRoles {
  name: string;
  headers: readonly string[];
  /** Data rows (without the header); a sheet without any never becomes the core. Unknown: treated as data. */
  records?: number;
}

/**
 * A header reduced to a term name: a full IRI (`http://rs.tdwg.org/dwc/terms/eventDate`) or a qualified name
 * (`dwc:eventDate`, `dcterms:type`) gives its local name; a UTF-8 byte order mark and surrounding spaces are dropped.
 */
export function headerTermName(header: string): string {
  let h = header.replace(/^\uFEFF/, "").trim();
  if (/^https?:\/\//i.test(h)) h = h.split(/[/#]/).filter(Boolean).pop() ?? h;
  else {
    const q = /^[A-Za-z][\w-]*:([A-Za-z_][\w.-]*)$/.exec(h);
    if (q) h = q[1];
  }
  return h;
}

/** Sheet names (lower case, letters only) that name a core or extension, as data files and IPT sheets are named. */
const NAMED: ReadonlyArray<readonly [RegExp, RowTypeId]> = [
  [/^(occurrences?|associatedoccurrences|находки)$/, "occurrence"],
  [/^(events?|samplingevents?|события)$/, "event"],
  [/^(taxon|taxa|checklist|таксоны)$/, "taxon"],
  [/^(distributions?)$/, "distribution"],
  [/^(descriptions?|taxondescription)$/, "description"],
  [/^(speciesprofiles?)$/, "speciesprofile"],
  [/^(vernacularnames?|vernaculars?)$/, "vernacularname"],
  [/^(references?|literaturereferences?)$/, "references"],
  [/^(identifications?|identificationhistory)$/, "identification"],
  [/^(mof|measurementorfacts?|measurements?)$/, "measurementorfact"],
  [/^(emof|extendedmeasurementorfacts?)$/, "extendedmeasurementorfact"],
  [/^(multimedia|media|images?|simplemultimedia)$/, "multimedia"],
  [/^(audiovisual|acmultimedia|audubon|multimedia|media)$/, "audiovisual"],
  [/^(identifiers?|alternativeidentifiers?)$/, "identifier"],
  [/^(typesandspecimens?)$/, "typesandspecimen"],
  [/^(resourcerelationships?|relationships?)$/, "resourcerelationship"],
];

const CORE_CLASS: Readonly<Partial<Record<RowTypeId, DatasetClass>>> = {
  occurrence: "occurrence",
  event: "event",
  taxon: "checklist",
};

/** Row types a sheet name names (`Multimedia` names both GBIF's simple one and Audubon's). */
function namedRowTypes(sheetName: string): RowTypeId[] {
  const key = sheetName.toLowerCase().replace(/[^a-zа-яё]/g, "");
  return NAMED.filter(([re]) => re.test(key)).map(([, id]) => id);
}

/** Headers that are properties of the row type. */
function known(rowTypeId: RowTypeId, hs: readonly string[]): number {
  const names = new Set(getRowType(rowTypeId)?.properties.map((p) => p.name.toLowerCase()));
  return hs.filter((h) => names.has(h)).length;
}

/** Whether most headers are properties of the row type (or core id terms), as {@link tolerated} allows. */
function fits(rowTypeId: RowTypeId, hs: readonly string[]): boolean {
  const def = getRowType(rowTypeId);
  if (!def) return false;
  const names = new Set(def.properties.map((p) => p.name.toLowerCase()));
  for (const [id] of CLASS_OF_ID) names.add(id);
  names.add("id").add("coreid");
  return tolerated(hs.filter((h) => !names.has(h)).length, hs.length);
}

/**
 * The roles of a workbook's sheets, decided together: a sheet's whole header row (its id and link columns and the
 * share of a row type's terms) and its name give each sheet a candidate; then exactly one sheet with records
 * becomes the core and the others extensions linked to it by the core's id term.
 *
 * - A sheet named after a core or extension (`distribution`, `emof`, `Multimedia`) whose headers fit it takes that
 *   row type; otherwise {@link recogniseSheet}'s heuristics apply (headers as full IRIs or `dwc:` names count by
 *   their local names).
 * - The core: an Event sheet when there is one (occurrences become its extension), else a Taxon sheet when an
 *   Occurrence sheet links to it by taxonID (a checklist with occurrences), else the one core candidate.
 *   A header-only sheet never becomes the core.
 * - Every other sheet becomes an extension of that core (its link is the core's id term) when its row type can be
 *   one; a second core candidate that cannot is left without a role, so the sheet is reported, not exported.
 *
 * @example recogniseWorkbook([{ name: "taxon", headers: ["taxonID", "scientificName"] },
 *   { name: "distribution", headers: ["taxonID", "locality", "occurrenceStatus"] }])
 * // [Taxon core (checklist), Distribution extension linked by taxonID]
 */
export function recogniseWorkbook(sheets: readonly SheetForRoles[]): (SheetRole | undefined)[] {
  const candidates = sheets.map((s) => {
    const hs = s.headers.map((h) => headerTermName(h).toLowerCase()).filter((h) => h !== "");
    if (hs.length === 0) return undefined;
    // The named row type the headers fit best (Audubon's Multimedia has accessURI, GBIF's has identifier).
    const named = namedRowTypes(s.name)
      .filter((id) => fits(id, hs))
      .sort((a, b) => known(b, hs) - known(a, hs))[0];
    if (named) {
      const cls = CORE_CLASS[named];
      if (cls) return { rowTypeId: named, kind: "core" as const, datasetClass: cls, idTerm: termName(CORE_ID_TERM[cls]) };
      const own = recogniseSheet(hs, s.name);
      return { rowTypeId: named, kind: "extension" as const, datasetClass: own?.datasetClass ?? "occurrence", idTerm: own?.idTerm ?? termName("occurrenceID") };
    }
    return recogniseSheet(hs, s.name);
  });
  const has = (i: number, term: string) => sheets[i].headers.some((h) => headerTermName(h).toLowerCase() === term.toLowerCase());
  const withData = (i: number) => (sheets[i].records ?? 1) > 0;
  const coreLike = (i: number, rowTypeId: RowTypeId) => {
    const c = candidates[i];
    return !!c && withData(i) && c.rowTypeId === rowTypeId && (c.kind === "core" || rowTypeId === "occurrence");
  };
  const indexes = sheets.map((_, i) => i);
  let core = indexes.find((i) => coreLike(i, "event"));
  if (core === undefined) {
    const taxon = indexes.find((i) => coreLike(i, "taxon"));
    const occurrences = indexes.filter((i) => coreLike(i, "occurrence"));
    if (taxon !== undefined && (occurrences.length === 0 || occurrences.every((i) => has(i, "taxonID")))) core = taxon;
    else core = indexes.find((i) => candidates[i]?.kind === "core" && withData(i));
  }
  if (core === undefined) return candidates;
  const coreRole = candidates[core] as SheetRole;
  const link = termName(CORE_ID_TERM[coreRole.datasetClass]);
  return candidates.map((c, i) => {
    if (i === core || !c) return c;
    const rowTypeId = c.rowTypeId;
    // Another core candidate: the occurrences of an event or a checklist; else a second core with records (which
    // blocks: two tables of one kind cannot be one archive), or, without records, nothing (reported, not exported).
    const occurrencesOfCore = rowTypeId === "occurrence" && coreRole.rowTypeId !== "occurrence" && has(i, link);
    if ((c.kind === "core" || rowTypeId === "occurrence") && !occurrencesOfCore) return withData(i) && c.kind === "core" ? c : undefined;
    return { rowTypeId, kind: "extension", datasetClass: coreRole.datasetClass, idTerm: link };
  });
}
