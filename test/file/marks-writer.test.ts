/**
 * Marks through the file adapter (`fileWorkbook(source, core, { copy: true }).markCells`): a copy of the input whose
 * values are those of the input cell by cell, a very hidden "DwC marks N" mirror per marked sheet with E/W at the
 * issues' cells, and the two conditional formats of the add-in's design, read back with ExcelJS.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { validateDataset } from "../../src/archive";
import { MARK_COLOURS } from "../../src/archive/marks";
import { fileWorkbook, newFileWorkbook, openTableFile } from "../../src/file";
import type { Issue } from "../../src/validate/types";
import { tempDir } from "./helpers";

// ExcelJS reads and writes take seconds when the machine is busy.
jest.setTimeout(60_000);

const dir = tempDir("marks-writer");

const HEADERS = ["occurrenceID", "basisOfRecord", "scientificName", "eventDate", "decimalLatitude", "decimalLongitude", "individualCount"];

/** A bird sheet with text ids, a wrong basisOfRecord (B3), a latitude out of range (E4), a date cell and a notes sheet. */
async function birds(name: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Birds");
  ws.addRow(HEADERS);
  ws.addRow(["007", "HumanObservation", "Parus major", "2012-06-23", 55.75, 37.62, 2]);
  ws.addRow(["008", "Bogus", "Pica pica", new Date(Date.UTC(2012, 5, 24)), 55.7, 37.5, 1]);
  ws.addRow(["009", "PreservedSpecimen", "Corvus corax", "2013-05-01", 156.1, 38.2, true]);
  ws.getCell("A2").numFmt = "@";
  ws.getCell("D3").numFmt = "yyyy-mm-dd";
  ws.getCell("C2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B0F0" } };
  wb.addWorksheet("Notes").addRow(["Counted by the Oka reserve"]);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function read(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every cell of a sheet as `address -> [value, numFmt]`. */
function cells(ws: ExcelJS.Worksheet): Map<string, [unknown, string | undefined]> {
  const out = new Map<string, [unknown, string | undefined]>();
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => out.set(cell.address, [cell.value, cell.numFmt]))
  );
  return out;
}

interface ReadRule {
  type: string;
  formulae: string[];
  style: { fill: { bgColor: { argb: string } }; font: { color: { argb: string } } };
}
const conditionalFormats = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { conditionalFormattings: { ref: string; rules: ReadRule[] }[] }).conditionalFormattings;

const issue = (row: number, column: number, severity: Issue["severity"], sheet = "Birds"): Issue =>
  ({ ruleId: "test", sheet, row, column, severity, message: "m" }) as unknown as Issue;

describe("fileWorkbook markCells", () => {
  it("writes a copy with a very hidden mirror, E/W at the issues' cells and the add-in's two conditional formats", async () => {
    const file = await birds("birds.xlsx");
    const before = fs.readFileSync(file);
    const workbook = fileWorkbook(await openTableFile(file), undefined, { copy: true });
    // a warning under an error stays E; a record-level issue marks column A; info and sheet-level issues nothing
    await workbook.markCells([
      issue(3, 1, "blocker"),
      issue(4, 4, "error"),
      issue(4, 4, "warning"),
      issue(2, 2, "warning"),
      issue(2, -1, "error"),
      issue(3, 5, "info"),
      issue(0, -1, "error"),
    ]);
    expect(workbook.marked).toEqual([{ sheet: "Birds", marksSheet: "DwC marks 1", errors: 3, warnings: 1 }]);
    const out = path.join(dir, "birds-marked.xlsx");
    await workbook.save(out);
    expect(fs.readFileSync(file).equals(before)).toBe(true);

    const input = await read(file);
    const copy = await read(out);
    expect(copy.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["Birds", "visible"],
      ["Notes", "visible"],
      ["DwC marks 1", "veryHidden"],
    ]);
    const mirror = copy.getWorksheet("DwC marks 1")!;
    const marks = [...cells(mirror)].filter(([, [v]]) => v !== null).map(([a, [v]]) => `${a}=${String(v)}`);
    expect(marks.sort()).toEqual(["A2=E", "B3=E", "C2=W", "E4=E"]);

    const [cf, ...more] = conditionalFormats(copy.getWorksheet("Birds")!);
    expect(more).toEqual([]);
    // the header's 7 columns and 30 spare ones (A..AK), down to the template's last row
    expect(cf.ref).toMatch(/^A1:AK\d+$/);
    expect(Number(cf.ref.replace(/^A1:AK/, ""))).toBeGreaterThanOrEqual(50000);
    const argb = (hex: string) => `FF${hex.slice(1)}`;
    expect(cf.rules.map((r) => [r.type, r.formulae[0], r.style.fill.bgColor.argb, r.style.font.color.argb]).sort()).toEqual(
      [
        ["expression", `LEFT('DwC marks 1'!A1,1)="E"`, argb(MARK_COLOURS.error.fill), argb(MARK_COLOURS.error.font)],
        ["expression", `LEFT('DwC marks 1'!A1,1)="W"`, argb(MARK_COLOURS.warning.fill), argb(MARK_COLOURS.warning.font)],
      ].sort()
    );
    expect(MARK_COLOURS.error.fill).toBe("#FFC7CE");

    // values, number formats and the user's fill are the input's, cell by cell, on every sheet of the input
    for (const ws of input.worksheets) {
      const copied = copy.getWorksheet(ws.name)!;
      expect([...cells(copied)]).toEqual([...cells(ws)]);
    }
    expect(copy.getWorksheet("Birds")!.getCell("C2").fill).toEqual(input.getWorksheet("Birds")!.getCell("C2").fill);
  });

  it("replaces the marks of a copy that was marked before, from the validation of the core's flow", async () => {
    const file = await birds("remark.xlsx");
    const first = fileWorkbook(await openTableFile(file), undefined, { copy: true });
    await first.markCells([issue(2, 0, "error"), issue(4, 2, "warning")]);
    const once = path.join(dir, "remark-1.xlsx");
    await first.save(once);

    const source = await openTableFile(once);
    const second = fileWorkbook(source, undefined, { copy: true });
    const issues = await validateDataset(await second.collectSources());
    await second.markCells(issues);
    const twice = path.join(dir, "remark-2.xlsx");
    await second.save(twice);
    const copy = await read(twice);
    expect(copy.worksheets.filter((w) => w.name.startsWith("DwC marks")).map((w) => w.name)).toEqual(["DwC marks 1"]);
    expect(conditionalFormats(copy.getWorksheet("Birds")!).length).toBe(1);
    const mirror = copy.getWorksheet("DwC marks 1")!;
    // the wrong basisOfRecord and the latitude out of range; the old marks of A2 and C4 are gone
    expect(mirror.getCell("B3").value).toBe("E");
    expect(mirror.getCell("E4").value).toBe("E");
    expect(mirror.getCell("A2").value).toBeNull();
    expect(issues.some((i) => i.sheet === "Birds" && i.row === 4 && i.column === 2)).toBe(false);
    expect(mirror.getCell("C4").value).toBeNull();
  });

  it("copies a CSV file as one sheet of text and marks it", async () => {
    const file = path.join(dir, "counts.csv");
    fs.writeFileSync(file, "occurrenceID,basisOfRecord,decimalLatitude\n007,HumanObservation,55.75\n008,Bogus,1e3\n");
    const workbook = fileWorkbook(await openTableFile(file), "occurrence", { copy: true });
    await workbook.markCells([issue(3, 1, "error", "counts.csv"), issue(3, 2, "warning", "counts.csv")]);
    const out = path.join(dir, "counts-marked.xlsx");
    await workbook.save(out);
    const copy = await read(out);
    const ws = copy.worksheets[0];
    expect(ws.name).toBe("counts.csv");
    expect([1, 2, 3].map((r) => (ws.getRow(r).values as unknown[]).slice(1))).toEqual([
      ["occurrenceID", "basisOfRecord", "decimalLatitude"],
      ["007", "HumanObservation", "55.75"],
      ["008", "Bogus", "1e3"],
    ]);
    expect(ws.getCell("C3").numFmt).toBe("@");
    const mirror = copy.getWorksheet("DwC marks 1")!;
    expect(mirror.state).toBe("veryHidden");
    expect([mirror.getCell("B3").value, mirror.getCell("C3").value]).toEqual(["E", "W"]);
  });

  it("refuses to mark a workbook that is not a copy of the input", async () => {
    const file = await birds("plain.xlsx");
    await expect(fileWorkbook(await openTableFile(file)).markCells([issue(2, 0, "error")])).rejects.toThrow(/copy/);
    await expect(newFileWorkbook().markCells([])).rejects.toThrow(/copy/);
  });
});
