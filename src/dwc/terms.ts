/** The current Darwin Core terms (generated from tdwg/dwc term_versions.csv) and look-up by name or IRI. */
import { TERM_ROWS } from "./generated/terms";
import type { TermDef } from "./types";
import { termIri, termName } from "./types";

export { DWC_RELEASE } from "./generated/terms";

/**
 * Every current Darwin Core term, classes included, in the standard's order. Names are not unique across
 * namespaces: `language` exists as dc: and dcterms:, and most dwc: terms have a dwciri: twin
 * (`http://rs.tdwg.org/dwc/iri/recordedBy`).
 *
 * @example terms.find((t) => t.name === "eventDate")?.iri === "http://rs.tdwg.org/dwc/terms/eventDate"
 */
export const terms: readonly TermDef[] = TERM_ROWS.map((r) => ({
  name: termName(r[0]),
  iri: termIri(r[1]),
  label: r[2],
  definition: r[3],
  comments: r[4],
  examples: [...r[5]],
  classIri: r[6],
  block: r[7],
  issued: r[8],
  simple: r[9] === 1,
  rdfType: r[10],
}));

const IRI_NAMESPACE = "http://rs.tdwg.org/dwc/iri/";

/** Preference when several terms share a name: Simple DwC first, then literal-valued (not dwciri:), then order. */
function rank(t: TermDef): number {
  return (t.simple ? 0 : 2) + (t.iri.startsWith(IRI_NAMESPACE) ? 1 : 0);
}

const byIri = new Map<string, TermDef>();
const byName = new Map<string, TermDef>();
const byLowerName = new Map<string, TermDef>();
for (const t of terms) {
  byIri.set(t.iri, t);
  const current = byName.get(t.name);
  if (!current || rank(t) < rank(current)) byName.set(t.name, t);
}
for (const t of byName.values()) if (!byLowerName.has(t.name.toLowerCase())) byLowerName.set(t.name.toLowerCase(), t);

/**
 * A term by IRI (`http://purl.org/dc/terms/language`) or by name (`language` -> the Simple DwC
 * `http://purl.org/dc/elements/1.1/language`; `recordedBy` -> the dwc: term, not dwciri:). Also accepts the
 * prefixed forms `dwc:eventDate`, `dc:type`, `dcterms:modified`, `dwciri:recordedBy`. Names are matched exactly
 * first, then case-insensitively.
 */
export function getTerm(nameOrIri: string): TermDef | undefined {
  const key = nameOrIri.trim();
  const prefixed = /^(dwc|dwciri|dc|dcterms):(.+)$/.exec(key);
  if (prefixed) {
    const ns: Record<string, string> = {
      dwc: "http://rs.tdwg.org/dwc/terms/",
      dwciri: IRI_NAMESPACE,
      dc: "http://purl.org/dc/elements/1.1/",
      dcterms: "http://purl.org/dc/terms/",
    };
    return byIri.get(ns[prefixed[1]] + prefixed[2]);
  }
  return byIri.get(key) ?? byName.get(key) ?? byLowerName.get(key.toLowerCase());
}

/** Namespaces of the qualified names real archives carry in their headers (`dcterms:type`, `ac:accessURI`). */
export const TERM_PREFIXES: Readonly<Record<string, string>> = {
  dwc: "http://rs.tdwg.org/dwc/terms/",
  dwciri: IRI_NAMESPACE,
  dc: "http://purl.org/dc/elements/1.1/",
  dcterms: "http://purl.org/dc/terms/",
  ac: "http://rs.tdwg.org/ac/terms/",
  obis: "http://rs.iobis.org/obis/terms/",
  gbif: "http://rs.gbif.org/terms/1.0/",
  ggbn: "http://data.ggbn.org/schemas/ggbn/terms/",
  eol: "http://eol.org/schema/",
  xmp: "http://ns.adobe.com/xap/1.0/",
  xmprights: "http://ns.adobe.com/xap/1.0/rights/",
  exif: "http://ns.adobe.com/exif/1.0/",
  iptc4xmpext: "http://iptc.org/std/Iptc4xmpExt/2008-02-29/",
  foaf: "http://xmlns.com/foaf/0.1/",
  bibo: "http://purl.org/ontology/bibo/",
};

/**
 * The term IRI a header names, if it names one outside a core's or extension's own properties: a full IRI as it
 * stands (`http://rs.iobis.org/obis/terms/measurementTypeID`), a qualified name with a known prefix (`dcterms:rights`
 * → `http://purl.org/dc/terms/rights`), or a Darwin Core or Dublin Core term name. Undefined for any other header.
 *
 * @example headerTermIri("obis:measurementTypeID") === "http://rs.iobis.org/obis/terms/measurementTypeID"
 */
export function headerTermIri(header: string): string | undefined {
  const h = header.replace(/^\uFEFF/, "").trim();
  if (/^https?:\/\/\S+[^/#]$/i.test(h)) return h;
  const q = /^([A-Za-z][\w-]*):([A-Za-z_][\w.-]*)$/.exec(h);
  if (q) {
    const prefix = q[1].toLowerCase();
    const ns = TERM_PREFIXES[prefix];
    if (!ns) return undefined;
    // Darwin Core and Dublin Core are known whole: `dwc:nonsense` is no term. Other vocabularies are taken as named.
    if (prefix === "dwc" || prefix === "dwciri" || prefix === "dc" || prefix === "dcterms") return byIri.get(ns + q[2])?.iri;
    return ns + q[2];
  }
  const term = getTerm(h);
  return term && term.rdfType === "property" ? term.iri : undefined;
}

/**
 * Where the original of a rewritten value goes: Darwin Core's verbatim terms. A fix (src/validate) and a
 * standardisation (src/standardise) both keep what was written there.
 */
export const VERBATIM_OF: Readonly<Record<string, string>> = {
  eventDate: "verbatimEventDate",
  decimalLatitude: "verbatimLatitude",
  decimalLongitude: "verbatimLongitude",
  locality: "verbatimLocality",
  minimumElevationInMeters: "verbatimElevation",
  maximumElevationInMeters: "verbatimElevation",
  minimumDepthInMeters: "verbatimDepth",
  maximumDepthInMeters: "verbatimDepth",
  taxonRank: "verbatimTaxonRank",
};
