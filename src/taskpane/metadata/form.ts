/**
 * Reading and writing the metadata model (`src/metadata`) by field key, as the form edits it. Keys are those of
 * `SCALAR_FIELDS` (also the Metadata sheet's column A and every MetadataProblem's `field`), so the form, the
 * checks and the sheet name fields alike.
 */
import type { Coverage, CoverageSource, DatasetMetadata } from "../../metadata/types";

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
  const g = m.coverage.geographic;
  const t = m.coverage.temporal;
  switch (key) {
    case "keywords":
      return m.keywords.join(" | ");
    case "coverage.geographicDescription":
      return g.description;
    case "coverage.west":
    case "coverage.east":
    case "coverage.north":
    case "coverage.south":
      return numText(g[key.slice(9) as "west"]);
    case "coverage.geographicSource":
      return g.source;
    case "coverage.beginDate":
      return t.begin;
    case "coverage.endDate":
      return t.end;
    case "coverage.temporalSource":
      return t.source;
    case "coverage.taxonomicDescription":
      return m.coverage.taxonomic.description;
    case "coverage.taxonomicSource":
      return m.coverage.taxonomic.source;
    case "methods.steps":
      return m.methods.steps.join("\n");
  }
  const [head, tail] = key.split(".");
  if (tail !== undefined && (head === "methods" || head === "project")) {
    const v = (m[head] as unknown as Record<string, unknown>)[tail];
    if (typeof v === "string") return v;
  } else if (tail === undefined) {
    const v = (m as unknown as Record<string, unknown>)[head];
    if (typeof v === "string") return v;
  }
  throw new Error(`metadata form: no text field "${key}"`);
}

/** Parses a bound typed in the form: decimal point or comma; empty → null; not a number → NaN (checked later). */
export const parseBound = (s: string): number | null => (s.trim() === "" ? null : Number(s.trim().replace(",", ".")));

/**
 * A copy of the metadata with one field set from the form's text. Editing a coverage value marks that coverage
 * part `source: "user"` so that a refresh from the data keeps it.
 */
export function setField(m: DatasetMetadata, key: string, text: string): DatasetMetadata {
  const c = m.coverage;
  const part = coveragePartOf(key);
  const user = (p: Part): CoverageSource => (key.endsWith("Source") ? (text as CoverageSource) : p === part ? "user" : c[p].source);
  switch (key) {
    case "keywords":
      return { ...m, keywords: text.split(/[|;]/).map((k) => k.trim()).filter((k) => k !== "") };
    case "coverage.geographicDescription":
    case "coverage.geographicSource":
    case "coverage.west":
    case "coverage.east":
    case "coverage.north":
    case "coverage.south": {
      const g = { ...c.geographic, source: user("geographic") };
      if (key === "coverage.geographicDescription") g.description = text;
      else if (!key.endsWith("Source")) g[key.slice(9) as "west"] = parseBound(text);
      return { ...m, coverage: { ...c, geographic: g } };
    }
    case "coverage.beginDate":
    case "coverage.endDate":
    case "coverage.temporalSource": {
      const t = { ...c.temporal, source: user("temporal") };
      if (key === "coverage.beginDate") t.begin = text;
      if (key === "coverage.endDate") t.end = text;
      return { ...m, coverage: { ...c, temporal: t } };
    }
    case "coverage.taxonomicDescription":
    case "coverage.taxonomicSource": {
      const x = { ...c.taxonomic, source: user("taxonomic") };
      if (key === "coverage.taxonomicDescription") x.description = text;
      return { ...m, coverage: { ...c, taxonomic: x } };
    }
    case "methods.steps":
      return { ...m, methods: { ...m.methods, steps: text.split("\n") } };
  }
  const [head, tail] = key.split(".");
  if (tail !== undefined && (head === "methods" || head === "project")) {
    return { ...m, [head]: { ...m[head], [tail]: text } };
  }
  if (tail === undefined && typeof (m as unknown as Record<string, unknown>)[head] === "string") {
    return { ...m, [head]: text };
  }
  throw new Error(`metadata form: no text field "${key}"`);
}

/** Method steps as stored: blank lines dropped. */
export const cleanSteps = (m: DatasetMetadata): DatasetMetadata => ({
  ...m,
  methods: { ...m.methods, steps: m.methods.steps.map((s) => s.trim()).filter((s) => s !== "") },
});
