/**
 * EPSG codes for dwc:geodeticDatum: "a valid code … (in the form Authority:Number) for a Datum, or ellipsoid,
 * or for a CRS appropriate for a 2D geographic coordinate in degrees, or … 'not recorded'"
 * (VALIDATION_GEODETICDATUM_STANDARD). The lists come from the EPSG registry via npm `epsg-index`.
 */
import { EPSG_DATUMS, EPSG_ELLIPSOIDS, EPSG_GEOGRAPHIC_CRS } from "./data/epsg";
import { normalizeKey } from "./vocabulary";

const valid = new Set<number>();
const crsByName = new Map<string, Set<number>>();
for (const [code, name] of EPSG_GEOGRAPHIC_CRS) {
  valid.add(code);
  const key = normalizeKey(name);
  let s = crsByName.get(key);
  if (!s) crsByName.set(key, (s = new Set()));
  s.add(code);
}
for (const [code] of EPSG_DATUMS) valid.add(code);
for (const [code] of EPSG_ELLIPSOIDS) valid.add(code);

const EPSG_CODE = /^EPSG:(\d+)$/;

/** True when `value` is `EPSG:n` for a geographic 2D CRS, a datum or an ellipsoid, or is `not recorded`. */
export function isStandardGeodeticDatum(value: string): boolean {
  if (value === "not recorded") return true;
  const m = EPSG_CODE.exec(value);
  return m !== null && valid.has(Number(m[1]));
}

/** True when `value` is `EPSG:n` for a geographic 2D CRS, datum or ellipsoid. */
export function isEpsgGeodeticCode(value: string): boolean {
  const m = EPSG_CODE.exec(value.trim());
  return m !== null && valid.has(Number(m[1]));
}

/**
 * The standard form of a datum value: `epsg 4326` → `EPSG:4326`; a geographic CRS name ignoring case, spaces and
 * punctuation (`WGS84`, `WGS_84`, `WGS 84` → `EPSG:4326`; `GDA2020` → `EPSG:7844`). Undefined when unknown or
 * ambiguous.
 */
export function standardizeGeodeticDatum(value: string): string | undefined {
  const v = value.trim();
  const code = /^epsg\s*[:\s]\s*(\d+)$/i.exec(v);
  if (code) return valid.has(Number(code[1])) ? `EPSG:${Number(code[1])}` : undefined;
  if (v.toLowerCase() === "not recorded") return "not recorded";
  const codes = crsByName.get(normalizeKey(v));
  return codes && codes.size === 1 ? `EPSG:${[...codes][0]}` : undefined;
}
