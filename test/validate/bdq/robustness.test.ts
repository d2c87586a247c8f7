import fc from "fast-check";
import { BDQ_RESPONSE_KINDS, BDQ_TEST_DESCRIPTORS, loadBdqGeometry, runBdqTest } from "../../../src/validate/bdq";
import { unprefixed } from "../../../src/validate/bdq/issue";

const PREREQUISITES = ["INTERNAL_PREREQUISITES_NOT_MET", "EXTERNAL_PREREQUISITES_NOT_MET"];

/** Values a spreadsheet cell can hold: short texts, numbers, dates, control characters, emoji, combining marks. */
const cellText = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "\u000e\u000f",
    "null",
    "0",
    "-0.0",
    "1e400",
    "NaN",
    "2012-06-23/30",
    "23.06.2012",
    "55,75",
    "👍🏽",
    "e\u0301"
  ),
  fc.double({ noNaN: false }).map(String)
);

describe("every BDQ test on arbitrary input", () => {
  beforeAll(() => loadBdqGeometry());

  it("answers a status and a result its test type allows, and never throws", () => {
    for (const test of BDQ_TEST_DESCRIPTORS) {
      const terms = [...test.actedUpon, ...test.consulted].map(unprefixed);
      const record = fc.dictionary(fc.constantFrom(...(terms.length > 0 ? terms : ["eventDate"])), cellText);
      fc.assert(
        fc.property(record, (r) => {
          const response = runBdqTest(test.label, r);
          const kinds = BDQ_RESPONSE_KINDS[test.type];
          expect([...kinds.statuses, ...PREREQUISITES]).toContain(response.status);
          if (test.type === "Amendment" && (response.status === "AMENDED" || response.status === "FILLED_IN")) {
            expect(typeof response.result).toBe("object");
          } else if (response.status === "RUN_HAS_RESULT" && test.type !== "Measure") {
            expect(kinds.results).toContain(response.result);
          }
        }),
        { numRuns: 60 }
      );
    }
  });

  it("handles a 32,767-character cell (Excel's limit) in every test", () => {
    const long = "1".repeat(16_000) + " x ".repeat(5_589);
    for (const test of BDQ_TEST_DESCRIPTORS) {
      const record = Object.fromEntries([...test.actedUpon, ...test.consulted].map((t) => [unprefixed(t), long]));
      expect(() => runBdqTest(test.label, record)).not.toThrow();
    }
  });
});
