/**
 * `dwc-excel validate FILE --report REPORT.xlsx`: every finding written as the pane's report table (the core's
 * reportTable) through the file adapter's writeSheet, read back with ExcelJS; the input file left as it was.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { OCCURRENCE_HEADERS, OCCURRENCE_ROWS, run, tempDir, writeWorkbook } from "./helpers";

// ExcelJS reads and writes take seconds when the machine is busy.
jest.setTimeout(60_000);

const dir = tempDir("cli-validate-report");

interface IssueJson {
  sheet: string;
  cell: string;
  column: string | null;
  row: number;
  term: string | null;
  value: string | null;
  message: string;
}

/** Rows of the first sheet of an .xlsx file, each cell as ExcelJS read it, and the sheet's names. */
async function readReport(file: string): Promise<{ names: string[]; rows: ExcelJS.Cell[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  const rows: ExcelJS.Cell[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => rows.push(Array.from({ length: 8 }, (_, i) => row.getCell(i + 1))));
  return { names: wb.worksheets.map((w) => w.name), rows };
}

/** A workbook with an id "007" kept as text, a wrong basisOfRecord, a day-first date and a leading space. */
async function badWorkbook(name: string): Promise<string> {
  const rows = OCCURRENCE_ROWS.map((r) => [...r]);
  rows[0][0] = "007";
  rows[0][1] = "Human Observation";
  rows[1][3] = "02.06.2021";
  rows[1][2] = ` ${String(rows[1][2])}`;
  return writeWorkbook(dir, name, [{ name: "Occurrence", rows: [OCCURRENCE_HEADERS, ...rows], formats: { A2: "@", D3: "@" } }]);
}

describe("dwc-excel validate --report", () => {
  it("writes one text row per finding under the Russian header, values as in the input, and leaves the input alone", async () => {
    const file = await badWorkbook("birds.xlsx");
    const before = fs.readFileSync(file);
    const json = await run("validate", file, "--json", "--no-geo", "--lang", "ru");
    const issues = JSON.parse(json.out) as IssueJson[];
    expect(issues.length).toBeGreaterThan(2);

    const report = path.join(dir, "birds-report.xlsx");
    const r = await run("validate", file, "--no-geo", "--lang", "ru", "--report", report);
    expect(r.code).toBe(json.code);
    expect(r.out).toContain("Проверен ");
    expect(r.out).toContain(`Отчёт записан: ${report}, лист «Отчёт о проверке» (находок: ${issues.length})`);
    expect(fs.readFileSync(file).equals(before)).toBe(true);

    const { names, rows } = await readReport(report);
    expect(names).toEqual(["Отчёт о проверке"]);
    expect(rows[0].map((c) => c.value)).toEqual(["Лист", "Ячейка", "Столбец", "Значение", "Правило", "Уровень", "Сообщение", "Предлагаемое исправление"]);
    expect(rows.length).toBe(issues.length + 1);
    // Every written cell is text, formatted as text.
    for (const row of rows) for (const cell of row) if (cell.value !== null) expect([typeof cell.value, cell.numFmt]).toEqual(["string", "@"]);
    // Row for row the same findings as --json: sheet, cell (without the sheet), term, value and message.
    const text = (c: ExcelJS.Cell): string => (c.value === null ? "" : String(c.value));
    expect(rows.slice(1).map((row) => [0, 1, 2, 3, 6].map((i) => text(row[i])))).toEqual(
      issues.map((i) => [i.sheet, i.row > 0 ? `${i.column ?? "A"}${i.row}` : "", i.term ?? "", i.value ?? "", i.message])
    );
    const basis = rows.find((row) => text(row[1]) === "B2")!;
    expect(text(basis[3])).toBe("Human Observation");
    expect(text(basis[5])).toMatch(/^(Блокирует экспорт|Ошибка|Предупреждение|Заметка)$/);
    expect(rows.some((row) => text(row[3]) === "02.06.2021" && text(row[1]) === "D3")).toBe(true);
  });

  it("writes the English report with --json, keeping standard output one JSON document", async () => {
    const file = await badWorkbook("birds-en.xlsx");
    const report = path.join(dir, "birds-en-report.xlsx");
    const r = await run("validate", file, "--json", "--no-geo", "--report", report);
    const issues = JSON.parse(r.out) as IssueJson[];
    expect(r.err).toContain(`Wrote the report ${report}: sheet "Validation report" (${issues.length} findings)`);
    const { names, rows } = await readReport(report);
    expect(names).toEqual(["Validation report"]);
    expect(rows[0].map((c) => c.value)).toEqual(["Sheet", "Cell", "Column", "Value", "Rule", "Tier", "Message", "Proposed fix"]);
    expect(rows.length).toBe(issues.length + 1);
  });

  it("refuses a report that is not .xlsx, or is the input file, before reading anything", async () => {
    const file = await badWorkbook("refused.xlsx");
    const before = fs.readFileSync(file);
    const csv = path.join(dir, "refused-report.csv");
    const notXlsx = await run("validate", file, "--report", csv);
    expect(notXlsx.code).toBe(2);
    expect(notXlsx.err).toContain("the report must be an .xlsx file");
    expect(fs.existsSync(csv)).toBe(false);
    const same = await run("validate", file, "--report", path.join(dir, ".", "refused.xlsx"));
    expect(same.code).toBe(2);
    expect(same.err).toContain("the report must not be the input file");
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
