import * as fs from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import { readArchive, recordsOf, type ArchiveContents } from "../../src/archive";
import { cellToText } from "../../src/dwc";
import { openTableFile } from "../../src/file";
import {
  metadataJson,
  metadataSheet,
  OCCURRENCE_HEADERS,
  OCCURRENCE_ROWS,
  run,
  tempDir,
  writeWorkbook,
} from "./helpers";

// ExcelJS reads and writes take seconds when the machine is busy.
jest.setTimeout(60_000);

const dir = tempDir("cli-export");
const examples = path.resolve(__dirname, "../../examples");
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at /);

function readZip(file: string): ArchiveContents {
  return readArchive(new Uint8Array(fs.readFileSync(file)));
}

/** Each data file's rows as header-keyed objects. */
function rowsByHeader(file: ArchiveContents["core"]): Record<string, string>[] {
  const header = file.headerLines[0];
  return file.rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

/**
 * Every cell of every dataset sheet, converted as the user means it (the model's `cellToText`, independently of
 * the exporter), equals the archive's field under the same header; the data files come in sheet order.
 */
async function expectArchiveHoldsWorkbook(file: string, archive: ArchiveContents): Promise<void> {
  const source = await openTableFile(file);
  const dataSheets = source.sheets.filter((s) => s.visible && s.name !== "Metadata");
  const dataFiles = [archive.core, ...archive.extensions];
  expect(dataFiles).toHaveLength(dataSheets.length);
  for (const [i, sheet] of dataSheets.entries()) {
    const expected: Record<string, string>[] = [];
    for await (const chunk of source.readRows(sheet.name)) {
      chunk.values.forEach((row, r) =>
        expected.push(
          Object.fromEntries(
            sheet.headers.map((h, c) => [h, cellToText(row[c], chunk.numberFormats?.[r][c], source.facts)])
          )
        )
      );
    }
    expect(dataFiles[i].headerLines[0].slice().sort()).toEqual(sheet.headers.slice().sort());
    expect(rowsByHeader(dataFiles[i])).toEqual(expected);
  }
}

describe("dwc-excel export of the examples", () => {
  it.each(["occurrence", "checklist", "event"])(
    "examples/%s.xlsx validates without errors and its archive holds exactly the workbook's values",
    async (name) => {
      const file = path.join(examples, `${name}.xlsx`);
      const validation = await run("validate", file, "--json");
      expect(validation.code).toBe(0);
      expect((JSON.parse(validation.out) as { severity: string }[]).filter((i) => i.severity === "error")).toEqual([]);

      const zip = path.join(dir, `${name}.zip`);
      const r = await run("export", file, "-o", zip);
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      expect(r.out).not.toMatch(/Left out/i);
      const archive = readZip(zip);
      expect(archive.metadata?.text).toContain("<eml:eml");

      await expectArchiveHoldsWorkbook(file, archive);
    }
  );
});

describe("dwc-excel export round trip", () => {
  it("keeps Cyrillic, quotes, JSON, leading zeros, 18-digit IDs, dates (serial and text, 1904 system), formula results and hidden rows", async () => {
    const headers = [
      "occurrenceID",
      "basisOfRecord",
      "scientificName",
      "eventDate",
      "countryCode",
      "locality",
      "dynamicProperties",
      "catalogNumber",
      "individualCount",
      "coordinatePrecision",
    ];
    const rows: ExcelJS.CellValue[][] = [
      headers,
      [
        "007",
        "PreservedSpecimen",
        "Parus major",
        43538,
        "RU",
        "Окский заповедник, кордон «Лакаш»",
        '{"sex":"самец","wingMm":74.5}',
        "123456789012345678",
        { formula: "2+3", result: 5 },
        0.1,
      ],
      ["008", "PreservedSpecimen", 'Parus "major"', "2021-06-01", "RU", 'Say "hi"\ttab', "", "000123", 1, 1],
      ["009", "PreservedSpecimen", "Cyanistes caeruleus", 43538.5, "RU", "Hidden row", "", "000124", 2, 0.1 + 0.2],
      ["010", "PreservedSpecimen", "Parus major 🐦", "2021-06", "RU", "Cafe\u0301 «Ёлка» 𝔘", "", "000125", 3, null],
    ];
    const file = await writeWorkbook(
      dir,
      "roundtrip.xlsx",
      [
        {
          name: "Occurrence",
          rows,
          formats: { D2: "yyyy-mm-dd", D4: "yyyy-mm-dd hh:mm", A2: "@", H2: "@" },
          hiddenRows: [4],
        },
        metadataSheet("Round trip"),
      ],
      { date1904: true }
    );
    const zip = path.join(dir, "roundtrip.zip");
    const r = await run("export", file, "-o", zip);
    noStack(r.err);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    // Warnings and infos are listed, not blocking: the formula, the tab, the date serials, the hidden row.
    expect(r.out).toMatch(/Occurrence!I2 "=2\+3"/);
    expect(r.out).toMatch(/1 hidden row/);
    const records = recordsOf(readZip(zip).core);
    const dwc = (term: string) => `http://rs.tdwg.org/dwc/terms/${term}`;
    expect(records.map((rec) => rec.values[dwc("occurrenceID")])).toEqual(["007", "008", "009", "010"]);
    // 43538 in the 1904 system is 2023-03-15 (45000 in the 1900 system).
    expect(records.map((rec) => rec.values[dwc("eventDate")])).toEqual([
      "2023-03-15",
      "2021-06-01",
      "2023-03-15T12:00",
      "2021-06",
    ]);
    expect(records[3].values[dwc("scientificName")]).toBe("Parus major 🐦");
    expect(records[3].values[dwc("locality")]).toBe("Cafe\u0301 «Ёлка» 𝔘");
    expect(records[3].values[dwc("coordinatePrecision")]).toBe("");
    expect(records[0].values[dwc("locality")]).toBe("Окский заповедник, кордон «Лакаш»");
    expect(records[0].values[dwc("dynamicProperties")]).toBe('{"sex":"самец","wingMm":74.5}');
    expect(records[0].values[dwc("catalogNumber")]).toBe("123456789012345678");
    expect(records[0].values[dwc("individualCount")]).toBe("5");
    expect(records[1].values[dwc("scientificName")]).toBe('Parus "major"');
    expect(records[1].values[dwc("locality")]).toBe('Say "hi"\ttab');
    expect(records[1].values[dwc("catalogNumber")]).toBe("000123");
    // 0.1 + 0.2 is stored as 0.30000000000000004; Excel shows (and the user means) 0.3.
    expect(records[2].values[dwc("coordinatePrecision")]).toBe("0.3");
    expect(records[2].values[dwc("locality")]).toBe("Hidden row");
  });

  it("keeps an event workbook's hostile values in the core and both extensions (1904 dates, formulas, hidden rows)", async () => {
    const event: ExcelJS.CellValue[][] = [
      [
        "eventID",
        "type",
        "eventDate",
        "samplingProtocol",
        "sampleSizeValue",
        "sampleSizeUnit",
        "countryCode",
        "decimalLatitude",
        "decimalLongitude",
        "geodeticDatum",
        "coordinateUncertaintyInMeters",
        "eventRemarks",
      ],
      [
        "0001",
        "Event",
        43538,
        "маршрутный учёт «Лакаш»",
        2,
        "kilometre",
        "RU",
        54.7337,
        40.8602,
        "WGS84",
        1000,
        'Ветер "слабый"; {"cloud":20}',
      ],
      [
        "0002",
        "Event",
        "2023-06-15",
        "point count",
        { formula: "1+1", result: 2 },
        "kilometre",
        "RU",
        54.7552,
        40.9104,
        "WGS84",
        1000,
        "🐦 e\u0301",
      ],
    ];
    const occurrences: ExcelJS.CellValue[][] = [
      [
        "eventID",
        "occurrenceID",
        "basisOfRecord",
        "eventDate",
        "scientificName",
        "occurrenceStatus",
        "organismQuantity",
        "organismQuantityType",
        "catalogNumber",
      ],
      [
        "0001",
        "123456789012345678",
        "HumanObservation",
        43538,
        "Fringilla coelebs Linnaeus, 1758",
        "present",
        14,
        "individuals",
        "000042",
      ],
      [
        "0002",
        "123456789012345679",
        "HumanObservation",
        "2023-06-15",
        "Crex crex (Linnaeus, 1758)",
        "present",
        { formula: "2+1", result: 3 },
        "individuals",
        "000043",
      ],
    ];
    const mof: ExcelJS.CellValue[][] = [
      [
        "eventID",
        "measurementID",
        "measurementType",
        "measurementValue",
        "measurementUnit",
        "measurementDeterminedDate",
      ],
      ["0001", "0001-t", "air temperature", 11.5, "°C", 43538],
      ["0002", "0002-t", "температура воздуха", -0.5, "°C", "2023-06-15"],
    ];
    const file = await writeWorkbook(
      dir,
      "event-roundtrip.xlsx",
      [
        { name: "Event", rows: event, formats: { A2: "@", A3: "@", C2: "yyyy-mm-dd" } },
        {
          name: "Associated occurrences",
          rows: occurrences,
          formats: { A2: "@", A3: "@", B2: "@", B3: "@", D2: "yyyy-mm-dd", I2: "@", I3: "@" },
          hiddenRows: [3],
        },
        { name: "MeasurementOrFact", rows: mof, formats: { A2: "@", A3: "@", F2: "dd.mm.yyyy" } },
        metadataSheet("Event round trip"),
      ],
      { date1904: true }
    );
    const zip = path.join(dir, "event-roundtrip.zip");
    const r = await run("export", file, "-o", zip);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const archive = readZip(zip);
    await expectArchiveHoldsWorkbook(file, archive);
    // The facts behind the comparison, spelled out.
    expect(rowsByHeader(archive.core).map((x) => [x.eventID, x.eventDate, x.sampleSizeValue])).toEqual([
      ["0001", "2023-03-15", "2"],
      ["0002", "2023-06-15", "2"],
    ]);
    expect(
      rowsByHeader(archive.extensions[0]).map((x) => [x.occurrenceID, x.organismQuantity, x.catalogNumber])
    ).toEqual([
      ["123456789012345678", "14", "000042"],
      ["123456789012345679", "3", "000043"],
    ]);
    expect(rowsByHeader(archive.extensions[1]).map((x) => x.measurementDeterminedDate)).toEqual([
      "2023-03-15",
      "2023-06-15",
    ]);
  });

  it("exports a CSV file with --core, and asks for --core without it", async () => {
    const csv = path.join(dir, "birds.csv");
    const lines = [OCCURRENCE_HEADERS.join(";"), ...OCCURRENCE_ROWS.map((row) => row.map((v) => String(v)).join(";"))];
    fs.writeFileSync(csv, "\uFEFF" + lines.join("\r\n") + "\r\n");
    const meta = path.join(dir, "meta.json");
    fs.writeFileSync(meta, metadataJson("Birds from CSV"));
    const zip = path.join(dir, "birds.zip");
    const noCore = await run("export", csv, "--metadata", meta, "-o", zip);
    expect(noCore.code).toBe(2);
    expect(noCore.err).toMatch(/--core occurrence\|event\|taxon/);
    const r = await run("export", csv, "--core", "occurrence", "--metadata", meta, "-o", zip);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const archive = readZip(zip);
    expect(rowsByHeader(archive.core).map((x) => x.decimalLatitude)).toEqual(["54.7312", "54.7401"]);
    expect(archive.metadata?.text).toContain("Birds from CSV");
  });

  it("takes --metadata JSON over the workbook's Metadata sheet", async () => {
    const file = await writeWorkbook(dir, "both.xlsx", [
      { name: "Occurrence", rows: [OCCURRENCE_HEADERS, ...OCCURRENCE_ROWS] },
      metadataSheet("From the sheet"),
    ]);
    const meta = path.join(dir, "wins.json");
    fs.writeFileSync(meta, metadataJson("From the JSON file"));
    const zip = path.join(dir, "both.zip");
    expect((await run("export", file, "--metadata", meta, "-o", zip)).code).toBe(0);
    const eml = readZip(zip).metadata!.text!;
    expect(eml).toContain("From the JSON file");
    expect(eml).not.toContain("From the sheet");
  });

  it("lists the summary: files, records and left-out columns", async () => {
    const file = await writeWorkbook(dir, "leftout.xlsx", [
      {
        name: "Occurrence",
        rows: [[...OCCURRENCE_HEADERS, "Примечание"], ...OCCURRENCE_ROWS.map((r) => [...r, "заметка"])],
      },
      metadataSheet("Left out"),
    ]);
    const r = await run("export", file, "-o", path.join(dir, "leftout.zip"));
    expect(r.code).toBe(0);
    expect(r.out).toContain("occurrence.txt <- Occurrence: 2 records, 11 columns");
    expect(r.out).toMatch(/Left out.*\n\s+Occurrence!L1 "Примечание": not a term, filled cells 2/);
  });
});

describe("dwc-excel export refuses", () => {
  it("exits 1 on data errors, names the cells and writes no archive", async () => {
    const rows: ExcelJS.CellValue[][] = [OCCURRENCE_HEADERS, ...OCCURRENCE_ROWS.map((r) => [...r])];
    rows[2][5] = { formula: "1/0", result: { error: "#DIV/0!" } };
    rows[1][1] = "Specimen";
    const file = await writeWorkbook(dir, "blocked.xlsx", [{ name: "Occurrence", rows }, metadataSheet("Blocked")]);
    const zip = path.join(dir, "blocked.zip");
    const r = await run("export", file, "-o", zip);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^Export blocked: /);
    expect(r.err).toContain('Occurrence!F3 "#DIV/0!"');
    expect(r.err).toContain('Occurrence!B2 "Specimen"');
    expect(fs.existsSync(zip)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".part"))).toEqual([]);
  });

  it("writes the archive with errors listed (exit 0), and refuses them with --strict", async () => {
    const rows: ExcelJS.CellValue[][] = [OCCURRENCE_HEADERS, ...OCCURRENCE_ROWS.map((r) => [...r])];
    rows[1][5] = 95; // latitude out of range: GBIF drops the coordinates; the IPT publishes the record
    const file = await writeWorkbook(dir, "errors.xlsx", [{ name: "Occurrence", rows }, metadataSheet("Errors")]);
    const zip = path.join(dir, "errors.zip");
    const r = await run("export", file, "-o", zip);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/The archive was written, but the data has errors/);
    expect(r.out).toContain('Occurrence!F2 "95"');
    expect(recordsOf(readZip(zip).core).length).toBe(OCCURRENCE_ROWS.length);
    const strictZip = path.join(dir, "errors-strict.zip");
    const strict = await run("export", file, "--strict", "-o", strictZip);
    expect(strict.code).toBe(1);
    expect(strict.err).toMatch(/^Export blocked: 1 error\(s\), /);
    expect(strict.err).toContain("--strict");
    expect(fs.existsSync(strictZip)).toBe(false);
  });

  it("counts blockers exactly, beyond the first thousand it lists", async () => {
    const rows: ExcelJS.CellValue[][] = [["occurrenceID", "basisOfRecord", "scientificName", "eventDate"]];
    for (let i = 0; i < 10_500; i++) rows.push([`o${i}`, "", "Parus major", "2012-06-23"]);
    const file = await writeWorkbook(dir, "many.xlsx", [{ name: "Occurrence", rows }, metadataSheet("Many")]);
    const r = await run("export", file, "--no-geo", "-o", path.join(dir, "many.zip"));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^Export blocked: 10500 blocker\(s\), /);
  });

  it("exits 1 on a fresh template, pointing at the Metadata cells GBIF needs filled", async () => {
    const template = path.join(dir, "fresh.xlsx");
    expect((await run("template", "occurrence", "-o", template)).code).toBe(0);
    const r = await run("export", template, "-o", path.join(dir, "fresh.zip"));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Metadata!B\d+ \[title\]: /);
    expect(r.err).toMatch(/Metadata!B\d+ \[license\]: /);
    expect(r.err).toMatch(/Metadata!B\d+ \[creator\]: /);
  });

  it("exits 1 when metadata is missing or incomplete, listing what GBIF needs and the data's errors too", async () => {
    const file = await writeWorkbook(dir, "nometa.xlsx", [
      { name: "Occurrence", rows: [OCCURRENCE_HEADERS, ...OCCURRENCE_ROWS] },
    ]);
    const none = await run("export", file, "-o", path.join(dir, "nometa.zip"));
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/no metadata\. Add a Metadata sheet .* or give --metadata META\.json/);

    const meta = path.join(dir, "untitled.json");
    fs.writeFileSync(meta, metadataJson("", { license: "" }));
    const r = await run("export", file, "--metadata", meta, "-o", path.join(dir, "untitled.zip"), "--lang", "ru");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^Экспорт остановлен/);
    expect(r.err).toMatch(/untitled\.json \[title\]: .*Название/);
    expect(r.err).toMatch(/untitled\.json \[license\]: /);
  });

  it.each([
    [["export"], /name the input file/],
    [["export", "x.xlsx"], /give the archive to write with -o OUT\.zip/],
    [["export", "x.xlsx", "-o", "x.txt"], /must be a \.zip file/],
    [["export", "/nonexistent/x.xlsx", "-o", "x.zip"], /x\.xlsx: file not found/],
    [
      ["export", path.join(examples, "occurrence.xlsx"), "-o", "/nonexistent/dir/x.zip"],
      /x\.zip: cannot write the archive \(ENOENT\)/,
    ],
  ])("exits 2 on %j", async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    noStack(r.err);
  });

  it("exits 2 when the --metadata file is missing", async () => {
    const file = await writeWorkbook(dir, "m.xlsx", [
      { name: "Occurrence", rows: [OCCURRENCE_HEADERS, ...OCCURRENCE_ROWS] },
    ]);
    const r = await run("export", file, "--metadata", path.join(dir, "nope.json"), "-o", path.join(dir, "m.zip"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/nope\.json: metadata file not found/);
  });
});
