/**
 * The commands that write into the user's own data (georef, standardise) copy a CSV/TSV input the same way: one
 * definition (src/file/workbook-copy.ts), so the input sheet they give back is identical.
 */
import * as path from "path";
import ExcelJS from "exceljs";
import { openTableFile, writeGeorefWorkbook, writeStandardisedWorkbook } from "../../src/file";
import { tempDir } from "./helpers";

jest.setTimeout(60_000);

const dir = tempDir("workbook-copy");
const input = {
  kind: "csv" as const,
  sheetName: "field notes: 2024/05",
  headers: ["id", "lat", "lon", "note"],
  rows: [
    ["007", "55.75", "37.62", ""],
    ["008", "", "", "лес"],
  ],
};

async function inputSheet(file: string): Promise<{ name: string; rows: unknown[][]; formats: string[] }> {
  const source = await openTableFile(file);
  const name = source.sheets[0].name;
  const rows: unknown[][] = [];
  for await (const chunk of source.readRows(name)) rows.push(...chunk.values);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(name)!;
  const formats = [1, 2, 3, 4].map((c) => ws.getRow(2).getCell(c).numFmt ?? "");
  return { name, rows, formats };
}

describe("the input workbook of georef and standardise", () => {
  it("is the same copy of a CSV table: a safe sheet name, text cells, empty values empty", async () => {
    const georef = path.join(dir, "georef.xlsx");
    const standard = path.join(dir, "standard.xlsx");
    await writeGeorefWorkbook(georef, { input, sheetName: input.sheetName, fills: [] });
    await writeStandardisedWorkbook(standard, {
      input,
      sheetName: "Occurrence",
      headers: ["occurrenceID"],
      rows: [["007"]],
      datasetClass: "occurrence",
      lang: "en",
      reportName: "Report",
      report: [["Report"]],
      reportHeadRows: [],
    });
    const a = await inputSheet(georef);
    const b = await inputSheet(standard);
    expect(a).toEqual(b);
    expect(a.name).toBe("field notes  2024 05");
    expect(a.rows[0]).toEqual(["007", "55.75", "37.62", null]);
    expect(a.formats[0]).toBe("@");
  });
});
