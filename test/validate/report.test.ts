/**
 * The validation report table (src/validate/report.ts) on the findings of a small occurrence sheet validated by
 * the core's flow: one row per finding, in English and in Russian, with cells, values and fixes as found.
 */
import { validateDataset } from "../../src/archive";
import { getRule, REPORT_WORDS, reportTable } from "../../src/validate";
import { role, testSheet } from "../archive/workbooks";

const HEADERS = ["occurrenceID", "basisOfRecord", "scientificName", "eventDate", "countryCode"];

/** A repeated id (row 4), a basisOfRecord GBIF does not know (row 5) and a day-first date (row 6). */
async function findings() {
  const sheet = testSheet("Находки", role("occurrence", "core", "occurrence", "occurrenceID"), HEADERS, [
    ["oka-1", "HumanObservation", "Parus major", "2021-06-01", "RU"],
    ["oka-2", "HumanObservation", "Parus major", "2021-06-02", "RU"],
    ["oka-2", "HumanObservation", "Parus major", "2021-06-02", "RU"],
    ["oka-4", "Specimen", "Parus major", "2021-06-03", "RU"],
    ["oka-5", "HumanObservation", "Parus major", "13.06.2021", "RU"],
  ]);
  return validateDataset({ facts: { date1904: false }, sheets: [sheet.source], otherSheets: [] });
}

describe("reportTable", () => {
  it("gives one row per finding with its cell, term, value, rule title, tier, message and fix, in both languages", async () => {
    const issues = await findings();
    const en = reportTable(issues, "en");
    const ru = reportTable(issues, "ru");
    expect(en.sheetName).toBe("Validation report");
    expect(ru.sheetName).toBe("Отчёт о проверке");
    expect(en.header).toEqual(["Sheet", "Cell", "Column", "Value", "Rule", "Tier", "Message", "Proposed fix"]);
    expect(ru.header).toEqual(["Лист", "Ячейка", "Столбец", "Значение", "Правило", "Уровень", "Сообщение", "Предлагаемое исправление"]);
    expect(en.rows).toHaveLength(issues.length);
    expect(ru.rows).toHaveLength(issues.length);

    issues.forEach((issue, n) => {
      for (const [lang, table] of [["en", en], ["ru", ru]] as const) {
        const row = table.rows[n];
        expect(row).toHaveLength(8);
        expect(row[0]).toBe("Находки");
        expect(row[4]).toBe(getRule(issue.ruleId)?.title[lang] ?? REPORT_WORDS[lang].otherRule);
        expect(row[5]).toBe(REPORT_WORDS[lang].tiers[issue.severity]);
        expect(row[6]).toBe(issue.message[lang]);
      }
      // Where, what and the fix do not depend on the language.
      expect(ru.rows[n].filter((_, i) => [0, 1, 2, 3, 7].includes(i))).toEqual(en.rows[n].filter((_, i) => [0, 1, 2, 3, 7].includes(i)));
    });

    const at = (cell: string) => en.rows.filter((r) => r[1] === cell);
    expect(at("A4").map((r) => r.slice(2, 4))).toContainEqual(["occurrenceID", "oka-2"]);
    expect(at("A4").map((r) => r[5])).toContain("Blocks export");
    expect(at("B5").map((r) => r.slice(2, 4))).toContainEqual(["basisOfRecord", "Specimen"]);
    const date = at("D6").find((r) => r[7] !== "");
    expect(date?.slice(2, 4)).toEqual(["eventDate", "13.06.2021"]);
    expect(date?.[7]).toBe("eventDate: 2021-06-13; verbatimEventDate: 13.06.2021");
    expect(ru.rows.find((r) => r[1] === "A4" && r[5] === "Блокирует экспорт")).toBeDefined();
    // No rule id stands in for a title.
    for (const r of [...en.rows, ...ru.rows]) expect(issues.map((i) => i.ruleId)).not.toContain(r[4]);
  });

  it("leaves the cell empty for a sheet-level finding and uses the fallback title for a rule not in the catalog", () => {
    const table = reportTable(
      [{ ruleId: "museum.local-check", severity: "warning", sheet: "Old", row: 0, column: -1, message: { en: "Local check", ru: "Местная проверка" } }],
      "ru"
    );
    expect(table.rows).toEqual([["Old", "", "", "", "Проверка качества данных", "Предупреждение", "Местная проверка", ""]]);
  });
});
