import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { parseArgs } from "../../src/cli/args";
import { EXIT, UsageError } from "../../src/cli/errors";
import { GEOREF_OPTIONS, georefCommand } from "../../src/cli/georef-command";
import {
  calculateUncertainty,
  datumError,
  GEOREFERENCE_PROTOCOL,
  mapScaleError,
  coordinatePrecisionError,
} from "../../src/georef";
import { tempDir, writeWorkbook } from "./helpers";

const TODAY = new Date("2024-06-01T10:00:00Z");

async function georef(...argv: string[]) {
  let out = "";
  let err = "";
  const io = { out: (t: string) => void (out += t), err: (t: string) => void (err += t) };
  const code = await georefCommand(parseArgs(["georef", ...argv], GEOREF_OPTIONS), io, () => TODAY);
  return { code, out, err };
}

/** The sheet as rows of cell text by header. */
async function readSheet(file: string, sheet?: string): Promise<Record<string, string>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = sheet ? wb.getWorksheet(sheet)! : wb.worksheets[0];
  const headers: string[] = [];
  ws.getRow(1).eachCell((c, col) => (headers[col - 1] = c.text));
  const rows: Record<string, string>[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row: Record<string, string> = {};
    headers.forEach((h, i) => (row[h] = ws.getRow(r).getCell(i + 1).text));
    rows.push(row);
  }
  return rows;
}

const HEADERS = [
  "occurrenceID",
  "decimalLatitude",
  "decimalLongitude",
  "verbatimLatitude",
  "verbatimLongitude",
  "geodeticDatum",
  "coordinateUncertaintyInMeters",
  "eventDate",
];

describe("dwc-excel georef", () => {
  let dir: string;
  beforeEach(() => (dir = tempDir("georef")));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("fills coordinateUncertaintyInMeters only where empty, from precision and datum, and adds the georeference columns", async () => {
    const file = await writeWorkbook(dir, "in.xlsx", [
      { name: "Notes", rows: [["free text"]] },
      {
        name: "Occurrence",
        rows: [
          HEADERS,
          ["o1", 55.75, 37.6167, "55°45'N", "37°37'E", "", null, "2021-05-01"],
          ["o2", 55.7512, 37.6184, null, null, "WGS84", null, "2021-05-01"],
          ["o3", 55.7, 37.6, null, null, "WGS84", 250, "2021-05-01"],
          ["o4", null, null, null, null, "", null, "2021-05-01"],
        ],
      },
    ]);
    const out = path.join(dir, "out.xlsx");
    const r = await georef(file, "--sheet", "Occurrence", "-o", out);
    expect(r.err).toBe("");
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(/computed: 2 rows/);
    expect(r.out).toMatch(/kept \(already filled\): 1 rows/);
    expect(r.out).toMatch(/without coordinates: 1 rows/);
    expect(r.out).toMatch(/columns added: georeferenceProtocol, georeferenceSources, georeferencedDate/);

    const rows = await readSheet(out, "Occurrence");
    // o1: minute precision from the verbatim terms, datum not recorded.
    const o1 = calculateUncertainty({
      localityType: "coordinates",
      latitude: 55.75,
      longitude: 37.6167,
      coordinatePrecisionDegrees: 1 / 60,
      datum: "",
      source: "description",
    });
    expect(o1.components.datum).toBe(datumError(55.75, 37.6167));
    expect(rows[0].coordinateUncertaintyInMeters).toBe(String(o1.uncertaintyMeters));
    // o2: WGS84, 0.0001° → only the coordinate precision.
    expect(rows[1].coordinateUncertaintyInMeters).toBe(String(Math.round(coordinatePrecisionError(55.7512, 0.0001))));
    // o3 kept as the user wrote it; o4 untouched.
    expect(rows[2].coordinateUncertaintyInMeters).toBe("250");
    expect(rows[2].georeferenceProtocol).toBe("");
    expect(rows[3].coordinateUncertaintyInMeters).toBe("");
    expect(rows[0].georeferenceProtocol).toBe(GEOREFERENCE_PROTOCOL);
    expect(rows[0].georeferencedDate).toBe("2024-06-01");
    expect(rows[0].georeferenceSources).toMatch(/^dwc-excel georef/);
    // The verbatim values are kept and the other sheet is copied.
    expect(rows[0].verbatimLatitude).toBe("55°45'N");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet("Notes")!.getCell("A1").text).toBe("free text");
    expect(wb.getWorksheet("Occurrence")!.getCell("G2").numFmt).toBe("@");
  });

  test("map source, forced known datum, extent column and existing protocol values", async () => {
    const file = await writeWorkbook(dir, "map.xlsx", [
      {
        name: "Data",
        rows: [
          ["decimalLatitude", "decimalLongitude", "radial", "georeferenceProtocol", "coordinateUncertaintyInMeters"],
          ["35.37", "-119.02", null, "my protocol", null],
          ["35.37", "-119.02", "3000", null, null],
        ],
      },
    ]);
    const out = path.join(dir, "out.xlsx");
    const r = await georef(file, "--map-scale", "1:24000", "--datum-known", "--extent-column", "radial", "-o", out);
    expect(r.code).toBe(EXIT.ok);
    const rows = await readSheet(out);
    const precision = coordinatePrecisionError(35.37, 0.01);
    expect(rows[0].coordinateUncertaintyInMeters).toBe(String(Math.round(precision + mapScaleError(24000))));
    expect(rows[1].coordinateUncertaintyInMeters).toBe(String(Math.round(precision + mapScaleError(24000) + 3000)));
    expect(rows[0].georeferenceProtocol).toBe("my protocol");
    expect(rows[1].georeferenceProtocol).toBe(GEOREFERENCE_PROTOCOL);
    expect(rows[0].georeferenceSources).toMatch(/^map 1:24,000 \| /);
  });

  test("GPS source: default accuracy by date (100 m before May 2000) unless given", async () => {
    const file = await writeWorkbook(dir, "gps.xlsx", [
      {
        name: "Occurrence",
        rows: [
          ["decimalLatitude", "decimalLongitude", "geodeticDatum", "eventDate"],
          ["55.123456", "37.123456", "WGS84", "1999-06-01"],
          ["55.123456", "37.123456", "WGS84", "2015-06-01"],
        ],
      },
    ]);
    const out = path.join(dir, "out.xlsx");
    expect((await georef(file, "--source", "gps", "-o", out)).code).toBe(EXIT.ok);
    let rows = await readSheet(out);
    const p = coordinatePrecisionError(55.123456, 0.000001);
    expect(rows.map((x) => x.coordinateUncertaintyInMeters)).toEqual([
      String(Math.round(100 + p)),
      String(Math.round(30 + p)),
    ]);
    expect((await georef(file, "--gps-accuracy", "8", "-o", out)).code).toBe(EXIT.ok);
    rows = await readSheet(out);
    expect(rows[0].coordinateUncertaintyInMeters).toBe(String(Math.round(8 + p)));
    expect(rows[0].georeferenceSources).toMatch(/^GPS \| /);
  });

  test("a CSV file becomes the output's sheet; verbatimCoordinates give the coordinates and precision", async () => {
    const csv = path.join(dir, "birds.csv");
    fs.writeFileSync(csv, `occurrenceID,verbatimCoordinates,geodeticDatum\nb1,"55°45'30""N 37°37'10""E",WGS84\nb2,,\n`);
    const out = path.join(dir, "birds.xlsx");
    const r = await georef(csv, "--datum-unknown", "-o", out);
    expect(r.code).toBe(EXIT.ok);
    const rows = await readSheet(out);
    const lat = 55 + 45 / 60 + 30 / 3600;
    const expected = calculateUncertainty({
      localityType: "coordinates",
      latitude: lat,
      longitude: 37 + 37 / 60 + 10 / 3600,
      coordinatePrecisionDegrees: 1 / 3600,
      datumKnown: false,
      source: "description",
    });
    expect(rows[0].coordinateUncertaintyInMeters).toBe(String(expected.uncertaintyMeters));
    expect(rows[1].coordinateUncertaintyInMeters).toBe("");
    expect(r.out).toMatch(/without coordinates: 1 rows/);
  });

  test("bad rows are reported, not written", async () => {
    const file = await writeWorkbook(dir, "bad.xlsx", [
      {
        name: "Occurrence",
        rows: [
          ["decimalLatitude", "decimalLongitude", "radial"],
          ["95", "10", null],
          ["10", "10", "wide"],
        ],
      },
    ]);
    const out = path.join(dir, "out.xlsx");
    const r = await georef(file, "--extent-column", "radial", "-o", out);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(/not computed: 2 rows/);
    expect((await readSheet(out)).every((x) => (x.coordinateUncertaintyInMeters ?? "") === "")).toBe(true);
  });

  test("unusable arguments", async () => {
    const file = await writeWorkbook(dir, "in.xlsx", [
      {
        name: "Occurrence",
        rows: [
          ["decimalLatitude", "decimalLongitude"],
          [1, 2],
        ],
      },
    ]);
    const out = path.join(dir, "out.xlsx");
    await expect(georef(file)).rejects.toThrow(UsageError);
    await expect(georef(file, "-o", path.join(dir, "out.csv"))).rejects.toThrow(/\.xlsx/);
    await expect(georef(file, "-o", file)).rejects.toThrow(/new file/);
    await expect(georef(file, "--source", "map", "-o", out)).rejects.toThrow(/--map-scale/);
    await expect(georef(file, "--map-scale", "big", "-o", out)).rejects.toThrow(/--map-scale/);
    await expect(georef(file, "--source", "gps", "--map-scale", "1:24000", "-o", out)).rejects.toThrow(/--source map/);
    await expect(georef(file, "--datum-known", "--datum-unknown", "-o", out)).rejects.toThrow(/not both/);
    await expect(georef(file, "--source", "satellite", "-o", out)).rejects.toThrow(/--source/);
    const noSheet = await georef(file, "--sheet", "Nope", "-o", out);
    expect(noSheet.code).toBe(EXIT.unusable);
    expect(noSheet.err).toMatch(/no sheet "Nope"/);
    const noColumn = await georef(file, "--extent-column", "radial", "-o", out);
    expect(noColumn.code).toBe(EXIT.unusable);
    expect(fs.existsSync(out)).toBe(false);
  });
});
