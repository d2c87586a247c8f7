/**
 * BDQ tests of controlled values: *_STANDARD (is the value in the source authority?) and *_STANDARDIZED (propose
 * the standard value). The authorities are embedded (see `data/`); a `sourceAuthority` parameter naming another
 * service cannot be consulted offline and gives EXTERNAL_PREREQUISITES_NOT_MET.
 */
import { interpretCountryCode, isCountryCode } from "../countries";
import {
  basisOfRecordVocabulary,
  degreeOfEstablishmentVocabulary,
  establishmentMeansVocabulary,
  pathwayVocabulary,
  sexVocabulary,
  taxonRankVocabulary,
  typeStatusVocabulary,
  typeVocabulary,
} from "../data/vocabularies";
import { isStandardGeodeticDatum, standardizeGeodeticDatum } from "../epsg";
import {
  amended,
  filledIn,
  externalPrerequisitesNotMet,
  internalPrerequisitesNotMet,
  notAmended,
  validation,
} from "../response";
import type { BdqParameters, BdqResponse, BdqTestFunction } from "../types";
import { get, isEmpty } from "../values";
import { buildVocabulary, type BdqVocabulary } from "../vocabulary";

/**
 * True when `sourceAuthority` is empty (the default) or names the embedded authority. Any other value, such as a
 * web service URL, names an authority this offline implementation cannot consult.
 */
export function authorityAvailable(parameters: BdqParameters, accepted: RegExp): boolean {
  const v = parameters.sourceAuthority;
  return v === undefined || isEmpty(v) || accepted.test(v);
}

const unavailable = (): BdqResponse => externalPrerequisitesNotMet("bdqval:sourceAuthority is not available offline");

/** The prefixed name of an unprefixed record key. */
export const prefixed = (term: string): string =>
  term === "type" ? "dc:type" : term === "license" ? "dcterms:license" : `dwc:${term}`;

function standard(term: string, isStandard: (v: string) => boolean, accepted: RegExp): BdqTestFunction {
  const name = prefixed(term);
  return (record, parameters) => {
    if (!authorityAvailable(parameters, accepted)) return unavailable();
    const v = get(record, term);
    if (isEmpty(v)) return internalPrerequisitesNotMet(`${name} is bdqval:Empty`);
    return validation(isStandard(v), `${name} is in the source authority`, `${name} is not in the source authority`);
  };
}

function standardized(
  term: string,
  isStandard: (v: string) => boolean,
  interpret: (v: string) => string | undefined,
  accepted: RegExp
): BdqTestFunction {
  const name = prefixed(term);
  return (record, parameters) => {
    if (!authorityAvailable(parameters, accepted)) return unavailable();
    const v = get(record, term);
    if (isEmpty(v)) return internalPrerequisitesNotMet(`${name} is bdqval:Empty`);
    if (isStandard(v)) return notAmended(`${name} is already standard`);
    const to = interpret(v);
    if (to === undefined || to === v) return notAmended(`${name} cannot be unambiguously matched to a standard value`);
    return amended({ [name]: to }, `${name} matched to the standard value ${to}`);
  };
}

function vocabularyPair(term: string, vocabulary: BdqVocabulary, accepted: RegExp): [BdqTestFunction, BdqTestFunction] {
  return [
    standard(term, vocabulary.isStandard, accepted),
    // A label is standard for the validation, but the amendment still proposes the concept value ("especie" →
    // "species"), as the BDQ conformance data expect.
    standardized(term, vocabulary.isValue, vocabulary.standardize, accepted),
  ];
}

const DWC = /darwin\s*core|dwc|tdwg|rs\.gbif\.org|gbif/i;
const GBIF = /gbif/i;

const basisOfRecord = buildVocabulary(basisOfRecordVocabulary, false);
export const [basisOfRecordStandard, basisOfRecordStandardized] = vocabularyPair("basisOfRecord", basisOfRecord, DWC);

const dcType = buildVocabulary(typeVocabulary, false);
export const [dcTypeStandard, dcTypeStandardized] = vocabularyPair("type", dcType, /dcmi|dublin\s*core|purl\.org\/dc/i);

// The GBIF vocabulary server (authority of these tests) accepts a concept's labels as well as its name.
export const [sexStandard, sexStandardized] = vocabularyPair("sex", buildVocabulary(sexVocabulary, true), GBIF);
export const [taxonRankStandard, taxonRankStandardized] = vocabularyPair(
  "taxonRank",
  buildVocabulary(taxonRankVocabulary, true),
  GBIF
);
export const [establishmentMeansStandard, establishmentMeansStandardized] = vocabularyPair(
  "establishmentMeans",
  buildVocabulary(establishmentMeansVocabulary, false),
  DWC
);
export const [degreeOfEstablishmentStandard, degreeOfEstablishmentStandardized] = vocabularyPair(
  "degreeOfEstablishment",
  buildVocabulary(degreeOfEstablishmentVocabulary, false),
  DWC
);
export const [pathwayStandard, pathwayStandardized] = vocabularyPair(
  "pathway",
  buildVocabulary(pathwayVocabulary, false),
  DWC
);

const typeStatusVocab = buildVocabulary(typeStatusVocabulary, true);
/** The status word that starts each `|`-separated part: "Holotype of Aus bus | isotype" → Holotype, isotype. */
const typeStatusWords = (v: string): string[] => v.split("|").map((p) => p.trim().split(/\s+/)[0]);

/** VALIDATION_TYPESTATUS_STANDARD: the first word of each `|`-delimited part is in the vocabulary. */
export const typeStatusStandard: BdqTestFunction = standard(
  "typeStatus",
  (v) => v === v.trim() && typeStatusWords(v).every((w) => typeStatusVocab.isStandard(w)),
  GBIF
);

/** AMENDMENT_TYPESTATUS_STANDARDIZED: standardizes the first word of each `|`-delimited part. */
export const typeStatusStandardized: BdqTestFunction = standardized(
  "typeStatus",
  (v) => v === v.trim() && typeStatusWords(v).every((w) => typeStatusVocab.isValue(w)),
  (v) => {
    const parts = v.split("|").map((p) => p.trim());
    const out: string[] = [];
    for (const p of parts) {
      const [first, ...rest] = p.split(/\s+/);
      const to = typeStatusVocab.isValue(first) ? first : typeStatusVocab.standardize(first);
      if (to === undefined) return undefined;
      out.push([to, ...rest].join(" "));
    }
    return out.join(" | ");
  },
  GBIF
);

const ISO = /iso|3166/i;
export const countryCodeStandard = standard("countryCode", isCountryCode, ISO);
export const countryCodeStandardized = standardized("countryCode", isCountryCode, interpretCountryCode, ISO);

const EPSG = /epsg/i;
export const geodeticDatumStandard = standard("geodeticDatum", isStandardGeodeticDatum, EPSG);
export const geodeticDatumStandardized = standardized(
  "geodeticDatum",
  isStandardGeodeticDatum,
  standardizeGeodeticDatum,
  EPSG
);

const OCCURRENCE_STATUS = /^(present|absent)$/;
const occurrenceStatusSynonyms: Record<string, string> = {
  present: "present",
  presence: "present",
  "1": "present",
  absent: "absent",
  absence: "absent",
  "0": "absent",
};
const OCCURRENCE_STATUS_AUTHORITY = /present|absent|gbif|darwin\s*core|regex/i;
export const occurrenceStatusStandard = standard(
  "occurrenceStatus",
  (v) => OCCURRENCE_STATUS.test(v),
  OCCURRENCE_STATUS_AUTHORITY
);
/** AMENDMENT_OCCURRENCESTATUS_STANDARDIZED: case and white space, presence/absence, and 1/0. */
export const occurrenceStatusStandardized = standardized(
  "occurrenceStatus",
  (v) => OCCURRENCE_STATUS.test(v),
  (v) => occurrenceStatusSynonyms[v.trim().toLowerCase()],
  OCCURRENCE_STATUS_AUTHORITY
);

/**
 * The Creative Commons 4.0 licences and CC0 as IRIs, optionally followed by `deed` or `legalcode` and a
 * translation code (the regular expression given as source authority of VALIDATION_LICENSE_STANDARD).
 */
const CC_LANGUAGES =
  "id|eu|da|de|en|es|fr|fy|hr|it|lv|lt|mi|ni|no|pl|pt|ro|si|fi|sv|tr|cs|el|ru|uk|ar|jp|zh-hans|zh-hant|ko";
const LICENSE = new RegExp(
  `^(https?://creativecommons\\.org/licenses/(by|by-sa|by-nc|by-nc-sa|by-nd|by-nc-nd)/4\\.0/((deed|legalcode)(\\.(${CC_LANGUAGES}))?)?` +
    `|https?://creativecommons\\.org/publicdomain/zero/1\\.0/((deed|legalcode)(\\.(${CC_LANGUAGES}))?)?)$`
);
const CC = /creative\s*commons|creativecommons\.org/i;
export const licenseStandard = standard("license", (v) => LICENSE.test(v), CC);

/**
 * The legal-code IRI a licence name or abbreviation stands for: `CC0`, `CC-BY 4.0`, `CC BY-NC`, "Creative
 * Commons Attribution (CC-BY) 4.0", or a 4.0/CC0 IRI with a wrong scheme or missing slash.
 */
export function interpretLicense(value: string): string | undefined {
  const v = value.trim().toLowerCase();
  const key = v.replace(/creative\s*commons/g, "cc").replace(/[\s_]+/g, "-");
  if (/^(cc-?0|cc-?zero|publicdomain\/zero)/.test(key) || /publicdomain\/zero\/1\.0/.test(v)) {
    return "https://creativecommons.org/publicdomain/zero/1.0/legalcode";
  }
  const m =
    /(?:^|\/|\()cc-?(by(?:-(?:nc|sa|nd))*)(?:-?4(?:\.0)?)?\)?$/.exec(key) ??
    /licenses\/(by(?:-(?:nc|sa|nd))*)\/4\.0/.exec(v);
  if (!m) return undefined;
  const parts = m[1].split("-");
  const order = ["by", "nc", "sa", "nd"];
  if (parts.includes("sa") && parts.includes("nd")) return undefined;
  const code = order.filter((p) => parts.includes(p)).join("-");
  return `https://creativecommons.org/licenses/${code}/4.0/legalcode`;
}

/** AMENDMENT_LICENSE_STANDARDIZED: an empty licence is NOT_AMENDED (the test has no internal prerequisite). */
export const licenseStandardized: BdqTestFunction = (record, parameters) => {
  if (!authorityAvailable(parameters, CC)) return unavailable();
  const v = get(record, "license");
  if (isEmpty(v)) return notAmended("dcterms:license is bdqval:Empty");
  if (LICENSE.test(v)) return notAmended("dcterms:license is already standard");
  const to = interpretLicense(v);
  return to === undefined
    ? notAmended("dcterms:license cannot be unambiguously interpreted as a Creative Commons licence")
    : amended({ "dcterms:license": to }, `dcterms:license interpreted as ${to}`);
};

/**
 * AMENDMENT_OCCURRENCESTATUS_ASSUMEDDEFAULT: an empty occurrenceStatus with no individualCount or
 * organismQuantity is filled with bdqval:defaultOccurrenceStatus ("present"). The conformance data answer
 * NOT_AMENDED (not INTERNAL_PREREQUISITES_NOT_MET) when occurrenceStatus already has a value; we follow them.
 */
export const occurrenceStatusAssumedDefault: BdqTestFunction = (record, parameters) => {
  if (!isEmpty(record.occurrenceStatus)) return notAmended("dwc:occurrenceStatus is bdqval:NotEmpty");
  if (!isEmpty(record.individualCount) || !isEmpty(record.organismQuantity)) {
    return notAmended("dwc:individualCount or dwc:organismQuantity has a value; no status is assumed");
  }
  const value = (parameters.defaultOccurrenceStatus ?? "").trim() || "present";
  return filledIn({ "dwc:occurrenceStatus": value }, `dwc:occurrenceStatus assumed "${value}"`);
};
