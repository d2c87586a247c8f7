import * as path from "path";
import ExcelJS from "exceljs";
import { buildTemplate, extensionTemplate } from "../../src/dwc";
import { metadataFromSheetRows } from "../../src/metadata";
import { run, tempDir } from "./helpers";

// ExcelJS reads and writes take seconds when the machine is busy.
jest.setTimeout(60_000);

const dir = tempDir("cli-template");

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file, { ignoreNodes: ["dataValidations"] });
  return wb;
}

const headersOf = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1);

describe("dwc-excel template", () => {
  it("writes an occurrence template with the minimal preset by default, and a Metadata sheet", async () => {
    const file = path.join(dir, "occ.xlsx");
    const r = await run("template", "occurrence", "-o", file);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain(file);
    const wb = await open(file);
    const expected = buildTemplate("occurrence", "minimal");
    expect(headersOf(wb.worksheets[0])).toEqual(expected[0].columns.map((c) => c.term));
    const meta = wb.getWorksheet("Metadata")!;
    const rows: (string | number | null)[][] = [];
    meta.eachRow((row) => rows.push((row.values as (string | number | null)[]).slice(1).map((v) => v ?? null)));
    const { meta: read } = metadataFromSheetRows(rows);
    expect(read.datasetType).toBe("occurrence");
  });

  it("writes the event class with the extended preset, Russian notes and the extensions asked for", async () => {
    const file = path.join(dir, "event.xlsx");
    const r = await run(
      "template",
      "event",
      "--preset",
      "extended",
      "--lang=ru",
      "--extensions",
      "measurementorfact,multimedia",
      "-o",
      file
    );
    expect(r.code).toBe(0);
    const wb = await open(file);
    const expected = [
      ...buildTemplate("event", "extended"),
      extensionTemplate("measurementorfact", "event"),
      extensionTemplate("multimedia", "event"),
    ];
    const visible = wb.worksheets.filter((w) => w.state === "visible");
    expect(visible.map((w) => w.name)).toEqual([...expected.map((s) => s.title.ru), "Metadata"]);
    visible
      .slice(0, expected.length)
      .forEach((ws, i) => expect(headersOf(ws)).toEqual(expected[i].columns.map((c) => c.term)));
    const note = visible[0].getCell("A1").note;
    const text = typeof note === "string" ? note : note.texts!.map((t) => t.text).join("");
    expect(text).toContain("Обязательный");
  });

  it.each([
    [["template"], /name the dataset class/],
    [["template", "taxa", "-o", "x.xlsx"], /must be occurrence, checklist or event \(got "taxa"\)/],
    [["template", "occurrence"], /give the output file with -o/],
    [["template", "occurrence", "-o", "x.csv"], /must be an \.xlsx file/],
    [["template", "occurrence", "--preset", "full", "-o", "x.xlsx"], /--preset must be one of: minimal, extended/],
    [
      ["template", "occurrence", "--extensions", "occurrence", "-o", "x.xlsx"],
      /"occurrence" is not an extension sheet; choose from: measurementorfact/,
    ],
    [["template", "occurrence", "-o"], /--output needs a value/],
    [["templates"], /unknown command "templates"/],
  ])("exits 2 on %j with a clear message", async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it("exits 2 naming the file when it cannot be written", async () => {
    const file = path.join(dir, "no-such-folder", "t.xlsx");
    const r = await run("template", "checklist", "-o", file);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${file}: cannot write the file (ENOENT)`);
  });

  it("prints the usage with --help and exits 0; exits 2 without a command", async () => {
    const help = await run("--help");
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^dwc-excel: /);
    expect(help.out).toContain("dwc-excel export FILE.csv --core occurrence|event|taxon [--metadata META.json]");
    const none = await run();
    expect(none.code).toBe(2);
    expect(none.err).toContain("Usage:");
  });
});
