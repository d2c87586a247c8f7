/**
 * The Excel adapter through the core's WorkbookAdapter shape, over the strict fake Excel: collect the dataset
 * sheets, validate them with the core's flow, and write the core's report table to a new sheet.
 */
import { validateDataset, type WorkbookAdapter } from "../../src/archive";
import { excelWorkbook } from "../../src/excel";
import { reportTable } from "../../src/validate";
import { installFake, uninstallFakes } from "./helpers";

afterEach(uninstallFakes);

describe("excelWorkbook as a WorkbookAdapter", () => {
  it("validates the workbook's sheets and writes the Russian report to a new text sheet beside the user's", async () => {
    const fake = installFake([
      {
        name: "Occurrence",
        values: [
          ["occurrenceID", "basisOfRecord", "scientificName", "eventDate"],
          ["007", "HumanObservation", " Parus major", "2021-06-01"],
          ["008", "fossil", "Pica pica", "31.12.2021"],
        ],
        numberFormats: [[], ["@", null, null, "@"], ["@", null, null, "@"]],
      },
      { name: "Отчёт о проверке", values: [["мои заметки"]] },
    ]);
    const workbook: WorkbookAdapter = excelWorkbook;
    const sources = await workbook.collectSources();
    expect(sources.sheets.map((s) => s.name)).toEqual(["Occurrence"]);
    const issues = await validateDataset(sources, { lang: "ru" });
    // the leading space (C2), the unknown basisOfRecord (B3) and the day-first date (D3)
    const cells = issues.filter((i) => i.row > 0);
    expect(cells.map((i) => `${i.sheet}!${i.column}:${i.row}`)).toEqual(expect.arrayContaining(["Occurrence!2:2", "Occurrence!1:3", "Occurrence!3:3"]));

    const table = reportTable(issues, "ru");
    const written = await workbook.writeSheet(table.sheetName, table.header, table.rows);
    expect(written).toEqual({ name: "Отчёт о проверке (2)", rows: issues.length });
    expect(fake.sheet("Отчёт о проверке").value("A1")).toBe("мои заметки");
    const sheet = fake.sheet(written.name);
    expect(sheet.values("A1:H1")).toEqual([["Лист", "Ячейка", "Столбец", "Значение", "Правило", "Уровень", "Сообщение", "Предлагаемое исправление"]]);
    const last = issues.length + 1;
    const body = sheet.values(`A2:H${last}`).map((r) => r.map((v) => (v === null ? "" : v)));
    expect(body).toEqual(table.rows);
    // The finding on the unknown basisOfRecord names its cell and keeps the value as typed, as text.
    const at = table.rows.findIndex((r) => r[1] === "B3");
    expect(at).toBeGreaterThanOrEqual(0);
    expect(table.rows[at].slice(0, 4)).toEqual(["Occurrence", "B3", "basisOfRecord", "fossil"]);
    expect(sheet.numberFormat(`D${at + 2}`)).toBe("@");
  });
});
