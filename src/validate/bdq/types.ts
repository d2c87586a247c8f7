/**
 * Types of the TDWG BDQ (Biodiversity Data Quality, Task Group 2) tests. Terms and values follow the BDQ
 * specification (tdwg/bdq `TG2_tests.csv`, CC BY 4.0).
 */

/** `Response.status` of a BDQ test. */
export type BdqStatus =
  | "RUN_HAS_RESULT"
  | "AMENDED"
  | "NOT_AMENDED"
  | "FILLED_IN"
  | "INTERNAL_PREREQUISITES_NOT_MET"
  | "EXTERNAL_PREREQUISITES_NOT_MET";

/**
 * `Response.result`: `COMPLIANT`/`NOT_COMPLIANT` (Validation), `POTENTIAL_ISSUE`/`NOT_ISSUE` (Issue), an integer as
 * text or `NOT_REPORTED` (Measure), the proposed changes keyed by prefixed term (Amendment, e.g.
 * `{ "dwc:countryCode": "AU" }`), or `""` when there is no result.
 */
export type BdqResult = string | Readonly<Record<string, string>>;

/** The response of one BDQ test on one record. */
export interface BdqResponse {
  status: BdqStatus;
  result: BdqResult;
  /** Human-readable explanation in English (not normative). */
  comment: string;
}

/** The four BDQ test types. */
export type BdqTestType = "Validation" | "Amendment" | "Issue" | "Measure";

/**
 * A BDQ SingleRecord test as defined by the standard, e.g.
 * `{ label: "VALIDATION_COUNTRYCODE_STANDARD", guid: "0493bcfb-…", type: "Validation", actedUpon: ["dwc:countryCode"], … }`.
 */
export interface BdqTestDescriptor {
  label: string;
  guid: string;
  type: BdqTestType;
  /** The question the test asks. */
  description: string;
  /** Prefixed terms evaluated or amended, e.g. `dwc:eventDate`, `dc:type`, `dcterms:license`. */
  actedUpon: readonly string[];
  /** Prefixed terms read but not evaluated. */
  consulted: readonly string[];
  /** Prefixed parameter names, e.g. `bdqval:sourceAuthority`. */
  parameters: readonly string[];
  dimension: string;
  criterion: string;
  /** tdwg/bdq GitHub issue holding the rationale. */
  issue: number;
  /**
   * How the test can run in this add-in: L (logic), V (embedded vocabulary), A (annotations given as input),
   * G (embedded geometry, after `loadBdqGeometry()`), T/X/X+G (needs an online authority: only the prerequisite
   * checks run), M (aggregates other tests: not run on a single record).
   */
  offlineCategory: string;
}

/** A record: Darwin Core term names without prefixes (`eventDate`, `type` for dc:type, `license` for dcterms:license). */
export type BdqRecord = Readonly<Record<string, string | undefined>>;

/** Parameters keyed by bdqval local name (`sourceAuthority`, `taxonIsMarine`, …). Empty or absent means default. */
export type BdqParameters = Readonly<Record<string, string | undefined>>;

/** The implementation of one test. */
export type BdqTestFunction = (record: BdqRecord, parameters: BdqParameters) => BdqResponse;

/** The statuses and results a test of each type can answer (besides the two *_PREREQUISITES_NOT_MET statuses). */
export const BDQ_RESPONSE_KINDS: Readonly<
  Record<BdqTestType, { statuses: readonly BdqStatus[]; results: readonly string[] }>
> = {
  Validation: { statuses: ["RUN_HAS_RESULT"], results: ["COMPLIANT", "NOT_COMPLIANT"] },
  Issue: { statuses: ["RUN_HAS_RESULT"], results: ["POTENTIAL_ISSUE", "NOT_ISSUE"] },
  Amendment: { statuses: ["AMENDED", "FILLED_IN", "NOT_AMENDED"], results: ["{ prefixed term: proposed value }"] },
  Measure: { statuses: ["RUN_HAS_RESULT"], results: ["integer", "NOT_REPORTED"] },
};
