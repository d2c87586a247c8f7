/**
 * The overview's pure part on real published datasets: records read from the sheets' rows, the points with the
 * worst finding of their record and where a coordinate fix would move them, and the charts' counts (checked
 * against counts made directly from the CSV text).
 */
import * as fs from "fs";
import * as path from "path";
import Papa from "papaparse";
import type { Issue } from "../../../src/validate/types";
import { chartCounts, findingsByRow, mapPoints, pointsBox, rowKey } from "../../../src/taskpane/overview/aggregate";
import { recordsFromChunk, type OverviewSheet } from "../../../src/taskpane/overview/records";
import { fitView, nearestPoint, outlinePath, pointPaths } from "../../../src/taskpane/overview/projection";

const REAL = path.resolve(__dirname, "../../../../shared/samples/real");

/** A CSV file as the sheet's headers and one chunk of text rows starting at row 2. */
function sheetOf(file: string): { headers: string[]; rows: string[][] } {
  const parsed = Papa.parse<string[]>(fs.readFileSync(path.join(REAL, file), "utf8"), { skipEmptyLines: true });
  const [headers, ...rows] = parsed.data;
  return { headers, rows };
}

function overviewSheet(name: string, file: string, rowTypeId: string, kind: "core" | "extension"): OverviewSheet & { raw: ReturnType<typeof sheetOf> } {
  const raw = sheetOf(file);
  return { name, rowTypeId, kind, records: recordsFromChunk(name, raw.headers, { startRow: 2, values: raw.rows }), raw };
}

const col = (raw: { headers: string[] }, term: string) => raw.headers.indexOf(term);

describe("overview of anb-plants-riparias (event core, occurrences without dates)", () => {
  const events = overviewSheet("Event", "anb-plants-riparias/event.csv", "event", "core");
  const occurrences = overviewSheet("Occurrence", "anb-plants-riparias/occurrence.csv", "occurrence", "extension");
  const sheets = [events, occurrences];

  it("reads every row with its id, date, coordinates and row number", () => {
    expect(events.records).toHaveLength(1845);
    expect(occurrences.records).toHaveLength(1845);
    const first = events.raw.rows[0];
    expect(events.records[0]).toMatchObject({
      sheet: "Event",
      row: 2,
      id: first[col(events.raw, "eventID")],
      date: first[col(events.raw, "eventDate")],
      lat: Number(first[col(events.raw, "decimalLatitude")]),
      lon: Number(first[col(events.raw, "decimalLongitude")]),
      samplingProtocol: "targeted monitoring",
    });
    expect(occurrences.records[0].name).toBe("Impatiens glandulifera");
  });

  it("puts every event with coordinates on the map, coloured by its worst finding", () => {
    const withCoords = events.raw.rows.filter((r) => r[col(events.raw, "decimalLatitude")] !== "" && r[col(events.raw, "decimalLongitude")] !== "").length;
    const swapped: Issue = {
      ruleId: "coordinates-swapped",
      severity: "warning",
      sheet: "Event",
      row: 5,
      column: 16,
      message: { en: "swapped", ru: "перепутаны" },
      fix: {
        label: { en: "Swap", ru: "Поменять" },
        changes: [
          { sheet: "Event", row: 5, column: 16, term: "decimalLatitude", from: String(events.records[3].lat), to: String(events.records[3].lon) },
          { sheet: "Event", row: 5, column: 17, term: "decimalLongitude", from: String(events.records[3].lon), to: String(events.records[3].lat) },
        ],
      },
    };
    const error: Issue = { ruleId: "date-invalid", severity: "error", sheet: "Event", row: 5, column: 10, message: { en: "e", ru: "e" } };
    const blocker: Issue = { ruleId: "id-duplicate", severity: "blocker", sheet: "Event", row: 7, column: 9, message: { en: "b", ru: "b" } };
    const { points, unplaced } = mapPoints(sheets, findingsByRow([swapped, error, blocker]));
    expect(points).toHaveLength(withCoords);
    expect(unplaced).toBe(0);
    const p5 = points.find((p) => p.record.row === 5)!;
    expect(p5.tier).toBe("error");
    expect(p5.moveTo).toEqual({ lat: events.records[3].lon, lon: events.records[3].lat, ruleId: "coordinates-swapped" });
    expect(points.find((p) => p.record.row === 7)!.tier).toBe("blocker");
    expect(points.filter((p) => p.tier === "none")).toHaveLength(withCoords - 2);

    // The box holds every point (Flanders) and the swapped point's target (lat and lon exchanged).
    const box = pointsBox(points)!;
    const lats = points.map((p) => p.lat);
    expect(box.south).toBe(Math.min(...lats, events.records[3].lon!));
    expect(box.north).toBe(Math.max(...lats, events.records[3].lon!));
    expect(box.east).toBe(Math.max(...points.map((p) => p.lon), events.records[3].lat!));
  });

  it("counts occurrences per year and month through their events, and events per samplingProtocol", () => {
    const c = chartCounts(sheets);
    expect(c.records).toBe(1845);
    // Direct count: each occurrence's event's eventDate year, from the CSV text.
    const dateOf = new Map(events.raw.rows.map((r) => [r[col(events.raw, "eventID")], r[col(events.raw, "eventDate")]]));
    const perYear = new Map<string, number>();
    const perMonth = new Map<string, number>();
    for (const r of occurrences.raw.rows) {
      const d = dateOf.get(r[col(occurrences.raw, "eventID")]) ?? "";
      if (!/^\d{4}-\d{2}/.test(d)) continue;
      perYear.set(d.slice(0, 4), (perYear.get(d.slice(0, 4)) ?? 0) + 1);
      perMonth.set(String(+d.slice(5, 7)), (perMonth.get(String(+d.slice(5, 7))) ?? 0) + 1);
    }
    expect(c.year.map((b) => [b.label, b.count])).toEqual([...perYear].sort());
    expect(c.month).toHaveLength(12);
    expect(c.month.map((b) => b.count)).toEqual(Array.from({ length: 12 }, (_, i) => perMonth.get(String(i + 1)) ?? 0));
    expect(c.kingdom).toEqual([expect.objectContaining({ label: "Plantae", count: 1845 })]);
    const protocols = new Map<string, number>();
    for (const r of events.raw.rows) protocols.set(r[col(events.raw, "samplingProtocol")], (protocols.get(r[col(events.raw, "samplingProtocol")]) ?? 0) + 1);
    expect(c.samplingProtocol.map((b) => [b.label, b.count]).sort()).toEqual([...protocols].filter(([k]) => k !== "").sort());
    // A bar knows its rows: the rows of the largest protocol are event rows.
    expect(c.samplingProtocol[0].rows.every((r) => r.sheet === "Event")).toBe(true);
  });
});

describe("overview of vampire-moths-symbiota (month 0, families)", () => {
  const occ = overviewSheet("Occurrence", "vampire-moths-symbiota/occurrences.csv", "occurrence", "core");

  it("takes the ten largest families, largest first, and leaves month 00 out of the months", () => {
    const c = chartCounts([occ]);
    const fam = new Map<string, number>();
    for (const r of occ.raw.rows) {
      const f = r[col(occ.raw, "family")].trim();
      if (f) fam.set(f, (fam.get(f) ?? 0) + 1);
    }
    const expected = [...fam].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 10);
    expect(c.family.map((b) => [b.label, b.count])).toEqual(expected);
    // 720 records have eventDate 2008-00-20 (not a date): their month is unknown, so the months add up to fewer.
    const monthSum = c.month.reduce((n, b) => n + b.count, 0);
    const validMonths = occ.raw.rows.filter((r) => /^\d{4}-(0[1-9]|1[0-2])/.test(r[col(occ.raw, "eventDate")])).length;
    expect(monthSum).toBeGreaterThanOrEqual(validMonths);
    expect(c.month.some((b) => b.label === "0")).toBe(false);
    expect(monthSum).toBeLessThan(occ.records.length);
  });

  it("projects the points into the view, finds the one clicked and draws one path per colour", () => {
    const { points } = mapPoints([occ], new Map());
    expect(points.length).toBeGreaterThan(100);
    const view = fitView(pointsBox(points)!, 300, 200);
    for (const p of points) {
      expect(view.x(p.lon)).toBeGreaterThan(0);
      expect(view.x(p.lon)).toBeLessThan(300);
      expect(view.y(p.lat)).toBeGreaterThan(0);
      expect(view.y(p.lat)).toBeLessThan(200);
    }
    const target = points[17];
    const hit = nearestPoint(points, view, view.x(target.lon), view.y(target.lat), 4)!;
    expect([hit.lat, hit.lon]).toEqual([target.lat, target.lon]);
    expect(nearestPoint(points, view, -50, -50, 4)).toBeUndefined();
    const paths = pointPaths(points, view, 3);
    expect(paths.none.count).toBe(points.length);
    expect(paths.blocker).toEqual({ d: "", count: 0 });
    expect(paths.none.d.startsWith("M")).toBe(true);
    expect(rowKey("Occurrence", 2)).toBe("Occurrence\u00002");
  });

  it("draws only the outlines that reach into the view", () => {
    const view = fitView({ west: 30, south: 60, east: 40, north: 70 }, 300, 200);
    const square = (x0: number, y0: number) => ({ minX: x0, minY: y0, maxX: x0 + 1000, maxY: y0 + 1000, rings: [[x0, y0, x0 + 1000, y0, x0 + 1000, y0 + 1000, x0, y0 + 1000]] });
    const d = outlinePath([square(35_000, 65_000), square(-120_000, -40_000)], view);
    expect(d.match(/M/g)).toHaveLength(1);
    expect(d.endsWith("Z")).toBe(true);
  });
});
