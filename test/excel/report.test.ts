/**
 * "Write the report to a sheet" over the strict fake Excel: a new sheet, never an existing one; every finding a
 * row; blocks under the request size limit, counted in round trips.
 */
import { writeReportSheet } from "../../src/excel";
import { stringsFor } from "../../src/taskpane/i18n";
import { reportRows } from "../../src/taskpane/report";
import type { Issue } from "../../src/validate/types";
import { installFake, uninstallFakes } from "./helpers";

afterEach(() => uninstallFakes());

const strings = stringsFor("en");

const finding = (n: number): Issue => ({
  ruleId: "whitespace-edges",
  severity: "warning",
  sheet: "Occurrence",
  row: n + 2,
  column: 3,
  term: "locality",
  value: ` Ryazhkov island ${n}`,
  message: { en: `Value " Ryazhkov island ${n}" has a leading space`.padEnd(120, "."), ru: "Пробел в начале значения" },
  fix: { label: { en: "Trim", ru: "Обрезать" }, changes: [{ sheet: "Occurrence", row: n + 2, column: 3, term: "locality", from: ` Ryazhkov island ${n}`, to: `Ryazhkov island ${n}` }] },
});

describe("validation report sheet", () => {
  it("writes every finding as a row on a new sheet, never over an existing one", async () => {
    const fake = installFake([{ name: "Occurrence" }, { name: "Validation report", values: [["mine"]] }]);
    const rows = reportRows([finding(0), { ...finding(1), row: 0, column: -1, fix: undefined, term: undefined, value: undefined }], "en", strings);
    const written = await writeReportSheet(strings.reportSheetName, strings.reportHeaders, rows);
    expect(written).toEqual({ name: "Validation report (2)", rows: 2 });
    expect(fake.sheet("Validation report").value("A1")).toBe("mine");
    const sheet = fake.sheet("Validation report (2)");
    expect(sheet.values("A1:H1")).toEqual([["Sheet", "Cell", "Column", "Value", "Rule", "Tier", "Message", "Proposed fix"]]);
    expect(sheet.values("A2:H2")).toEqual([["Occurrence", "D2", "locality", " Ryazhkov island 0", "Leading or trailing spaces", "Warning", finding(0).message.en, "locality: Ryazhkov island 0"]]);
    // a sheet-level finding has no cell; values stay text
    expect(sheet.values("A3:C3")).toEqual([["Occurrence", null, null]]);
    expect(sheet.numberFormat("D2")).toBe("@");
    expect(sheet.frozenRows).toBe(1);
  });

  it("writes 30,000 findings in blocks under the request limit", async () => {
    const limit = 1024 * 1024;
    const fake = installFake([{ name: "Occurrence" }], { payloadLimit: limit });
    const rows = reportRows(Array.from({ length: 30_000 }, (_, n) => finding(n)), "en", strings);
    fake.resetCounters();
    const written = await writeReportSheet("Validation report", strings.reportHeaders, rows, limit * 0.8);
    expect(written.rows).toBe(30_000);
    const blocks = fake.syncCount - 2; // the sheet with its header, then the blocks, then the column widths
    console.log(`report: 30,000 rows in ${blocks} blocks, ${fake.syncCount} round trips; largest request ${Math.max(...fake.syncLog.map((s) => s.bytes))} bytes`);
    expect(blocks).toBeGreaterThan(3);
    expect(blocks).toBeLessThan(40);
    for (const s of fake.syncLog) expect(s.bytes).toBeLessThan(limit);
    expect(fake.sheet("Validation report").value("B30001")).toBe("D30001");
  });
});
