/**
 * The engine fills a BDQ test's record with only the terms the test declares (acted upon and consulted), leaving
 * other terms as an earlier row had them, and memoises verdicts by those terms' values. Both are right only if no
 * test reads an undeclared term. This runs every conformance row with a record that logs what the test reads.
 */
import * as fs from "fs";
import * as path from "path";
import Papa from "papaparse";
import { getBdqTest, loadBdqGeometry, runBdqTest, unprefixed } from "../../../src/validate/bdq";

const SHARED = path.resolve(__dirname, "../../../../shared/bdq");

function rows(file: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(SHARED, file), "utf8"), { header: true, skipEmptyLines: "greedy" });
  return parsed.data;
}

describe("BDQ tests read only the terms they declare", () => {
  beforeAll(() => loadBdqGeometry(), 60_000);

  it("over every row of the conformance data", () => {
    const all = [...rows("TG2_test_validation_data.csv"), ...rows("TG2_test_validation_data_nonprintingchars.csv")];
    const undeclared = new Set<string>();
    let ran = 0;
    for (const row of all) {
      const test = getBdqTest(row.GUID);
      if (!test || !["L", "V", "A", "G"].includes(test.offlineCategory)) continue;
      const declared = new Set([...test.actedUpon, ...test.consulted].map(unprefixed));
      const record: Record<string, string> = {};
      const parameters: Record<string, string> = {};
      for (const [column, value] of Object.entries(row)) {
        const m = /^(dwc|dc|dcterms|bdqval):(.+)$/.exec(column);
        if (!m || value === "") continue;
        if (m[1] === "bdqval") parameters[m[2]] = value;
        else record[m[2]] = value;
      }
      const note = (term: string | symbol): void => {
        if (typeof term === "string" && !declared.has(term)) undeclared.add(`${test.label} reads ${term}`);
      };
      const watched = new Proxy(record, {
        get: (target, term) => (note(term), Reflect.get(target, term)),
        has: (target, term) => (note(term), Reflect.has(target, term)),
        ownKeys: (target) => (undeclared.add(`${test.label} lists the record's terms`), Reflect.ownKeys(target)),
      });
      runBdqTest(row.GUID, watched, parameters);
      ran++;
    }
    expect(ran).toBe(1087); // the 1,019 L, V and A rows and the 68 G rows
    expect([...undeclared].sort()).toEqual([]);
  });
});
