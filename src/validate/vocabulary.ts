/**
 * Matching cell values against a controlled vocabulary, with a proposed canonical value for case variants,
 * labels and the thesaurus' alternative terms (`preservedspecimen`, `Preserved Specimen`, `preserved_specimen`
 * → `PreservedSpecimen`), as the IPT accepts them.
 */
import type { Vocabulary } from "../dwc/types";

/** A compiled vocabulary: membership and the canonical value for a variant. */
export interface VocabularyMatcher {
  vocabulary: Vocabulary;
  /** Whether the value is one of the vocabulary's values exactly. */
  has(value: string): boolean;
  /** The canonical value a variant stands for (case, separators, a label or a thesaurus synonym), if any. */
  canonical(value: string): string | undefined;
  /**
   * The value a variant spells differently only in case, spaces, underscores, hyphens or dots (`PRESERVED_SPECIMEN`,
   * `human observation`): the normalisation the IPT applies to basisOfRecord. Synonyms and labels are not included.
   */
  normalised(value: string): string | undefined;
}

/** Lower case, without spaces, underscores, hyphens and dots. */
export function vocabularyKey(s: string): string {
  let out = "";
  const lower = s.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c === 32 || c === 95 || c === 45 || c === 46 || c === 0xa0 || c === 9) continue;
    out += lower[i];
  }
  return out;
}

const cache = new WeakMap<Vocabulary, VocabularyMatcher>();

/** Compiles (once per vocabulary object) a {@link VocabularyMatcher}. */
export function vocabularyMatcher(vocabulary: Vocabulary): VocabularyMatcher {
  const hit = cache.get(vocabulary);
  if (hit) return hit;
  const values = new Set<string>();
  const byKey = new Map<string, string>();
  for (const c of vocabulary.concepts) values.add(c.value);
  // Values first, so a value's own key wins over another concept's label or alternative.
  for (const c of vocabulary.concepts) byKey.set(vocabularyKey(c.value), c.value);
  const byOwnKey = new Map(byKey);
  for (const c of vocabulary.concepts) {
    for (const alt of [c.label, c.labelRu ?? "", ...c.alternatives]) {
      const k = vocabularyKey(alt);
      if (k && !byKey.has(k)) byKey.set(k, c.value);
    }
  }
  const m: VocabularyMatcher = {
    vocabulary,
    has: (v) => values.has(v),
    canonical: (v) => byKey.get(vocabularyKey(v)),
    normalised: (v) => byOwnKey.get(vocabularyKey(v)),
  };
  cache.set(vocabulary, m);
  return m;
}
