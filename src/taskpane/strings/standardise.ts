/** The "Standardise my table" screen's words in English and Russian (picked with `usePane().lang`). */
import type { Lang } from "../../dwc/types";
import { plural } from "../i18n";

const en = {
  open: "Standardise my table",
  openHint: "Your own columns (Вид, Дата, Широта…) to Darwin Core, on a new sheet",
  title: "Standardise a sheet",
  back: "Back to templates",
  intro:
    "Each column of your sheet gets a Darwin Core term. Check the proposals, then Apply: a new Darwin Core sheet is written beside yours with dates, coordinates and words converted and the originals kept in verbatim terms. Your sheet is not changed.",
  sheet: "Sheet to standardise",
  noSheets: "No sheet to standardise: every visible sheet is a Darwin Core sheet or empty. Paste your table into a new sheet first.",
  loading: "Reading the sheet…",
  rows: (n: number) => plural("en", n, { one: "# row", other: "# rows" }),
  datasetClass: "What the table holds",
  classes: { occurrence: "Occurrences", checklist: "Checklist (taxa)", event: "Sampling events" },
  columns: "Columns",
  samples: "Values",
  noSamples: "(empty column)",
  term: "Term",
  noTerm: "No term",
  changeTerm: (header: string) => `Choose a term for ${header}`,
  findTerm: "Find a term",
  findTermHint: "Name, label or words of the definition, in English or Russian",
  pickTerm: (term: string) => `Use ${term}`,
  action: "What to do",
  actions: { map: "Convert to the term's format", verbatim: "Keep as written", "leave-out": "Leave out" },
  confidence: { confident: "confident", likely: "likely", ambiguous: "please choose" },
  unchecked: (n: number) =>
    plural("en", n, { one: "# column needs your choice.", other: "# columns need your choice." }),
  apply: "Apply: write a new sheet",
  applying: "Writing the new sheet…",
  cancel: "Cancel",
  saved: "Saved mappings",
  savedFits: "fits every column",
  savedMisfit: (missing: number, unmapped: number) =>
    [
      missing > 0 ? plural("en", missing, { one: "# column missing", other: "# columns missing" }) : "",
      unmapped > 0 ? plural("en", unmapped, { one: "# new column", other: "# new columns" }) : "",
    ]
      .filter(Boolean)
      .join(", "),
  useSaved: (name: string) => `Use the mapping of ${name}`,
  exportMapping: "Save mapping as JSON",
  importMapping: "Load mapping from JSON",
  importFailed: "This file is not a usable mapping",
  recheckOk: "The mapping fits every column of this sheet.",
  recheckMissing: (h: string) => `Not in this sheet: ${h}.`,
  recheckUnmapped: (h: string) => `New columns, proposed afresh (please check): ${h}.`,
  doneTitle: (sheet: string) => `Written: sheet ${sheet}`,
  doneText: (rows: number, columns: number, source: string) =>
    `${plural("en", rows, { one: "# row", other: "# rows" })}, ${plural("en", columns, { one: "# Darwin Core column", other: "# Darwin Core columns" })}. Sheet ${source} is unchanged; the mapping is kept in this workbook.`,
  summary: "What was done, by column",
  columnLine: (converted: number, kept: number, filled: number) =>
    `${filled} filled: ${converted} converted, ${kept} left as written`,
  leftOutLine: (n: number) => plural("en", n, { one: "left out: # filled cell", other: "left out: # filled cells" }),
  keptCells: "Left as written (ambiguous or not convertible)",
  assumedCells: "Converted under an assumption, please check",
  leftOutCells: "Left out of the new sheet",
  more: (n: number) => `… and ${n} more`,
  derived: (n: number) => plural("en", n, { one: "# value derived (countryCode, coordinates)", other: "# values derived (countryCode, coordinates)" }),
  cellLabel: (cell: string, value: string) => `Go to ${cell}: ${value}`,
  validation: "Validation of the new sheet",
  validating: "Validating…",
  validationResult: (errors: number, warnings: number) =>
    errors + warnings === 0
      ? "No problem found."
      : `${plural("en", errors, { one: "# error", other: "# errors" })}, ${plural("en", warnings, { one: "# warning", other: "# warnings" })}: see the Validate tab.`,
  again: "Standardise another sheet",
};

export type StandardiseStrings = typeof en;

const ru: StandardiseStrings = {
  open: "Стандартизовать мою таблицу",
  openHint: "Ваши столбцы (Вид, Дата, Широта…) в Darwin Core, на новом листе",
  title: "Стандартизация листа",
  back: "Назад к шаблонам",
  intro:
    "Каждому столбцу листа сопоставляется термин Darwin Core. Проверьте предложения и нажмите «Применить»: рядом с вашим листом появится новый лист Darwin Core, где даты, координаты и слова преобразованы, а исходные значения сохранены в терминах verbatim. Ваш лист не изменяется.",
  sheet: "Лист для стандартизации",
  noSheets: "Нет листа для стандартизации: все видимые листы — листы Darwin Core или пустые. Сначала вставьте таблицу на новый лист.",
  loading: "Чтение листа…",
  rows: (n) => plural("ru", n, { one: "# строка", few: "# строки", many: "# строк", other: "# строки" }),
  datasetClass: "Что содержит таблица",
  classes: { occurrence: "Находки", checklist: "Список таксонов", event: "Учётные события" },
  columns: "Столбцы",
  samples: "Значения",
  noSamples: "(пустой столбец)",
  term: "Термин",
  noTerm: "Нет термина",
  changeTerm: (header) => `Выбрать термин для ${header}`,
  findTerm: "Найти термин",
  findTermHint: "Название, метка или слова из определения, по-русски или по-английски",
  pickTerm: (term) => `Выбрать ${term}`,
  action: "Что сделать",
  actions: { map: "Привести к формату термина", verbatim: "Перенести как записано", "leave-out": "Не включать" },
  confidence: { confident: "уверенно", likely: "вероятно", ambiguous: "выберите сами" },
  unchecked: (n) =>
    plural("ru", n, {
      one: "# столбец ждёт вашего выбора.",
      few: "# столбца ждут вашего выбора.",
      many: "# столбцов ждут вашего выбора.",
      other: "# столбца ждут вашего выбора.",
    }),
  apply: "Применить: записать новый лист",
  applying: "Запись нового листа…",
  cancel: "Отмена",
  saved: "Сохранённые сопоставления",
  savedFits: "подходит ко всем столбцам",
  savedMisfit: (missing, unmapped) =>
    [
      missing > 0 ? plural("ru", missing, { one: "нет # столбца", few: "нет # столбцов", many: "нет # столбцов", other: "нет # столбца" }) : "",
      unmapped > 0 ? plural("ru", unmapped, { one: "# новый столбец", few: "# новых столбца", many: "# новых столбцов", other: "# новых столбца" }) : "",
    ]
      .filter(Boolean)
      .join(", "),
  useSaved: (name) => `Взять сопоставление листа ${name}`,
  exportMapping: "Сохранить сопоставление в JSON",
  importMapping: "Загрузить сопоставление из JSON",
  importFailed: "Этот файл не является пригодным сопоставлением",
  recheckOk: "Сопоставление подходит ко всем столбцам листа.",
  recheckMissing: (h) => `Нет на этом листе: ${h}.`,
  recheckUnmapped: (h) => `Новые столбцы, предложены заново (проверьте): ${h}.`,
  doneTitle: (sheet) => `Записан лист ${sheet}`,
  doneText: (rows, columns, source) =>
    `${plural("ru", rows, { one: "# строка", few: "# строки", many: "# строк", other: "# строки" })}, ${plural("ru", columns, { one: "# столбец", few: "# столбца", many: "# столбцов", other: "# столбца" })} Darwin Core. Лист ${source} не изменён; сопоставление сохранено в этой книге.`,
  summary: "Что сделано, по столбцам",
  columnLine: (converted, kept, filled) =>
    `заполнено ${filled}: преобразовано ${converted}, оставлено как записано ${kept}`,
  leftOutLine: (n) => `не включено заполненных ячеек: ${n}`,
  keptCells: "Оставлены как записаны (неоднозначно или не преобразуется)",
  assumedCells: "Преобразованы с допущением, проверьте",
  leftOutCells: "Не вошли в новый лист",
  more: (n) => `… и ещё ${n}`,
  derived: (n) => `выведено значений (countryCode, координаты): ${n}`,
  cellLabel: (cell, value) => `Перейти к ${cell}: ${value}`,
  validation: "Проверка нового листа",
  validating: "Проверка…",
  validationResult: (errors, warnings) =>
    errors + warnings === 0
      ? "Проблем не найдено."
      : `ошибок: ${errors}, предупреждений: ${warnings} — см. вкладку «Проверка».`,
  again: "Стандартизовать другой лист",
};

/** The strings of the standardise screen in both languages. */
export const STANDARDISE_STRINGS: Record<Lang, StandardiseStrings> = { en, ru };
