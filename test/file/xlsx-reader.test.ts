import * as path from "path";
import ExcelJS from "exceljs";
import { FileError, openTableFile, openXlsx } from "../../src/file";
import { readAll, tempDir } from "./helpers";

// ExcelJS reads and writes take seconds when the machine is busy.
jest.setTimeout(60_000);

const dir = tempDir("xlsx-reader");

async function save(wb: ExcelJS.Workbook, name: string): Promise<string> {
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe("openXlsx", () => {
  it("reads headers, values, number formats and formulas with their results", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Occurrence");
    ws.addRow(["occurrenceID", "eventDate", "individualCount", "locality", "catalogNumber"]);
    const r = ws.addRow([
      "007",
      45000,
      { formula: "1+2", result: 3 },
      "Окский заповедник",
      123456789012345678n.toString(),
    ]);
    r.getCell(2).numFmt = "yyyy-mm-dd";
    ws.getCell("A2").numFmt = "@";
    const file = await save(wb, "basic.xlsx");
    const source = await openXlsx(file);
    expect(source.facts).toEqual({ date1904: false });
    expect(source.sheets).toEqual([
      {
        name: "Occurrence",
        headers: ["occurrenceID", "eventDate", "individualCount", "locality", "catalogNumber"],
        rowCount: 2,
        visible: true,
      },
    ]);
    const { values, numberFormats, formulas } = await readAll(source, "Occurrence");
    expect(values).toEqual([["007", 45000, 3, "Окский заповедник", "123456789012345678"]]);
    expect(numberFormats[0][0]).toBe("@");
    expect(numberFormats[0][1]).toBe("yyyy-mm-dd");
    expect(numberFormats[0][2]).toBeNull();
    expect(formulas[0]).toEqual([null, null, "=1+2", null, null]);
  });

  it("gives back the serial under the 1904 date system, not a shifted date", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("Event");
    ws.addRow(["eventID", "eventDate"]);
    ws.addRow(["e1", 40000.25]).getCell(2).numFmt = "yyyy-mm-dd hh:mm";
    const source = await openXlsx(await save(wb, "d1904.xlsx"));
    expect(source.facts.date1904).toBe(true);
    const { values } = await readAll(source, "Event");
    expect(values).toEqual([["e1", 40000.25]]);
  });

  it("returns rows in chunks numbered by spreadsheet row", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Taxon");
    ws.addRow(["taxonID", "scientificName"]);
    for (let i = 1; i <= 7; i++) ws.addRow([`t${i}`, `Name ${i}`]);
    const source = await openXlsx(await save(wb, "chunks.xlsx"));
    const { chunks } = await readAll(source, "Taxon", 3);
    expect(chunks.map((c) => [c.startRow, c.values.length])).toEqual([
      [2, 3],
      [5, 3],
      [8, 1],
    ]);
    expect(chunks[2].values[0]).toEqual(["t7", "Name 7"]);
  });

  it("reads error values, rich text, hyperlinks, emoji and 32,767-character cells as text", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Occurrence");
    ws.addRow(["occurrenceID", "a", "b", "c", "d"]);
    const long = "ж".repeat(32767);
    ws.addRow([
      "o1",
      { error: "#N/A" },
      { richText: [{ text: "Parus " }, { text: "major", font: { italic: true } }] },
      { text: "GBIF", hyperlink: "https://www.gbif.org" },
      long,
    ]);
    ws.addRow(["o2", "🐦 синица", { formula: "1/0", result: { error: "#DIV/0!" } }, "e\u0301", null]);
    const source = await openXlsx(await save(wb, "odd.xlsx"));
    const { values, formulas } = await readAll(source, "Occurrence");
    expect(values[0]).toEqual(["o1", "#N/A", "Parus major", "GBIF", long]);
    expect(values[1]).toEqual(["o2", "🐦 синица", "#DIV/0!", "e\u0301", null]);
    expect(formulas[1][2]).toBe("=1/0");
  });

  it("reads hidden rows as data and says so; reads merged cells as stored and names them", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Occurrence");
    ws.addRow(["occurrenceID", "locality"]);
    ws.addRow(["o1", "Валдай"]);
    ws.addRow(["o2", null]);
    ws.addRow(["o3", "Hidden place"]).hidden = true;
    ws.mergeCells("B2:B3");
    const source = await openXlsx(await save(wb, "merged.xlsx"));
    const { values } = await readAll(source, "Occurrence");
    expect(values).toEqual([
      ["o1", "Валдай"],
      ["o2", null],
      ["o3", "Hidden place"],
    ]);
    expect(source.notes.map((n) => n.code).sort()).toEqual(["HIDDEN_ROWS", "MERGED_CELLS"]);
    expect(source.notes.find((n) => n.code === "MERGED_CELLS")!.message.en).toContain("B2:B3");
  });

  it("keeps blank headers as empty strings and reports hidden sheets as not visible", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Data");
    ws.addRow(["occurrenceID", null, "locality"]);
    ws.addRow(["o1", "x", "y"]);
    wb.addWorksheet("Lists", { state: "veryHidden" }).addRow(["a"]);
    const source = await openXlsx(await save(wb, "blank.xlsx"));
    expect(source.sheets[0].headers).toEqual(["occurrenceID", "", "locality"]);
    expect(source.sheets[1].visible).toBe(false);
  });

  it("gives header-only sheets rowCount 1 and no rows, and empty sheets rowCount 0", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Header").addRow(["occurrenceID"]);
    wb.addWorksheet("Empty");
    const source = await openXlsx(await save(wb, "header-only.xlsx"));
    expect(source.sheets.map((s) => [s.name, s.rowCount])).toEqual([
      ["Header", 1],
      ["Empty", 0],
    ]);
    expect((await readAll(source, "Header")).values).toEqual([]);
  });

  it("reports a formula without a calculated value", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Occurrence");
    ws.addRow(["occurrenceID", "individualCount"]);
    ws.addRow(["o1", { formula: "2*3" }]);
    const source = await openXlsx(await save(wb, "noresult.xlsx"));
    expect(source.notes[0].code).toBe("FORMULA_WITHOUT_RESULT");
    expect(source.notes[0].message.en).toContain("Occurrence!B2");
  });
});

describe("openTableFile", () => {
  const expectCode = async (file: string, code: string) => {
    const error = await openTableFile(file).then(
      () => undefined,
      (e: unknown) => e
    );
    expect(error).toBeInstanceOf(FileError);
    expect((error as FileError).code).toBe(code);
    expect((error as FileError).message).toContain(file);
  };

  it("names a missing file", () => expectCode(path.join(dir, "nope.xlsx"), "FILE_NOT_FOUND"));

  it("rejects a workbook with no filled cells", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1");
    await expectCode(await save(wb, "empty.xlsx"), "FILE_EMPTY");
  });

  it("rejects a corrupt .xlsx, a legacy .xls and other files", async () => {
    const fs = await import("fs");
    const corrupt = path.join(dir, "corrupt.xlsx");
    fs.writeFileSync(corrupt, "PK\u0003\u0004 this is not really a zip");
    await expectCode(corrupt, "FILE_UNREADABLE");
    const xls = path.join(dir, "old.xls");
    fs.writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    await expectCode(xls, "FILE_UNSUPPORTED");
    const pdf = path.join(dir, "doc.pdf");
    fs.writeFileSync(pdf, "%PDF-1.4");
    await expectCode(pdf, "FILE_UNSUPPORTED");
    const zero = path.join(dir, "zero.csv");
    fs.writeFileSync(zero, "");
    await expectCode(zero, "FILE_EMPTY");
  });
});
