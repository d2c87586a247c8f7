/**
 * Where each scalar field key (column A of the Metadata sheet, the form's field, a problem's `field`) lives in the
 * metadata model, and how the keyword list is split and joined as one text: one definition for the sheet, the
 * form, the fix and the checks.
 */
import { scalarField } from "./fields";
import type { DatasetMetadata } from "./types";

/** The keys whose model path is not the key split at its dots. */
const COVERAGE_PATHS: Readonly<Record<string, readonly string[]>> = {
  "coverage.geographicDescription": ["coverage", "geographic", "description"],
  "coverage.west": ["coverage", "geographic", "west"],
  "coverage.east": ["coverage", "geographic", "east"],
  "coverage.north": ["coverage", "geographic", "north"],
  "coverage.south": ["coverage", "geographic", "south"],
  "coverage.geographicSource": ["coverage", "geographic", "source"],
  "coverage.beginDate": ["coverage", "temporal", "begin"],
  "coverage.endDate": ["coverage", "temporal", "end"],
  "coverage.temporalSource": ["coverage", "temporal", "source"],
  "coverage.taxonomicDescription": ["coverage", "taxonomic", "description"],
  "coverage.taxonomicSource": ["coverage", "taxonomic", "source"],
};

const KEY_BY_PATH = new Map(Object.entries(COVERAGE_PATHS).map(([key, path]) => [path.join("."), key]));

/**
 * The model path of a scalar field key.
 *
 * @example fieldPath("coverage.beginDate") // ["coverage", "temporal", "begin"]
 * @example fieldPath("project.title") // ["project", "title"]
 * @throws Error for a key that is not a scalar field (a programming error)
 */
export function fieldPath(key: string): readonly string[] {
  if (!scalarField(key)) throw new Error(`metadata: no field "${key}"`);
  return COVERAGE_PATHS[key] ?? key.split(".");
}

/** The scalar field key of a model path, or undefined when the path is not one (a list item, an agent). */
export function fieldKeyOf(path: readonly (string | number)[]): string | undefined {
  const joined = path.join(".");
  const key = KEY_BY_PATH.get(joined) ?? joined;
  return scalarField(key) && fieldPath(key).join(".") === joined ? key : undefined;
}

type Tree = Record<string, unknown>;

/** The model's value of a scalar field (a string, a number or null, or the keyword list). */
export function fieldValue(meta: DatasetMetadata, key: string): unknown {
  let at: unknown = meta;
  for (const step of fieldPath(key)) at = (at as Tree)[step];
  return at;
}

/** Sets a scalar field in place. */
export function setFieldValue(meta: DatasetMetadata, key: string, value: unknown): void {
  const path = fieldPath(key);
  let at = meta as unknown as Tree;
  for (const step of path.slice(0, -1)) at = at[step] as Tree;
  at[path[path.length - 1]] = value;
}

/** A copy of the metadata with one scalar field set, the objects on its path copied and the rest shared. */
export function withFieldValue(meta: DatasetMetadata, key: string, value: unknown): DatasetMetadata {
  const path = fieldPath(key);
  const copy = (node: Tree, i: number): Tree => ({ ...node, [path[i]]: i === path.length - 1 ? value : copy(node[path[i]] as Tree, i + 1) });
  return copy(meta as unknown as Tree, 0) as unknown as DatasetMetadata;
}

/** How the keyword list is written as one text (sheet cell, form input). */
export const KEYWORD_SEPARATOR = " | ";

/**
 * The keywords of a text: separated by `|`, `;` or line breaks, trimmed, blanks dropped.
 *
 * @example splitKeywords("flora; Karelia | mosses\nlichens") // ["flora", "Karelia", "mosses", "lichens"]
 */
export function splitKeywords(text: string): string[] {
  return text
    .split(/[|;\n]/)
    .map((k) => k.trim())
    .filter((k) => k !== "");
}

/** The keyword list as one text, as {@link splitKeywords} reads it back. */
export const joinKeywords = (keywords: readonly string[]): string => keywords.join(KEYWORD_SEPARATOR);
