/** What the Term help screen shows for the column under the selection. */
import { useMemo } from "react";
import type { ColumnLevel, Concept, Lang, TermDef, Vocabulary } from "../../dwc/types";
import type { ModelApi, TermHelpText } from "../model";
import type { SelectionContext } from "../services";

export interface TermHelpView {
  term: TermDef;
  help: TermHelpText;
  level?: ColumnLevel;
  vocabulary?: Vocabulary;
}

/** Help for a header in a sheet's context; undefined when the header is not a Darwin Core term. */
export function termHelpView(model: ModelApi, sel: SelectionContext, lang: Lang): TermHelpView | undefined {
  const header = sel.header.trim();
  if (header === "") return undefined;
  const term = model.getTerm(header);
  const help = term && model.termHelp(term.name, lang);
  if (!term || !help) return undefined;
  let level: ColumnLevel | undefined;
  let vocabulary: Vocabulary | undefined;
  if (sel.role) {
    const sheet = model
      .buildTemplate(sel.role.datasetClass, "extended")
      .find((t) => t.role.rowTypeId === sel.role?.rowTypeId && t.role.kind === sel.role?.kind);
    level = sheet?.columns.find((c) => c.term === term.name)?.level ?? "optional";
    const vocabId = model.vocabularyIdFor(sel.role.rowTypeId, term.name);
    vocabulary = vocabId ? model.getVocabulary(vocabId) : undefined;
  }
  return { term, help, level, vocabulary };
}

/** Label of a concept in the interface language (Russian when the model has one). */
export const conceptLabel = (c: Concept, lang: Lang): string => (lang === "ru" && c.labelRu ? c.labelRu : c.label);

/** Memoised `termHelpView`. */
export function useTermHelp(model: ModelApi | undefined, sel: SelectionContext | undefined, lang: Lang) {
  return useMemo(() => (model && sel ? termHelpView(model, sel, lang) : undefined), [model, sel, lang]);
}
