import {
  BDQ_TEST_DESCRIPTORS,
  bdqResponseToIssue,
  BdqError,
  getBdqTest,
  runBdqTest,
  type BdqIssueContext,
} from "../../../src/validate/bdq";

const columns = ["occurrenceID", "countryCode", "eventDate"];
const values: Record<string, string> = { occurrenceID: "o1", countryCode: "Australia", eventDate: "2021/10/28" };
const context: BdqIssueContext = {
  sheet: "Occurrence",
  row: 7,
  columnOf: (term) => columns.indexOf(term),
  valueOf: (term) => values[term] ?? "",
};

describe("BDQ test descriptors", () => {
  it("list the 106 single-record tests runBdqTest can run, each with label, GUID and terms", () => {
    expect(BDQ_TEST_DESCRIPTORS).toHaveLength(106);
    expect(getBdqTest("0493bcfb-652e-4d17-815b-b0cce0742fbe")).toMatchObject({
      label: "VALIDATION_COUNTRYCODE_STANDARD",
      type: "Validation",
      actedUpon: ["dwc:countryCode"],
    });
  });

  it("runBdqTest accepts a GUID as well as a label", () => {
    expect(runBdqTest("0493bcfb-652e-4d17-815b-b0cce0742fbe", { countryCode: "AU" }).result).toBe("COMPLIANT");
  });

  it("throws with a stable code for an unknown test or an aggregate measure", () => {
    expect(() => runBdqTest("VALIDATION_NO_SUCH_TEST", {})).toThrow(BdqError);
    try {
      runBdqTest("MEASURE_VALIDATIONTESTS_COMPLIANT", {});
    } catch (e) {
      expect((e as BdqError).code).toBe("BDQ_NOT_IMPLEMENTED");
    }
  });
});

describe("bdqResponseToIssue", () => {
  it("makes a NOT_COMPLIANT conformance validation an error on the acted-upon cell", () => {
    const test = getBdqTest("VALIDATION_COUNTRYCODE_STANDARD")!;
    const issue = bdqResponseToIssue(test, runBdqTest(test.label, values), context);
    expect(issue).toMatchObject({
      ruleId: "VALIDATION_COUNTRYCODE_STANDARD",
      severity: "error",
      row: 7,
      column: 1,
      value: "Australia",
    });
    expect(issue?.message.ru).toContain("VALIDATION_COUNTRYCODE_STANDARD");
  });

  it("makes a missing value a warning", () => {
    const test = getBdqTest("VALIDATION_BASISOFRECORD_NOTEMPTY")!;
    const issue = bdqResponseToIssue(test, runBdqTest(test.label, values), context);
    expect(issue).toMatchObject({ severity: "warning", column: -1, term: "basisOfRecord" });
  });

  it("turns an amendment into a fix proposal with one change per term", () => {
    const test = getBdqTest("AMENDMENT_EVENTDATE_STANDARDIZED")!;
    const issue = bdqResponseToIssue(test, runBdqTest(test.label, values), context);
    expect(issue?.fix?.changes).toEqual([
      { sheet: "Occurrence", row: 7, column: 2, term: "eventDate", from: "2021/10/28", to: "2021-10-28" },
    ]);
  });

  it("reports nothing for a compliant value or an unmet prerequisite", () => {
    const test = getBdqTest("VALIDATION_EVENTDATE_STANDARD")!;
    expect(bdqResponseToIssue(test, runBdqTest(test.label, { eventDate: "2021-10-28" }), context)).toBeUndefined();
    expect(bdqResponseToIssue(test, runBdqTest(test.label, {}), context)).toBeUndefined();
  });
});
