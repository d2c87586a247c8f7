/** BDQ tests of depth and elevation: ranges, min ≤ max, and amendments from verbatimDepth/verbatimElevation. */
import { filledIn, internalPrerequisitesNotMet, notAmended, validation } from "../response";
import type { BdqTestFunction } from "../types";
import { formatDecimal, get, isEmpty, param, toNumber } from "../values";

function inRange(
  term: string,
  minParam: string,
  maxParam: string,
  defaults: [number, number],
  nonNegative: boolean
): BdqTestFunction {
  return (record, parameters) => {
    const v = get(record, term);
    if (isEmpty(v)) return internalPrerequisitesNotMet(`dwc:${term} is bdqval:Empty`);
    const n = toNumber(v);
    if (Number.isNaN(n)) return internalPrerequisitesNotMet(`dwc:${term} is not a number`);
    if (nonNegative && n < 0) return internalPrerequisitesNotMet(`dwc:${term} is not zero or a positive number`);
    const min = toNumber(param(parameters, minParam, String(defaults[0])));
    const max = toNumber(param(parameters, maxParam, String(defaults[1])));
    return validation(
      n >= min && n <= max,
      `dwc:${term} is in range ${min}..${max}`,
      `dwc:${term} is outside ${min}..${max}`
    );
  };
}

export const minDepthInRange = inRange(
  "minimumDepthInMeters",
  "minimumValidDepthInMeters",
  "maximumValidDepthInMeters",
  [0, 11000],
  true
);
export const maxDepthInRange = inRange(
  "maximumDepthInMeters",
  "minimumValidDepthInMeters",
  "maximumValidDepthInMeters",
  [0, 11000],
  true
);
export const minElevationInRange = inRange(
  "minimumElevationInMeters",
  "minimumValidElevationInMeters",
  "maximumValidElevationInMeters",
  [-430, 8850],
  false
);
export const maxElevationInRange = inRange(
  "maximumElevationInMeters",
  "minimumValidElevationInMeters",
  "maximumValidElevationInMeters",
  [-430, 8850],
  false
);

function minLessThanMax(minTerm: string, maxTerm: string, nonNegative: boolean): BdqTestFunction {
  return (record) => {
    const min = toNumber(get(record, minTerm));
    const max = toNumber(get(record, maxTerm));
    if (Number.isNaN(min) || Number.isNaN(max)) {
      return internalPrerequisitesNotMet(`dwc:${minTerm} or dwc:${maxTerm} is bdqval:Empty or not a number`);
    }
    if (nonNegative && (min < 0 || max < 0)) {
      return internalPrerequisitesNotMet(`dwc:${minTerm} or dwc:${maxTerm} is not zero or a positive number`);
    }
    return validation(min <= max, `dwc:${minTerm} ≤ dwc:${maxTerm}`, `dwc:${minTerm} > dwc:${maxTerm}`);
  };
}

export const minDepthLessThanMaxDepth = minLessThanMax("minimumDepthInMeters", "maximumDepthInMeters", true);
export const minElevationLessThanMaxElevation = minLessThanMax(
  "minimumElevationInMeters",
  "maximumElevationInMeters",
  false
);

/** Metres per unit, by the unit words found in verbatim depths and elevations. */
const UNITS: Record<string, number> = {
  m: 1,
  meter: 1,
  meters: 1,
  metre: 1,
  metres: 1,
  mts: 1,
  м: 1,
  метров: 1,
  km: 1000,
  kilometer: 1000,
  kilometers: 1000,
  kilometre: 1000,
  kilometres: 1000,
  ft: 0.3048,
  foot: 0.3048,
  feet: 0.3048,
  "'": 0.3048,
  yd: 0.9144,
  yds: 0.9144,
  yard: 0.9144,
  yards: 0.9144,
  ftm: 1.8288,
  fm: 1.8288,
  fathom: 1.8288,
  fathoms: 1.8288,
};

const QUANTITY =
  /(\d+(?:\.\d+)?)\s*(m|meters?|metres?|mts|km|kilomet(?:er|re)s?|ft|feet|foot|'|yds?|yards?|ftm|fm|fathoms?|м|метров)?(?![\p{L}\d])/giu;

/**
 * Reads one value or a range with units from verbatim text: `100 m`, `10 feet`, `25.8-34.9m`, `1500 to 1800 ft`,
 * `Mindepth 10m, maxdepth=100m`. The unit must be written (once for a range is enough). Words are otherwise
 * ignored; more than two numbers, mixed units or a minimum above the maximum give undefined. Conversions keep
 * the digits the factor adds (10 ftm → 18.288).
 */
export function parseVerbatimRange(text: string): { min: number; max: number } | undefined {
  const values: { n: number; unit: string | undefined }[] = [];
  const lead = /^\s*-\s*\d/.test(text) ? -1 : 1;
  for (const m of text.matchAll(QUANTITY)) values.push({ n: Number(m[1]), unit: m[2]?.toLowerCase() });
  if (values.length === 0 || values.length > 2) return undefined;
  values[0].n *= lead;
  const units = new Set(values.map((v) => v.unit).filter((u): u is string => u !== undefined));
  const factors = new Set([...units].map((u) => UNITS[u]));
  if (factors.size !== 1) return undefined;
  const factor = [...factors][0];
  const [a, b] = [values[0].n * factor, (values[1] ?? values[0]).n * factor];
  if (a > b) return undefined;
  return { min: a, max: b };
}

function fromVerbatim(verbatimTerm: string, minTerm: string, maxTerm: string): BdqTestFunction {
  return (record) => {
    if (!isEmpty(record[minTerm]) || !isEmpty(record[maxTerm])) {
      return internalPrerequisitesNotMet(`dwc:${minTerm} or dwc:${maxTerm} is bdqval:NotEmpty`);
    }
    const v = get(record, verbatimTerm);
    if (isEmpty(v)) return internalPrerequisitesNotMet(`dwc:${verbatimTerm} is bdqval:Empty`);
    const range = parseVerbatimRange(v);
    if (!range) return notAmended(`dwc:${verbatimTerm} cannot be unambiguously interpreted as metres`);
    return filledIn(
      { [`dwc:${minTerm}`]: formatDecimal(range.min), [`dwc:${maxTerm}`]: formatDecimal(range.max) },
      `dwc:${minTerm} and dwc:${maxTerm} interpreted from dwc:${verbatimTerm}`
    );
  };
}

export const depthFromVerbatim = fromVerbatim("verbatimDepth", "minimumDepthInMeters", "maximumDepthInMeters");
export const elevationFromVerbatim = fromVerbatim(
  "verbatimElevation",
  "minimumElevationInMeters",
  "maximumElevationInMeters"
);
