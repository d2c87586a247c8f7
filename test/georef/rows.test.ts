/**
 * The calculator for a set of rows (the pane's selected rows): each row's own coordinates, precision and datum with
 * the shared answers, and which cells a write sets, keeps or replaces.
 */
import {
  calculateUncertainty,
  datumError,
  GEOREFERENCE_PROTOCOL,
  georeferenceRows,
  MINUTE,
  planGeorefWrite,
  precisionChoiceOf,
  PRECISION_CHOICES,
  rowCoordinates,
  type GeorefRowCells,
} from "../../src/georef";

const DAY = new Date("2024-06-01T10:00:00Z");

describe("georeferenceRows", () => {
  it("gives the Quick Reference Guide 2012 'coordinates only, Example 2' result for a row holding its values (1446 m)", () => {
    const [r] = georeferenceRows(
      [{ row: 2, cells: { decimalLatitude: "35.37", decimalLongitude: "-119.02", geodeticDatum: "NAD27" } }],
      { source: "map", mapScale: 24000, datum: "per-row" },
      DAY
    );
    expect(r.status).toBe("computed");
    if (r.status !== "computed") return;
    expect(r.result.exactMeters).toBeCloseTo(1446.325, 2);
    expect(r.values).toEqual({
      coordinateUncertaintyInMeters: "1446",
      georeferenceProtocol: GEOREFERENCE_PROTOCOL,
      georeferenceSources: expect.stringMatching(/^map 1:24,000 \| /),
      georeferencedDate: "2024-06-01",
    });
  });

  it("reads the precision from the verbatim coordinates and the datum per row; a chosen precision and datum apply to all", () => {
    const rows: GeorefRowCells[] = [
      { row: 2, cells: { decimalLatitude: "55.75", decimalLongitude: "37.6167", verbatimCoordinates: "55°45'N, 37°37'E" } },
      { row: 3, cells: { decimalLatitude: "55.75", decimalLongitude: "37.6167", geodeticDatum: "WGS84" } },
    ];
    const perRow = georeferenceRows(rows, { source: "description", datum: "per-row" }, DAY);
    const [a, b] = perRow.map((r) => (r.status === "computed" ? r : undefined));
    expect(a!.precisionDegrees).toBeCloseTo(MINUTE, 12);
    expect(a!.datumKnown).toBe(false);
    expect(a!.result.components.datum).toBe(datumError(55.75, 37.6167));
    expect(b!.precisionDegrees).toBeCloseTo(0.0001, 12);
    expect(b!.datumKnown).toBe(true);
    expect(b!.result.components.datum).toBe(0);

    const chosen = georeferenceRows(rows, { source: "description", datum: "known", precisionDegrees: 0.001 }, DAY);
    for (const r of chosen) {
      if (r.status !== "computed") throw new Error("not computed");
      expect(r.precisionFromCells).toBe(false);
      expect(r.result.components.datum).toBe(0);
      expect(r.result.uncertaintyMeters).toBe(
        calculateUncertainty({
          localityType: "coordinates",
          latitude: 55.75,
          longitude: 37.6167,
          coordinatePrecisionDegrees: 0.001,
          datumKnown: true,
          source: "description",
        }).uncertaintyMeters
      );
    }
  });

  it("uses the Guide's GPS default by eventDate (100 m before May 2000, 30 m after) unless an accuracy is given", () => {
    const cells = { decimalLatitude: "10.27", decimalLongitude: "-123.6", geodeticDatum: "WGS84" };
    const [old, recent, given] = [
      georeferenceRows([{ row: 2, cells: { ...cells, eventDate: "1998-07-03" } }], { source: "gps", datum: "per-row" }, DAY),
      georeferenceRows([{ row: 2, cells: { ...cells, eventDate: "2010" } }], { source: "gps", datum: "per-row" }, DAY),
      georeferenceRows([{ row: 2, cells }], { source: "gps", datum: "per-row", gpsAccuracyMeters: 8 }, DAY),
    ].map((x) => x[0]);
    expect(old).toMatchObject({ gpsAccuracyMeters: 100, gpsDefault: true });
    expect(recent).toMatchObject({ gpsAccuracyMeters: 30, gpsDefault: true });
    expect(given).toMatchObject({ gpsAccuracyMeters: 8, gpsDefault: false });
    // 10.27, −123.6: 0.01° → 1556.8 m (Best Practices) + the GPS accuracy.
    if (given.status === "computed") expect(given.result.uncertaintyMeters).toBe(Math.round(1556.8 + 8));
  });

  it("adds the extent of the named place, and tells rows without coordinates and impossible ones apart", () => {
    const out = georeferenceRows(
      [
        { row: 2, cells: { decimalLatitude: "35.3733", decimalLongitude: "-119.0178" } },
        { row: 3, cells: { locality: "near the river" } },
        { row: 4, cells: { decimalLatitude: "95.5", decimalLongitude: "10.1" } },
      ],
      { source: "gazetteer", datum: "unknown", radialMeters: 3000 },
      DAY
    );
    expect(out[0].status).toBe("computed");
    if (out[0].status === "computed") expect(out[0].result.components.radial).toBe(3000);
    expect(out[1]).toEqual({ row: 3, status: "noCoordinates" });
    expect(out[2]).toMatchObject({ row: 4, status: "invalid" });
  });
});

describe("planGeorefWrite", () => {
  const rows: GeorefRowCells[] = [
    { row: 2, cells: { decimalLatitude: "35.37", decimalLongitude: "-119.02", geodeticDatum: "NAD27" } },
    {
      row: 3,
      cells: { decimalLatitude: "35.37", decimalLongitude: "-119.02", geodeticDatum: "NAD27", georeferenceProtocol: "own protocol" },
    },
    {
      row: 4,
      cells: { decimalLatitude: "35.37", decimalLongitude: "-119.02", geodeticDatum: "NAD27", coordinateUncertaintyInMeters: "250" },
    },
  ];
  const outcomes = georeferenceRows(rows, { source: "map", mapScale: 24000, datum: "per-row", georeferencedBy: "A. Petrov" }, DAY);

  it("fills only empty cells, and leaves a row whose uncertainty holds another value whole", () => {
    const plan = planGeorefWrite(outcomes, rows, false);
    expect(plan.rows).toBe(2);
    expect(plan.replaced).toEqual([]);
    expect(plan.writes.filter((w) => w.row === 2).map((w) => w.term)).toEqual([
      "coordinateUncertaintyInMeters",
      "georeferenceProtocol",
      "georeferenceSources",
      "georeferencedBy",
      "georeferencedDate",
    ]);
    expect(plan.writes.filter((w) => w.row === 3).map((w) => w.term)).not.toContain("georeferenceProtocol");
    expect(plan.writes.filter((w) => w.row === 4)).toEqual([]);
    expect(plan.kept).toEqual([
      { row: 3, term: "georeferenceProtocol", current: "own protocol" },
      { row: 4, term: "coordinateUncertaintyInMeters", current: "250" },
    ]);
  });

  it("replaces filled cells only when asked, listing each replaced value", () => {
    const plan = planGeorefWrite(outcomes, rows, true);
    expect(plan.rows).toBe(3);
    expect(plan.replaced).toEqual([
      { row: 3, term: "georeferenceProtocol", value: GEOREFERENCE_PROTOCOL, current: "own protocol" },
      { row: 4, term: "coordinateUncertaintyInMeters", value: "1446", current: "250" },
    ]);
    expect(plan.writes).toHaveLength(15);
  });
});

describe("precision choices", () => {
  it("name every precision the coordinates of the guide's table are written with", () => {
    expect(precisionChoiceOf(1 / 60)?.id).toBe("minute");
    expect(precisionChoiceOf(0.1 / 3600)?.id).toBe("s1");
    expect(precisionChoiceOf(0.00001)?.id).toBe("d5");
    expect(precisionChoiceOf(0)?.id).toBe("exact");
    expect(precisionChoiceOf(0.3)).toBeUndefined();
    expect(new Set(PRECISION_CHOICES.map((c) => c.id)).size).toBe(PRECISION_CHOICES.length);
    const read = rowCoordinates((t) => ({ verbatimLatitude: `35°22'24"N`, verbatimLongitude: `119°1'4"W` })[t] ?? "");
    expect(precisionChoiceOf(read!.precisionDegrees)?.id).toBe("second");
  });
});
