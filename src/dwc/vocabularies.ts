/** Controlled vocabularies (generated from GBIF thesauri), with Russian labels merged in. */
import { VOCABULARY_ROWS } from "./generated/vocabularies";
import { RU_VALUE_LABELS } from "./i18n/ru";
import type { Vocabulary } from "./types";

/**
 * The vocabularies by id. Each concept's `value` is what goes into the cell (the thesaurus' `dc:identifier`,
 * e.g. `square_metre`), `label` its English label ("square metre"), `alternatives` the synonyms GBIF's IPT
 * accepts, `labelRu` our Russian label.
 *
 * @example vocabularies.basisOfRecord.concepts[0] // { value: "PreservedSpecimen", label: "Preserved Specimen", ... }
 */
export const vocabularies: Readonly<Record<string, Vocabulary>> = Object.fromEntries(
  VOCABULARY_ROWS.map((v) => {
    const ru = RU_VALUE_LABELS[v.id] ?? {};
    const vocabulary: Vocabulary = {
      id: v.id,
      title: v.title,
      uri: v.uri,
      closed: v.closed,
      concepts: v.concepts.map((c) => {
        const labelRu = ru[c[0]] ?? (c[4] || undefined);
        return {
          value: c[0],
          label: c[1],
          ...(labelRu ? { labelRu } : {}),
          alternatives: [...c[2]],
          ...(c[3] ? { definition: c[3] } : {}),
        };
      }),
    };
    return [v.id, vocabulary];
  })
);

/** A vocabulary by id (`basisOfRecord`, `countryCode` …), or undefined. */
export function getVocabulary(id: string): Vocabulary | undefined {
  return Object.prototype.hasOwnProperty.call(vocabularies, id) ? vocabularies[id] : undefined;
}
