/** Builders for BDQ responses, so every test spells statuses and results the same way. */
import type { BdqResponse } from "./types";

export const internalPrerequisitesNotMet = (comment: string): BdqResponse => ({
  status: "INTERNAL_PREREQUISITES_NOT_MET",
  result: "",
  comment,
});

export const externalPrerequisitesNotMet = (comment: string): BdqResponse => ({
  status: "EXTERNAL_PREREQUISITES_NOT_MET",
  result: "",
  comment,
});

export const compliant = (comment: string): BdqResponse => ({ status: "RUN_HAS_RESULT", result: "COMPLIANT", comment });

export const notCompliant = (comment: string): BdqResponse => ({
  status: "RUN_HAS_RESULT",
  result: "NOT_COMPLIANT",
  comment,
});

/** A Validation response: COMPLIANT when `ok`. */
export const validation = (ok: boolean, yes: string, no: string): BdqResponse =>
  ok ? compliant(yes) : notCompliant(no);

export const potentialIssue = (comment: string): BdqResponse => ({
  status: "RUN_HAS_RESULT",
  result: "POTENTIAL_ISSUE",
  comment,
});

export const notIssue = (comment: string): BdqResponse => ({ status: "RUN_HAS_RESULT", result: "NOT_ISSUE", comment });

export const notAmended = (comment: string): BdqResponse => ({ status: "NOT_AMENDED", result: "", comment });

/** An existing value changed. `changes` is keyed by prefixed term, e.g. `{ "dwc:month": "4" }`. */
export const amended = (changes: Record<string, string>, comment: string): BdqResponse => ({
  status: "AMENDED",
  result: changes,
  comment,
});

/** An empty term filled in. */
export const filledIn = (changes: Record<string, string>, comment: string): BdqResponse => ({
  status: "FILLED_IN",
  result: changes,
  comment,
});

export const measured = (value: number, comment: string): BdqResponse => ({
  status: "RUN_HAS_RESULT",
  result: String(value),
  comment,
});

/** The Measure result that goes with INTERNAL_PREREQUISITES_NOT_MET. */
export const notReported = (comment: string): BdqResponse => ({
  status: "INTERNAL_PREREQUISITES_NOT_MET",
  result: "NOT_REPORTED",
  comment,
});
