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
