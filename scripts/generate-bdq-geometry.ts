/**
 * Generates the geometry pack of the BDQ spatial tests: `src/validate/bdq/data/countries-eez.json` (committed,
 * loaded lazily by `loadBdqGeometry()`), the land territory plus exclusive economic zone of every country, keyed
 * by ISO 3166-1 alpha-2 code.
 *
 * Source: npm `@geo-maps/countries-maritime-10km` 0.6.0: country borders including maritime (EEZ) borders from
 * OpenStreetMap, simplified to 10 km; data © OpenStreetMap contributors, ODbL 1.0 (package code MIT). Property
 * `A3` = ISO 3166-1 alpha-3.
 *
 * Format (compact): `{ "AU": [[minLon, minLat, maxLon, maxLat], ring, ring, …], … }`, where each ring is a flat
 * list of integers in thousandths of a degree, delta-encoded: [lon0, lat0, dLon1, dLat1, …]. Holes are rings like
 * the others; point-in-polygon uses the even-odd rule over all rings of a country.
 *
 * Run: `npx ts-node --transpile-only scripts/generate-bdq-geometry.ts` (after generate-bdq-data.ts).
 */
import * as fs from "fs";
import * as path from "path";
import { ISO_COUNTRIES } from "../src/validate/bdq/data/countries";

type Position = [number, number];
interface Feature {
  properties: { A3: string };
  geometry: { type: "Polygon"; coordinates: Position[][] } | { type: "MultiPolygon"; coordinates: Position[][][] };
}

const SCALE = 1000;
const root = path.resolve(__dirname, "..");
const geojson = require("@geo-maps/countries-maritime-10km/map.geo.json") as { features: Feature[] };

const alpha3To2 = new Map<string, string>();
for (const [a2, a3] of ISO_COUNTRIES) if (a3) alpha3To2.set(a3, a2);
// Kosovo has no ISO code; XK is the user-assigned code GBIF and the EU use.
alpha3To2.set("XKX", "XK");
// The rs.gbif.org ISO list has no alpha-3 for the Isle of Man.
if (!alpha3To2.has("IMN")) alpha3To2.set("IMN", "IM");

const out: Record<string, number[][]> = {};
const skipped: string[] = [];
for (const f of geojson.features) {
  const a2 = alpha3To2.get(f.properties.A3);
  if (!a2) {
    skipped.push(f.properties.A3);
    continue;
  }
  const polygons = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  const entry = out[a2] ?? (out[a2] = [[Infinity, Infinity, -Infinity, -Infinity]]);
  const bbox = entry[0];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const flat: number[] = [];
      let px = 0;
      let py = 0;
      let n = 0;
      for (const [lon, lat] of ring) {
        const x = Math.round(lon * SCALE);
        const y = Math.round(lat * SCALE);
        if (n > 0 && x === px && y === py) continue;
        flat.push(x - px, y - py);
        px = x;
        py = y;
        n++;
        bbox[0] = Math.min(bbox[0], x);
        bbox[1] = Math.min(bbox[1], y);
        bbox[2] = Math.max(bbox[2], x);
        bbox[3] = Math.max(bbox[3], y);
      }
      if (n >= 3) entry.push(flat);
    }
  }
}
const file = path.join(root, "src/validate/bdq/data/countries-eez.json");
const text = JSON.stringify(out);
fs.writeFileSync(file, text);
console.log(
  `wrote ${path.relative(root, file)}: ${Object.keys(out).length} countries, ${text.length} bytes; skipped ${skipped.join(" ") || "none"}`
);
