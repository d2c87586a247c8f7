/**
 * Matching a data holder's header to Darwin Core terms: the term's own name (any case, `dwc:` prefix, IRI), the
 * header dictionary, the terms' English and Russian labels, the leading or trailing words of a longer header
 * (`Дата сбора материала`), then one or two typing errors. Units written in the header (`Высота, м`,
 * `Точность (м)`, `Altitude [m]`) are set aside first and reported.
 */
import { getTerm, ruTermText, terms } from "../dwc";
import type { DatasetClass } from "../dwc/types";
import { editDistance } from "../validate/text";
import { HEADER_VARIANTS } from "./dictionary";

/** How a header matched: its own term name, the dictionary or a label, part of it, or a near spelling. */
export type HeaderStrength = "exact" | "dictionary" | "label" | "partial" | "fuzzy";

/** Terms a header stands for, best first, and how it matched. */
export interface HeaderMatch {
  terms: string[];
  strength: HeaderStrength;
  /** The part of the header that matched (a dictionary variant or a label), for the reason text. */
  matched: string;
  /** A unit written in the header, normalised: `m`, `km`, `ft` or `deg`. */
  unit?: string;
}

const UNIT =
  /\s*(?:,|\(|\[|\sв|\sin)\s*(м|m|метры|метрах|метров|meters|metres|км|km|ft|feet|футы|футов|°|град\.?|градусы|градусах|dd|дд)\s*(?:н\.?\s*у\.?\s*м\.?|a\.?s\.?l\.?)?\s*[)\]]?\s*$/i;

const UNIT_NAMES: Readonly<Record<string, string>> = {
  м: "m",
  m: "m",
  метры: "m",
  метрах: "m",
  метров: "m",
  meters: "m",
  metres: "m",
  км: "km",
  km: "km",
  ft: "ft",
  feet: "ft",
  футы: "ft",
  футов: "ft",
  "°": "deg",
  град: "deg",
  "град.": "deg",
  градусы: "deg",
  градусах: "deg",
  dd: "deg",
  дд: "deg",
};

/** Splits a header into its words (lower case, `ё` as `е`, `№` and `#` as `no`) and a unit written after it. */
export function headerWords(header: string): { words: string[]; unit?: string } {
  let h = header
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/ё/g, "е");
  let unit: string | undefined;
  const u = UNIT.exec(h);
  if (u && u.index > 0) {
    unit = UNIT_NAMES[u[1].toLowerCase()];
    h = h.slice(0, u.index);
  }
  const words = h
    .replace(/[№#]/g, " no ")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
  return unit ? { words, unit } : { words };
}

/** The look-up key of a header or a dictionary variant: its words run together. */
export function headerKey(header: string): string {
  return headerWords(header).words.join("");
}

interface Entry {
  terms: string[];
  strength: "dictionary" | "label";
  matched: string;
}

let index: Map<string, Entry> | undefined;

function add(map: Map<string, Entry>, variant: string, term: string, strength: Entry["strength"]): void {
  const key = headerKey(variant);
  if (!key) return;
  const hit = map.get(key);
  if (!hit) map.set(key, { terms: [term], strength, matched: variant });
  else if (hit.strength === strength && !hit.terms.includes(term)) hit.terms.push(term);
}

/** The dictionary and the labels by key, built once. Dictionary entries win over labels with the same key. */
function lookupIndex(): Map<string, Entry> {
  if (index) return index;
  const map = new Map<string, Entry>();
  for (const [term, variants] of Object.entries(HEADER_VARIANTS))
    for (const v of variants) add(map, v, term, "dictionary");
  for (const t of terms) {
    if (t.rdfType !== "property" || t.iri.startsWith("http://rs.tdwg.org/dwc/iri/")) continue;
    add(map, t.label, t.name, "label");
    const ru = ruTermText(t.name);
    if (ru) add(map, ru.label, t.name, "label");
  }
  index = map;
  return map;
}

/** The number of header variants the dictionary holds (term names and labels not counted). */
export function dictionarySize(): number {
  return Object.values(HEADER_VARIANTS).reduce((n, v) => n + v.length, 0);
}

const CORE_ID: Readonly<Record<DatasetClass, string>> = {
  occurrence: "occurrenceID",
  event: "eventID",
  checklist: "taxonID",
};

function resolve(list: readonly string[], datasetClass: DatasetClass): string[] {
  const byClass = (t: string): string =>
    t === "$coreId"
      ? CORE_ID[datasetClass]
      : t === "occurrenceRemarks" && datasetClass === "checklist"
        ? "taxonRemarks"
        : t;
  return [...new Set(list.map(byClass))];
}

/** The Darwin Core property a header names by itself (`decimalLatitude`, `dwc:eventDate`, an IRI), if any. */
export function exactTerm(header: string): string | undefined {
  const t = getTerm(header.replace(/^\uFEFF/, "").trim());
  return t && t.rdfType === "property" ? t.name : undefined;
}

function fuzzy(key: string, map: Map<string, Entry>): Entry | undefined {
  if (key.length < 5) return undefined;
  const max = key.length <= 8 ? 1 : 2;
  let best: Entry | undefined;
  let bestDistance = max + 1;
  for (const [k, entry] of map) {
    if (Math.abs(k.length - key.length) > max) continue;
    const d = editDistance(key, k, bestDistance);
    if (d < bestDistance) {
      bestDistance = d;
      best = entry;
    }
  }
  return best;
}

/** Leading words (longest first), then trailing words: `Дата сбора материала` → `дата сбора`. */
function partial(words: string[], map: Map<string, Entry>): Entry | undefined {
  for (let n = words.length - 1; n >= 1; n--) {
    const hit = map.get(words.slice(0, n).join(""));
    if (hit) return hit;
  }
  for (let n = 1; n < words.length; n++) {
    const hit = map.get(words.slice(n).join(""));
    if (hit && words.slice(n).join("").length >= 4) return hit;
  }
  return undefined;
}

/**
 * The terms a header stands for, best first, or undefined when nothing is close.
 *
 * @example matchHeader("Высота, м", "occurrence") // { terms: ["minimumElevationInMeters"], strength: "dictionary", unit: "m", … }
 * @example matchHeader("leg.", "occurrence")?.terms // ["recordedBy"]
 */
export function matchHeader(header: string, datasetClass: DatasetClass): HeaderMatch | undefined {
  const exact = exactTerm(header);
  const { words, unit } = headerWords(header);
  const withUnit = (m: HeaderMatch): HeaderMatch => (unit ? { ...m, unit } : m);
  if (exact) return withUnit({ terms: [exact], strength: "exact", matched: exact });
  const key = words.join("");
  if (!key) return undefined;
  const map = lookupIndex();
  const direct = map.get(key);
  if (direct)
    return withUnit({ terms: resolve(direct.terms, datasetClass), strength: direct.strength, matched: direct.matched });
  const part = words.length > 1 ? partial(words, map) : undefined;
  if (part) return withUnit({ terms: resolve(part.terms, datasetClass), strength: "partial", matched: part.matched });
  const near = fuzzy(key, map);
  if (near) return withUnit({ terms: resolve(near.terms, datasetClass), strength: "fuzzy", matched: near.matched });
  return undefined;
}
