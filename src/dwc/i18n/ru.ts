/**
 * Russian texts of the model, written for this project (labels follow the methodology's term table where it gives
 * one). Hand-written and committed; the generator never touches this file.
 */

/** Russian label and short description of a term. */
export interface RuTermText {
  label: string;
  description: string;
}

/** Russian texts by term name (or by IRI where one name has several meanings, e.g. an extension's `type`). */
export const RU_TERMS: Readonly<Record<string, RuTermText>> = {};

/** Russian labels of vocabulary values: vocabulary id -> value -> label. */
export const RU_VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {};
