/**
 * The explicit fix for characters XML 1.0 cannot hold: applied only when the user asks, and every change is listed.
 */
import type { DatasetMetadata } from "./types";
import { fieldKeyOf } from "./paths";
import { codePointName, findInvalidXmlChars, replaceInvalidXmlChars } from "../archive/xml-text";

/** One field the fix changed. */
export interface MetadataChange {
  /** Field key as in the Metadata sheet, e.g. `creator.1.organization`. */
  field: string;
  /** Characters replaced or removed, e.g. ["U+000B"]. */
  characters: string[];
}

const LISTS: Record<string, string> = {
  creators: "creator",
  contacts: "contact",
  metadataProviders: "metadataProvider",
};

/** Sheet key of a model path such as ["creators", 0, "email"]: a scalar field's own key, or a list item's. */
function keyOf(path: readonly (string | number)[]): string {
  const scalar = fieldKeyOf(path);
  if (scalar) return scalar;
  const [a, b, c, d] = path;
  if (a in LISTS) return `${LISTS[a as string]}.${(b as number) + 1}.${c}`;
  if (a === "keywords") return "keywords";
  if (a === "methods" && b === "steps") return `methods.step.${(c as number) + 1}`;
  if (a === "project" && b === "personnel") return `project.personnel.${(c as number) + 1}.${d}`;
  if (a === "coverage" && b === "taxonomic" && c === "taxa") return `coverage.taxon.${(d as number) + 1}`;
  return path.join(".");
}

function mapStrings(value: unknown, path: (string | number)[], changes: MetadataChange[]): unknown {
  if (typeof value === "string") {
    const bad = findInvalidXmlChars(value);
    if (bad.length === 0) return value;
    changes.push({ field: keyOf(path), characters: [...new Set(bad.map((b) => codePointName(b.codePoint)))] });
    return replaceInvalidXmlChars(value).text;
  }
  if (Array.isArray(value)) return value.map((v, i) => mapStrings(v, [...path, i], changes));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = mapStrings(v, [...path, k], changes);
    return out;
  }
  return value;
}

/**
 * A copy of `meta` without characters XML 1.0 cannot hold (vertical tab and form feed become line breaks, other
 * control characters and lone surrogates are removed), and the list of fields changed.
 */
export function fixInvalidXmlChars(meta: DatasetMetadata): { meta: DatasetMetadata; changes: MetadataChange[] } {
  const changes: MetadataChange[] = [];
  const fixed = mapStrings(meta, [], changes) as DatasetMetadata;
  return { meta: fixed, changes };
}
