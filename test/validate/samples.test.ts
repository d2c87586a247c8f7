/**
 * The engine on real data: GBIF's IPT example workbooks (read with ExcelJS as the file adapter would) and the
 * sample archives in ../shared/samples (data files parsed with papaparse / fflate).
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { unzipSync, strFromU8 } from "fflate";
import { isDateFormat } from "../../src/dwc";
import type { CellValue } from "../../src/dwc/table";
import { RULE, validateRecords, type Issue, type RecordsSheet } from "../../src/validate";
import { EVENT_CORE, EVENT_OCCURRENCES, only } from "./helpers";

const SHARED = path.resolve(__dirname, "../../../shared");

/** An ExcelJS cell value as an adapter hands it to the core: dates become serials, formulas their result. */
function cellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.getTime() / 86400000 + 25569;
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("formula" in v || "sharedFormula" in v) return cellValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("error" in v) return (v as ExcelJS.CellErrorValue).error;
    if ("text" in v) return String((v as { text: unknown }).text);
    return String(v);
  }
  return v as CellValue;
}

async function readWorkbook(file: string): Promise<RecordsSheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(SHARED, "dwc/gbif-ipt/templates", file));
  return wb.worksheets
    .filter((ws) => ws.name !== "README")
    .map((ws) => {
      const width = ws.columnCount;
      const grab = (r: number) => Array.from({ length: width }, (_, c) => ws.getRow(r).getCell(c + 1));
      const headers = grab(1).map((c) => String(cellValue(c.value) ?? ""));
      const rows: CellValue[][] = [];
      const numberFormats: (string | null)[][] = [];
      for (let r = 2; r <= ws.rowCount; r++) {
        const cells = grab(r);
        rows.push(cells.map((c) => cellValue(c.value)));
        numberFormats.push(cells.map((c) => c.numFmt ?? (c.value instanceof Date ? "yyyy-mm-dd" : null)));
      }
      return { name: ws.name, headers, rows, numberFormats };
    });
}

const summary = (issues: Issue[]) => issues.map((i) => `${i.sheet}!${i.row}:${i.column} ${i.ruleId} ${i.value ?? ""}`);

describe("GBIF IPT example workbooks", () => {
  it("event example: recognises both sheets, reports date serials as info and the parentEventIDs that point outside the sheet", async () => {
    const sheets = await readWorkbook("event_ipt_template_v3.2_example_data.xlsx");
    const issues = validateRecords(sheets);
    expect(sheets.map((s) => s.name)).toEqual(["Sampling Events", "Associated Occurrences"]);
    const serials = only(issues, RULE.excelSerialDate);
    expect(serials.every((i) => i.severity === "info" && /^\d{4}-\d\d-\d\d$/.test(i.value ?? ""))).toBe(true);
    expect(serials[0]).toMatchObject({ sheet: "Sampling Events", row: 2, term: "eventDate", value: "2012-10-11" });
    // One issue per date column, counting that column's date-formatted serials in the workbook.
    const expected = sheets.flatMap((s) =>
      s.headers.flatMap((h, c) => {
        if (!["eventDate", "modified", "dateIdentified", "georeferencedDate"].includes(h)) return [];
        const rows = s.rows.flatMap((r, i) => (typeof r[c] === "number" && isDateFormat(s.numberFormats?.[i][c]) ? [i + 2] : []));
        return rows.length ? [[s.name, rows[0], c, rows.length]] : [];
      }),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(serials.map((i) => [i.sheet, i.row, i.column, i.count])).toEqual(expected);
    // parentEventID 994 names an event that is not in the example.
    expect(only(issues, RULE.referenceDangling).map((i) => i.value)).toContain("994");
    // The example's first occurrence links to event 1382-tr009-s00, which the event sheet does not hold.
    expect(only(issues, RULE.linkDangling).map((i) => [i.sheet, i.row, i.value])).toEqual([["Associated Occurrences", 2, "1382-tr009-s00"]]);
    // "square metre" is the label; the vocabulary's value is square_metre.
    expect(only(issues, RULE.vocabularyVariant).map((i) => [i.severity, i.fix?.changes[0].to])).toEqual([
      ["warning", "square_metre"],
      ["warning", "square_metre"],
      ["warning", "square_metre"],
    ]);
    expect(issues.filter((i) => i.severity === "error" && i.ruleId !== RULE.referenceDangling && i.ruleId !== RULE.linkDangling)).toEqual([]);
  });
  it("checklist example: numeric taxonIDs are reported as numbers, references resolve", async () => {
    const issues = validateRecords(await readWorkbook("checklist_ipt_template_v1.2_example_data.xlsx"));
    expect(only(issues, RULE.idAsNumber).map((i) => i.value)).toContain("73");
    expect(only(issues, RULE.referenceDangling)).toEqual([]);
    expect(only(issues, RULE.idDuplicate)).toEqual([]);
  });
  it("occurrence example: no errors; the trailing space in 'Heptodonta wiesneri ' is found", async () => {
    const issues = validateRecords(await readWorkbook("occurrence_ipt_template_v2.3_example_data.xlsx"));
    expect(summary(issues.filter((i) => i.severity !== "info"))).toEqual(["Occurrences!4:2 whitespace-edges Heptodonta wiesneri "]);
  });
});

/** A tab-delimited data file without quoting (fieldsEnclosedBy=""). */
function parseTsv(text: string): { headers: string[]; rows: CellValue[][] } {
  const parsed = Papa.parse<string[]>(text.replace(/\n$/, ""), { delimiter: "\t", quoteChar: "\u0000" });
  const [headers, ...rows] = parsed.data;
  return { headers, rows };
}

describe("sample archives", () => {
  it("validator__dwca-event-duplicate-occurrenceId: finds the duplicate occurrenceIDs", () => {
    const dir = path.join(SHARED, "samples/dwca/validator__dwca-event-duplicate-occurrenceId");
    const event = parseTsv(fs.readFileSync(path.join(dir, "event.txt"), "utf8"));
    const occ = parseTsv(fs.readFileSync(path.join(dir, "occurrence.txt"), "utf8"));
    const issues = validateRecords([
      { name: "event", ...event, role: EVENT_CORE },
      { name: "occurrence", ...occ, role: EVENT_OCCURRENCES },
    ]);
    const dup = only(issues, RULE.occurrenceIdDuplicate);
    expect(dup.map((i) => [i.sheet, i.row, i.value])).toEqual([
      ["occurrence", 4, "SDA:AVE:PEDH:TIB:21"],
      ["occurrence", 5, "SDA:AVE:PEDH:TIB:21"],
    ]);
    expect(only(issues, RULE.linkDangling)).toEqual([]);
  });
  it("ipt__event-dwca-1.0.zip: flags lower-case basisOfRecord 'occurrence' with the fix 'Occurrence'", () => {
    const files = unzipSync(new Uint8Array(fs.readFileSync(path.join(SHARED, "samples/dwca/ipt__event-dwca-1.0.zip"))));
    const event = parseTsv(strFromU8(files["event.txt"]));
    const occ = parseTsv(strFromU8(files["occurrence.txt"]));
    // meta.xml: the extension's coreid (column 0) holds the eventID.
    occ.headers[0] = "eventID";
    const issues = validateRecords([
      { name: "event", ...event, role: EVENT_CORE },
      { name: "occurrence", ...occ, role: EVENT_OCCURRENCES },
    ]);
    // The IPT accepts it (case-insensitive); the vocabulary's spelling is proposed.
    const bor = only(issues, RULE.vocabularyVariant).filter((i) => i.term === "basisOfRecord");
    expect(bor.map((i) => [i.row, i.value, i.severity, i.fix?.changes[0].to])).toEqual([
      [2, "occurrence", "warning", "Occurrence"],
      [3, "occurrence", "warning", "Occurrence"],
    ]);
    expect(only(issues, RULE.linkDangling)).toEqual([]);
  });
});
