/**
 * Term look-up for header names, used where an archive has no meta.xml: a full IRI as is, a known Darwin Core
 * or Dublin Core term name (exact, then case-insensitive: GBIF downloads write `occurrenceid`) as its IRI, and
 * any other header as it stands, so that nothing is lost.
 */
import { getTerm } from "../dwc/terms";

/** @example termIriForHeader("modified") === "http://purl.org/dc/terms/modified" */
export function termIriForHeader(header: string): string {
  const name = header.trim();
  if (/^https?:\/\//.test(name)) return name;
  return getTerm(name)?.iri ?? name;
}
