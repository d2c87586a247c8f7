import * as path from "path";
import ExcelJS from "exceljs";
import { buildTemplate, CURRENT_YEAR, EARLIEST_YEAR, extensionTemplate, getVocabulary, isTextColumn, TERM_RANGES, termHelp } from "../../src/dwc";
import { TEMPLATE_LAST_ROW, VOCABULARY_SHEET, columnLetters, writeTemplateFile } from "../../src/file";
import { tempDir } from "./helpers";
import { readXlsxParts } from "./xlsx-parts";

// ExcelJS reads and writes take seconds when the machine is busy.
jest.setTimeout(60_000);

const dir = tempDir("template-writer");

/** Reads a template back with ExcelJS, skipping validations (checked from the XML by `readXlsxParts`). */
async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file, { ignoreNodes: ["dataValidations"] });
  return wb;
}

/** The values a defined name points at, read from the (hidden) sheet's cells. */
function definedNameValues(wb: ExcelJS.Workbook, ref: string): string[] {
  const m = /^'?(.+?)'?!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(ref);
  if (!m) throw new Error(`unexpected defined-name reference ${ref}`);
  const ws = wb.getWorksheet(m[1].replace(/''/g, "'"))!;
  const out: string[] = [];
  for (let r = Number(m[3]); r <= Number(m[5]); r++) out.push(String(ws.getCell(`${m[2]}${r}`).value));
  return out;
}

describe("writeTemplateFile", () => {
  const occurrenceFile = path.join(dir, "occurrence.xlsx");
  const sheets = buildTemplate("occurrence", "minimal");

  beforeAll(() => writeTemplateFile(occurrenceFile, sheets, { lang: "en" }));

  it("writes row 1 as exactly the template's term names, frozen, in the template's order", async () => {
    const wb = await readBack(occurrenceFile);
    const ws = wb.getWorksheet(sheets[0].title.en)!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(sheets[0].columns.map((c) => c.term));
    expect(headers[0]).toBe("occurrenceID");
    expect(headers).toContain("basisOfRecord");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.rowCount).toBe(1);
  });

  it("fills headers by level: #85B372 required, #D8E3CF recommended, none for optional", async () => {
    const wb = await readBack(occurrenceFile);
    const ws = wb.getWorksheet(sheets[0].title.en)!;
    sheets[0].columns.forEach((column, i) => {
      const fill = ws.getCell(1, i + 1).fill as ExcelJS.FillPattern | undefined;
      const argb = fill && fill.type === "pattern" ? fill.fgColor?.argb : undefined;
      const expected = { required: "FF85B372", recommended: "FFD8E3CF", optional: undefined }[column.level];
      expect([column.term, argb]).toEqual([column.term, expected]);
    });
    const levelOf = (term: string) => sheets[0].columns.find((c) => c.term === term)?.level;
    expect(levelOf("basisOfRecord")).toBe("required");
  });

  it("puts the term's definition and level in each header note", async () => {
    const wb = await readBack(occurrenceFile);
    const ws = wb.getWorksheet(sheets[0].title.en)!;
    const col = sheets[0].columns.findIndex((c) => c.term === "basisOfRecord");
    const note = ws.getCell(1, col + 1).note;
    const text = typeof note === "string" ? note : note.texts!.map((t) => t.text).join("");
    expect(text).toContain(termHelp("basisOfRecord", "en").definition);
    expect(text).toContain("Required");
  });

  it("formats text columns as text so IDs keep leading zeros; numeric columns stay numeric", async () => {
    const wb = await readBack(occurrenceFile);
    const ws = wb.getWorksheet(sheets[0].title.en)!;
    sheets[0].columns.forEach((column, i) => {
      const fmt = ws.getColumn(i + 1).numFmt;
      expect([column.term, fmt === "@"]).toEqual([column.term, isTextColumn(column)]);
    });
    // The model's definition, shared with the Excel add-in (test/excel/template.test.ts): ids and dates are text,
    // numbers are not.
    const fmtOf = (term: string) => ws.getColumn(sheets[0].columns.findIndex((c) => c.term === term) + 1).numFmt;
    expect(fmtOf("occurrenceID")).toBe("@");
    expect(fmtOf("eventDate")).toBe("@");
    expect(fmtOf("decimalLatitude")).not.toBe("@");
  });

  it("binds each vocabulary column to a defined name on the very hidden sheet holding exactly the vocabulary", async () => {
    const parts = readXlsxParts(occurrenceFile);
    expect(parts.sheets.find((s) => s.name === VOCABULARY_SHEET)?.state).toBe("veryHidden");
    const wb = await readBack(occurrenceFile);
    const validations = parts.validations(sheets[0].title.en);
    const bound = sheets[0].columns.filter((c) => c.vocabulary);
    expect(bound.map((c) => c.term)).toContain("basisOfRecord");
    for (const column of bound) {
      const i = sheets[0].columns.indexOf(column);
      const letters = columnLetters(i);
      const v = validations.find((x) => x.sqref === `${letters}2:${letters}${TEMPLATE_LAST_ROW}`);
      expect(v?.type).toBe("list");
      const ref = parts.definedNames.get(v!.formula1!)!;
      const vocabulary = getVocabulary(column.vocabulary!)!;
      expect(definedNameValues(wb, ref)).toEqual(vocabulary.concepts.map((c) => c.value));
      expect(v!.errorStyle).toBe(vocabulary.closed ? "stop" : "warning");
    }
    const basis = definedNameValues(wb, parts.definedNames.get("dwc_basisOfRecord")!);
    expect(basis).toContain("PreservedSpecimen");
    expect(basis).toContain("HumanObservation");
  });

  it("adds range rules for coordinates", async () => {
    const file = path.join(dir, "occurrence-extended.xlsx");
    const extended = buildTemplate("occurrence", "extended");
    await writeTemplateFile(file, extended, { lang: "en" });
    const parts = readXlsxParts(file);
    const i = extended[0].columns.findIndex((c) => c.term === "decimalLatitude");
    expect(i).toBeGreaterThanOrEqual(0);
    const letters = columnLetters(i);
    const v = parts.validations(extended[0].title.en).find((x) => x.sqref.startsWith(`${letters}2:`));
    expect(v).toMatchObject({ type: "decimal", formula1: "-90", formula2: "90", errorStyle: "stop" });
    // Every numeric rule is the model's term range (the validator checks the same one): the year up to Excel's
    // current year, whole numbers where the model says so.
    const ranged = extended[0].columns.filter((c) => TERM_RANGES[c.term]);
    expect(ranged.map((c) => c.term)).toEqual(expect.arrayContaining(["decimalLatitude", "year", "month", "day"]));
    for (const column of ranged) {
      const range = TERM_RANGES[column.term];
      const at = columnLetters(extended[0].columns.indexOf(column));
      const rule = parts.validations(extended[0].title.en).find((x) => x.sqref.startsWith(`${at}2:`));
      const max = range.max === CURRENT_YEAR ? "YEAR(TODAY())" : range.max;
      expect([column.term, rule?.type, rule?.formula1, rule?.formula2]).toEqual([column.term, range.whole ? "whole" : "decimal", String(range.min), max === undefined ? undefined : String(max)]);
    }
    const year = ranged.find((c) => c.term === "year")!;
    const yearRule = parts.validations(extended[0].title.en).find((x) => x.sqref.startsWith(`${columnLetters(extended[0].columns.indexOf(year))}2:`));
    expect(yearRule).toMatchObject({ formula1: String(EARLIEST_YEAR), formula2: "YEAR(TODAY())" });
  });

  it("writes an event template with its associated occurrences and a MeasurementOrFact sheet, in Russian", async () => {
    const file = path.join(dir, "event-ru.xlsx");
    const event = [...buildTemplate("event", "minimal"), extensionTemplate("measurementorfact", "event")];
    await writeTemplateFile(file, event, { lang: "ru" });
    const wb = await readBack(file);
    const visible = wb.worksheets.filter((w) => w.state === "visible").map((w) => w.name);
    expect(visible).toEqual(event.map((s) => s.title.ru));
    const occ = wb.getWorksheet(event[1].title.ru)!;
    const note = occ.getCell(1, 1).note;
    const text = typeof note === "string" ? note : note.texts!.map((t) => t.text).join("");
    expect(text).toContain(termHelp(event[1].columns[0].term, "ru").definition);
    expect(text).toMatch(/[а-я]/);
  });
});
