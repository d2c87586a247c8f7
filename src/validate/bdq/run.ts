/** Running a BDQ test by GUID or label. */
import { BDQ_TESTS } from "./data/tests";
import { IMPLEMENTATIONS } from "./registry";
import type { BdqParameters, BdqRecord, BdqResponse, BdqTestDescriptor, BdqTestFunction } from "./types";

/** Error codes of this module. */
export type BdqErrorCode = "BDQ_UNKNOWN_TEST" | "BDQ_NOT_IMPLEMENTED";

/** Thrown for a test id that is not a BDQ SingleRecord test, or one that cannot run on a single record. */
export class BdqError extends Error {
  constructor(
    readonly code: BdqErrorCode,
    readonly test: string,
    message: string
  ) {
    super(`${message} (BDQ test "${test}")`);
    this.name = "BdqError";
  }
}

const byId = new Map<string, BdqTestDescriptor>();
for (const t of BDQ_TESTS) {
  byId.set(t.guid, t);
  byId.set(t.label, t);
}

/** The descriptor of a test by GUID (`0493bcfb-…`) or label (`VALIDATION_COUNTRYCODE_STANDARD`). */
export const getBdqTest = (guidOrLabel: string): BdqTestDescriptor | undefined => byId.get(guidOrLabel.trim());

/** The descriptors of every test `runBdqTest` can run (all single-record tests but the 4 aggregate measures). */
export const BDQ_TEST_DESCRIPTORS: readonly BdqTestDescriptor[] = BDQ_TESTS.filter((t) => t.label in IMPLEMENTATIONS);

const EMPTY: BdqParameters = Object.freeze({});

/** The implementation of a test, for callers that run one test on many records (no lookup per record). */
export function bdqTestFunction(guidOrLabel: string): BdqTestFunction {
  const d = getBdqTest(guidOrLabel);
  if (!d) throw new BdqError("BDQ_UNKNOWN_TEST", guidOrLabel, "Not a BDQ SingleRecord test");
  const f = IMPLEMENTATIONS[d.label];
  if (!f)
    throw new BdqError(
      "BDQ_NOT_IMPLEMENTED",
      guidOrLabel,
      "This test aggregates other tests and is not run on its own"
    );
  return f;
}

/**
 * Runs one BDQ test on one record.
 *
 * @param guidOrLabel the test's GUID or label, e.g. `VALIDATION_COUNTRYCODE_STANDARD`.
 * @param record values keyed by Darwin Core term name without prefix (`eventDate`, `countryCode`, `type` for
 *   dc:type, `license` for dcterms:license); absent and bdqval:Empty values are the same.
 * @param parameters bdqval parameters by local name (`sourceAuthority`, `spatialBufferInMeters`, …); empty means
 *   the test's default.
 * @returns e.g. `{ status: "AMENDED", result: { "dwc:countryCode": "AU" }, comment: "…" }`.
 *
 * The spatial tests need `await loadBdqGeometry()` first; before that they answer EXTERNAL_PREREQUISITES_NOT_MET.
 */
export function runBdqTest(guidOrLabel: string, record: BdqRecord, parameters: BdqParameters = EMPTY): BdqResponse {
  return bdqTestFunction(guidOrLabel)(record, parameters);
}
