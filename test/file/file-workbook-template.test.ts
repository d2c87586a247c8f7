/**
 * Templates through the file adapter's WorkbookAdapter.writeTemplate: new sheets named by the shared rule beside
 * the input's own (in a copy), and the vocabulary sheet completed, not duplicated, by a second template.
 */
import * as path from "path";
import ExcelJS from "exceljs";
import { buildTemplate, extensionTemplate, isVocabularySheetName, vocabularyRangeName } from "../../src/dwc";
import { fileWorkbook, newFileWorkbook, openTableFile } from "../../src/file";
import { tempDir } from "./helpers";

jest.setTimeout(60_000);

const dir = tempDir("file-workbook-template");

describe("fileWorkbook writeTemplate", () => {
  it("adds the template beside the input's sheets under a free name, the input's values kept", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Occurrence").addRow(["my own notes"]);
    const file = path.join(dir, "mine.xlsx");
    await wb.xlsx.writeFile(file);
    const workbook = fileWorkbook(await openTableFile(file), "occurrence", { copy: true });
    const written = await workbook.writeTemplate(buildTemplate("occurrence", "minimal"), "en");
    expect(written).toEqual([{ name: "Occurrence (2)", rows: 0 }]);
    const out = path.join(dir, "mine-template.xlsx");
    await workbook.save(out);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    expect(back.getWorksheet("Occurrence")!.getCell("A1").value).toBe("my own notes");
    const terms = (back.getWorksheet("Occurrence (2)")!.getRow(1).values as unknown[]).slice(1);
    expect(terms).toEqual(buildTemplate("occurrence", "minimal")[0].columns.map((c) => c.term));
  });

  it("completes its vocabulary sheet when a second template needs more vocabularies", async () => {
    const workbook = newFileWorkbook();
    expect((await workbook.collectSources()).sheets).toEqual([]);
    const multimedia = extensionTemplate("multimedia", "occurrence");
    await workbook.writeTemplate([multimedia], "ru");
    await workbook.writeTemplate(buildTemplate("occurrence", "minimal"), "ru");
    const out = path.join(dir, "two.xlsx");
    await workbook.save(out);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    const vocabularySheets = back.worksheets.filter((w) => isVocabularySheetName(w.name));
    expect(vocabularySheets.length).toBe(1);
    const ids = (vocabularySheets[0].getRow(1).values as unknown[]).slice(1);
    const wanted = [...buildTemplate("occurrence", "minimal")[0].columns, ...multimedia.columns].flatMap((c) => (c.vocabulary ? [c.vocabulary] : []));
    // the first template has a vocabulary sheet already, the second brings a vocabulary it did not have
    const first = new Set(multimedia.columns.flatMap((c) => (c.vocabulary ? [c.vocabulary] : [])));
    expect(first.size).toBeGreaterThan(0);
    expect(buildTemplate("occurrence", "minimal")[0].columns.some((c) => c.vocabulary && !first.has(c.vocabulary))).toBe(true);
    for (const id of wanted) {
      expect(ids).toContain(id);
      expect(back.definedNames.getRanges(vocabularyRangeName(id)).ranges.length).toBe(1);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });
});
