/**
 * Drawing the map: an equirectangular projection (standard parallel at the middle of the view, so that northern
 * datasets are not stretched sideways) fitted to a box with a margin, the basemap's country outlines as one SVG
 * path, the points as one path per colour, and the nearest point to a click. Pure.
 */
import type { GeoBox, PointTier } from "./aggregate";

/** What is drawn of a point. */
export interface Placed {
  lat: number;
  lon: number;
  tier: PointTier;
}

/** A country outline: bounding box and rings in thousandths of a degree ([lon, lat, lon, lat, …], absolute). */
export interface Outline {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  rings: readonly ArrayLike<number>[];
}

/** A projection fitted to a view. */
export interface MapView {
  width: number;
  height: number;
  /** The box shown (the data's box with its margin, widened to the view's shape). */
  box: GeoBox;
  x(lon: number): number;
  y(lat: number): number;
}

/** Smallest span shown, in degrees (a single point still gets a readable neighbourhood). */
const MIN_SPAN = 2;

/**
 * Fits the box (plus `margin` of its size on each side) into width × height.
 *
 * @example fitView({ west: 30, south: 60, east: 40, north: 70 }, 300, 200).x(35) // 150
 */
export function fitView(data: GeoBox, width: number, height: number, margin = 0.1): MapView {
  const midLat = (data.south + data.north) / 2;
  const k = Math.cos((Math.max(-70, Math.min(70, midLat)) * Math.PI) / 180);
  let w = Math.max(MIN_SPAN, data.east - data.west) * (1 + 2 * margin);
  let h = Math.max(MIN_SPAN, data.north - data.south) * (1 + 2 * margin);
  // Degrees of longitude count k times a degree of latitude on screen.
  if (w * k * height > h * width) h = (w * k * height) / width;
  else w = (h * width) / (height * k);
  const cx = (data.west + data.east) / 2;
  const cy = midLat;
  const box = { west: cx - w / 2, east: cx + w / 2, south: cy - h / 2, north: cy + h / 2 };
  const sx = width / w;
  const sy = height / h;
  return { width, height, box, x: (lon) => (lon - box.west) * sx, y: (lat) => (box.north - lat) * sy };
}

const r1 = (n: number): string => (Math.round(n * 10) / 10).toString();

/**
 * The outlines that reach into the view as one path (`d`), each vertex rounded to a tenth of a pixel and vertices
 * that fall on the same pixel as the previous one dropped, so a whole country costs a few hundred points.
 */
export function outlinePath(outlines: readonly Outline[], view: MapView, scale = 1000): string {
  const b = view.box;
  const parts: string[] = [];
  for (const o of outlines) {
    if (o.maxX / scale < b.west || o.minX / scale > b.east || o.maxY / scale < b.south || o.minY / scale > b.north) continue;
    for (const ring of o.rings) {
      let lastX = NaN;
      let lastY = NaN;
      let n = 0;
      let d = "";
      for (let i = 0; i + 1 < ring.length; i += 2) {
        const x = view.x(ring[i] / scale);
        const y = view.y(ring[i + 1] / scale);
        if (Math.abs(x - lastX) < 0.7 && Math.abs(y - lastY) < 0.7) continue;
        d += `${n === 0 ? "M" : "L"}${r1(x)} ${r1(y)}`;
        lastX = x;
        lastY = y;
        n++;
      }
      if (n >= 3) parts.push(d + "Z");
    }
  }
  return parts.join("");
}

/** One path per colour: a circle of radius `r` per point (`M` + two arcs), the count per colour. */
export function pointPaths(points: readonly Placed[], view: MapView, r: number): Record<PointTier, { d: string; count: number }> {
  const out: Record<PointTier, { d: string; count: number }> = {
    blocker: { d: "", count: 0 },
    error: { d: "", count: 0 },
    warning: { d: "", count: 0 },
    none: { d: "", count: 0 },
  };
  const seen: Record<PointTier, Set<string>> = { blocker: new Set(), error: new Set(), warning: new Set(), none: new Set() };
  const arc = `a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
  for (const p of points) {
    const o = out[p.tier];
    o.count++;
    const x = r1(view.x(p.lon) - r);
    const y = r1(view.y(p.lat));
    // Records at the same place are drawn once (a site visited a hundred times is one dot).
    const k = `${x} ${y}`;
    if (seen[p.tier].has(k)) continue;
    seen[p.tier].add(k);
    o.d += `M${k}${arc}`;
  }
  return out;
}

/**
 * The point nearest to (x, y) within `radius` pixels, the worst tier winning among points at the same place;
 * undefined when none is that close.
 */
export function nearestPoint<P extends Placed>(points: readonly P[], view: MapView, x: number, y: number, radius: number): P | undefined {
  const order: Record<PointTier, number> = { blocker: 3, error: 2, warning: 1, none: 0 };
  let best: P | undefined;
  let bestD = radius * radius;
  for (const p of points) {
    const dx = view.x(p.lon) - x;
    const dy = view.y(p.lat) - y;
    const d = dx * dx + dy * dy;
    if (d < bestD || (best && d === bestD && order[p.tier] > order[best.tier])) {
      best = p;
      bestD = d;
    }
  }
  return best;
}
