import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { decodeXmlText, openTableFile, openXlsx, openXlsxStreaming, type TableSource } from "../../src/file";
import { readAll, tempDir } from "./helpers";

// ExcelJS reads and writes take seconds when the machine is busy.
jest.setTimeout(120_000);

const dir = tempDir("xlsx-stream");
const repo = path.resolve(__dirname, "../..");
const ipt = path.resolve(repo, "../shared/dwc/gbif-ipt/templates");

/** Everything a reader gives for a workbook, in comparable form (formats only where a cell holds a value). */
async function dump(source: TableSource) {
  const sheets = [];
  for (const info of source.sheets) {
    const { chunks } = await readAll(source, info.name, 7);
    sheets.push({
      info,
      chunks: chunks.map((c) => ({
        startRow: c.startRow,
        values: c.values,
        formulas: c.formulas,
        formats: c.values.map((row, r) => row.map((v, i) => (v === null ? null : (c.numberFormats?.[r][i] ?? null)))),
      })),
    });
  }
  return { facts: source.facts, notes: source.notes, sheets };
}

async function hostileWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = true;
  const ws = wb.addWorksheet("Occurrence & <co>");
  ws.addRow(["occurrenceID", "eventDate", null, "locality", "individualCount", "flag", "remarks"]);
  ws.addRow([
    "007",
    40000.25,
    "x",
    "Окский «заповедник» & co",
    { formula: "1/0", result: { error: "#DIV/0!" } },
    true,
    { richText: [{ text: "a " }, { text: "b", font: { bold: true } }] },
  ]);
  ws.addRow([]);
  ws.addRow([
    "009",
    "2021-06-01",
    null,
    "🐦 e\u0301",
    { formula: "2+3", result: 5 },
    { formula: "1=1", result: true },
    { formula: 'A2&"!"', result: "007!" },
  ]).hidden = true;
  ws.addRow(["010", { formula: "TODAY()" }, null, "a".repeat(32767), 0.1 + 0.2, false, "  spaces  "]);
  ws.getCell("B2").numFmt = "yyyy-mm-dd hh:mm";
  ws.getCell("A2").numFmt = "@";
  ws.getCell("E4").numFmt = "0.00";
  ws.mergeCells("G4:G5");
  wb.addWorksheet("Hidden", { state: "hidden" }).addRow(["a", 1]);
  wb.addWorksheet("Empty");
  const file = path.join(dir, "hostile.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

describe("openXlsxStreaming", () => {
  it("decodes entities, character references and Excel's _xHHHH_ escapes", () => {
    expect(decodeXmlText("a &amp; b &lt;c&gt; &#1025;&#x451; line_x000D_break")).toBe("a & b <c> Ёё line\rbreak");
  });

  it("gives the same sheets, notes, values, formulas and formats as the full reader on a hostile workbook", async () => {
    const file = await hostileWorkbook();
    const full = await dump(await openXlsx(file));
    const streamed = await dump(await openXlsxStreaming(file));
    expect(streamed).toEqual(full);
    // And the facts the comparison rests on are the real ones.
    const occ = streamed.sheets[0];
    expect(occ.info).toEqual({
      name: "Occurrence & <co>",
      headers: ["occurrenceID", "eventDate", "", "locality", "individualCount", "flag", "remarks"],
      rowCount: 5,
      visible: true,
    });
    expect(occ.chunks[0].values[0]).toEqual(["007", 40000.25, "x", "Окский «заповедник» & co", "#DIV/0!", true, "a b"]);
    expect(occ.chunks[0].values[1]).toEqual([null, null, null, null, null, null, null]);
    expect(occ.chunks[0].values[2][6]).toBe("007!");
    expect(occ.chunks[0].values[3][6]).toBeNull(); // G5 is inside the merged G4:G5
    expect(streamed.notes.map((n) => n.code).sort()).toEqual(["FORMULA_WITHOUT_RESULT", "HIDDEN_ROWS", "MERGED_CELLS"]);
    expect(streamed.sheets[1].info.visible).toBe(false);
  });

  it.each([
    ["examples/occurrence.xlsx", path.join(repo, "examples/occurrence.xlsx")],
    ["examples/event.xlsx", path.join(repo, "examples/event.xlsx")],
    ["examples/checklist.xlsx", path.join(repo, "examples/checklist.xlsx")],
    ["GBIF occurrence example", path.join(ipt, "occurrence_ipt_template_v2.3_example_data.xlsx")],
    ["GBIF event example", path.join(ipt, "event_ipt_template_v3.2_example_data.xlsx")],
    ["GBIF checklist example", path.join(ipt, "checklist_ipt_template_v1.2_example_data.xlsx")],
  ])("reads %s exactly as the full reader does", async (_name, file) => {
    expect(await dump(await openXlsxStreaming(file))).toEqual(await dump(await openXlsx(file)));
  });

  it("is chosen by openTableFile for big workbooks and on request, and rejects a corrupt one", async () => {
    const file = await hostileWorkbook();
    const forced = await openTableFile(file, { streaming: true });
    expect((await dump(forced)).sheets[0].info.rowCount).toBe(5);
    const corrupt = path.join(dir, "corrupt.xlsx");
    fs.writeFileSync(corrupt, "PK\u0003\u0004 not a zip");
    await expect(openXlsxStreaming(corrupt)).rejects.toMatchObject({ code: "FILE_UNREADABLE" });
  });
});
