/** GBIF core and extension definitions (generated from rs.gbif.org) and the vocabulary bound to each property. */
import { ROW_TYPE_ROWS } from "./generated/rowTypes";
import { getTerm } from "./terms";
import type { PropertyDef, RowTypeDef, RowTypeId } from "./types";
import { termIri, termName } from "./types";

/**
 * Vocabularies we bind where GBIF's definitions bind none (README of the reference data §1.4: no thesaurus on
 * sex, lifeStage, typeStatus, taxonomicStatus, countryCode, language or license in the cores). Keyed by term IRI.
 * GBIF's own bindings always win (e.g. Distribution.occurrenceStatus -> distributionStatus).
 */
const MODEL_BINDINGS: Readonly<Record<string, string>> = {
  "http://rs.tdwg.org/dwc/terms/sex": "sex",
  "http://rs.tdwg.org/dwc/terms/lifeStage": "lifeStage",
  "http://rs.tdwg.org/dwc/terms/countryCode": "countryCode",
  "http://rs.tdwg.org/dwc/terms/typeStatus": "typeStatus",
  "http://rs.tdwg.org/dwc/terms/taxonomicStatus": "taxonomicStatus",
  // The methodology asks for two-letter codes (en, ru); DwC recommends RFC 5646 tags, whose common form is the same.
  "http://purl.org/dc/elements/1.1/language": "language",
  "http://purl.org/dc/terms/language": "language",
};

/** The record-level licence: only where it licenses the record (cores). Media extensions have other licences. */
const LICENSE_IRI = "http://purl.org/dc/terms/license";

function bindingFor(rowTypeId: RowTypeId | undefined, iri: string, core: boolean): string | undefined {
  if (iri === LICENSE_IRI) return core || rowTypeId === undefined ? "license" : undefined;
  return MODEL_BINDINGS[iri];
}

/**
 * All GBIF core and extension definitions. Each property's `vocabulary` is GBIF's binding, or ours
 * (see {@link vocabularyIdFor}).
 *
 * @example getRowType("occurrence")?.rowType === "http://rs.tdwg.org/dwc/terms/Occurrence"
 */
export const rowTypes: readonly RowTypeDef[] = ROW_TYPE_ROWS.map((r) => ({
  id: r.id,
  name: r.name,
  rowType: termIri(r.rowType),
  title: r.title,
  issued: r.issued,
  core: r.core,
  properties: r.properties.map((p): PropertyDef => {
    const vocabulary = p[5] || bindingFor(r.id, p[1], r.core);
    return {
      name: termName(p[0]),
      iri: termIri(p[1]),
      group: p[2],
      type: p[3],
      required: p[4] === 1,
      ...(vocabulary ? { vocabulary } : {}),
    };
  }),
}));

const byId = new Map(rowTypes.map((r) => [r.id, r]));

/** A definition by id: `occurrence`, `event`, `taxon`, `measurementorfact`, `extendedmeasurementorfact`,
 * `multimedia`, `vernacularname`, `references`, `resourcerelationship`, `identification`, `distribution`,
 * `description`, `speciesprofile`, `typesandspecimen`, `identifier`, `audiovisual`. */
export function getRowType(id: RowTypeId): RowTypeDef | undefined {
  return byId.get(id);
}

/** A property of a definition by name (case-insensitive) or IRI. */
export function getProperty(rowTypeId: RowTypeId, nameOrIri: string): PropertyDef | undefined {
  const def = byId.get(rowTypeId);
  if (!def) return undefined;
  const key = nameOrIri.trim();
  const lower = key.toLowerCase();
  return (
    def.properties.find((p) => p.iri === key || p.name === key) ??
    def.properties.find((p) => p.name.toLowerCase() === lower)
  );
}

/**
 * Id of the vocabulary for a term in a core or extension: GBIF's binding, else ours (sex, lifeStage,
 * countryCode, typeStatus, taxonomicStatus, language, license on cores). For a term that is not a property of
 * the definition, our binding for the Darwin Core term, if any.
 *
 * @example vocabularyIdFor("occurrence", "basisOfRecord") === "basisOfRecord";
 *          vocabularyIdFor("event", "sampleSizeUnit") === "sampleSizeUnit"; vocabularyIdFor("occurrence", "sex") === "sex"
 */
export function vocabularyIdFor(rowTypeId: RowTypeId, term: string): string | undefined {
  const p = getProperty(rowTypeId, term);
  if (p) return p.vocabulary;
  const t = getTerm(term);
  return t
    ? bindingFor(byId.has(rowTypeId) ? rowTypeId : undefined, t.iri, byId.get(rowTypeId)?.core ?? true)
    : undefined;
}
