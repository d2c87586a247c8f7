/**
 * The file adapter as a WorkbookAdapter: sources from an opened CSV file, new sheets under free names in the
 * output workbook, and a save that never touches the input file.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { validateDataset, type WorkbookAdapter } from "../../src/archive";
import { fileWorkbook, FileError, openTableFile } from "../../src/file";
import { reportTable } from "../../src/validate";

jest.setTimeout(60_000);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dwc-excel-file-workbook-"));

describe("fileWorkbook", () => {
  it("collects a CSV file's core, writes two report sheets under free names and saves them to a new file", async () => {
    const csv = path.join(dir, "birds.csv");
    fs.writeFileSync(csv, "occurrenceID;basisOfRecord;scientificName;eventDate\n007;HumanObservation;Parus major;2021-06-01\n008;fossil;Pica pica;2021-06-02\n");
    const workbook = fileWorkbook(await openTableFile(csv), "occurrence");
    const adapter: WorkbookAdapter = workbook;
    const sources = await adapter.collectSources();
    expect(sources.sheets.map((s) => s.role.rowTypeId)).toEqual(["occurrence"]);
    const issues = await validateDataset(sources);
    const table = reportTable(issues, "en");
    const bad = table.rows.find((r) => r[1] === "B3");
    expect(bad?.slice(2, 4)).toEqual(["basisOfRecord", "fossil"]);

    expect(await adapter.writeSheet(table.sheetName, table.header, table.rows)).toEqual({ name: "Validation report", rows: issues.length });
    expect(await adapter.writeSheet("Validation report", ["id"], [["007"]])).toEqual({ name: "Validation report (2)", rows: 1 });
    await expect(workbook.save(csv)).rejects.toBeInstanceOf(FileError);
    expect(fs.readFileSync(csv, "utf8")).toMatch(/^occurrenceID;basisOfRecord/);

    const out = path.join(dir, "birds-report.xlsx");
    await workbook.save(out);
    const read = new ExcelJS.Workbook();
    await read.xlsx.readFile(out);
    expect(read.worksheets.map((w) => w.name)).toEqual(["Validation report", "Validation report (2)"]);
    const second = read.getWorksheet("Validation report (2)")!;
    expect([second.getCell("A2").value, second.getCell("A2").numFmt]).toEqual(["007", "@"]);
    expect(read.getWorksheet("Validation report")!.rowCount).toBe(issues.length + 1);
  });
});
