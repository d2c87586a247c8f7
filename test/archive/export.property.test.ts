/**
 * Property: any cell text goes through export and read back identical (by our reader and by papaparse), or the
 * export refuses and names exactly the cells at fault (Excel error values; unpaired surrogates, which UTF-8
 * cannot hold).
 */
import fc from "fast-check";
import Papa from "papaparse";
import { strFromU8, unzipSync } from "fflate";
import { isExcelError } from "../../src/dwc/cells";
import type { CellValue } from "../../src/dwc/table";
import { exportArchive, readArchive, recordsOf } from "../../src/archive";
import { role } from "./workbooks";

const HEADERS = ["occurrenceID", "scientificName", "occurrenceRemarks", "dynamicProperties"];
const IRIS = HEADERS.map((h) => (h === "occurrenceID" ? "" : `http://rs.tdwg.org/dwc/terms/${h}`));

const hostileUnit = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: "grapheme", maxLength: 3 }) },
  { weight: 2, arbitrary: fc.constantFrom("\t", "\n", "\r", "\r\n", '"', '""', ",", ";", "\\", "\u0085", "\u2028", "\uFEFF") },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.constantFrom("🦉", "👩‍🔬", "ё", "Ё", "\u0301", "𝔸", "{\"a\":[1,\"b\"]}") }
);
const hostileText = fc.oneof(
  { weight: 20, arbitrary: fc.string({ unit: hostileUnit, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: hostileUnit, minLength: 2000, maxLength: 3000 }) }
);
/** Values the export must refuse: Excel errors, and text with one half of a surrogate pair. */
const poison = fc.oneof(
  fc.constantFrom("#N/A", "#ЗНАЧ!", "#DIV/0!"),
  fc
    .tuple(hostileText, fc.integer({ min: 0xd800, max: 0xdfff }), hostileText)
    .map(([a, c, b]) => a + String.fromCharCode(c) + b)
);
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 40, arbitrary: hostileText },
  { weight: 6, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: poison }
);
const rows = fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 8 });

const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe("exportArchive with hostile cell values (fast-check)", () => {
  it("reads back every value exactly, or refuses naming exactly the cells at fault", async () => {
    await fc.assert(
      fc.asyncProperty(rows, fc.integer({ min: 1, max: 4 }), async (values, chunkSize) => {
        async function* chunks() {
          for (let s = 0; s < values.length; s += chunkSize) yield { startRow: s + 2, values: values.slice(s, s + chunkSize) };
        }
        const result = await exportArchive({
          sheets: [{ name: "Sheet", role: role("occurrence", "core", "occurrence", "occurrenceID"), headers: HEADERS, rows: chunks() }],
          facts: { date1904: false },
          emlXml: "<eml/>",
          // The property is about the file format; the semantic checks of the validation are tested elsewhere.
          validation: false,
        });
        const kept = values.filter((r) => r.some((v) => v !== null && v !== ""));
        const expectedRefusals: string[] = [];
        values.forEach((r, i) => {
          if (!r.some((v) => v !== null && v !== "")) return;
          r.forEach((v, c) => {
            if (isExcelError(v)) expectedRefusals.push(`archive.excelError ${i + 2}:${c}`);
          });
          const bad = r.findIndex((v) => typeof v === "string" && LONE.test(v));
          if (bad >= 0) expectedRefusals.push(`archive.unpairedSurrogate ${i + 2}:${bad}`);
        });
        // Every row blank: the core has no records, and an archive needs exactly one core with records.
        if (kept.length === 0) expectedRefusals.push("archive.coreCount 0:-1");
        const got = result.summary.blockers.map((r) => `${r.ruleId} ${r.row}:${r.column}`);
        expect(got.sort()).toEqual(expectedRefusals.sort());
        expect(result.ok).toBe(expectedRefusals.length === 0);
        if (!result.ok) return;

        const zip = new Uint8Array(result.zip.reduce((n, c) => n + c.length, 0));
        result.zip.reduce((at, c) => (zip.set(c, at), at + c.length), 0);
        const records = recordsOf(readArchive(zip).core);
        expect(records).toHaveLength(kept.length);
        kept.forEach((r, i) => {
          expect(records[i].id).toBe(r[0] ?? "");
          for (let c = 1; c < 4; c++) expect(records[i].values[IRIS[c]]).toBe(r[c] ?? "");
        });
        const papa = Papa.parse<string[]>(strFromU8(unzipSync(zip)["occurrence.txt"]), {
          delimiter: "\t",
          newline: "\n",
          quoteChar: '"',
        });
        // papaparse reads the final newline as one more, empty line.
        expect(papa.data.slice(1, kept.length + 1)).toEqual(kept.map((r) => r.map((v) => v ?? "")));
        expect(papa.data.length).toBe(kept.length + 2);
      }),
      { numRuns: 300 }
    );
  });
});
