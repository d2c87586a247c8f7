/**
 * What the map and the charts show, computed from the records and the validation's findings: the points with the
 * worst finding of their record and where a coordinate fix would move them, their bounding box, and the counts per
 * year, month, kingdom, family, basisOfRecord and samplingProtocol. Pure.
 */
import type { Issue, Severity } from "../../validate/types";
import type { OverviewRecord, OverviewSheet } from "./records";
import { toDecimal } from "./records";

/** The colour class of a point: its record's worst finding ("none": no finding, or notes only). */
export type PointTier = Exclude<Severity, "info"> | "none";
export const POINT_TIERS: readonly PointTier[] = ["blocker", "error", "warning", "none"];

/** Key of a record's row. */
export const rowKey = (sheet: string, row: number): string => `${sheet}\u0000${row}`;

/** The findings of each row (row-level and cell-level alike), by {@link rowKey}. */
export function findingsByRow(issues: readonly Issue[]): Map<string, Issue[]> {
  const out = new Map<string, Issue[]>();
  for (const i of issues) {
    if (i.row < 2) continue;
    const k = rowKey(i.sheet, i.row);
    const list = out.get(k);
    if (list) list.push(i);
    else out.set(k, [i]);
  }
  return out;
}

const RANK: Record<Severity, number> = { blocker: 3, error: 2, warning: 1, info: 0 };

/** The worst tier among findings. */
export function worstTier(issues: readonly Issue[] | undefined): PointTier {
  let worst: Severity = "info";
  for (const i of issues ?? []) if (RANK[i.severity] > RANK[worst]) worst = i.severity;
  return worst === "info" ? "none" : worst;
}

/** A record drawn on the map. */
export interface MapPoint {
  record: OverviewRecord;
  lat: number;
  lon: number;
  tier: PointTier;
  issues: Issue[];
  /** Where the fix of one of its findings (swapped or negated coordinates) would move it. */
  moveTo?: { lat: number; lon: number; ruleId: string };
}

const inRange = (lat: number, lon: number): boolean => Math.abs(lat) <= 90 && Math.abs(lon) <= 180;

/** The coordinates a finding's fix would write to the record's row, when it changes them and they are valid. */
export function fixTarget(issue: Issue, lat: number, lon: number): { lat: number; lon: number } | undefined {
  const changes = issue.fix?.changes.filter((c) => c.row === issue.row && c.sheet === issue.sheet) ?? [];
  let la = lat;
  let lo = lon;
  let touched = false;
  for (const c of changes) {
    const v = toDecimal(c.to);
    if (v === undefined) continue;
    if (c.term === "decimalLatitude") {
      la = v;
      touched = true;
    } else if (c.term === "decimalLongitude") {
      lo = v;
      touched = true;
    }
  }
  return touched && (la !== lat || lo !== lon) && inRange(la, lo) ? { lat: la, lon: lo } : undefined;
}

/** Points of every record with coordinates in range (or whose fix brings them in range is left out: nothing to draw from). */
export function mapPoints(sheets: readonly OverviewSheet[], findings: ReadonlyMap<string, Issue[]>): { points: MapPoint[]; unplaced: number } {
  const points: MapPoint[] = [];
  let unplaced = 0;
  for (const s of sheets) {
    for (const r of s.records) {
      if (r.lat === undefined || r.lon === undefined) continue;
      if (!inRange(r.lat, r.lon)) {
        unplaced++;
        continue;
      }
      const issues = findings.get(rowKey(r.sheet, r.row)) ?? [];
      const p: MapPoint = { record: r, lat: r.lat, lon: r.lon, tier: worstTier(issues), issues };
      for (const i of issues) {
        const t = fixTarget(i, r.lat, r.lon);
        if (t) {
          p.moveTo = { ...t, ruleId: i.ruleId };
          break;
        }
      }
      points.push(p);
    }
  }
  return { points, unplaced };
}

/** A box in degrees. */
export interface GeoBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** The box around the points (and the places their fixes would move them to); undefined without points. */
export function pointsBox(points: readonly MapPoint[]): GeoBox | undefined {
  if (points.length === 0) return undefined;
  const b: GeoBox = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
  const add = (lat: number, lon: number) => {
    if (lon < b.west) b.west = lon;
    if (lon > b.east) b.east = lon;
    if (lat < b.south) b.south = lat;
    if (lat > b.north) b.north = lat;
  };
  for (const p of points) {
    add(p.lat, p.lon);
    if (p.moveTo) add(p.moveTo.lat, p.moveTo.lon);
  }
  return b;
}

/** One bar: its label, count and the rows it stands for. */
export interface Bar {
  label: string;
  count: number;
  rows: { sheet: string; row: number }[];
}

/** The charts' counts. */
export interface ChartCounts {
  /** Records the counts are of (occurrences, or the core's records when there is no occurrence sheet). */
  records: number;
  year: Bar[];
  /** Always twelve bars, January first. */
  month: Bar[];
  kingdom: Bar[];
  /** The ten largest families. */
  family: Bar[];
  basisOfRecord: Bar[];
  /** Events (rows of event sheets; occurrences when there is none) per samplingProtocol. */
  samplingProtocol: Bar[];
}

/** Bars from a key per record, largest first (ties by label), or in key order with `sortByKey`. */
function bars(records: readonly OverviewRecord[], key: (r: OverviewRecord) => string, sortByKey = false): Bar[] {
  const m = new Map<string, Bar>();
  for (const r of records) {
    const k = key(r);
    if (k === "") continue;
    let b = m.get(k);
    if (!b) m.set(k, (b = { label: k, count: 0, rows: [] }));
    b.count++;
    b.rows.push({ sheet: r.sheet, row: r.row });
  }
  const list = [...m.values()];
  return sortByKey ? list.sort((a, b) => a.label.localeCompare(b.label)) : list.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/**
 * The charts' counts. Occurrences without a date of their own take their event's (eventID), as an event core's
 * occurrences do in an archive.
 */
export function chartCounts(sheets: readonly OverviewSheet[]): ChartCounts {
  const occurrenceSheets = sheets.filter((s) => s.rowTypeId === "occurrence");
  const counted = (occurrenceSheets.length > 0 ? occurrenceSheets : sheets.filter((s) => s.kind === "core")).flatMap((s) => s.records);
  const eventSheets = sheets.filter((s) => s.rowTypeId === "event");
  const events = new Map<string, OverviewRecord>();
  for (const s of eventSheets) for (const r of s.records) if (r.eventID && !events.has(r.eventID)) events.set(r.eventID, r);
  const dated = counted.map((r) => {
    if (r.year !== undefined) return r;
    const e = events.get(r.eventID);
    return e && e.year !== undefined ? { ...r, year: e.year, month: e.month } : r;
  });
  const month = bars(dated, (r) => (r.month === undefined ? "" : String(r.month)));
  return {
    records: counted.length,
    year: bars(dated, (r) => (r.year === undefined ? "" : String(r.year)), true),
    month: Array.from({ length: 12 }, (_, i) => month.find((b) => b.label === String(i + 1)) ?? { label: String(i + 1), count: 0, rows: [] }),
    kingdom: bars(counted, (r) => r.kingdom),
    family: bars(counted, (r) => r.family).slice(0, 10),
    basisOfRecord: bars(counted, (r) => r.basisOfRecord),
    samplingProtocol: bars(eventSheets.length > 0 ? eventSheets.flatMap((s) => s.records) : counted, (r) => r.samplingProtocol),
  };
}
