import * as fs from "fs";
import * as path from "path";
import { strToU8, zipSync } from "fflate";
import { MAX_HELD_ENTRY_BYTES, MAX_STREAMED_ENTRY_BYTES } from "../../src/archive/zip-entry";
import {
  FileError,
  MAX_SHEET_CELLS,
  XLSX_LIMITS,
  openTableFile,
  openXlsx,
  openXlsxStreaming,
  type TableSource,
  type XlsxLimits,
} from "../../src/file";
import { run, tempDir } from "../cli/helpers";
import { bombZip, cell, entryCrc, patchZipEntry, row, writeRawXlsx, xlsxParts } from "./generate";

jest.setTimeout(120_000);

const dir = tempDir("hostile-xlsx");
const readers = [
  ["ExcelJS reader", openXlsx],
  ["streaming reader", openXlsxStreaming],
] as const;

/** A plain occurrence sheet's rows, to sit next to the hostile part. */
const GOOD_ROWS =
  row(1, [cell.str("A1", "occurrenceID"), cell.str("B1", "basisOfRecord")]) +
  row(2, [cell.str("A2", "o1"), cell.str("B2", "HumanObservation")]);

function write(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

async function lastRow(source: TableSource, sheet: string) {
  let last: { row: number; values: unknown[] } | undefined;
  let rows = 0;
  for await (const c of source.readRows(sheet)) {
    rows += c.values.length;
    last = { row: c.startRow + c.values.length - 1, values: c.values[c.values.length - 1] };
  }
  return { rows, last };
}

describe("sparse sheets are read by their cells, not by their declared dimension", () => {
  it("reads a 3 KB workbook whose only cells are GR1 and A1048576 (dimension A1:XFD1048576) in bounded memory", async () => {
    const file = writeRawXlsx(dir, "sparse-gr.xlsx", {
      sheets: [
        {
          name: "Occurrence",
          dimension: "A1:XFD1048576",
          rows: row(1, [cell.str("GR1", "occurrenceID")]) + row(1048576, [cell.str("A1048576", "far away")]),
        },
      ],
    });
    expect(fs.statSync(file).size).toBeLessThan(4096);
    for (const [, open] of readers) {
      const source = await open(file);
      expect(source.sheets[0]).toMatchObject({ rowCount: 1048576 });
      expect(source.sheets[0].headers).toHaveLength(200);
      expect(source.sheets[0].headers[199]).toBe("occurrenceID");
      const before = process.memoryUsage().rss;
      const { rows, last } = await lastRow(source, "Occurrence");
      expect(rows).toBe(1048575);
      expect(last!.row).toBe(1048576);
      expect(last!.values[0]).toBe("far away");
      expect(process.memoryUsage().rss - before).toBeLessThan(512 * 1024 * 1024);
    }
  });

  it("refuses XFD1 + A1048576 (17 billion cells) naming the file, the sheet and the stray cells: exit 2", async () => {
    const file = writeRawXlsx(dir, "sparse-xfd.xlsx", {
      sheets: [
        {
          name: "Occurrence",
          rows: row(1, [cell.str("XFD1", "occurrenceID")]) + row(1048576, [cell.str("A1048576", "x")]),
        },
      ],
    });
    for (const [, open] of readers) {
      const e = await open(file).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(FileError);
      expect(e).toMatchObject({ code: "FILE_TOO_LARGE" });
      expect((e as Error).message).toContain(file);
      expect((e as Error).message).toMatch(/sheet "Occurrence" spans 1,048,576 rows x 16,384 columns/);
      expect((e as Error).message).toMatch(/Occurrence!XFD1/);
    }
    const r = await run("validate", file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^dwc-excel validate: .*sparse-xfd\.xlsx: sheet "Occurrence" spans .*\n$/);
    expect(r.err).not.toMatch(/internal error/);
  });

  it("uses MAX_SHEET_CELLS = 2^28 (a full sheet of 256 columns)", () => {
    expect(MAX_SHEET_CELLS).toBe(2 ** 28);
    expect(1048576 * 256).toBeLessThanOrEqual(MAX_SHEET_CELLS);
    expect(1048576 * 257).toBeGreaterThan(MAX_SHEET_CELLS);
  });

  it("reads a merged range of the whole sheet without listing its cells", async () => {
    const file = writeRawXlsx(dir, "huge-merge.xlsx", {
      sheets: [
        {
          name: "Occurrence",
          rows: GOOD_ROWS,
          after: '<mergeCells count="1"><mergeCell ref="C1:XFD1048576"/></mergeCells>',
        },
      ],
    });
    for (const [, open] of readers) {
      const source = await open(file);
      expect(source.notes.map((n) => n.code)).toContain("MERGED_CELLS");
      const { last } = await lastRow(source, "Occurrence");
      expect(last!.values).toEqual(["o1", "HumanObservation"]);
    }
  });
});

describe("zip bombs and lying zip headers are refused with the part named", () => {
  const parts = xlsxParts({ sheets: [{ name: "Occurrence", rows: GOOD_ROWS }] });
  delete parts["xl/sharedStrings.xml"];

  it("refuses sharedStrings.xml declaring 2.2 GB before inflating anything (the real limit), exit 2", async () => {
    const zip = bombZip(parts, "xl/sharedStrings.xml", 1000, 2_200_000_000);
    const file = write("bomb-declared.xlsx", zip);
    expect(fs.statSync(file).size).toBeLessThan(5 * 1024 * 1024);
    for (const streaming of [false, true]) {
      const e = await openTableFile(file, { streaming }).catch((x: unknown) => x);
      expect(e).toMatchObject({ code: "FILE_TOO_LARGE" });
      expect((e as Error).message).toMatch(
        /part xl\/sharedStrings\.xml: inflates to 2\.05 GiB, more than the 2 GiB this tool reads of one entry/
      );
    }
    const r = await run("validate", file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bomb-declared\.xlsx: part xl\/sharedStrings\.xml: inflates to/);
  });

  it("refuses a part that inflates past the size its header declares (a 5 MB file hiding gigabytes)", async () => {
    // 20 MB of spaces deflate to ~20 KB; the header says 1,000 bytes.
    const file = write("bomb-lying.xlsx", bombZip(parts, "xl/sharedStrings.xml", 20_000_000, 1000));
    for (const streaming of [false, true]) {
      const before = process.memoryUsage().rss;
      const e = await openTableFile(file, { streaming }).catch((x: unknown) => x);
      expect(e).toMatchObject({ code: "FILE_UNREADABLE" });
      expect((e as Error).message).toMatch(
        /part xl\/sharedStrings\.xml: inflates to more than the 1000 bytes its header declares/
      );
      expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 * 1024);
    }
  });

  it("refuses shared strings that never close an element, under a lowered limit (bounded memory)", async () => {
    // Honest sizes: 8 MB of spaces after "<sst><si>" never closes the string.
    const xml = new Uint8Array(8_000_000).fill(0x20);
    xml.set(strToU8("<sst><si><t>"), 0);
    const file = write("bomb-open-si.xlsx", zipSync({ ...parts, "xl/sharedStrings.xml": [xml, { level: 1 }] }));
    const limits: XlsxLimits = { ...XLSX_LIMITS, maxPendingXmlChars: 1_000_000 };
    for (const open of [openXlsx, openXlsxStreaming]) {
      const e = await open(file, { limits }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(FileError);
      expect((e as Error).message).toMatch(
        /part xl\/sharedStrings\.xml: shared string 1 of xl\/sharedStrings\.xml is more than 1000000 characters/
      );
    }
  });

  it("refuses a shared strings table past its memory budget, under a lowered limit", async () => {
    const many = Array.from({ length: 5000 }, (_v, i) => `<t>string ${i}</t>`);
    const file = writeRawXlsx(dir, "many-strings.xlsx", {
      sheets: [{ name: "Occurrence", rows: GOOD_ROWS }],
      sharedStrings: many,
    });
    const limits: XlsxLimits = { ...XLSX_LIMITS, maxSharedStringsMemory: 100_000 };
    const e = await openXlsxStreaming(file, { limits }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: "FILE_TOO_LARGE" });
    expect((e as Error).message).toMatch(/part xl\/sharedStrings\.xml: the shared strings table needs more than/);
  });

  it("refuses a sheet part bigger than a lowered streamed-part limit, from its declared size", async () => {
    const file = write("bomb-sheet.xlsx", bombZip(parts, "xl/worksheets/sheet1.xml", 3_000_000, 3_000_000));
    const limits: XlsxLimits = { ...XLSX_LIMITS, maxStreamedPartBytes: 1_000_000 };
    const e = await openXlsxStreaming(file, { limits }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: "FILE_TOO_LARGE" });
    expect((e as Error).message).toMatch(
      /part xl\/worksheets\/sheet1\.xml: inflates to 2\.86 MiB, more than the 1000000 bytes this tool reads/
    );
  });

  it("refuses a part whose CRC-32 does not match, and one truncated by a wrong size field", async () => {
    const good = zipSync(xlsxParts({ sheets: [{ name: "Occurrence", rows: GOOD_ROWS }] }));
    const sheet = "xl/worksheets/sheet1.xml";
    const badCrc = write("bad-crc.xlsx", patchZipEntry(good, sheet, { crc: entryCrc(good, sheet) ^ 1 }));
    const sheetSize = xlsxParts({ sheets: [{ name: "Occurrence", rows: GOOD_ROWS }] })[sheet] as Uint8Array;
    const shortSize = write("short-size.xlsx", patchZipEntry(good, sheet, { size: sheetSize.length + 10 }));
    for (const open of [openXlsx, openXlsxStreaming]) {
      await expect(open(badCrc)).rejects.toThrow(/part xl\/worksheets\/sheet1\.xml: the CRC-32 check fails/);
      await expect(open(shortSize)).rejects.toThrow(
        new RegExp(
          `part xl/worksheets/sheet1\\.xml: inflates to ${sheetSize.length} bytes, not the ${sheetSize.length + 10}`
        )
      );
    }
    const r = await run("validate", badCrc);
    expect(r).toMatchObject({ code: 2, out: "" });
    expect(r.err).toMatch(
      /bad-crc\.xlsx: not a readable \.xlsx workbook: part xl\/worksheets\/sheet1\.xml: the CRC-32 check fails/
    );
  });

  it("keeps the documented limits", () => {
    expect(MAX_STREAMED_ENTRY_BYTES).toBe(2 * 1024 ** 3);
    expect(MAX_HELD_ENTRY_BYTES).toBe(256 * 1024 ** 2);
    expect(XLSX_LIMITS.maxStreamedPartBytes).toBe(MAX_STREAMED_ENTRY_BYTES);
  });
});

describe("cells the readers must not pass on silently", () => {
  it("reports every formula without a computed value, by address, as blocking", async () => {
    const file = writeRawXlsx(dir, "no-results.xlsx", {
      sheets: [
        {
          name: "Occurrence",
          rows:
            row(1, [cell.str("A1", "occurrenceID"), cell.str("B1", "individualCount")]) +
            row(2, [cell.str("A2", "o1"), cell.formula("B2", "1+1")]) +
            row(3, [cell.str("A3", "o2"), cell.formula("B3", "2+2", { v: "4" })]) +
            row(4, [cell.str("A4", "o3"), cell.formula("B4", "3+3")]),
        },
      ],
    });
    for (const [, open] of readers) {
      const notes = (await open(file)).notes.filter((n) => n.code === "FORMULA_WITHOUT_RESULT");
      expect(notes.map((n) => [n.row, n.column, n.blocking])).toEqual([
        [2, 1, true],
        [4, 1, true],
      ]);
      expect(notes[1].message.en).toMatch(
        /^Occurrence!B4: formula without a computed value: open and save the file in Excel/
      );
    }
    const r = await run("validate", file, "--json");
    const issues = JSON.parse(r.out) as { ruleId: string; message: string; severity: string }[];
    const formula = issues.filter((i) => i.ruleId === "file.formula-without-result");
    expect(formula.map((i) => i.message.slice(0, 15))).toEqual(["Occurrence!B2: ", "Occurrence!B4: "]);
    expect(formula.every((i) => i.severity === "blocker")).toBe(true);
  });

  it("warns about a NUL character in a cell, naming the cell", async () => {
    const file = writeRawXlsx(dir, "nul.xlsx", {
      sheets: [
        {
          name: "Occurrence",
          rows: GOOD_ROWS + row(3, [cell.str("A3", "o2"), cell.str("B3", "Human_x0000_Observation")]),
        },
      ],
    });
    for (const [, open] of readers) {
      const source = await open(file);
      const nul = source.notes.filter((n) => n.code === "NUL_CHARACTER");
      expect(nul.map((n) => [n.row, n.column])).toEqual([[3, 1]]);
      expect(nul[0].message.en).toMatch(/^Occurrence!B3: the value holds a NUL character/);
      const { last } = await lastRow(source, "Occurrence");
      expect(last!.values[1]).toBe("Human\u0000Observation");
    }
  });
});
