/**
 * The very hidden vocabulary sheet: one column per vocabulary (row 1 the vocabulary id, values from row 2) and a
 * workbook name per column (`dwc_basisOfRecord` -> `'DwC vocabularies'!$A$2:$A$6`). Dropdowns and highlighting
 * refer to the names, which keeps every rule far below Excel's 255-character limit for inline lists and lets one
 * list serve every sheet. An existing vocabulary sheet is reused: its columns are kept, missing vocabularies are
 * appended after them.
 */
import { getVocabulary } from "../dwc";
import { columnLetters } from "./address";
import { VOCABULARY_SHEET, vocabularyRangeName } from "./style";

/** What a first sync tells about the vocabulary sheet and the workbook's names. */
export interface VocabularyProbe {
  sheet: Excel.Worksheet;
  names: Excel.NamedItemCollection;
}

/** Queues what {@link planVocabularies} needs to know (read after the next sync). */
export function probeVocabularies(context: Excel.RequestContext): VocabularyProbe {
  const sheet = context.workbook.worksheets.getItemOrNullObject(VOCABULARY_SHEET);
  const names = context.workbook.names;
  names.load("items/name");
  return { sheet, names };
}

/**
 * Queues the read of the existing sheet's row 1 when the sheet exists (then one more sync is needed), or returns
 * undefined. Row 1 is read as a fixed, small range: 702 columns (A:ZZ) is far more than there are vocabularies.
 */
export function loadVocabularyHeaders(probe: VocabularyProbe): Excel.Range | undefined {
  if (probe.sheet.isNullObject) return undefined;
  const row = probe.sheet.getRange("A1:ZZ1");
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
  let sheet = probe.sheet;
  if (probe.sheet.isNullObject) {
    sheet = context.workbook.worksheets.add(VOCABULARY_SHEET);
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
