/**
 * Suggesting the closest Darwin Core term for a header that is not one: case-insensitive match, a table of
 * common spreadsheet names (`Latitude`, `elevation`, `collector`), then the smallest edit distance.
 */
import { editDistance } from "./text";

/**
 * Common headers and the terms they stand for. Several terms when the intent is ambiguous (an `elevation`
 * column holds either a number, minimumElevationInMeters, or the text as written, verbatimElevation).
 */
const SYNONYMS: Record<string, readonly string[]> = {
  latitude: ["decimalLatitude"],
  lat: ["decimalLatitude"],
  longitude: ["decimalLongitude"],
  long: ["decimalLongitude"],
  lon: ["decimalLongitude"],
  lng: ["decimalLongitude"],
  elevation: ["minimumElevationInMeters", "verbatimElevation"],
  altitude: ["minimumElevationInMeters", "verbatimElevation"],
  alt: ["minimumElevationInMeters", "verbatimElevation"],
  depth: ["minimumDepthInMeters", "verbatimDepth"],
  date: ["eventDate"],
  collectiondate: ["eventDate"],
  observationdate: ["eventDate"],
  time: ["eventTime"],
  species: ["scientificName"],
  taxon: ["scientificName"],
  taxonname: ["scientificName"],
  latinname: ["scientificName"],
  name: ["scientificName"],
  collector: ["recordedBy"],
  collectors: ["recordedBy"],
  observer: ["recordedBy"],
  observers: ["recordedBy"],
  leg: ["recordedBy"],
  determiner: ["identifiedBy"],
  determinedby: ["identifiedBy"],
  det: ["identifiedBy"],
  iso: ["countryCode"],
  region: ["stateProvince"],
  province: ["stateProvince"],
  oblast: ["stateProvince"],
  district: ["county"],
  place: ["locality"],
  site: ["locality"],
  location: ["locality"],
  count: ["individualCount"],
  quantity: ["individualCount", "organismQuantity"],
  number: ["individualCount"],
  abundance: ["organismQuantity"],
  notes: ["occurrenceRemarks"],
  note: ["occurrenceRemarks"],
  remarks: ["occurrenceRemarks"],
  comment: ["occurrenceRemarks"],
  comments: ["occurrenceRemarks"],
  gender: ["sex"],
  author: ["scientificNameAuthorship"],
  authority: ["scientificNameAuthorship"],
  accuracy: ["coordinateUncertaintyInMeters"],
  uncertainty: ["coordinateUncertaintyInMeters"],
  precision: ["coordinatePrecision"],
  datum: ["geodeticDatum"],
  catalognumber: ["catalogNumber"],
  cataloguenumber: ["catalogNumber"],
  specimennumber: ["catalogNumber"],
  barcode: ["catalogNumber"],
  institution: ["institutionCode"],
  collection: ["collectionCode"],
  rank: ["taxonRank"],
  commonname: ["vernacularName"],
  vernacular: ["vernacularName"],
  stage: ["lifeStage"],
  basis: ["basisOfRecord"],
  licence: ["license"],
  // Russian headers seen in curators' sheets.
  широта: ["decimalLatitude"],
  долгота: ["decimalLongitude"],
  высота: ["minimumElevationInMeters", "verbatimElevation"],
  дата: ["eventDate"],
  вид: ["scientificName"],
  таксон: ["scientificName"],
  сборщик: ["recordedBy"],
  коллектор: ["recordedBy"],
  определил: ["identifiedBy"],
  страна: ["country"],
  регион: ["stateProvince"],
  область: ["stateProvince"],
  район: ["county"],
  местонахождение: ["locality"],
  местообитание: ["habitat"],
  количество: ["individualCount"],
  примечание: ["occurrenceRemarks"],
  пол: ["sex"],
};

/** Lower case without spaces, underscores, hyphens, dots and `dwc:`-style prefixes. */
export function normaliseHeader(h: string): string {
  const colon = h.indexOf(":");
  const s = colon >= 0 && colon < 8 ? h.slice(colon + 1) : h;
  return s.toLowerCase().replace(/[\s_\-.()/]+/g, "");
}

/** Suggests terms for headers, given every known term name. */
export interface HeaderMatcher {
  /** The term a header names exactly, if any. */
  exact(header: string): string | undefined;
  /** The term a header names up to case and separators (`scientific_name` → `scientificName`). */
  loose(header: string): string | undefined;
  /** Suggested terms for an unknown header, best first; empty when nothing is close. */
  suggest(header: string): string[];
}

/** Builds a {@link HeaderMatcher} over the known term names (Darwin Core and the extensions' properties). */
export function createHeaderMatcher(names: Iterable<string>): HeaderMatcher {
  const exactSet = new Set<string>();
  const byNorm = new Map<string, string>();
  for (const n of names) {
    exactSet.add(n);
    const k = normaliseHeader(n);
    if (!byNorm.has(k)) byNorm.set(k, n);
  }
  const all = [...byNorm.entries()];
  return {
    exact: (h) => (exactSet.has(h) ? h : undefined),
    loose: (h) => (exactSet.has(h) ? h : byNorm.get(normaliseHeader(h))),
    suggest(h) {
      const k = normaliseHeader(h);
      if (!k) return [];
      const hit = byNorm.get(k);
      if (hit) return [hit];
      const syn = SYNONYMS[k];
      if (syn) return syn.filter((s) => exactSet.has(s));
      const max = k.length <= 4 ? 1 : k.length <= 10 ? 2 : 3;
      let best = max + 1;
      let found: string[] = [];
      for (const [norm, name] of all) {
        const d = editDistance(k, norm, best);
        if (d < best) {
          best = d;
          found = [name];
        } else if (d === best && d <= max) found.push(name);
      }
      return best <= max ? found.slice(0, 3) : [];
    },
  };
}
