/** Geography rules: coordinates against the stated country and the sea (once the boundary pack is loaded), swapped coordinates. */
import { countriesAt, countryContains } from "./bdq/geometry";
import { makeIssue } from "./issue";
import { RULE } from "./rules";
import type { CellChange, Issue } from "./types";
import { type SheetPlan, textOf, txt } from "./plan";
/** Buffer around a country's territory (land plus 12 nautical miles) within which a point counts as inside. */
export const COUNTRY_BUFFER_METERS = 3000;
export const GEO_CACHE_LIMIT = 200_000;
export const insideCache = new Map<string, Map<number, boolean | undefined>>();
export const seaCache = new Map<number, boolean>();

/** Grid key at the geometry pack's resolution (thousandths of a degree), so caching does not change answers. */
export const geoKey = (lat: number, lon: number): number => (Math.round(lat * 1000) + 90000) * 360001 + (Math.round(lon * 1000) + 180000);

export function inCountry(code: string, lat: number, lon: number): boolean | undefined {
  let m = insideCache.get(code);
  if (!m) insideCache.set(code, (m = new Map()));
  const k = geoKey(lat, lon);
  if (m.has(k)) return m.get(k);
  if (m.size > GEO_CACHE_LIMIT) m.clear();
  const v = countryContains(code, lat, lon, COUNTRY_BUFFER_METERS);
  m.set(k, v);
  return v;
}

export function atSea(lat: number, lon: number): boolean {
  const k = geoKey(lat, lon);
  let v = seaCache.get(k);
  if (v === undefined) {
    if (seaCache.size > GEO_CACHE_LIMIT) seaCache.clear();
    v = countriesAt(lat, lon, COUNTRY_BUFFER_METERS).length === 0;
    seaCache.set(k, v);
  }
  return v;
}

/**
 * With the BDQ geometry pack loaded: coordinates outside the stated country (or inside it once swapped), and
 * coordinates at sea for a record that does not say it is aquatic (no waterBody, no depth).
 */
export function geographyRules(plan: SheetPlan, row: number, la: number, lo: number, lat: number, lon: number, out: Issue[]): void {
  const at = plan.at;
  const a = textOf(plan, la);
  const b = textOf(plan, lo);
  if (at.countryCode >= 0) {
    const code = textOf(plan, at.countryCode).trim().toUpperCase();
    if (code.length === 2 && inCountry(code, lat, lon) === false) {
      if (Math.abs(lon) <= 90 && inCountry(code, lon, lat) === true) {
        swappedIssue(plan, row, la, lo, code, out);
        return;
      }
      out.push(makeIssue(RULE.coordinatesCountry, plan.name, row, la, "decimalLatitude", `${a}, ${b}`, txt(`Coordinates ${a}, ${b} lie outside the stated country ${code}`, `Координаты ${a}, ${b} лежат вне указанной страны ${code}`)));
      return;
    }
  }
  const aquatic = (at.waterBody >= 0 && plan.texts[at.waterBody] !== "") || (at.minDepth >= 0 && plan.texts[at.minDepth] !== "") || (at.maxDepth >= 0 && plan.texts[at.maxDepth] !== "");
  if (!aquatic && atSea(lat, lon)) {
    out.push(makeIssue(RULE.coordinatesSea, plan.name, row, la, "decimalLatitude", `${a}, ${b}`, txt(`Coordinates ${a}, ${b} are at sea, more than 12 nautical miles from any coast; if the record is aquatic, fill waterBody`, `Координаты ${a}, ${b} в море, дальше 12 морских миль от берега; если находка водная, заполните waterBody`)));
  }
}

export function swappedIssue(plan: SheetPlan, row: number, la: number, lo: number, country: string, out: Issue[]): void {
  const sheet = plan.name;
  {
    const a = textOf(plan, la);
    const b = textOf(plan, lo);
    const changes: CellChange[] = [
      { sheet, row, column: la, term: "decimalLatitude", from: a, to: b },
      { sheet, row, column: lo, term: "decimalLongitude", from: b, to: a },
    ];
    out.push(
      makeIssue(RULE.coordinatesSwapped, sheet, row, la, "decimalLatitude", `${a}, ${b}`, country ? txt(`Latitude ${a} and longitude ${b} look swapped: swapped, they fall in ${country}`, `Широта ${a} и долгота ${b}, похоже, перепутаны местами: после обмена точка попадает в ${country}`) : txt(`Latitude ${a} and longitude ${b} look swapped`, `Широта ${a} и долгота ${b}, похоже, перепутаны местами`), {
        label: txt("Swap latitude and longitude", "Поменять широту и долготу местами"),
        changes,
      }),
    );
  }
}

