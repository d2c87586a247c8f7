/**
 * Rows often repeat a value (country, basisOfRecord, an event's date, a few species), and the engine reuses the
 * checks of a column's recent values for a repeat. These specs hold it to giving every row exactly the issues the row gets when
 * checked on its own.
 */
import type { CellValue } from "../../src/dwc/table";
import { getRule, loadBdqGeometry, type Issue } from "../../src/validate";
import fc from "fast-check";
import { occurrences } from "./helpers";

const H = ["occurrenceID", "basisOfRecord", "scientificName", "specificEpithet", "eventDate", "year", "month", "day", "countryCode", "decimalLatitude", "decimalLongitude", "sex", "recordedBy", "minimumElevationInMeters", "maximumElevationInMeters"];

/** Row-level findings (cell and record rules, BDQ included) of one row, without the row number. */
const rowFindings = (issues: Issue[], row: number): string[] =>
  issues
    .filter((i) => i.row === row && getRule(i.ruleId)?.scope !== "sheet" && getRule(i.ruleId)?.scope !== "dataset")
    .map((i) => JSON.stringify([i.ruleId, i.column, i.value, i.message.en, i.fix?.changes.map((c) => [c.column, c.to])]))
    .sort();

function expectSameAsAlone(body: CellValue[][]): void {
  const rows = body.map((r, k) => [`o${k}`, ...r]);
  const together = occurrences(H, rows);
  rows.forEach((r, k) => {
    const alone = occurrences(H, [r]);
    expect([k, rowFindings(together, 2 + k)]).toEqual([k, rowFindings(alone, 2)]);
  });
}

const good: CellValue[] = ["PreservedSpecimen", "Parus major", "major", "2012-06-23", 2012, 6, 23, "RU", 55.75, 37.62, "male", "Ivanov I.I. | Petrov P.P.", 100, 200];

describe("repeated values in consecutive rows", () => {
  beforeAll(() => loadBdqGeometry(), 60_000);
  it("a repeated bad text is reported on every row (vocabulary, spaces, decimal comma, day-first date)", () => {
    const bad: CellValue[] = ["preservedspecimen ", "Parus  major", "minor", "23.06.2012", 2012, 6, 23, "ru", "55,75", 37.62, "Male", "Ivanov I.I.; Petrov P.P.", 300, 200];
    expectSameAsAlone([bad, bad, bad, good, bad]);
  });
  it("a repeated good eventDate still meets each row's own year, month and day", () => {
    expectSameAsAlone([good, [...good.slice(0, 4), 2011, 6, 23, ...good.slice(7)], [...good.slice(0, 5), 7, 22, ...good.slice(7)], good]);
  });
  it("a repeated good number typed as text keeps its value for the coordinate rules", () => {
    const text: CellValue[] = [...good.slice(0, 8), "55.75", "37.62", ...good.slice(10)];
    const zero: CellValue[] = [...good.slice(0, 8), "0", "0", ...good.slice(10)];
    const swapped: CellValue[] = [...good.slice(0, 8), "37.62", "55.75", ...good.slice(10)];
    expectSameAsAlone([text, text, zero, zero, swapped, swapped, text]);
  });
  it("alternating and repeated values over many rows agree with each row alone", () => {
    const variants: CellValue[][] = [good, [...good.slice(0, 3), "2012-06", 2012, 6, "", ...good.slice(7)], [...good.slice(0, 3), "", "", "", "", ...good.slice(7)], [...good.slice(0, 10), "female ", ...good.slice(11)]];
    const body: CellValue[][] = [];
    for (let i = 0; i < 24; i++) body.push(variants[Math.floor(i / 3) % variants.length]);
    for (let i = 0; i < 12; i++) body.push(variants[i % variants.length]);
    expectSameAsAlone(body);
  });
  it("values recurring among more than the few a column remembers, good and bad mixed, agree with each row alone", () => {
    // Five dates and five names cycle through a column (it remembers four): every value is evicted and seen again.
    const dates = ["2012-06-23", "23.06.2012", "2012-06", "2012-13-01", "2012-06-23/30"];
    const names = ["Parus major", " Parus major", "Parus  minor", "Pаrus major", "Parus\u00a0major"];
    const body: CellValue[][] = [];
    for (let i = 0; i < 40; i++) {
      const r = good.slice();
      r[3] = dates[i % 5];
      r[1] = names[(i * 3) % 5];
      r[11] = i % 7 === 0 ? "Ivanov I.I.; Petrov P.P." : good[11];
      body.push(r);
    }
    expectSameAsAlone(body);
  });
  it("BDQ verdicts, memoised or computed afresh for inputs the engine flagged, agree with each row alone", () => {
    // Inputs of the default BDQ tests (day in month, year and elevation ranges, min below max, eventDate range),
    // good and bad, in random orders: a verdict must not depend on the rows before.
    const pools: [number, CellValue[]][] = [
      [3, ["2012-06-23", "1500-01-01", "2012-02-30", " 2012-06-23", "#N/A"]],
      [4, [2012, 1500, " 2012", "2012", "#N/A", ""]],
      [5, [2, 6, 13, " 2", "#N/A"]],
      [6, [23, 30, 31, "31 ", 0]],
      [12, [100, -20000, 300, " 100", "#VALUE!"]],
      [13, [200, 50, 99999, "200 ", ""]],
    ];
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat(5), { minLength: pools.length, maxLength: pools.length }), { minLength: 2, maxLength: 12 }), (picks) => {
        const body = picks.map((pick) => {
          const r = good.slice();
          pools.forEach(([column, values], k) => (r[column] = values[pick[k] % values.length]));
          return r;
        });
        expectSameAsAlone(body);
      }),
      { numRuns: 40 },
    );
  });
});
