import * as fs from "fs";
import * as path from "path";
import Papa from "papaparse";
import { strFromU8, unzipSync } from "fflate";
import {
  addChunkToCoverage,
  deriveCoverage,
  emptyMetadata,
  longitudeSpan,
  mergeCoverage,
  newCoverageStats,
  parseEventDate,
} from "../../src/metadata";
import type { CoverageStats } from "../../src/metadata";
import type { CellValue, RowChunk } from "../../src/dwc/table";
import { SHARED } from "./helpers";

/** A delimited sample file as header + rows of text cells. */
function readTable(file: string, delimiter: string): { headers: string[]; rows: CellValue[][] } {
  const text = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true });
  const [headers, ...rows] = parsed.data;
  return { headers, rows };
}

/** Feed rows in chunks of `size`, as the adapters do. */
function feed(stats: CoverageStats, headers: string[], rows: CellValue[][], size: number): void {
  for (let i = 0; i < rows.length; i += size) {
    const chunk: RowChunk = { startRow: i + 2, values: rows.slice(i, i + size) };
    addChunkToCoverage(stats, headers, chunk);
  }
}

const CHECKLIST_OCCURRENCES = path.join(SHARED, "samples/dwca/dwcaio__checklist_980.zip");
const DWC_QA = path.join(SHARED, "dwc/examples/tdwg-dwc-qa_event-core/unzipped");

describe("coverage from the dwc-qa event archive (event.txt + occurrence.txt)", () => {
  it("takes the eventDate range of both sheets", () => {
    const stats = newCoverageStats();
    for (const file of ["event.txt", "occurrence.txt"]) {
      const { headers, rows } = readTable(path.join(DWC_QA, file), "\t");
      feed(stats, headers, rows, 1);
    }
    const coverage = deriveCoverage(stats, "en");
    expect(stats.rows).toBe(4);
    expect(stats.dated).toBe(4);
    // Every row of the sample is dated 2019-07-04, so the coverage is that single day.
    expect(coverage.temporal).toEqual({ begin: "2019-07-04", end: "", source: "data" });
    expect(coverage.geographic.west).toBeNull();
    expect(coverage.taxonomic.taxa).toEqual([]);
  });
});

describe("coverage from a real occurrence file (dwca-io checklist_980 occurrences.csv, 740 rows)", () => {
  let headers: string[];
  let rows: CellValue[][];
  beforeAll(() => {
    // Unzipped here with fflate: the test reads the sample's data file, not the archive layout.
    const files = unzipSync(new Uint8Array(fs.readFileSync(CHECKLIST_OCCURRENCES)));
    const name = Object.keys(files).find((n) => n.endsWith("occurrences.csv")) as string;
    const text = strFromU8(files[name]).replace(/^\uFEFF/, "");
    const parsed = Papa.parse<string[]>(text, { delimiter: ";", quoteChar: '"', skipEmptyLines: true });
    [headers, ...rows] = parsed.data;
  });

  it("gives the bounding box and date range the rows hold, whatever the chunk size", () => {
    const col = (t: string): number => headers.indexOf(t);
    // Expected values computed directly from the parsed rows.
    const lats: number[] = [];
    const dates: string[] = [];
    for (const r of rows) {
      const y = String(r[col("decimalLatitude")] ?? "").trim();
      const x = String(r[col("decimalLongitude")] ?? "").trim();
      if (y !== "" && x !== "" && !Number.isNaN(Number(y)) && !Number.isNaN(Number(x))) lats.push(Number(y));
      const d = String(r[col("eventDate")] ?? "").trim();
      if (d) {
        // A reduced end (2011-04-04/05-10) takes its missing leading parts from the start.
        const [a, b] = d.split("/");
        dates.push(a);
        if (b) dates.push(a.slice(0, a.length - b.length) + b);
      }
    }
    expect(lats.length).toBe(740);
    // Intervals such as 2011-06-23/2012-06-21 and reduced ones such as 2011-04-04/05-10 occur in this file.
    expect(rows.some((r) => /^\d{4}-\d{2}-\d{2}\/\d{2}-\d{2}$/.test(String(r[col("eventDate")])))).toBe(true);

    const whole = newCoverageStats();
    feed(whole, headers, rows, rows.length);
    const chunked = newCoverageStats();
    feed(chunked, headers, rows, 37);
    expect(chunked).toEqual(whole);

    const c = deriveCoverage(whole, "en");
    expect(whole.points).toBe(lats.length);
    expect(whole.badDates).toBe(0);
    expect(c.geographic.south).toBe(Math.min(...lats));
    expect(c.geographic.north).toBe(Math.max(...lats));
    expect(c.temporal.begin).toBe([...dates].sort()[0]);
    expect(c.temporal.end).toBe([...dates].sort()[dates.length - 1]);
    expect(c.geographic.description).toBe(`Bounding box of the coordinates of ${lats.length} records in the dataset.`);
  });

  it("agrees with the plain min/max of longitudes when the points do not straddle the antimeridian", () => {
    const stats = newCoverageStats();
    feed(stats, headers, rows, 200);
    const col = headers.indexOf("decimalLongitude");
    const lons = rows
      .map((r) => String(r[col] ?? "").trim())
      .filter((s) => s !== "" && !Number.isNaN(Number(s)))
      .map(Number);
    const [west, east] = longitudeSpan(stats) as [number, number];
    const span = east >= west ? east - west : east + 360 - west;
    expect(span).toBeLessThanOrEqual(Math.max(...lons) - Math.min(...lons));
  });
});

describe("coverage from a GBIF download (python-dwca-reader gbif-results, no header line)", () => {
  it("counts kingdom..family names from headers given as term IRIs, and counts Java-style dates as unusable", () => {
    const files = unzipSync(
      new Uint8Array(fs.readFileSync(path.join(SHARED, "samples/dwca/pydwca__gbif-results.zip")))
    );
    const member = (suffix: string): string =>
      strFromU8(files[Object.keys(files).find((n) => n.endsWith(suffix) && !n.includes("__MACOSX")) as string]);
    const headers: string[] = [];
    for (const m of member("meta.xml").matchAll(/<field index="(\d+)" term="([^"]+)"/g)) headers[Number(m[1])] = m[2];
    const rows: CellValue[][] = member("occurrence.txt")
      .split("\n")
      .filter((l) => l !== "")
      .map((l) => l.split("\t"));
    const stats = newCoverageStats();
    feed(stats, headers, rows, 50);
    const expected = (rank: string): Map<string, number> => {
      const i = headers.indexOf(`http://rs.tdwg.org/dwc/terms/${rank}`);
      const m = new Map<string, number>();
      for (const r of rows) if (String(r[i]).trim()) m.set(String(r[i]).trim(), (m.get(String(r[i]).trim()) ?? 0) + 1);
      return m;
    };
    const c = deriveCoverage(stats, "en");
    for (const rank of ["kingdom", "phylum", "class", "order", "family"]) {
      expect(new Map(c.taxonomic.taxa.filter((t) => t.rank === rank).map((t) => [t.name, t.count]))).toEqual(
        expected(rank)
      );
    }
    expect(c.taxonomic.taxa.find((t) => t.rank === "family")).toEqual({
      rank: "family",
      name: "Tetraodontidae",
      commonName: "",
      count: rows.length,
    });
    expect(c.taxonomic.taxa.map((t) => t.rank)).toEqual(
      [...c.taxonomic.taxa.map((t) => t.rank)].sort(
        (a, b) =>
          ["kingdom", "phylum", "class", "order", "family"].indexOf(a) -
          ["kingdom", "phylum", "class", "order", "family"].indexOf(b)
      )
    );
    expect(stats.rows).toBe(rows.length);
    expect(stats.badDates).toBe(rows.filter((r) => String(r[28] ?? "").trim() !== "").length);
    expect(stats.badDateExample).toMatch(/^\w{3} \w{3} \d{2} 00:00:00 CES?T \d{4}$/);
  });
});

describe("addChunkToCoverage", () => {
  const headers = ["occurrenceID", "decimalLatitude", "decimalLongitude", "eventDate", "kingdom", "family"];

  it("boxes Chukotka across the antimeridian instead of around the world", () => {
    const stats = newCoverageStats();
    addChunkToCoverage(stats, headers, {
      startRow: 2,
      values: [
        ["1", 64.73, 177.5, "2020-07-01", "Animalia", "Anatidae"],
        ["2", 65.1, -179.9, "2020-07-02", "Animalia", "Anatidae"],
        ["3", 66.0, -171.2, "2020-07-03", "Animalia", "Laridae"],
        ["4", 64.5, 179.99, "", "", ""],
      ],
    });
    const c = deriveCoverage(stats, "ru");
    expect([c.geographic.west, c.geographic.east, c.geographic.south, c.geographic.north]).toEqual([
      177.5, -171.2, 64.5, 66.0,
    ]);
    expect(c.geographic.description).toBe("Ограничивающий прямоугольник координат 4 записей набора данных.");
  });

  it("reads text and number cells, skips empty ones and counts unusable values", () => {
    const stats = newCoverageStats();
    addChunkToCoverage(
      stats,
      headers.map((h) => `dwc:${h}`),
      {
        startRow: 2,
        values: [
          ["1", "55,75", "37.6", "2020-13-01", "Plantae", "Rosaceae"],
          ["2", "55.75", "37.61", "1906-06", " Plantae ", "Rosaceae"],
          ["3", "", "", "", null, null],
          ["4", "91", "37", "2007-11-13/15", "Plantae", "Poaceae"],
        ],
      }
    );
    expect(stats.points).toBe(1);
    expect(stats.badCoordinates).toBe(2);
    expect(stats.badDates).toBe(1);
    expect(stats.badDateExample).toBe("2020-13-01");
    expect([stats.begin, stats.end]).toEqual(["1906-06-01", "2007-11-15"]);
    expect(stats.taxa.kingdom).toEqual({ Plantae: 3 });
    expect(stats.taxa.family).toEqual({ Rosaceae: 2, Poaceae: 1 });
  });

  it("reads Excel date serials by their date format, in both date systems, and whole numbers as years", () => {
    const stats1900 = newCoverageStats();
    const chunk: RowChunk = {
      startRow: 2,
      values: [
        ["1", null, null, 43831, null, null],
        ["2", null, null, 1995, null, null],
      ],
      numberFormats: [
        [null, null, null, "dd.mm.yyyy", null, null],
        [null, null, null, "General", null, null],
      ],
    };
    addChunkToCoverage(stats1900, headers, chunk);
    expect([stats1900.begin, stats1900.end]).toEqual(["1995-01-01", "2020-01-01"]);
    const stats1904 = newCoverageStats();
    addChunkToCoverage(stats1904, headers, { ...chunk, values: [chunk.values[0]] }, { date1904: true });
    expect(stats1904.begin).toBe("2024-01-02");
  });

  it("uses the adapter's cell conversion when given", () => {
    const stats = newCoverageStats();
    addChunkToCoverage(
      stats,
      headers,
      { startRow: 2, values: [["1", null, null, 45000.5, null, null]] },
      {
        cellText: (v) => (v === 45000.5 ? "2023-03-15T12:00" : String(v ?? "")),
      }
    );
    expect([stats.begin, stats.end]).toEqual(["2023-03-15", "2023-03-15"]);
  });

  it("falls back to year, month and day when there is no eventDate", () => {
    const stats = newCoverageStats();
    addChunkToCoverage(stats, ["year", "month", "day"], {
      startRow: 2,
      values: [
        ["1987", "5", ""],
        [1990, 7, 3],
      ],
    });
    expect([stats.begin, stats.end]).toEqual(["1987-05-01", "1990-07-03"]);
  });
});

describe("parseEventDate", () => {
  it.each([
    ["1963-03-08T14:07-0600", "1963-03-08", "1963-03-08"],
    ["2009-02-20T08:40Z", "2009-02-20", "2009-02-20"],
    ["2018-08-29T15:19", "2018-08-29", "2018-08-29"],
    ["1809-02-12", "1809-02-12", "1809-02-12"],
    ["1906-06", "1906-06-01", "1906-06-30"],
    ["1971", "1971-01-01", "1971-12-31"],
    ["2007-03-01T13:00:00Z/2008-05-11T15:30:00Z", "2007-03-01", "2008-05-11"],
    ["1900/1909", "1900-01-01", "1909-12-31"],
    ["2007-11-13/15", "2007-11-13", "2007-11-15"],
    ["2007-11-13/12-02", "2007-11-13", "2007-12-02"],
    ["2004-02/05", "2004-02-01", "2004-05-31"],
    ["2004-02", "2004-02-01", "2004-02-29"],
    ["2021-032", "2021-02-01", "2021-02-01"],
    ["20210714", "2021-07-14", "2021-07-14"],
  ])("reads the DwC example %s", (text, start, end) => {
    expect(parseEventDate(text)).toEqual({ start, end });
  });

  it.each(["", "2023-02-29", "14.07.2021", "2021-07-14/2021-07-01", "spring 1999", "1999/..", "2021-13"])(
    "rejects %p",
    (text) => {
      expect(parseEventDate(text)).toBeUndefined();
    }
  );
});

describe("mergeCoverage", () => {
  it("keeps the parts the user edited and replaces the derived ones", () => {
    const current = emptyMetadata().coverage;
    current.geographic = {
      description: "Oka reserve",
      west: 40.6,
      east: 41.0,
      north: 54.8,
      south: 54.6,
      source: "user",
    };
    current.temporal = { begin: "1990", end: "", source: "data" };
    const stats = newCoverageStats();
    addChunkToCoverage(stats, ["decimalLatitude", "decimalLongitude", "eventDate", "family"], {
      startRow: 2,
      values: [[54.7, 40.7, "2001-05-06", "Paridae"]],
    });
    const merged = mergeCoverage(current, deriveCoverage(stats, "en"));
    expect(merged.geographic).toBe(current.geographic);
    expect(merged.temporal).toEqual({ begin: "2001-05-06", end: "", source: "data" });
    expect(merged.taxonomic.taxa).toEqual([{ rank: "family", name: "Paridae", commonName: "", count: 1 }]);
  });
});
