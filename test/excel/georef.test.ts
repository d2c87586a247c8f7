/**
 * The georeferencing calculator's Excel adapter over the strict fake: the selected rows read with only the needed
 * columns in bounded requests, and the values written on the user's click — into empty cells only, replacing only
 * on request and only what the user saw, adding missing columns only when allowed, never touching the verbatim
 * terms. The rows hold the published worked examples, so the written uncertainty is the guide's.
 */
import { BLOCK_COLOURS, GEOREF_BLOCK_ROWS, LEVEL_FILLS, readGeorefSelection, writeGeoref } from "../../src/excel";
import { columnsForHeaders } from "../../src/excel/template";
import {
  calculateUncertainty,
  GEOREFERENCE_PROTOCOL,
  georeferenceRows,
  planGeorefWrite,
  precisionOfPair,
  type GeorefSettings,
} from "../../src/georef";
import { createOfficeServices } from "../../src/taskpane/services/officeServices";
import { installFake, uninstallFakes } from "./helpers";

afterEach(() => uninstallFakes());

const DAY = new Date("2024-06-01T10:00:00Z");
const HEADERS = [
  "occurrenceID",
  "basisOfRecord",
  "decimalLatitude",
  "decimalLongitude",
  "geodeticDatum",
  "verbatimCoordinates",
  "coordinateUncertaintyInMeters",
  "eventDate",
];
/**
 * Row 2: Quick Reference Guide 2012, coordinates only, Example 2 (35.37, −119.02, NAD27, USGS 1:24,000 map) → 1446 m.
 * Row 3: the same place written to the nearest second in verbatimCoordinates, datum not recorded.
 * Row 4: the same point with an uncertainty the data holder gave.
 * Row 5: a record without coordinates.
 */
const ROWS = [
  ["occ-1", "PreservedSpecimen", 35.37, -119.02, "NAD27", null, null, "1987-05-02"],
  ["occ-2", "PreservedSpecimen", 35.3733, -119.0178, null, `35°22'24"N, 119°1'4"W`, null, "1987-05-02"],
  ["occ-3", "PreservedSpecimen", 35.37, -119.02, "NAD27", null, 250, "1987-05-02"],
  ["occ-4", "PreservedSpecimen", null, null, null, null, null, "1987-05-03"],
];
const MAP: GeorefSettings = { source: "map", mapScale: 24000, datum: "per-row", georeferencedBy: "A. Petrov" };

function sheetWithExamples() {
  const fake = installFake([{ name: "Occurrence", values: [HEADERS, ...ROWS] }]);
  void fake.userSelect("Occurrence", "C2:D5");
  return fake;
}

async function readAndPlan(settings: GeorefSettings, replace: boolean) {
  const selection = (await readGeorefSelection())!;
  const outcomes = georeferenceRows(selection.rows, settings, DAY);
  const plan = planGeorefWrite(outcomes, selection.rows, replace);
  const cells = plan.writes.map((w) => ({ row: w.row, term: w.term, value: w.value, expected: w.current }));
  return { selection, outcomes, plan, cells };
}

describe("readGeorefSelection", () => {
  it("reads the selected data rows with the columns a calculation needs, as text, and names the missing output columns", async () => {
    const fake = sheetWithExamples();
    fake.resetCounters();
    const selection = (await readGeorefSelection())!;
    expect(fake.syncCount).toBe(2);
    expect(selection.sheet).toBe("Occurrence");
    expect(selection.role.rowTypeId).toBe("occurrence");
    expect([selection.firstRow, selection.lastRow]).toEqual([2, 5]);
    expect(selection.rows.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    expect(selection.rows[0].cells).toEqual({
      occurrenceID: "occ-1",
      decimalLatitude: "35.37",
      decimalLongitude: "-119.02",
      geodeticDatum: "NAD27",
      eventDate: "1987-05-02",
    });
    expect(selection.rows[1].cells.verbatimCoordinates).toBe(`35°22'24"N, 119°1'4"W`);
    expect(selection.rows[2].cells.coordinateUncertaintyInMeters).toBe("250");
    // basisOfRecord is not read
    expect(selection.rows[0].cells.basisOfRecord).toBeUndefined();
    expect(selection.missingColumns).toEqual([
      "georeferenceProtocol",
      "georeferenceSources",
      "georeferencedBy",
      "georeferencedDate",
    ]);
    expect(selection.capped).toBe(false);
  });

  it("clips a whole-column selection to the used rows and reads it in bounded blocks", async () => {
    const rows = Array.from({ length: 4500 }, (_, i) => [`o${i}`, "HumanObservation", 55 + i / 10000, 37.5, "WGS84"]);
    const fake = installFake([{ name: "Occurrence", values: [HEADERS.slice(0, 5), ...rows] }]);
    await fake.userSelect("Occurrence", "C:C");
    fake.resetCounters();
    const selection = (await readGeorefSelection())!;
    expect([selection.firstRow, selection.lastRow]).toEqual([2, 4501]);
    expect(selection.rows).toHaveLength(4500);
    expect(fake.syncCount).toBe(1 + Math.ceil(4500 / GEOREF_BLOCK_ROWS));
    // each block asks only for the needed columns of its rows
    expect(Math.max(...fake.syncLog.map((s) => s.bytes))).toBeLessThan(200_000);
  });

  it("refuses a sheet that is not a Darwin Core sheet", async () => {
    const fake = installFake([{ name: "Notes", values: [["Latitude", "Longitude"], [55.7, 37.6]] }]);
    await fake.userSelect("Notes", "A2");
    await expect(readGeorefSelection()).rejects.toMatchObject({ code: "NOT_A_DATASET_SHEET" });
  });
});

describe("writeGeoref", () => {
  it("writes the guide's uncertainty into empty cells only, adding the missing columns at the end of the header row when allowed", async () => {
    const fake = sheetWithExamples();
    const verbatimBefore = fake.sheet("Occurrence").values("F1:F5");
    const { outcomes, plan, cells } = await readAndPlan(MAP, false);
    const example2 = calculateUncertainty({
      localityType: "coordinates",
      latitude: 35.37,
      longitude: -119.02,
      coordinatePrecisionDegrees: precisionOfPair("35.37", "-119.02")!.degrees,
      datum: "NAD27",
      source: "map",
      mapScale: 24000,
    });
    expect(example2.uncertaintyMeters).toBe(1446);
    expect(outcomes.map((o) => o.status)).toEqual(["computed", "computed", "computed", "noCoordinates"]);
    expect(plan.rows).toBe(2);

    fake.resetCounters();
    const result = await writeGeoref({ sheet: "Occurrence", cells, replace: false, addColumns: true });
    expect(fake.syncCount).toBe(3);
    expect(result.addedColumns).toEqual([
      "georeferenceProtocol",
      "georeferenceSources",
      "georeferencedBy",
      "georeferencedDate",
    ]);
    expect(result).toMatchObject({ written: 10, rows: 2, replaced: [], skipped: [], missingColumns: [] });
    const ws = fake.sheet("Occurrence");
    expect(ws.values("I1:L1")).toEqual([result.addedColumns]);
    expect(ws.value("M1")).toBeNull();
    const look = columnsForHeaders({ rowTypeId: "occurrence", kind: "core", datasetClass: "occurrence", idTerm: "occurrenceID" } as never, result.addedColumns);
    // The template's header look: fill by level (these four are optional: none), the block's colour underneath.
    result.addedColumns.forEach((term, i) => {
      const cell = `${"IJKL"[i]}1`;
      expect(ws.format(cell, "fill.color")).toBe(LEVEL_FILLS[look[i]!.level] ?? ws.format("M1", "fill.color"));
      expect(ws.format(cell, "borders.EdgeBottom.color")).toBe(BLOCK_COLOURS[look[i]!.block]);
      expect(ws.numberFormat(cell)).toBe("@");
    });

    // Row 2 gets the guide's 1446 m as a number; row 4 keeps the data holder's 250 and gets nothing else.
    expect(ws.value("G2")).toBe(example2.uncertaintyMeters);
    expect(ws.numberFormat("G2")).toBe("General");
    expect(ws.value("G4")).toBe(250);
    expect(ws.values("I4:L4")).toEqual([[null, null, null, null]]);
    expect(ws.values("I2:L2")).toEqual([[GEOREFERENCE_PROTOCOL, expect.stringMatching(/^map 1:24,000 \| /), "A. Petrov", "2024-06-01"]]);
    expect(ws.numberFormat("L2")).toBe("@");
    // Row 3 (nearest second, datum not recorded): the same number the core gives for it.
    const row3 = outcomes[1];
    expect(row3.status === "computed" && ws.value("G3") === row3.result.uncertaintyMeters).toBe(true);
    // The record without coordinates and the verbatim column are untouched.
    expect(ws.values("G5:L5")).toEqual([[null, "1987-05-03", null, null, null, null]]);
    expect(ws.values("F1:F5")).toEqual(verbatimBefore);
  });

  it("without leave to add columns, writes only the columns the sheet has and says which it lacks", async () => {
    const fake = sheetWithExamples();
    const { cells } = await readAndPlan(MAP, false);
    const result = await writeGeoref({ sheet: "Occurrence", cells, replace: false, addColumns: false });
    expect(result.addedColumns).toEqual([]);
    expect(result.missingColumns).toEqual([
      "georeferenceProtocol",
      "georeferenceSources",
      "georeferencedBy",
      "georeferencedDate",
    ]);
    expect(result.written).toBe(2);
    expect(fake.sheet("Occurrence").usedAddress()).toBe("A1:H5");
  });

  it("replaces a filled cell only on request and only when it still holds what the user saw", async () => {
    const fake = sheetWithExamples();
    const { plan, cells } = await readAndPlan(MAP, true);
    expect(plan.replaced).toEqual([{ row: 4, term: "coordinateUncertaintyInMeters", value: "1446", current: "250" }]);
    // Without "replace", the same cells leave the filled one alone.
    const kept = await writeGeoref({ sheet: "Occurrence", cells, replace: false, addColumns: false });
    expect(kept.skipped).toEqual([{ row: 4, term: "coordinateUncertaintyInMeters", current: "250" }]);
    expect(fake.sheet("Occurrence").value("G4")).toBe(250);

    const replaced = await writeGeoref({ sheet: "Occurrence", cells, replace: true, addColumns: false });
    expect(replaced.replaced).toEqual([{ row: 4, term: "coordinateUncertaintyInMeters", from: "250", to: "1446" }]);
    expect(fake.sheet("Occurrence").value("G4")).toBe(1446);
  });

  it("keeps a value typed after the calculator read the rows, even when replacing", async () => {
    const fake = sheetWithExamples();
    const { cells } = await readAndPlan(MAP, true);
    await fake.userEdit("Occurrence", "G4", 300);
    await fake.userEdit("Occurrence", "G2", 80);
    const result = await writeGeoref({ sheet: "Occurrence", cells, replace: true, addColumns: false });
    expect(result.skipped).toEqual([
      { row: 2, term: "coordinateUncertaintyInMeters", current: "80" },
      { row: 4, term: "coordinateUncertaintyInMeters", current: "300" },
    ]);
    expect(fake.sheet("Occurrence").values("G2:G4")).toEqual([[80], [expect.any(Number)], [300]]);
  });

  it("says when the sheet is gone", async () => {
    sheetWithExamples();
    await expect(
      writeGeoref({ sheet: "Renamed", cells: [{ row: 2, term: "georeferencedBy", value: "x", expected: "" }], replace: false, addColumns: true })
    ).rejects.toMatchObject({ code: "SHEET_NOT_FOUND" });
  });
});

describe("the pane's services", () => {
  it("read the selected rows and write through the adapter", async () => {
    const fake = sheetWithExamples();
    const services = createOfficeServices();
    const selection = (await services.readGeorefSelection())!;
    expect(selection.rows.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    const plan = planGeorefWrite(georeferenceRows(selection.rows, MAP, DAY), selection.rows, false);
    const cells = plan.writes.map((w) => ({ row: w.row, term: w.term, value: w.value, expected: w.current }));
    const result = await services.writeGeoref({ sheet: selection.sheet, cells, replace: false, addColumns: false });
    expect(result.written).toBe(2);
    expect(fake.sheet("Occurrence").values("G2:G4")).toEqual([[1446], [expect.any(Number)], [250]]);
  });
});
