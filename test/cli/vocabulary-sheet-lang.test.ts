/**
 * The very hidden vocabulary sheet is named in the language the workbook was made in ("DwC vocabularies",
 * "DwC словари"), by `dwc-excel template` and `dwc-excel import` alike, and a workbook with the Russian name
 * validates and exports exactly as one with the English name: the sheet is never data.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { readArchive, recordsOf } from "../../src/archive";
import { buildTemplate, VOCABULARY_SHEET, vocabularySheetName } from "../../src/dwc";
import { readXlsxParts } from "../file/xlsx-parts";
import { OCCURRENCE_HEADERS, OCCURRENCE_ROWS, metadataSheet, run, tempDir } from "./helpers";

// ExcelJS reads and writes take seconds when the machine is busy.
jest.setTimeout(120_000);

const dir = tempDir("vocabulary-lang");
const REAL = path.resolve(__dirname, "../../../shared/samples/real");
const RU = "DwC словари";

/** The sheet each `dwc_*` defined name points at (unquoted). */
function vocabularyNameTargets(parts: ReturnType<typeof readXlsxParts>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, ref] of parts.definedNames) {
    if (!name.startsWith("dwc_")) continue;
    const m = /^'?(.+?)'?!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+$/.exec(ref);
    out.set(name, m ? m[1].replace(/''/g, "'") : ref);
  }
  return out;
}

/**
 * A template written in `lang`, filled with two occurrence records (under the template's own headers) and a
 * complete Metadata sheet, saved again with ExcelJS.
 */
async function filledTemplate(lang: "en" | "ru"): Promise<string> {
  const file = path.join(dir, `filled-${lang}.xlsx`);
  const made = await run("template", "occurrence", "--lang", lang, "-o", file);
  expect(made.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file, { ignoreNodes: ["dataValidations"] });
  const [template] = buildTemplate("occurrence", "minimal");
  const core = wb.getWorksheet(template.title[lang])!;
  const headers = (core.getRow(1).values as unknown[]).slice(1).map(String);
  OCCURRENCE_ROWS.forEach((record, r) => {
    OCCURRENCE_HEADERS.forEach((h, c) => {
      const at = headers.indexOf(h);
      if (at >= 0) core.getCell(r + 2, at + 1).value = record[c];
    });
  });
  wb.removeWorksheet(wb.getWorksheet("Metadata")!.id);
  const meta = metadataSheet(`Vocabulary sheet in ${lang}`);
  const ws = wb.addWorksheet(meta.name);
  meta.rows.forEach((row) => ws.addRow(row));
  await wb.xlsx.writeFile(file);
  return file;
}

describe("the vocabulary sheet's name follows the workbook's language", () => {
  it("gives each language its own name, English kept as the compatible one", () => {
    expect(vocabularySheetName("en")).toBe(VOCABULARY_SHEET);
    expect(vocabularySheetName("en")).toBe("DwC vocabularies");
    expect(vocabularySheetName("ru")).toBe(RU);
  });

  it.each([
    ["en", "DwC vocabularies", RU],
    ["ru", RU, "DwC vocabularies"],
  ] as const)("template --lang %s writes the very hidden %s sheet the dropdowns refer to", async (lang, own, other) => {
    const file = path.join(dir, `template-${lang}.xlsx`);
    expect((await run("template", "occurrence", "--lang", lang, "-o", file)).code).toBe(0);
    const parts = readXlsxParts(file);
    expect(parts.sheets.filter((s) => s.state !== "visible").map((s) => [s.name, s.state])).toEqual([
      [own, "veryHidden"],
    ]);
    expect(parts.sheets.map((s) => s.name)).not.toContain(other);
    const targets = vocabularyNameTargets(parts);
    expect(targets.get("dwc_basisOfRecord")).toBe(own);
    expect(new Set(targets.values())).toEqual(new Set([own]));
    // The core's basisOfRecord dropdown is bound to that name.
    const [template] = buildTemplate("occurrence", "minimal");
    const validations = parts.validations(template.title[lang]);
    expect(validations.map((v) => v.formula1)).toContain("dwc_basisOfRecord");
  });

  it.each(["ru", "en"] as const)(
    "validates and exports a filled %s template without reading its vocabulary sheet as data",
    async (lang) => {
      const file = await filledTemplate(lang);
      // The re-saved workbook still has its vocabulary sheet, very hidden and named in its language.
      expect(readXlsxParts(file).sheets.find((s) => s.name === vocabularySheetName(lang))?.state).toBe("veryHidden");

      const validation = await run("validate", file, "--json");
      expect(validation.code).toBe(0);
      const issues = JSON.parse(validation.out) as { ruleId: string; sheet?: string; severity: string }[];
      expect(issues.filter((i) => i.sheet === vocabularySheetName(lang))).toEqual([]);
      expect(issues.filter((i) => i.ruleId === "file.hidden-sheet")).toEqual([]);
      expect(issues.filter((i) => i.severity === "error")).toEqual([]);

      const zip = path.join(dir, `filled-${lang}.zip`);
      const exported = await run("export", file, "--no-geo", "-o", zip);
      expect(exported.err).toBe("");
      expect(exported.code).toBe(0);
      const archive = readArchive(new Uint8Array(fs.readFileSync(zip)));
      expect(archive.extensions).toEqual([]);
      expect(recordsOf(archive.core).length).toBe(OCCURRENCE_ROWS.length);
    }
  );

  it("import --lang ru names the very hidden vocabulary sheet in Russian, and validate leaves it out", async () => {
    const output = path.join(dir, "quicama-ru.xlsx");
    const r = await run("import", path.join(REAL, "quicama-birds.zip"), "--lang", "ru", "-o", output);
    expect(r.code).toBe(0);
    const parts = readXlsxParts(output);
    expect(parts.sheets.map((s) => [s.name, s.state])).toEqual([
      ["Occurrence", "visible"],
      ["Multimedia", "visible"],
      ["Metadata", "visible"],
      [RU, "veryHidden"],
    ]);
    const targets = vocabularyNameTargets(parts);
    expect(targets.size).toBeGreaterThan(0);
    expect(new Set(targets.values())).toEqual(new Set([RU]));
    const basis = parts.validations("Occurrence").find((v) => v.formula1 === "dwc_basisOfRecord");
    expect(basis).toBeDefined();

    const validation = await run("validate", output, "--json");
    const issues = JSON.parse(validation.out) as { sheet?: string }[];
    expect(issues.filter((i) => i.sheet === RU)).toEqual([]);
  });
});
