/** Term help in English (the standard's text) and Russian (ours). */
import { PROPERTY_DOCS } from "./generated/rowTypes";
import { RU_TERMS } from "./i18n/ru";
import { rowTypes } from "./rowTypes";
import { getTerm } from "./terms";
import type { Lang } from "./types";

/** What the task pane and header notes show for a term. */
export interface TermHelp {
  label: string;
  definition: string;
  comments: string;
  examples: string[];
}

/** The IRI of a non-Darwin Core property (e.g. `temporal` of Vernacular Name) by name or IRI. */
function propertyIri(term: string): string | undefined {
  if (PROPERTY_DOCS[term]) return term;
  for (const r of rowTypes) {
    const p = r.properties.find((x) => x.name === term && PROPERTY_DOCS[x.iri]);
    if (p) return p.iri;
  }
  return undefined;
}

/**
 * Help for a term (name or IRI), in English from the standard (Darwin Core term list, or the GBIF extension
 * definition for terms outside Darwin Core), or in Russian: our label and short description, the standard's
 * comments and examples (examples are values and stay as they are). Russian falls back to English where we have
 * no text. An unknown term gets its own name as label and empty texts.
 *
 * @example termHelp("basisOfRecord", "en").label === "Basis Of Record"
 */
export function termHelp(term: string, lang: Lang): TermHelp {
  const t = getTerm(term);
  let help: TermHelp;
  let name = term;
  if (t) {
    help = { label: t.label, definition: t.definition, comments: t.comments, examples: [...t.examples] };
    name = t.name;
  } else {
    const iri = propertyIri(term);
    const doc = iri ? PROPERTY_DOCS[iri] : undefined;
    if (doc) name = iri ? iri.replace(/^.*[/#]/, "") : term;
    help = doc
      ? { label: doc[0] || name, definition: doc[1], comments: doc[2], examples: [...doc[3]] }
      : { label: term, definition: "", comments: "", examples: [] };
  }
  if (lang === "ru") {
    const ru = (t && RU_TERMS[t.iri]) || RU_TERMS[name];
    if (ru) help = { ...help, label: ru.label, definition: ru.description };
  }
  return help;
}

/** Our Russian text for a term, if any (for completeness checks and search). */
export function ruTermText(term: string) {
  const t = getTerm(term);
  return (t && RU_TERMS[t.iri]) || RU_TERMS[t ? t.name : term];
}
