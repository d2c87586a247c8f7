/**
 * `dwc-excel validate FILE --marked OUT.xlsx`: a copy of the input with the add-in's validation marks (the file
 * adapter's markCells), read back with ExcelJS; the input left as it was; bad targets refused as usage errors.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { OCCURRENCE_HEADERS, OCCURRENCE_ROWS, run, tempDir, writeWorkbook } from "./helpers";

// ExcelJS reads and writes take seconds when the machine is busy.
jest.setTimeout(60_000);

const dir = tempDir("cli-validate-marked");

interface IssueJson {
  sheet: string;
  cell: string;
  severity: string;
}

async function read(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every cell of a sheet as [address, value, number format]. */
function cellsOf(ws: ExcelJS.Worksheet): [string, ExcelJS.CellValue, string][] {
  const out: [string, ExcelJS.CellValue, string][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (cell) => out.push([cell.address, cell.value, cell.numFmt])));
  return out;
}

/** A workbook with a wrong basisOfRecord (B2) and a day-first date (D3). */
async function badWorkbook(name: string): Promise<string> {
  const rows = OCCURRENCE_ROWS.map((r) => [...r]);
  rows[0][1] = "Bogus";
  rows[1][3] = "02.06.2021";
  return writeWorkbook(dir, name, [{ name: "Occurrence", rows: [OCCURRENCE_HEADERS, ...rows], formats: { A2: "@", D3: "@" } }]);
}

describe("dwc-excel validate --marked", () => {
  it("writes a copy marked at the cells the validation lists, values as in the input, and leaves the input alone", async () => {
    const file = await badWorkbook("birds.xlsx");
    const before = fs.readFileSync(file);
    const json = await run("validate", file, "--json", "--no-geo");
    const listed = (JSON.parse(json.out) as IssueJson[]).filter((i) => /^Occurrence![A-Z]+\d+$/.test(i.cell));
    expect(listed.length).toBeGreaterThanOrEqual(2);

    const out = path.join(dir, "birds-marked.xlsx");
    const r = await run("validate", file, "--no-geo", "--marked", out);
    expect(r.code).toBe(json.code);
    expect(r.out).toContain(`Wrote the marked copy ${out} (Occurrence: `);
    expect(fs.readFileSync(file).equals(before)).toBe(true);

    const input = await read(file);
    const copy = await read(out);
    const mirror = copy.getWorksheet("DwC marks 1")!;
    expect(mirror.state).toBe("veryHidden");
    for (const i of listed) {
      const address = i.cell.replace(/^Occurrence!/, "");
      const expected = i.severity === "warning" ? ["W", "E"] : i.severity === "info" ? [null, "W", "E"] : ["E"];
      expect([address, expected]).toEqual([address, expect.arrayContaining([mirror.getCell(address).value])]);
    }
    expect(mirror.getCell("B2").value).toBe("E");
    const rules = (copy.getWorksheet("Occurrence") as unknown as { conditionalFormattings: { rules: { formulae: string[] }[] }[] })
      .conditionalFormattings.flatMap((cf) => cf.rules.map((rule) => rule.formulae[0]));
    expect(rules.sort()).toEqual([`LEFT('DwC marks 1'!A1,1)="E"`, `LEFT('DwC marks 1'!A1,1)="W"`]);
    // every cell of the input's sheet: the same value and number format in the copy
    expect(cellsOf(copy.getWorksheet("Occurrence")!)).toEqual(cellsOf(input.getWorksheet("Occurrence")!));
    expect(cellsOf(input.getWorksheet("Occurrence")!).length).toBe((OCCURRENCE_ROWS.length + 1) * OCCURRENCE_HEADERS.length);
  });

  it("writes the report and the marked copy in one run, with --json on standard output alone", async () => {
    const file = await badWorkbook("both.xlsx");
    const report = path.join(dir, "both-report.xlsx");
    const out = path.join(dir, "both-marked.xlsx");
    const r = await run("validate", file, "--no-geo", "--json", "--lang", "ru", "--report", report, "--marked", out);
    expect(() => JSON.parse(r.out)).not.toThrow();
    expect(r.err).toContain(`Копия с пометками записана: ${out}`);
    expect((await read(out)).getWorksheet("DwC marks 1")?.getCell("B2").value).toBe("E");
    expect((await read(report)).worksheets.map((w) => w.name)).toEqual(["Отчёт о проверке"]);
  });

  it("marks a CSV file's copy, one sheet of its values as text", async () => {
    const file = path.join(dir, "counts.csv");
    const csv = [OCCURRENCE_HEADERS.join(","), ...OCCURRENCE_ROWS.map((r, i) => r.map((v, c) => (i === 0 && c === 1 ? "Bogus" : String(v ?? ""))).join(","))];
    fs.writeFileSync(file, `${csv.join("\n")}\n`);
    const out = path.join(dir, "counts-marked.xlsx");
    const r = await run("validate", file, "--core", "occurrence", "--no-geo", "--marked", out);
    expect(r.err).toBe("");
    const copy = await read(out);
    expect(copy.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["counts.csv", "visible"],
      ["DwC marks 1", "veryHidden"],
    ]);
    const ws = copy.worksheets[0];
    csv.forEach((line, r) => {
      const cellsOfRow = line.split(",").map((v, c) => ws.getCell(r + 1, c + 1).value ?? "");
      expect(cellsOfRow).toEqual(line.split(","));
    });
    expect(copy.getWorksheet("DwC marks 1")!.getCell("B2").value).toBe("E");
  });

  it("refuses a marked copy that is not .xlsx, is the input or is the report", async () => {
    const file = await badWorkbook("refuse.xlsx");
    const before = fs.readFileSync(file);
    const csv = await run("validate", file, "--marked", path.join(dir, "out.csv"));
    expect(csv.code).toBe(2);
    expect(csv.err).toContain("the marked copy must be an .xlsx file");
    const same = await run("validate", file, "--marked", file);
    expect(same.code).toBe(2);
    expect(same.err).toContain("must not be the input file");
    const twice = path.join(dir, "twice.xlsx");
    const both = await run("validate", file, "--report", twice, "--marked", twice);
    expect(both.code).toBe(2);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(twice)).toBe(false);
  });
});
