/**
 * Matching values against the controlled vocabularies the BDQ *_STANDARD and *_STANDARDIZED tests consult.
 *
 * Validation (*_STANDARD) is exact: a value is standard when it equals a concept value or, for vocabularies
 * whose authority is the GBIF vocabulary server, one of the concept's labels. White space or case differences
 * make a value not standard (the tests' notes: "must return NOT_COMPLIANT if there is leading or trailing
 * whitespace").
 *
 * Amendment (*_STANDARDIZED) tries, in order, and amends only to a single concept:
 * 1. the value, any label, or the local name of an IRI, ignoring case, spaces and punctuation;
 * 2. an abbreviation: each word of the value (a word ending in "." or standing alone) is the start of the
 *    matching word of a concept value or label with the same number of words ("Preserved spec." →
 *    PreservedSpecimen, "capt." → captive, "f" → Female);
 * 3. the last word of a camelCase concept value ("Stowaway" → transportStowaway);
 * 4. one typing error (edit distance 1) in a value of at least four letters ("evnt" → Event).
 */

/** Vocabulary data as generated: values that are standard, and concepts as [value, ...labels]. */
export interface BdqVocabularyData {
  id: string;
  values: readonly string[];
  concepts: readonly (readonly string[])[];
}

export interface BdqVocabulary {
  id: string;
  /** True when `value` is standard in this vocabulary. */
  isStandard(value: string): boolean;
  /** True when `value` is exactly a concept value (the form amendments propose). */
  isValue(value: string): boolean;
  /** The concept value `value` stands for, or undefined when there is none or more than one. */
  standardize(value: string): string | undefined;
}

/** Lower case, letters and digits only: "Preserved Specimen" → "preservedspecimen". */
export function normalizeKey(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/** Words of a label or a camelCase value: "PreservedSpecimen" → ["preserved", "specimen"]. */
function words(s: string): string[] {
  return s
    .replace(/([\p{Ll}\d])(\p{Lu})/gu, "$1 $2")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/**
 * Builds the matcher for a vocabulary. `labelsAreStandard`: labels (not only values) count as standard values.
 */
export function buildVocabulary(data: BdqVocabularyData, labelsAreStandard: boolean): BdqVocabulary {
  const values = new Set<string>(data.values);
  for (const c of data.concepts) values.add(c[0]);
  const standard = new Set<string>(data.values);
  if (labelsAreStandard) for (const c of data.concepts) for (const l of c) standard.add(l);
  const byKey = new Map<string, Set<string>>();
  const forms: { value: string; words: string[] }[] = [];
  const lastWord = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, k: string, v: string) => {
    if (k === "") return;
    let s = m.get(k);
    if (!s) m.set(k, (s = new Set()));
    s.add(v);
  };
  for (const c of data.concepts) {
    const value = c[0];
    for (const l of c) {
      add(byKey, normalizeKey(l), value);
      forms.push({ value, words: words(l) });
    }
    const w = words(value);
    if (w.length > 1) add(lastWord, w[w.length - 1], value);
  }
  const single = (s: Set<string> | undefined): string | undefined => (s && s.size === 1 ? [...s][0] : undefined);

  // A sheet repeats the same few values in a column: remember answers (bounded, cleared when full).
  const memo = new Map<string, string | undefined>();
  function standardize(raw: string): string | undefined {
    if (memo.has(raw)) return memo.get(raw);
    const to = standardizeUncached(raw);
    if (memo.size >= 4096) memo.clear();
    memo.set(raw, to);
    return to;
  }

  function standardizeUncached(raw: string): string | undefined {
    const value = raw.trim();
    const iri = /^https?:\/\/\S+[/#]([^/#]+)$/.exec(value);
    const direct = single(byKey.get(normalizeKey(iri ? iri[1] : value)));
    if (direct !== undefined) return direct;
    const ws = words(value);
    if (ws.length === 0) return undefined;
    const abbreviated = new Set<string>();
    for (const f of forms) {
      if (f.words.length !== ws.length) continue;
      if (ws.every((w, i) => f.words[i].startsWith(w))) abbreviated.add(f.value);
    }
    if (abbreviated.size > 0) return single(abbreviated);
    if (ws.length === 1) {
      const tail = single(lastWord.get(ws[0]));
      if (tail !== undefined) return tail;
    }
    const key = normalizeKey(value);
    if (key.length >= 4) {
      const near = new Set<string>();
      for (const [k, vs] of byKey) if (editDistanceAtMostOne(key, k)) for (const v of vs) near.add(v);
      return single(near);
    }
    return undefined;
  }

  return { id: data.id, isStandard: (v) => standard.has(v), isValue: (v) => values.has(v), standardize };
}
