/**
 * `dwc-excel standardise`, in-process. The command is not registered in src/cli/index.ts yet, so the tests call
 * `standardiseCommand` with `parseArgs` as `main` would.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { parseArgs } from "../../src/cli/args";
import { STANDARDISE_OPTIONS, standardiseCommand } from "../../src/cli/standardise-command";
import { FileError } from "../../src/file";
import { tempDir, writeWorkbook } from "../cli/helpers";

const CORPUS = path.join(__dirname, "corpus");

async function standardise(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await standardiseCommand(parseArgs(["standardise", ...argv], STANDARDISE_OPTIONS), {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
  });
  return { code, out, err };
}

async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function rowValues(ws: ExcelJS.Worksheet, r: number): unknown[] {
  return (ws.getRow(r).values as unknown[]).slice(1);
}

const dir = tempDir("standardise");

test("a Russian CSV: the original table, the Darwin Core sheet (text columns, converted values) and the report", async () => {
  const out = path.join(dir, "birds.xlsx");
  const r = await standardise(path.join(CORPUS, "01-birds-ru.csv"), "-o", out);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/Dataset class: occurrence/);
  expect(r.out).toMatch(/"Дата" → eventDate/);
  expect(r.out).toMatch(
    /Converted under an assumption[\s\S]*'01-birds-ru'!C5 "03.04.2013" \(eventDate\) → "2013-04-03"/
  );
  expect(r.out).toMatch(/Kept as written[\s\S]*'01-birds-ru'!I6 "ок\. 5" \(individualCount\): approximate value/);
  const wb = await readBook(out);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["01-birds-ru", "Occurrence", "Standardisation report"]);
  const original = wb.getWorksheet("01-birds-ru")!;
  expect(rowValues(original, 1)[1]).toBe("Вид");
  expect(rowValues(original, 2)[3]).toBe("55,7512");
  const dwc = wb.getWorksheet("Occurrence")!;
  const headers = rowValues(dwc, 1) as string[];
  expect(headers).toEqual(
    expect.arrayContaining([
      "occurrenceID",
      "scientificName",
      "eventDate",
      "verbatimEventDate",
      "decimalLatitude",
      "verbatimLatitude",
      "sex",
    ])
  );
  const at = (row: number, term: string) => dwc.getCell(row, headers.indexOf(term) + 1);
  expect(at(2, "eventDate").value).toBe("2012-06-23");
  expect(at(2, "eventDate").numFmt).toBe("@");
  expect(at(2, "decimalLatitude").value).toBe("55.7512");
  expect(at(2, "sex").value).toBe("male");
  expect(dwc.getCell(1, headers.indexOf("occurrenceID") + 1).fill).toMatchObject({ fgColor: { argb: "FF85B372" } });
  const report = wb.getWorksheet("Standardisation report")!;
  const reportText = report.getSheetValues().flat().join("\n");
  expect(reportText).toContain("03.04.2013");
  expect(reportText).toContain("'01-birds-ru'!C5");
});

test("an .xlsx workbook: other sheets unchanged, --sheet, --write-mapping, then --mapping re-checked on new headers", async () => {
  const input = await writeWorkbook(dir, "survey.xlsx", [
    { name: "Readme", rows: [["Survey of 2019"], ["Kept as it is", 42]] },
    {
      name: "Данные",
      rows: [
        ["Вид", "Дата", "Широта", "Долгота", "Пол"],
        ["Lutra lutra", "12.08.2019", "56,1", "43,2", "самка"],
        ["Castor fiber", "13.08.2019", "56,2", "43,3", "juv."],
      ],
    },
  ]);
  const out = path.join(dir, "survey-dwc.xlsx");
  const map = path.join(dir, "survey.map.json");
  const first = await standardise(input, "--sheet", "Данные", "--lang", "ru", "--write-mapping", map, "-o", out);
  expect(first.code).toBe(0);
  expect(first.out).toMatch(/Сопоставление записано/);
  const saved = JSON.parse(fs.readFileSync(map, "utf8"));
  expect(saved).toMatchObject({ version: 1, datasetClass: "occurrence" });
  expect(saved.columns.map((c: { term: string }) => c.term)).toEqual([
    "scientificName",
    "eventDate",
    "decimalLatitude",
    "decimalLongitude",
    "sex",
  ]);
  const wb = await readBook(out);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["Readme", "Данные", "Находки", "Standardisation report"]);
  expect(rowValues(wb.getWorksheet("Readme")!, 2)).toEqual(["Kept as it is", 42]);
  expect(wb.getWorksheet("Данные")!.getCell("C2").value).toBe("56,1");

  const next = await writeWorkbook(dir, "survey-2020.xlsx", [
    {
      name: "Данные",
      rows: [
        ["Вид", "Дата", "Широта", "Долгота", "Стадия"],
        ["Lutra lutra", "1.09.2020", "56,3", "43,4", "ad."],
      ],
    },
  ]);
  const again = await standardise(next, "--mapping", map, "-o", path.join(dir, "survey-2020-dwc.xlsx"));
  expect(again.code).toBe(0);
  expect(again.out).toContain(`${map}: the table has no columns "Пол"`);
  expect(again.out).toContain(`the mapping does not know the columns (their cells are left out) "Стадия"`);
  expect(again.out).toMatch(/Left out of the new sheet \(1\):\n.*E2 "ad\."/);
});

test("unusable input: exit 2 or a FileError naming the file, never a stack trace", async () => {
  await expect(standardise(path.join(dir, "missing.csv"), "-o", path.join(dir, "x.xlsx"))).rejects.toThrow(FileError);
  await expect(standardise(path.join(dir, "missing.csv"), "-o", path.join(dir, "x.xlsx"))).rejects.toThrow(
    /missing\.csv: file not found/
  );
  const bad = path.join(dir, "bad.map.json");
  fs.writeFileSync(
    bad,
    JSON.stringify({ version: 1, datasetClass: "occurrence", columns: [{ header: "Вид", term: "speciesName" }] })
  );
  await expect(
    standardise(path.join(CORPUS, "01-birds-ru.csv"), "--mapping", bad, "-o", path.join(dir, "x.xlsx"))
  ).rejects.toThrow(
    /bad\.map\.json: not a usable mapping: columns\[0\]\.term: "speciesName" is not a Darwin Core term/
  );
  await expect(standardise(path.join(CORPUS, "01-birds-ru.csv"), "-o", path.join(dir, "x.csv"))).rejects.toThrow(
    /\.xlsx/
  );
  const headerOnly = path.join(dir, "header-only.csv");
  fs.writeFileSync(headerOnly, "Вид;Дата\n");
  const empty = await standardise(headerOnly, "-o", path.join(dir, "x.xlsx"));
  expect(empty.code).toBe(2);
  expect(empty.err).toMatch(/header-only\.csv: sheet header-only has no data rows/);
  const noSheet = await standardise(
    path.join(CORPUS, "01-birds-ru.csv"),
    "--sheet",
    "Nope",
    "-o",
    path.join(dir, "x.xlsx")
  );
  expect(noSheet.code).toBe(2);
  expect(noSheet.err.split("\n").filter(Boolean)).toHaveLength(1);
  expect(noSheet.err).toContain("01-birds-ru.csv");
});
