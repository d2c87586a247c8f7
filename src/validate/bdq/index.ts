/**
 * TDWG BDQ (Biodiversity Data Quality) SingleRecord tests, run offline in pure TypeScript.
 *
 * ```ts
 * runBdqTest("VALIDATION_COUNTRYCODE_STANDARD", { countryCode: "GRL" });
 * // { status: "RUN_HAS_RESULT", result: "NOT_COMPLIANT", comment: "dwc:countryCode is not in the source authority" }
 * runBdqTest("AMENDMENT_COUNTRYCODE_STANDARDIZED", { countryCode: "Australia" });
 * // { status: "AMENDED", result: { "dwc:countryCode": "AU" }, comment: "…" }
 * await loadBdqGeometry(); // before the spatial (G) tests
 * ```
 *
 * Test definitions: tdwg/bdq `TG2_tests.csv` (CC BY 4.0). See `BDQ_TEST_DESCRIPTORS` for what runs offline.
 */
export type {
  BdqParameters,
  BdqRecord,
  BdqResponse,
  BdqResult,
  BdqStatus,
  BdqTestDescriptor,
  BdqTestFunction,
  BdqTestType,
} from "./types";
export { BDQ_RESPONSE_KINDS } from "./types";
export { BDQ_TEST_DESCRIPTORS, BdqError, bdqTestFunction, getBdqTest, runBdqTest, type BdqErrorCode } from "./run";
export { BDQ_TESTS } from "./data/tests";
export {
  countriesAt,
  countryContains,
  inJurisdiction,
  isBdqGeometryLoaded,
  jurisdictionAt,
  loadBdqGeometry,
} from "./geometry";
export { bdqResponseToIssue, unprefixed, validationSeverity, type BdqIssueContext } from "./issue";
export { isEmpty as isBdqEmpty } from "./values";
