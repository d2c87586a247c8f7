/**
 * `dwc-excel import` (src/cli/import-command.ts): the workbook it writes (sheets, text format, values as strings,
 * Metadata sheet with the packageId), its refusals (existing output, missing or broken archive: exit 2, one line),
 * and the streaming record splitter against the in-memory reader.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { parseDelimited } from "../../src/archive";
import { parseArgs } from "../../src/cli/args";
import { IMPORT_OPTIONS, defaultWorkbookName, importCommand } from "../../src/cli/import-command";
import { completeRecordsEnd, excelText } from "../../src/file/archive-workbook";
import { columnLetters, openTableFile } from "../../src/file";
import { TEMPLATE_LAST_ROW, templateLastRow } from "../../src/dwc";
import { readXlsxParts } from "../file/xlsx-parts";
import { tempDir, type RunResult } from "./helpers";

jest.setTimeout(120_000);

const REAL = path.resolve(__dirname, "../../../shared/samples/real");
const dir = tempDir("import");

async function importArgs(...argv: string[]): Promise<RunResult> {
  let out = "";
  let err = "";
  const code = await importCommand(parseArgs(["import", ...argv], IMPORT_OPTIONS), {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
  });
  return { code, out, err };
}

describe("dwc-excel import", () => {
  const output = path.join(dir, "quicama.xlsx");

  it("writes one sheet per data file, as text, and the Metadata sheet from eml.xml", async () => {
    const result = await importArgs(path.join(REAL, "quicama-birds.zip"), "-o", output);
    expect(result).toMatchObject({ code: 0, err: "" });
    expect(result.out).toContain("Occurrence <- occurrence.txt: 104 records, 23 columns");
    expect(result.out).toContain("packageId 35f47748-8f91-4cca-9d2c-573ab66078cc/v1.3");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["Occurrence", "visible"],
      ["Multimedia", "visible"],
      ["Metadata", "visible"],
      ["DwC vocabularies", "veryHidden"],
    ]);
    const occ = wb.getWorksheet("Occurrence")!;
    const headers: string[] = [];
    occ.getRow(1).eachCell((cell, c) => void (headers[c] = cell.text));
    const lat = headers.indexOf("decimalLatitude");
    expect(lat).toBeGreaterThan(0);
    expect(occ.getRow(2).getCell(lat).numFmt).toBe("@");
    expect(occ.getColumn(lat).numFmt).toBe("@");
    // Read back by the tool's own reader: strings, not numbers.
    const source = await openTableFile(output);
    const rows = [];
    for await (const chunk of source.readRows("Occurrence")) rows.push(...chunk.values);
    expect(typeof rows[0][lat - 1]).toBe("string");
    const meta = [];
    for await (const chunk of source.readRows("Metadata")) meta.push(...chunk.values);
    expect(meta.find((r) => r[0] === "packageId")?.[1]).toBe("35f47748-8f91-4cca-9d2c-573ab66078cc/v1.3");
    expect(meta.find((r) => r[0] === "license")?.[1]).toBe("CC-BY-4.0");
    expect(meta.some((r) => String(r[0]).startsWith("eml.keep."))).toBe(true);
    // Dropdowns cover the model's template rows for this much data (the templates of the pane and the CLI alike).
    const basis = headers.indexOf("basisOfRecord") - 1;
    const dropdown = readXlsxParts(output).validations("Occurrence").find((v) => v.sqref.startsWith(`${columnLetters(basis)}2:`));
    expect(dropdown).toMatchObject({ type: "list", formula1: "dwc_basisOfRecord", sqref: `${columnLetters(basis)}2:${columnLetters(basis)}${templateLastRow(105)}` });
    expect(templateLastRow(105)).toBe(TEMPLATE_LAST_ROW);
  });

  it("refuses to overwrite an existing file (exit 2, one line naming it)", async () => {
    const before = fs.statSync(output).mtimeMs;
    const result = await importArgs(path.join(REAL, "quicama-birds.zip"), "-o", output);
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      `dwc-excel import: ${output}: the file exists and is not overwritten; give another -o or remove it.\n`
    );
    expect(fs.statSync(output).mtimeMs).toBe(before);
  });

  it("names the file it cannot use: missing, not a zip, meta.xml naming a missing file", async () => {
    const missing = await importArgs(path.join(dir, "nope.zip"), "-o", path.join(dir, "a.xlsx"));
    expect(missing).toEqual({
      code: 2,
      out: "",
      err: `dwc-excel import: ${path.join(dir, "nope.zip")}: file not found\n`,
    });
    const notZip = path.join(dir, "text.zip");
    fs.writeFileSync(notZip, "hello");
    const bad = await importArgs(notZip, "-o", path.join(dir, "b.xlsx"));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^dwc-excel import: .*text\.zip: not a zip file/);
    const folder = path.join(dir, "broken");
    fs.mkdirSync(folder);
    fs.copyFileSync(path.join(REAL, "hominidae-checklist/meta.xml"), path.join(folder, "meta.xml"));
    const broken = await importArgs(folder, "-o", path.join(dir, "c.xlsx"));
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(
      /^dwc-excel import: .*broken: .*taxa\.csv.*meta\.xml names this data file but the archive does not hold it\n$/
    );
    expect(fs.existsSync(path.join(dir, "c.xlsx"))).toBe(false);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith(".part"))).toEqual([]);
  });

  it("names the workbook after the archive by default, and says what to fill in before export", async () => {
    expect(defaultWorkbookName("data/dwca-plants-v1.2.zip")).toBe("data/dwca-plants-v1.2.xlsx");
    expect(defaultWorkbookName("data/dwca/")).toBe("data/dwca.xlsx");
    const copy = path.join(dir, "dna");
    fs.cpSync(path.join(REAL, "dna-barcodes-old-types"), copy, { recursive: true });
    const result = await importArgs(copy);
    expect(result.code).toBe(0);
    expect(fs.existsSync(`${copy}.xlsx`)).toBe(true);
    expect(result.out).toMatch(/Before export, fill in on the Metadata sheet \(GBIF requires it\):\n {2}license:/);
  });
});

describe("streaming record splitter", () => {
  const layouts = [
    { fieldsTerminatedBy: "\t", linesTerminatedBy: "\n", fieldsEnclosedBy: '"' },
    { fieldsTerminatedBy: ",", linesTerminatedBy: "\n", fieldsEnclosedBy: '"' },
    { fieldsTerminatedBy: ";", linesTerminatedBy: "\r\n", fieldsEnclosedBy: "" },
  ];
  const text = 'a\t"b\nc"\tx\r\n"q""\tz",1\r\n\n5" tall,"k\r\n"\n;last';

  it("cuts only after complete records: every cut parses as the whole text does", () => {
    for (const layout of layouts) {
      const whole = parseDelimited(text, layout);
      for (let n = 0; n <= text.length; n++) {
        const head = text.slice(0, n);
        const end = completeRecordsEnd(head, layout);
        const rows = [...parseDelimited(text.slice(0, end), layout), ...parseDelimited(text.slice(end), layout)];
        expect({ n, rows }).toEqual({ n, rows: whole });
      }
    }
  });

  it("escapes what a cell cannot hold raw, as Excel does", () => {
    expect(excelText("Cachalot\u000b")).toBe("Cachalot_x000B_");
    expect(excelText("a\r\nb")).toBe("a_x000D_\nb");
    expect(excelText("_x0041_")).toBe("_x005F_x0041_");
    expect(excelText("plain")).toBe("plain");
  });
});
