/** BDQ tests of scientific names that need no taxonomic authority. */
import { compliant, internalPrerequisitesNotMet, notCompliant, validation } from "../response";
import type { BdqTestFunction } from "../types";
import { get, isEmpty } from "../values";

/** Rank markers and qualifiers that stand between the epithets of a polynomial. */
const MARKERS = new Set([
  "ssp.",
  "ssp",
  "subsp.",
  "subsp",
  "var.",
  "var",
  "subvar.",
  "f.",
  "fo.",
  "forma",
  "subf.",
  "cv.",
  "nothosubsp.",
  "nothovar.",
  "aff.",
  "cf.",
  "nr.",
  "?",
  "sp.",
  "spp.",
  "agg.",
  "×",
  "x",
]);

/** Genus, species epithet and terminal infraspecific epithet of a scientific name (authorship dropped). */
export function polynomialParts(name: string): { genus: string; species: string; infraspecific: string } {
  const tokens = name.trim().split(/\s+/);
  const genus = tokens[0] ?? "";
  let i = 1;
  if (tokens[i]?.startsWith("(")) i++; // subgenus, e.g. "Aus (Bus) cus"
  const epithets: string[] = [];
  for (; i < tokens.length; i++) {
    const t = tokens[i];
    if (MARKERS.has(t.toLowerCase())) continue;
    if (!/^[\p{Ll}][\p{Ll}-]*$/u.test(t)) break; // authorship or anything not an epithet
    epithets.push(t);
  }
  return { genus, species: epithets[0] ?? "", infraspecific: epithets.length > 1 ? epithets[epithets.length - 1] : "" };
}

/**
 * VALIDATION_POLYNOMIAL_CONSISTENT: genericName, specificEpithet and infraspecificEpithet, where given, are the
 * first word, the species epithet and the terminal infraspecific epithet of scientificName.
 */
export const polynomialConsistent: BdqTestFunction = (record) => {
  const name = get(record, "scientificName");
  const genus = get(record, "genericName");
  const species = get(record, "specificEpithet");
  const infra = get(record, "infraspecificEpithet");
  if (isEmpty(name)) return internalPrerequisitesNotMet("dwc:scientificName is bdqval:Empty");
  if (isEmpty(genus) && isEmpty(species) && isEmpty(infra)) {
    return internalPrerequisitesNotMet(
      "dwc:genericName, dwc:specificEpithet and dwc:infraspecificEpithet are bdqval:Empty"
    );
  }
  const parts = polynomialParts(name);
  const problems: string[] = [];
  if (!isEmpty(genus) && genus.trim() !== parts.genus) problems.push("dwc:genericName");
  if (!isEmpty(species) && species.trim() !== parts.species) problems.push("dwc:specificEpithet");
  if (!isEmpty(infra) && infra.trim() !== parts.infraspecific) problems.push("dwc:infraspecificEpithet");
  return problems.length === 0
    ? compliant("dwc:scientificName is consistent with its atomic parts")
    : notCompliant(`dwc:scientificName is not consistent with ${problems.join(", ")}`);
};

const LSID = /^urn:lsid:[^:\s]+:[^:\s]+:[^:\s]+(?::[^:\s]+)?$/i;
const URN = /^urn:[a-z0-9][a-z0-9-]{0,31}:\S+$/i;
/** A URI with a host and a path; the path must hold more than "/" (checked apart, to keep the pattern linear). */
const URI = /^[a-z][a-z0-9+.-]*:\/\/[^/\s?#]+\/(\S*)$/i;
const isUriWithPath = (s: string): boolean => {
  const m = URI.exec(s);
  return m !== null && /[^/]/.test(m[1]);
};
/**
 * scope:value, e.g. `gbif:2435099`. The value must hold a digit: identifiers are codes, while `dwc:scientificName`
 * (a term name in CURIE form) identifies no taxon.
 */
const SCOPED = /^[a-z][\w.-]*:[^\s:/]*\d[^\s]*$/i;

/** VALIDATION_SCIENTIFICNAMEID_COMPLETE: an LSID, a URN, a URI with host and path, or scope:value. */
export const scientificNameIdComplete: BdqTestFunction = (record) => {
  const v = get(record, "scientificNameID");
  if (isEmpty(v)) return internalPrerequisitesNotMet("dwc:scientificNameID is bdqval:Empty");
  const t = v.trim();
  return validation(
    LSID.test(t) || URN.test(t) || isUriWithPath(t) || SCOPED.test(t),
    "dwc:scientificNameID is a complete identifier",
    "dwc:scientificNameID is not an LSID, URN, URI with a path, or scope:value identifier"
  );
};
