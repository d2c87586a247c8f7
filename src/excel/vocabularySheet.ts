/**
 * The very hidden vocabulary sheet: one column per vocabulary (row 1 the vocabulary id, values from row 2) and a
 * workbook name per column (`dwc_basisOfRecord` -> `'DwC vocabularies'!$A$2:$A$6`). Dropdowns and highlighting
 * refer to the names, which keeps every rule far below Excel's 255-character limit for inline lists and lets one
 * list serve every sheet. A new sheet is named in the interface language ("DwC vocabularies", "DwC словари"); an
 * existing one is found under any of those names and reused: its columns are kept, missing vocabularies are
 * appended after them, and the names point to it.
 */
import { getVocabulary } from "../dwc";
import type { Lang } from "../dwc/types";
import { columnLetters } from "./address";
import { VOCABULARY_SHEET_NAMES, vocabularyRangeName, vocabularySheetName } from "./style";

/** What a first sync tells about the vocabulary sheet and the workbook's names. */
export interface VocabularyProbe {
  /** The sheet under each of its known names, the interface language's first (null objects for absent ones). */
  candidates: { name: string; sheet: Excel.Worksheet }[];
  /** The name a new vocabulary sheet gets. */
  newName: string;
  names: Excel.NamedItemCollection;
}

/**
 * The vocabulary sheet's known names in the order a probe tries them: `lang`'s own first, then the others.
 *
 * @example vocabularySheetNamesFor("ru") // ["DwC словари", "DwC vocabularies"]
 */
export function vocabularySheetNamesFor(lang: Lang): string[] {
  const own = vocabularySheetName(lang);
  return [own, ...VOCABULARY_SHEET_NAMES.filter((n) => n !== own)];
}

/**
 * Queues what {@link ensureVocabularies} needs to know (read after the next sync): the vocabulary sheet under every
 * known name, so that a workbook made in another language keeps its one sheet.
 */
export function probeVocabularies(context: Excel.RequestContext, lang: Lang = "en"): VocabularyProbe {
  const worksheets = context.workbook.worksheets;
  const candidates = vocabularySheetNamesFor(lang).map((name) => ({ name, sheet: worksheets.getItemOrNullObject(name) }));
  const names = context.workbook.names;
  names.load("items/name");
  return { candidates, newName: vocabularySheetName(lang), names };
}

/** The existing vocabulary sheet after the probe's sync (the language's own name first), or undefined. */
export function existingVocabularySheet(probe: VocabularyProbe): Excel.Worksheet | undefined {
  return probe.candidates.find((c) => !c.sheet.isNullObject)?.sheet;
}

/**
 * Queues the read of the existing sheet's row 1 when the sheet exists (then one more sync is needed), or returns
 * undefined. Row 1 is read as a fixed, small range: 702 columns (A:ZZ) is far more than there are vocabularies.
 */
export function loadVocabularyHeaders(probe: VocabularyProbe): Excel.Range | undefined {
  const sheet = existingVocabularySheet(probe);
  if (!sheet) return undefined;
  const row = sheet.getRange("A1:ZZ1");
  row.load("values");
  return row;
}

/**
 * Queues the writes that make every vocabulary in `ids` available as a named range; returns the ids that are
 * available afterwards (vocabularies without concepts are skipped).
 */
export function ensureVocabularies(
  context: Excel.RequestContext,
  probe: VocabularyProbe,
  headerRow: Excel.Range | undefined,
  ids: Iterable<string>,
): Set<string> {
  const wanted = [...new Set(ids)].filter((id) => (getVocabulary(id)?.concepts.length ?? 0) > 0);
  const ready = new Set<string>();
  if (wanted.length === 0) return ready;
  const headers: string[] = headerRow ? (headerRow.values[0] ?? []).map((v) => String(v ?? "")) : [];
  const existingNames = new Set(probe.names.items.map((n) => n.name.toLowerCase()));
  let sheet = existingVocabularySheet(probe);
  if (!sheet) {
    sheet = context.workbook.worksheets.add(probe.newName);
    sheet.visibility = "VeryHidden";
  }
  let next = headers.reduce((last, h, i) => (h.trim() !== "" ? i + 1 : last), 0);
  for (const id of wanted) {
    const vocabulary = getVocabulary(id);
    if (!vocabulary) continue;
    const name = vocabularyRangeName(id);
    let column = headers.findIndex((h) => h === id);
    const n = vocabulary.concepts.length;
    if (column < 0) {
      column = next++;
      const cells = sheet.getRangeByIndexes(0, column, n + 1, 1);
      // Text format first: values such as "NA" or codes that look like numbers stay as written.
      cells.numberFormat = "@" as unknown as string[][];
      cells.values = [[id], ...vocabulary.concepts.map((c) => [c.value])];
      if (existingNames.has(name.toLowerCase())) context.workbook.names.getItem(name).delete();
      context.workbook.names.add(name, sheet.getRange(`$${columnLetters(column)}$2:$${columnLetters(column)}$${n + 1}`));
    } else if (!existingNames.has(name.toLowerCase())) {
      context.workbook.names.add(name, sheet.getRange(`$${columnLetters(column)}$2:$${columnLetters(column)}$${n + 1}`));
    }
    ready.add(id);
  }
  return ready;
}
