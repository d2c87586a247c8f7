import ExcelJS from "exceljs";
import * as path from "path";
import { openXlsx, openXlsxStreaming, type TableSource } from "../../src/file";
import { tempDir } from "../cli/helpers";
import { cell, row, writeRawXlsx } from "./generate";

jest.setTimeout(120_000);

const dir = tempDir("readers-agree");

/** Every sheet's info and every cell (value, format, formula) a reader gives, plus its notes and facts. */
async function everything(source: TableSource) {
  const sheets = [];
  for (const info of source.sheets) {
    const cells: unknown[][] = [];
    for await (const c of source.readRows(info.name, 2)) {
      c.values.forEach((r, i) =>
        cells.push(
          r.map((v, k) => [v, v === null ? null : (c.numberFormats?.[i][k] ?? null), c.formulas?.[i][k] ?? null])
        )
      );
    }
    sheets.push({ info, cells });
  }
  return { facts: source.facts, notes: source.notes, sheets };
}

/** Both readers' view of a file, for `expect(a).toEqual(b)` and for checking the values themselves. */
async function bothReaders(file: string) {
  return {
    exceljs: await everything(await openXlsx(file)),
    streaming: await everything(await openXlsxStreaming(file)),
  };
}

describe("the ExcelJS reader and the streaming reader agree on every cell type", () => {
  it("on a hand-written workbook with every kind of cell", async () => {
    const file = writeRawXlsx(dir, "every-kind.xlsx", {
      sharedStrings: [
        "<t>shared</t>",
        "<r><t>rich </t></r><r><rPr><b/></rPr><t>text</t></r>",
        "<t>cr_x000D_lf</t>",
        "<t>id</t>",
      ],
      numFmts: { 164: "yyyy-mm-dd", 165: "yyyy-mm-dd hh:mm:ss.000" },
      cellXfs: [0, 164, 165, 14, 49],
      sheets: [
        {
          name: "Kinds",
          rows:
            row(
              1,
              ["A", "B", "C", "D", "E", "F", "G", "H"].map((c, i) => cell.str(`${c}1`, `h${i}`))
            ) +
            row(2, [
              cell.date("A2", "2012-03-04"),
              cell.date("B2", "2012-03-04T10:20:30Z", 1),
              cell.str("C2", "line_x000D__x000A_break _x005F_x0041_"),
              cell.shared("D2", 0),
              cell.shared("E2", 1),
              cell.shared("F2", 2),
              cell.bool("G2", true),
              cell.error("H2", "#N/A"),
            ]) +
            row(3, [
              cell.num("A3", "44000.5416666667", 2),
              cell.num("B3", "40000", 1),
              cell.num("C3", "40000.25", 3),
              cell.num("D3", "123", 4),
              cell.num("E3", "0.1"),
              cell.num("F3", "-1E-3"),
              cell.bool("G3", false),
              cell.error("H3", "#DIV/0!"),
            ]) +
            row(4, [
              cell.formula("A4", "1+1", { v: "2" }),
              cell.formula("B4", "TODAY()"),
              cell.formula("C4", "A2&amp;&quot;x&quot;", { t: "str", v: "abc" }),
              cell.formula("D4", "1=1", { t: "b", v: "1" }),
              cell.formula("E4", "1/0", { t: "e", v: "#DIV/0!" }),
              cell.formula("F4", "NOW()", { v: "44000.5" }),
              '<c r="G4"><f t="shared" ref="G4:G5" si="0">A4*2</f><v>4</v></c>',
              cell.shared("H4", 3),
            ]) +
            row(5, ['<c r="G5"><f t="shared" si="0"/><v>6</v></c>', cell.formula("H5", "A4")]) +
            // Row 6 left out; row 7 far from the rest.
            row(7, [cell.str("A7", "after a gap"), cell.num("B7", "1e300")]),
        },
        { name: "Second", rows: row(1, [cell.str("A1", "only")]) },
      ],
    });
    const { exceljs, streaming } = await bothReaders(file);
    expect(exceljs).toEqual(streaming);

    const cells = streaming.sheets[0].cells;
    const value = (r: number, c: number) => (cells[r - 2][c] as unknown[])[0];
    // t="d" cells are their ISO text, not the number 2012 or the date 1905-07-04.
    expect(value(2, 0)).toBe("2012-03-04");
    expect(value(2, 1)).toBe("2012-03-04T10:20:30Z");
    // Excel's _xHHHH_ escapes decoded in inline strings as in shared ones; _x005F_ escapes the underscore.
    expect(value(2, 2)).toBe("line\r\nbreak _x0041_");
    expect(value(2, 4)).toBe("rich text");
    expect(value(2, 5)).toBe("cr\rlf");
    // Date-formatted serials keep every digit the file holds.
    expect(value(3, 0)).toBe(44000.5416666667);
    expect(cells[1][0]).toEqual([44000.5416666667, "yyyy-mm-dd hh:mm:ss.000", null]);
    expect(value(4, 1)).toBeNull();
    expect(cells[2][6]).toEqual([4, null, "=A4*2"]);
    expect(cells[3][6]).toEqual([6, null, "=A4*2"]);
    expect(value(7, 0)).toBe("after a gap");
    expect(streaming.notes.filter((n) => n.code === "FORMULA_WITHOUT_RESULT").map((n) => [n.row, n.column])).toEqual([
      [4, 1],
      [5, 7],
    ]);
  });

  it("on a workbook written by ExcelJS (dates, rich text, hyperlinks, formulas, merges, hidden rows)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Occurrence");
    ws.addRow(["occurrenceID", "eventDate", "n", "remarks", "link", "flag"]);
    ws.addRow([
      "o1",
      new Date(Date.UTC(2021, 5, 1, 12, 30)),
      3,
      { richText: [{ text: "a" }, { text: "b" }] },
      { text: "GBIF", hyperlink: "https://gbif.org" },
      true,
    ]);
    ws.addRow([
      "o2",
      44000.123456789,
      { formula: "C2*2", result: 6 },
      "tab\there",
      null,
      { formula: "1=2", result: false },
    ]);
    ws.addRow(["o3", null, { formula: "C2+1" }, "x".repeat(1000), null, { error: "#REF!" }]).hidden = true;
    ws.getCell("B3").numFmt = "dd.mm.yyyy";
    ws.mergeCells("D4:E4");
    const file = path.join(dir, "exceljs.xlsx");
    await wb.xlsx.writeFile(file);
    const { exceljs, streaming } = await bothReaders(file);
    expect(exceljs).toEqual(streaming);
    expect((streaming.sheets[0].cells[1][1] as unknown[])[0]).toBe(44000.123456789);
  });
});
