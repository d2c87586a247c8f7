/**
 * Reading and writing the metadata model (`src/metadata`) by field key, as the form edits it. Keys are those of
 * `SCALAR_FIELDS` (also the Metadata sheet's column A and every MetadataProblem's `field`), so the form, the
 * checks and the sheet name fields alike.
 */
import { scalarField } from "../../metadata/fields";
import { fieldValue, joinKeywords, splitKeywords, withFieldValue } from "../../metadata/paths";
import type { Coverage, DatasetMetadata } from "../../metadata/types";

type Part = keyof Coverage;

/** The coverage part a coverage key edits (so that editing it marks the part as typed by the user). */
export function coveragePartOf(key: string): Part | undefined {
  if (/^coverage\.(west|east|north|south|geographic)/.test(key)) return "geographic";
  if (/^coverage\.(beginDate|endDate|temporal)/.test(key)) return "temporal";
  if (/^coverage\.taxonomic/.test(key)) return "taxonomic";
  return undefined;
}

const numText = (n: number | null): string => (n === null || Number.isNaN(n) ? "" : String(n));

/** The value of a scalar field as text for an input. Unknown keys throw (a programming error). */
export function getField(m: DatasetMetadata, key: string): string {
  if (key === "keywords") return joinKeywords(m.keywords);
  if (key === "methods.steps") return m.methods.steps.join("\n");
  const v = scalarField(key) ? fieldValue(m, key) : undefined;
  if (typeof v === "string") return v;
  if (v === null || typeof v === "number") return numText(v);
  throw new Error(`metadata form: no text field "${key}"`);
}

/** Parses a bound typed in the form: decimal point or comma; empty → null; not a number → NaN (checked later). */
export const parseBound = (s: string): number | null => (s.trim() === "" ? null : Number(s.trim().replace(",", ".")));

/**
 * A copy of the metadata with one field set from the form's text. Editing a coverage value marks that coverage
 * part `source: "user"` so that a refresh from the data keeps it.
 */
export function setField(m: DatasetMetadata, key: string, text: string): DatasetMetadata {
  if (key === "keywords") return { ...m, keywords: splitKeywords(text) };
  if (key === "methods.steps") return { ...m, methods: { ...m.methods, steps: text.split("\n") } };
  const part = coveragePartOf(key);
  const isBound = /^coverage\.(west|east|north|south)$/.test(key);
  if (!scalarField(key) || (typeof fieldValue(m, key) !== "string" && !isBound)) throw new Error(`metadata form: no text field "${key}"`);
  const next = withFieldValue(m, key, isBound ? parseBound(text) : text);
  // Editing a coverage value marks its part as typed by the user, so that a refresh from the data keeps it.
  if (!part || key.endsWith("Source")) return next;
  return { ...next, coverage: { ...next.coverage, [part]: { ...next.coverage[part], source: "user" } } };
}

/** Method steps as stored: blank lines dropped. */
export const cleanSteps = (m: DatasetMetadata): DatasetMetadata => ({
  ...m,
  methods: { ...m.methods, steps: m.methods.steps.map((s) => s.trim()).filter((s) => s !== "") },
});
