/**
 * Round trip: workbook-shaped sheets -> exportArchive -> zip -> readArchive, and every value equals the text the
 * user means. The data files are also parsed independently with papaparse.
 */
import Papa from "papaparse";
import { strFromU8, unzipSync } from "fflate";
import { getProperty } from "../../src/dwc/rowTypes";
import type { ExportResult } from "../../src/archive";
import { exportArchive, readArchive, recordsOf, archiveFileName } from "../../src/archive";
import { dwcTextSchema, xmllint } from "./helpers";
import type { TestSheet } from "./workbooks";
import { role, testSheet } from "./workbooks";

const EML = '<?xml version="1.0" encoding="UTF-8"?>\n<eml:eml xmlns:eml="https://eml.ecoinformatics.org/eml-2.2.0"/>\n';
const FIXED_TIME = new Date(Date.UTC(2024, 0, 2, 3, 4, 6));

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Exports the sheets, reads the zip back, and checks every value of every sheet against its expected text. */
async function roundTrip(sheets: TestSheet[], date1904 = false): Promise<{ result: ExportResult; zip: Uint8Array }> {
  const result = await exportArchive({
    sheets: sheets.map((s) => s.source),
    facts: { date1904 },
    emlXml: EML,
    mtime: FIXED_TIME,
  });
  expect(result.summary.blockers).toEqual([]);
  expect(result.summary.errors.map((e) => `${e.sheet}!${e.row}:${e.column} ${e.ruleId} ${e.message.en}`)).toEqual([]);
  expect(result.ok).toBe(true);
  const zip = concat(result.zip);
  const archive = readArchive(zip);
  const files = [archive.core, ...archive.extensions];
  const raw = unzipSync(zip);
  sheets.forEach((sheet, s) => {
    const exported = result.summary.files[s];
    const contents = files.find((f) => f.descriptor.location === exported.location)!;
    const records = recordsOf(contents);
    const { rowTypeId, idTerm } = sheet.source.role;
    expect(records).toHaveLength(sheet.expected.length);
    // Independent reader: papaparse on the raw data file, with the header line.
    const papa = Papa.parse<string[]>(strFromU8(raw[exported.location]), {
      delimiter: "\t",
      newline: "\n",
      quoteChar: '"',
      skipEmptyLines: "greedy",
    });
    expect(papa.errors).toEqual([]);
    expect(papa.data[0]).toEqual(exported.columns);
    sheet.expected.forEach((want, r) => {
      expect(records[r].id).toBe(want[idTerm]);
      for (const [header, text] of Object.entries(want)) {
        const property = getProperty(rowTypeId, header);
        if (property && header !== idTerm) expect([header, records[r].values[property.iri]]).toEqual([header, text]);
        const column = exported.columns.indexOf(property?.name ?? header);
        if (column >= 0) expect([header, papa.data[r + 1][column]]).toEqual([header, text]);
      }
    });
  });
  expect(strFromU8(raw["eml.xml"])).toBe(EML);
  expect(xmllint(strFromU8(raw["meta.xml"]), dwcTextSchema()).valid).toBe(true);
  return { result, zip };
}

const dateCell = (value: number, text: string, format = "dd.mm.yyyy") => ({ value, format, text });

describe("exportArchive round trip", () => {
  it("occurrence: Cyrillic, quotes, JSON, leading zeros, 18-digit IDs, dates as serials and text, formulas, hidden rows", async () => {
    const headers = [
      "occurrenceID",
      "basisOfRecord",
      "scientificName",
      "eventDate",
      "verbatimEventDate",
      "decimalLatitude",
      "decimalLongitude",
      "individualCount",
      "recordedBy",
      "dynamicProperties",
      "catalogNumber",
      "verbatimElevation",
      "occurrenceRemarks",
      "Примечание",
    ];
    const sheet = testSheet("Находки", role("occurrence", "core", "occurrence", "occurrenceID"), headers, [
      [
        "00123",
        "PreservedSpecimen",
        "Parus major Linnaeus, 1758",
        dateCell(45000, "2023-03-15"),
        "15 марта 2023",
        { value: 55.7558, text: "55.7558" },
        { value: 37.6173, text: "37.6173" },
        { value: 3, text: "3" },
        'Иванов И.И. | "Петров" П.',
        '{"habitat":"лес","note":"say \\"hi\\""}',
        "123456789012345678",
        "",
        "line one\nline two\tand a tab",
        "внутренняя заметка",
      ],
      [
        "00124",
        "HumanObservation",
        "Cyanistes caeruleus",
        dateCell(45000.75, "2023-03-15T18:00", "yyyy-mm-dd hh:mm"),
        "2023-03-15",
        { value: 55 + 0.1 + 0.2, formula: "=55+0.1+0.2", text: "55.3" },
        { value: 37.5, text: "37.5" },
        { value: 2, formula: "=1+1", text: "2" },
        null,
        "",
        "000000000000000042",
        { value: 1e21, format: "0", text: "1000000000000000000000" },
        "\r\nstarts and ends with line breaks\r\n",
        null,
      ],
      // A row hidden or filtered out in Excel arrives like any other and is data.
      ["hidden-1", "HumanObservation", "Sitta europaea", "2023-03-16", "", { value: 0.000001, text: "0.000001" }, { value: 0, text: "0" }, null, null, null, null, null, null, null],
      [null, null, null, null, null, null, null, null, null, null, null, null, null, null],
      ["last", "Occurrence", "Ёлкин ёж 🦔", "2023", { value: 0.5, format: "h:mm", text: "12:00" }, null, null, null, null, null, null, { value: true, text: "true" }, null, "x"],
    ]);
    const { result } = await roundTrip([sheet]);
    const file = result.summary.files[0];
    expect(file).toMatchObject({ sheet: "Находки", location: "occurrence.txt", records: 4, emptyRowsSkipped: 1 });
    expect(result.summary.leftOutColumns).toEqual([
      { sheet: "Находки", column: 13, header: "Примечание", reason: "not-a-term", filledCells: 2 },
    ]);
    expect(sheet.chunksServed()).toBe(3);
  });

  it("honours the 1904 date system", async () => {
    const sheet = testSheet("Occurrence", role("occurrence", "core", "occurrence", "occurrenceID"), ["occurrenceID", "basisOfRecord", "eventDate"], [
      // 1900 serial 44927 is 2023-01-01; the 1904 system counts 1462 days fewer.
      ["o1", "HumanObservation", dateCell(44927 - 1462, "2023-01-01")],
      ["o2", "HumanObservation", dateCell(0, "1904-01-01", "yyyy-mm-dd")],
    ]);
    await roundTrip([sheet], true);
  });

  it("checklist: taxon core with a vernacular names extension", async () => {
    const taxa = testSheet(
      "Taxon",
      role("taxon", "core", "checklist", "taxonID"),
      ["taxonID", "parentNameUsageID", "scientificName", "taxonRank", "kingdom", "taxonomicStatus", "taxonRemarks"],
      [
        ["1", "", "Animalia", "kingdom", "Animalia", "accepted", ""],
        ["0002", "1", "Parus major Linnaeus, 1758", "species", "Animalia", "accepted", 'a.k.a. "great tit"'],
        ["0003", "1", "Parus cinereus Vieillot, 1818", "species", "Animalia", "accepted", "Дальневосточный"],
      ]
    );
    const names = testSheet(
      "Vernacular names",
      role("vernacularname", "extension", "checklist", "taxonID"),
      ["taxonID", "vernacularName", "language"],
      [
        ["0002", "Большая синица", "ru"],
        ["0002", "Great Tit", "en"],
        ["0003", "Восточная синица", "ru"],
      ]
    );
    const { zip } = await roundTrip([taxa, names]);
    const meta = strFromU8(unzipSync(zip)["meta.xml"]);
    expect(meta).toContain('rowType="http://rs.gbif.org/terms/1.0/VernacularName"');
    expect(meta).toContain('<coreid index="0"/>');
  });

  it("event: event core, associated occurrences and measurements", async () => {
    const events = testSheet(
      "События",
      role("event", "core", "event", "eventID"),
      ["eventID", "type", "parentEventID", "eventDate", "samplingProtocol", "sampleSizeValue", "sampleSizeUnit", "decimalLatitude", "decimalLongitude", "countryCode"],
      [
        ["E1", "Event", "", "2023-06-01/2023-06-05", "маршрутный учёт", { value: 2.5, text: "2.5" }, "kilometre", { value: 67.1, text: "67.1" }, { value: 32.4, text: "32.4" }, "RU"],
        ["E2", "Event", "E1", dateCell(45078, "2023-06-01"), "point count", { value: 10, text: "10" }, "minute", null, null, "RU"],
      ]
    );
    const occurrences = testSheet(
      "Associated occurrences",
      role("occurrence", "extension", "event", "eventID"),
      ["eventID", "occurrenceID", "basisOfRecord", "eventDate", "scientificName", "individualCount", "occurrenceStatus"],
      [
        ["E1", "E1-1", "HumanObservation", "2023-06-01", "Lagopus lagopus", { value: 12, text: "12" }, "present"],
        ["E1", "E1-2", "HumanObservation", "2023-06-01", "Tetrao urogallus", { value: 0, text: "0" }, "absent"],
        ["E2", "E2-1", "HumanObservation", dateCell(45078, "2023-06-01"), "Lagopus lagopus", { value: 1, text: "1" }, "present"],
      ]
    );
    const measurements = testSheet(
      "MeasurementOrFact",
      role("measurementorfact", "extension", "event", "eventID"),
      ["eventID", "measurementType", "measurementValue", "measurementUnit", "measurementDeterminedDate"],
      [
        ["E1", "temperature", { value: -3.2, text: "-3.2" }, "°C", dateCell(45078, "2023-06-01")],
        ["E1", "cloud cover", { value: 0.75, format: "0%", text: "0.75" }, "", null],
        ["E2", "snow depth", { value: 0.1 * 3, text: "0.3" }, "m", null],
      ]
    );
    const { zip, result } = await roundTrip([events, occurrences, measurements]);
    expect(result.summary.files.map((f) => [f.location, f.records])).toEqual([
      ["event.txt", 2],
      ["occurrence.txt", 3],
      ["measurementorfact.txt", 3],
    ]);
    const meta = strFromU8(unzipSync(zip)["meta.xml"]);
    // MeasurementOrFact does not define eventID: the link is the coreid only, not a field.
    const mof = meta.slice(meta.indexOf("measurementorfact.txt"));
    expect(mof).not.toContain("terms/eventID");
    // The Occurrence extension defines eventID: declared as a field too.
    const occ = meta.slice(meta.indexOf("<location>occurrence.txt"), meta.indexOf("measurementorfact.txt"));
    expect(occ).toContain('<field index="0" term="http://rs.tdwg.org/dwc/terms/eventID"/>');
  });
});

describe("exportArchive refusals and summary", () => {
  const occurrenceRole = role("occurrence", "core", "occurrence", "occurrenceID");

  it("blocks on Excel error values, naming sheet, cell and value, in English and Russian", async () => {
    const make = () =>
      testSheet("Лист1", occurrenceRole, ["occurrenceID", "scientificName", "individualCount", "notes"], [
        ["o1", "Parus major", { value: "#N/A", formula: "=VLOOKUP(A2,X:Y,2,0)", text: "" }, "#REF!"],
        ["o2", "#ИМЯ?", null, null],
      ]);
    const sheet = make();
    // With the validation (the default), its excel-error blockers name the cells, once each.
    const validated = await exportArchive({ sheets: [sheet.source], facts: { date1904: false }, emlXml: EML });
    expect(validated.ok).toBe(false);
    expect(validated.summary.blockers.filter((b) => b.ruleId === "excel-error").map((r) => [r.sheet, r.row, r.column, r.value])).toEqual([
      ["Лист1", 2, 2, "#N/A"],
      ["Лист1", 3, 1, "#ИМЯ?"],
    ]);
    // "notes" is not exported, so its #REF! does not block: a warning.
    expect(validated.summary.warnings.filter((w) => w.ruleId === "excel-error").map((w) => [w.row, w.column, w.severity])).toEqual([[2, 3, "warning"]]);
    // Without it, the export refuses by itself, naming the same cells.
    const result = await exportArchive({ sheets: [make().source], facts: { date1904: false }, emlXml: EML, validation: false });
    expect(result.ok).toBe(false);
    expect(result.zip).toEqual([]);
    expect(result.summary.blockers.map((r) => [r.ruleId, r.sheet, r.row, r.column, r.value])).toEqual([
      ["archive.excelError", "Лист1", 2, 2, "#N/A"],
      ["archive.excelError", "Лист1", 3, 1, "#ИМЯ?"],
    ]);
    expect(result.summary.blockers[0].message.en).toBe(
      "Cell C2 (individualCount) holds the Excel error #N/A. Correct the formula or the value, or clear the cell."
    );
    expect(result.summary.blockers[1].message.ru).toMatch(/^В ячейке B3 \(scientificName\) ошибка Excel #ИМЯ\?/);
  });

  it("blocks on a broken surrogate, naming the cell", async () => {
    const sheet = testSheet("Occurrence", occurrenceRole, ["occurrenceID", "scientificName"], [
      ["o1", "fine"],
      ["o2", "half an emoji \ud83e"],
    ]);
    const result = await exportArchive({ sheets: [sheet.source], facts: { date1904: false }, emlXml: EML });
    expect(result.ok).toBe(false);
    expect(result.summary.blockers.filter((r) => r.ruleId !== "basis-of-record").map((r) => [r.ruleId, r.row, r.column, r.term])).toEqual([
      ["archive.unpairedSurrogate", 3, 1, "scientificName"],
    ]);
    expect(result.summary.blockers[0].message.en).toMatch(/^Cell B3 \(scientificName\) holds a broken character/);
  });

  it("blocks when the id column is missing or there is not exactly one core", async () => {
    const noId = testSheet("Occurrence", occurrenceRole, ["scientificName"], [["Parus major"]]);
    const r1 = await exportArchive({ sheets: [noId.source], facts: { date1904: false }, emlXml: EML });
    expect(r1.summary.blockers[0]).toMatchObject({ ruleId: "archive.missingIdColumn", row: 1, term: "occurrenceID" });
    expect(r1.summary.blockers[0].message.en).toBe(
      'Sheet "Occurrence" has no occurrenceID column, which holds the record identifiers: the IPT cannot publish the records without them.'
    );
    const ext = testSheet("MoF", role("measurementorfact", "extension", "occurrence", "occurrenceID"), ["occurrenceID", "measurementType"], []);
    const r2 = await exportArchive({ sheets: [ext.source], facts: { date1904: false }, emlXml: EML });
    expect(r2.summary.blockers[0].ruleId).toBe("archive.coreCount");
  });

  it("leaves out duplicate and blank-header columns and lists them", async () => {
    const sheet = testSheet("Occurrence", occurrenceRole, ["occurrenceID", "basisOfRecord", "scientificName", "", "ScientificName", "dwc:nonsense"], [
      ["o1", "HumanObservation", "Parus major", "stray", "Parus", ""],
    ]);
    // The validation blocks a repeated column (tested in test/validate); here the archive's own handling is tested.
    const result = await exportArchive({ sheets: [sheet.source], facts: { date1904: false }, emlXml: EML, validation: false });
    expect(result.summary.errors.map((e) => e.message.en)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.summary.leftOutColumns.map((c) => [c.column, c.header, c.reason, c.filledCells])).toEqual([
      [3, "", "blank-header", 1],
      [4, "ScientificName", "duplicate", 1],
      [5, "dwc:nonsense", "not-a-term", 0],
    ]);
    expect(result.summary.files[0].columns).toEqual(["occurrenceID", "basisOfRecord", "scientificName"]);
  });

  it("reports progress per chunk and stops on cancel", async () => {
    const rows = Array.from({ length: 10 }, (_, i) => [`o${i}`, "Parus major"]);
    const progress: number[] = [];
    const full = testSheet("Occurrence", occurrenceRole, ["occurrenceID", "scientificName"], rows, 3);
    await exportArchive({
      sheets: [full.source],
      facts: { date1904: false },
      emlXml: EML,
      onProgress: (p) => progress.push(p.rowsDone),
    });
    expect(progress).toEqual([3, 6, 9, 10]);

    const signal = { aborted: false };
    const cancelled = testSheet("Occurrence", occurrenceRole, ["occurrenceID", "scientificName"], rows, 3);
    const result = await exportArchive({
      sheets: [cancelled.source],
      facts: { date1904: false },
      emlXml: EML,
      signal,
      onProgress: (p) => {
        if (p.rowsDone >= 3) signal.aborted = true;
      },
    });
    expect(result).toMatchObject({ ok: false, cancelled: true, zip: [] });
    expect(cancelled.chunksServed()).toBe(2);
  });

  it("runs the workbook validation by default: a long id stored as a number is an error, listed; strict refuses it", async () => {
    const sheet = () =>
      testSheet("Occurrence", occurrenceRole, ["occurrenceID", "basisOfRecord", "catalogNumber"], [
        ["o1", "HumanObservation", { value: 1234567890123456789, format: "0", text: "1234567890123460000" }],
      ]).source;
    const result = await exportArchive({ sheets: [sheet()], facts: { date1904: false }, emlXml: EML });
    expect(result.ok).toBe(true);
    expect(result.summary.blockers).toEqual([]);
    expect(result.summary.errors.map((e) => [e.ruleId, e.sheet, e.row, e.column])).toEqual([
      ["id-scientific-notation", "Occurrence", 2, 2],
    ]);
    expect(result.summary.errorCount).toBe(1);
    const strict = await exportArchive({ sheets: [sheet()], facts: { date1904: false }, emlXml: EML, strict: true });
    expect(strict).toMatchObject({ ok: false, zip: [] });
    expect(strict.summary.errorCount).toBe(1);
  });

  it("refuses a core sheet without records", async () => {
    const empty = testSheet("Occurrence", occurrenceRole, ["occurrenceID", "basisOfRecord"], []);
    const result = await exportArchive({ sheets: [empty.source], facts: { date1904: false }, emlXml: EML });
    expect(result.ok).toBe(false);
    expect(result.summary.blockers.map((b) => [b.ruleId, b.message.en])).toEqual([
      ["archive.coreCount", 'The core sheet "Occurrence" has no records: a dataset needs at least one.'],
    ]);
  });

  it("blocks on the given validation's blockers, lists its errors and warnings, and counts them exactly", async () => {
    const sheet = testSheet("Occurrence", occurrenceRole, ["occurrenceID", "scientificName"], [["o1", "Parus major"], ["o2", ""]]);
    const seen: number[] = [];
    const validation = {
      addChunk: (_sheet: string, chunk: { values: unknown[][] }) => {
        seen.push(chunk.values.length);
      },
      finish: () => [
        { ruleId: "id-missing", severity: "blocker" as const, sheet: "Occurrence", row: 3, column: 0, message: { en: "no id", ru: "нет" } },
        { ruleId: "required", severity: "error" as const, sheet: "Occurrence", row: 3, column: 1, message: { en: "empty", ru: "пусто" } },
        ...Array.from({ length: 10_005 }, (_, i) => ({ ruleId: "style", severity: "warning" as const, sheet: "Occurrence", row: 2 + i, column: 1, message: { en: "w", ru: "w" } })),
      ],
    };
    const result = await exportArchive({ sheets: [sheet.source], facts: { date1904: false }, emlXml: EML, validation });
    expect(seen).toEqual([2]);
    expect(result.ok).toBe(false);
    expect(result.summary.blockers.map((e) => e.ruleId)).toEqual(["id-missing"]);
    expect(result.summary.errors.map((e) => e.ruleId)).toEqual(["required"]);
    // The lists stop at 10,000; the counts do not.
    expect(result.summary.warnings.length).toBe(10_000);
    expect([result.summary.blockerCount, result.summary.errorCount, result.summary.warningCount]).toEqual([1, 1, 10_005]);
  });
});

describe("exportArchive metadata in the same pass", () => {
  it("builds eml.xml after every row was seen, from what onChunk gathered", async () => {
    const sheet = testSheet("Occurrence", role("occurrence", "core", "occurrence", "occurrenceID"), ["occurrenceID", "basisOfRecord", "decimalLatitude"], [
      ["o1", "HumanObservation", { value: 61.5, text: "61.5" }],
      ["o2", "HumanObservation", { value: 66.25, text: "66.25" }],
      ["o3", "HumanObservation", { value: 64, text: "64" }],
    ]);
    let north = -90;
    const result = await exportArchive({
      sheets: [sheet.source],
      facts: { date1904: false },
      onChunk: (_source, chunk) => {
        for (const row of chunk.values) north = Math.max(north, row[2] as number);
      },
      emlXml: () => `<eml><northBoundingCoordinate>${north}</northBoundingCoordinate></eml>`,
    });
    expect(result.ok).toBe(true);
    expect(strFromU8(unzipSync(concat(result.zip))["eml.xml"])).toBe(
      "<eml><northBoundingCoordinate>66.25</northBoundingCoordinate></eml>"
    );
  });
});

describe("archiveFileName", () => {
  it("keeps Cyrillic and drops characters file systems forbid", () => {
    expect(archiveFileName('Птицы: "Кандалакша" 2023')).toBe("Птицы Кандалакша 2023.zip");
    expect(archiveFileName("  ")).toBe("dwc-archive.zip");
    expect(archiveFileName("a/b\\c")).toBe("a b c.zip");
  });
});
