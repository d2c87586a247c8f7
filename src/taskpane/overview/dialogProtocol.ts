/**
 * What the pane and the large map's dialog say to each other. The pane sends the map (points, boxes, language) as
 * JSON cut into parts of at most {@link PART_CHARS} characters (a dialog message is kept small); the dialog sends
 * back the row of a point clicked. Pure.
 */
import type { Lang } from "../../dwc/types";
import type { GeoBox, MapPoint, PointTier } from "./aggregate";

/** Characters per message. */
export const PART_CHARS = 30_000;

/** A point as the dialog draws it. */
export interface DialogPoint {
  lat: number;
  lon: number;
  tier: PointTier;
  sheet: string;
  row: number;
  name: string;
  date: string;
  issues: string[];
  moveTo?: { lat: number; lon: number };
}

/** Everything the large map shows. */
export interface DialogMap {
  lang: Lang;
  dark: boolean;
  points: DialogPoint[];
  metadataBox?: GeoBox;
}

/** The pane's messages for a map: `part:<i>/<n>:<text>`. */
export function encodeMap(map: DialogMap): string[] {
  const json = JSON.stringify(map);
  const n = Math.max(1, Math.ceil(json.length / PART_CHARS));
  return Array.from({ length: n }, (_, i) => `part:${i + 1}/${n}:${json.slice(i * PART_CHARS, (i + 1) * PART_CHARS)}`);
}

/** Collects parts; returns the map once the last one arrived, undefined before (or for another message). */
export function mapCollector(): (message: string) => DialogMap | undefined {
  let parts: string[] = [];
  return (message) => {
    const m = /^part:(\d+)\/(\d+):/s.exec(message);
    if (!m) return undefined;
    const [i, n] = [+m[1], +m[2]];
    if (i === 1) parts = [];
    parts[i - 1] = message.slice(m[0].length);
    return parts.filter((p) => p !== undefined).length === n ? (JSON.parse(parts.join("")) as DialogMap) : undefined;
  };
}

/** The dialog's message for a point clicked. */
export const selectMessage = (sheet: string, row: number): string => JSON.stringify({ select: { sheet, row } });

/** The row a dialog message asks to select, if it is one. */
export function parseSelect(message: string): { sheet: string; row: number } | undefined {
  try {
    const v = JSON.parse(message) as { select?: { sheet?: unknown; row?: unknown } };
    const s = v?.select;
    return s && typeof s.sheet === "string" && typeof s.row === "number" ? { sheet: s.sheet, row: s.row } : undefined;
  } catch {
    return undefined;
  }
}

/** The dialog's form of a point (its findings as text in `lang`). */
export function dialogPoint(p: MapPoint, lang: Lang): DialogPoint {
  return {
    lat: p.lat,
    lon: p.lon,
    tier: p.tier,
    sheet: p.record.sheet,
    row: p.record.row,
    name: p.record.name,
    date: p.record.date,
    issues: p.issues.slice(0, 5).map((i) => i.message[lang]),
    ...(p.moveTo ? { moveTo: { lat: p.moveTo.lat, lon: p.moveTo.lon } } : {}),
  };
}
