/**
 * Which columns a sheet must or should have, per role, and the tier of each absence: what the IPT enforces when it
 * publishes (core ids, extension links, basisOfRecord) blocks; what GBIF's definitions require of an extension is
 * an error; what GBIF's data quality pages call strongly recommended is a warning. The templates may colour more
 * columns as required (GBIF's own IPT templates do); the validator's tiers follow what is enforced.
 */
import { getRowType } from "../dwc/rowTypes";
import type { SheetRole, Text2 } from "../dwc/types";
import { makeIssue } from "./issue";
import { RULE } from "./rules";
import type { Issue } from "./types";

/** One requirement: the term, and the rule an empty cell of its column reports under. */
export interface Requirement {
  term: string;
  /** idMissing, basisOfRecord, requiredValue, recommendedValue or eventDateMissing. */
  ruleId: string;
}

/** Strongly recommended terms per core or occurrence sheet (GBIF data quality requirements, reference README §2). */
const RECOMMENDED: Record<string, readonly string[]> = {
  "occurrence/core": ["scientificName", "eventDate"],
  "occurrence/extension": ["occurrenceID", "scientificName"],
  "event/core": ["eventDate", "type", "samplingProtocol", "sampleSizeValue", "sampleSizeUnit"],
  "taxon/core": ["scientificName", "taxonRank"],
};

/**
 * The requirements of a sheet with this role, id column first. An Occurrence sheet (core or an event's occurrence
 * extension) needs basisOfRecord; an occurrence of an event dataset takes its date and place from its event, so
 * eventDate is never asked of it; an event's date may come from its parent or child events (`eventDateMissing`).
 *
 * @example requirementsOf(occurrenceCoreRole)[1] // { term: "basisOfRecord", ruleId: "basis-of-record" }
 */
export function requirementsOf(role: SheetRole, rowTerms?: ReadonlySet<string>): Requirement[] {
  const out: Requirement[] = [{ term: role.idTerm, ruleId: RULE.idMissing }];
  const seen = new Set<string>([role.idTerm]);
  const add = (term: string, ruleId: string): void => {
    if (seen.has(term)) return;
    seen.add(term);
    out.push({ term, ruleId });
  };
  if (role.rowTypeId === "occurrence") add("basisOfRecord", RULE.basisOfRecord);
  for (const term of RECOMMENDED[`${role.rowTypeId}/${role.kind}`] ?? []) {
    if (term === "eventDate" && role.rowTypeId === "event") add(term, RULE.eventDateMissing);
    else if (term === "occurrenceID" && role.kind === "extension") add(term, RULE.idMissing);
    else add(term, RULE.recommendedValue);
  }
  if (role.kind === "extension" && role.rowTypeId !== "occurrence") {
    for (const p of getRowType(role.rowTypeId)?.properties ?? []) {
      if (p.required && (!rowTerms || rowTerms.has(p.name))) add(p.name, RULE.requiredValue);
    }
  }
  return out;
}

/** The blocker for a sheet without its id column (the core's ids, or an extension's links to them). */
export function idColumnMissingIssue(sheet: string, role: SheetRole): Issue {
  const message: Text2 =
    role.kind === "core"
      ? {
          en: `Sheet "${sheet}" has no ${role.idTerm} column, which holds the record identifiers: the IPT cannot publish the records without them.`,
          ru: `На листе «${sheet}» нет столбца ${role.idTerm} с идентификаторами записей: IPT не опубликует записи без них.`,
        }
      : {
          en: `Sheet "${sheet}" has no ${role.idTerm} column linking its rows to the core records: the IPT cannot publish the extension without it.`,
          ru: `На листе «${sheet}» нет столбца ${role.idTerm}, связывающего строки с записями ядра: IPT не опубликует расширение без него.`,
        };
  return makeIssue(RULE.idColumnMissing, sheet, 1, -1, role.idTerm, undefined, message);
}

/**
 * The blocker for a dataset without exactly one core sheet holding records: `cores` names the sheets marked as a
 * core; `empty` is true when the one core has no records.
 */
export function coreCountIssue(cores: readonly string[], empty = false): Issue {
  const message: Text2 =
    cores.length > 1
      ? {
          en: `Only one sheet can be the core; these are all marked as core: ${cores.join(", ")}. Make the others extensions of it (their rows link to its ids) or move them to another workbook.`,
          ru: `Ядром может быть только один лист; ядром помечены: ${cores.join(", ")}. Сделайте остальные расширениями (их строки ссылаются на идентификаторы ядра) или перенесите в другую книгу.`,
        }
      : cores.length === 1 && empty
        ? {
            en: `The core sheet "${cores[0]}" has no records: a dataset needs at least one.`,
            ru: `На листе ядра «${cores[0]}» нет записей: в наборе данных должна быть хотя бы одна.`,
          }
        : {
            en: "No sheet is the core (Occurrence, Event or Taxon) of the dataset: insert a template, or give a sheet Darwin Core headers with its id column (occurrenceID, eventID or taxonID).",
            ru: "Ни один лист не является ядром набора данных (Occurrence, Event или Taxon): вставьте шаблон или дайте листу заголовки Darwin Core со столбцом идентификаторов (occurrenceID, eventID или taxonID).",
          };
  return makeIssue(RULE.coreCount, cores[1] ?? cores[0] ?? "", 0, -1, undefined, undefined, message);
}
