import type { Text2 } from "../dwc/types";
import type { RuleScope, Severity } from "./types";

/** Where a rule comes from. */
export type RuleSource = "methodology" | "ipt" | "excel" | "vocabulary" | "bdq";

/**
 * A registered rule: metadata for the task pane (grouping, counts, help) and the CLI. The checks themselves live
 * in the engine (`sheet.ts`, `workbook.ts`) so that a sheet is scanned once for all rules.
 *
 * @example { id: "whitespace-edges", severity: "warning", scope: "cell", terms: ["*"], fixable: true, ... }
 */
export interface RuleDef {
  /** Stable id; BDQ-based rules use the BDQ label (`VALIDATION_COUNTRYCODE_STANDARD`). */
  id: string;
  /** Default severity; a few rules report a lower one for a milder case (stated in `title`). */
  severity: Severity;
  scope: RuleScope;
  /** Terms the rule reads; `*` for every column. */
  terms: readonly string[];
  source: RuleSource;
  /** Whether the rule proposes a fix. */
  fixable: boolean;
  title: Text2;
}

const t = (en: string, ru: string): Text2 => ({ en, ru });
const def = (
  id: string,
  severity: Severity,
  scope: RuleScope,
  terms: readonly string[],
  source: RuleSource,
  fixable: boolean,
  title: Text2,
): RuleDef => ({ id, severity, scope, terms, source, fixable, title });

/** Identifiers of the engine's own rules. */
export const RULE = {
  whitespaceEdges: "whitespace-edges",
  whitespaceNonPlain: "whitespace-nonplain",
  mixedScript: "mixed-script",
  cellTooLong: "cell-too-long",
  excelError: "excel-error",
  formula: "formula",
  idScientific: "id-scientific-notation",
  idAsNumber: "id-as-number",
  decimalComma: "decimal-comma",
  numberExpected: "number-expected",
  dayFirstDate: "day-first-date",
  excelSerialDate: "excel-serial-date",
  dateFormat: "date-format",
  dateFieldRange: "date-field-range",
  eventDateFieldsAgree: "event-date-fields-agree",
  vocabulary: "vocabulary",
  multiValueSeparator: "multi-value-separator",
  uncertaintyZero: "coordinate-uncertainty-zero",
  precisionRange: "coordinate-precision-range",
  dynamicPropertiesJson: "dynamic-properties-json",
  coordinateRange: "coordinate-out-of-range",
  coordinatesZero: "coordinates-zero",
  coordinatesSwapped: "coordinates-swapped",
  coordinatesCountry: "coordinates-outside-country",
  coordinatesSea: "coordinates-in-sea",
  requiredValue: "required-value",
  requiredColumn: "required-column",
  idMissing: "id-missing",
  idDuplicate: "id-duplicate",
  linkDangling: "link-dangling",
  referenceDangling: "reference-dangling",
  occurrenceIdDuplicate: "occurrence-id-duplicate",
  duplicateRow: "duplicate-row",
  duplicateColumn: "duplicate-column",
  headerUnknown: "header-unknown",
  headerBlank: "header-blank",
  termNotInRowType: "term-not-in-row-type",
  sheetEmpty: "sheet-empty",
  sheetHeaderOnly: "sheet-header-only",
  sheetUnrecognised: "sheet-unrecognised",
} as const;

const ALL = ["*"] as const;
const COORDS = ["decimalLatitude", "decimalLongitude"] as const;

/** Every rule of the engine except the BDQ tests (see {@link allRules}). */
export const engineRules: readonly RuleDef[] = [
  def(RULE.whitespaceEdges, "warning", "cell", ALL, "methodology", true, t("Leading or trailing spaces", "Пробелы в начале или в конце значения")),
  def(RULE.whitespaceNonPlain, "warning", "cell", ALL, "methodology", true, t("Whitespace other than a plain space (no-break space, tab, line break…)", "Пробельные символы, не являющиеся пробелом (неразрывный пробел, табуляция, перевод строки…)")),
  def(RULE.mixedScript, "warning", "cell", ALL, "excel", false, t("A word mixing Cyrillic and Latin letters (broken encoding or look-alike letters)", "Слово из смеси кириллических и латинских букв (сбой кодировки или похожие буквы)")),
  def(RULE.cellTooLong, "warning", "cell", ALL, "excel", false, t("Text at Excel's 32,767-character limit, probably cut off", "Текст достиг предела Excel в 32 767 символов и, вероятно, обрезан")),
  def(RULE.excelError, "error", "cell", ALL, "excel", false, t("Excel error value in a data cell", "Значение ошибки Excel в ячейке данных")),
  def(RULE.formula, "warning", "cell", ALL, "excel", false, t("Formula in a data cell (its current result is exported)", "Формула в ячейке данных (экспортируется её текущий результат)")),
  def(RULE.idScientific, "error", "cell", ["*ID", "catalogNumber", "recordNumber", "fieldNumber"], "excel", false, t("Identifier turned into a number in scientific notation (digits lost)", "Идентификатор превратился в число в экспоненциальной записи (цифры потеряны)")),
  def(RULE.idAsNumber, "info", "cell", ["*ID", "catalogNumber", "recordNumber", "fieldNumber"], "excel", false, t("Identifier stored as a number (leading zeros would be lost)", "Идентификатор хранится как число (ведущие нули теряются)")),
  def(RULE.decimalComma, "error", "cell", ["decimalLatitude", "decimalLongitude", "coordinateUncertaintyInMeters", "coordinatePrecision", "minimumElevationInMeters", "maximumElevationInMeters", "minimumDepthInMeters", "maximumDepthInMeters"], "excel", true, t("Decimal comma in a number", "Десятичная запятая в числе")),
  def(RULE.numberExpected, "error", "cell", ["decimalLatitude", "decimalLongitude", "coordinateUncertaintyInMeters", "coordinatePrecision", "individualCount", "year", "month", "day"], "ipt", false, t("Not a number in a numeric column", "Не число в числовом столбце")),
  def(RULE.dayFirstDate, "error", "cell", ["eventDate", "dateIdentified", "modified", "georeferencedDate"], "excel", true, t("Day-first date (23.06.2012) instead of ISO 8601", "Дата в формате ДД.ММ.ГГГГ вместо ISO 8601")),
  def(RULE.excelSerialDate, "info", "cell", ["eventDate", "dateIdentified", "modified", "georeferencedDate"], "excel", true, t("Date stored as an Excel serial number (exported as ISO 8601; a warning when the cell has no date format)", "Дата хранится как порядковое число Excel (экспортируется в ISO 8601; предупреждение, если у ячейки нет формата даты)")),
  def(RULE.dateFormat, "error", "cell", ["eventDate", "dateIdentified", "modified", "georeferencedDate"], "methodology", false, t("Date not in ISO 8601", "Дата не в формате ISO 8601")),
  def(RULE.dateFieldRange, "error", "cell", ["year", "month", "day", "startDayOfYear", "endDayOfYear"], "methodology", false, t("Year, month, day or day of year out of range", "Год, месяц, день или день года вне допустимых значений")),
  def(RULE.eventDateFieldsAgree, "warning", "record", ["eventDate", "year", "month", "day", "startDayOfYear", "endDayOfYear"], "methodology", false, t("year, month, day, startDayOfYear, endDayOfYear disagree with eventDate", "year, month, day, startDayOfYear, endDayOfYear не согласуются с eventDate")),
  def(RULE.vocabulary, "error", "cell", ALL, "vocabulary", true, t("Value not in the column's vocabulary (error for closed vocabularies, warning for open ones)", "Значение не из словаря столбца (ошибка для закрытых словарей, предупреждение для открытых)")),
  def(RULE.multiValueSeparator, "warning", "cell", ["recordedBy", "identifiedBy", "georeferencedBy", "measurementDeterminedBy", "recordedByID", "identifiedByID"], "methodology", true, t("Several values not separated by ' | '", "Несколько значений разделены не через ' | '")),
  def(RULE.uncertaintyZero, "error", "cell", ["coordinateUncertaintyInMeters"], "methodology", false, t("coordinateUncertaintyInMeters is 0", "coordinateUncertaintyInMeters равно 0")),
  def(RULE.precisionRange, "error", "cell", ["coordinatePrecision"], "methodology", false, t("coordinatePrecision outside (0, 1]", "coordinatePrecision вне интервала (0, 1]")),
  def(RULE.dynamicPropertiesJson, "warning", "cell", ["dynamicProperties"], "methodology", false, t("dynamicProperties is not a JSON object", "dynamicProperties не является объектом JSON")),
  def(RULE.coordinateRange, "error", "cell", COORDS, "methodology", false, t("Latitude outside [-90, 90] or longitude outside [-180, 180]", "Широта вне [-90, 90] или долгота вне [-180, 180]")),
  def(RULE.coordinatesZero, "warning", "record", COORDS, "methodology", false, t("Coordinates are 0, 0", "Координаты равны 0, 0")),
  def(RULE.coordinatesSwapped, "warning", "record", [...COORDS, "countryCode"], "methodology", true, t("Latitude and longitude probably swapped", "Широта и долгота, вероятно, перепутаны местами")),
  def(RULE.coordinatesCountry, "warning", "record", [...COORDS, "countryCode"], "methodology", false, t("Coordinates outside the stated country", "Координаты вне указанной страны")),
  def(RULE.coordinatesSea, "warning", "record", COORDS, "methodology", false, t("Coordinates in the sea for a terrestrial record", "Координаты наземной находки в море")),
  def(RULE.requiredValue, "error", "record", ALL, "ipt", false, t("Required value missing", "Не заполнено обязательное поле")),
  def(RULE.requiredColumn, "error", "sheet", ALL, "ipt", false, t("Required column missing", "Нет обязательного столбца")),
  def(RULE.idMissing, "error", "record", ["occurrenceID", "eventID", "taxonID"], "ipt", false, t("Record id or link id missing", "Нет идентификатора записи или ссылки на ядро")),
  def(RULE.idDuplicate, "error", "sheet", ["occurrenceID", "eventID", "taxonID"], "ipt", false, t("Core id not unique (compared case-insensitively, as the IPT does)", "Идентификатор ядра не уникален (без учёта регистра, как в IPT)")),
  def(RULE.linkDangling, "error", "dataset", ["eventID", "taxonID", "occurrenceID"], "ipt", false, t("Extension row links to an id that is not in the core", "Строка расширения ссылается на идентификатор, которого нет в ядре")),
  def(RULE.referenceDangling, "error", "dataset", ["parentEventID", "parentNameUsageID", "acceptedNameUsageID", "originalNameUsageID"], "ipt", false, t("Reference to an id that does not exist", "Ссылка на несуществующий идентификатор")),
  def(RULE.occurrenceIdDuplicate, "error", "dataset", ["occurrenceID"], "ipt", false, t("occurrenceID not unique in the dataset", "occurrenceID не уникален в наборе данных")),
  def(RULE.duplicateRow, "warning", "sheet", ALL, "methodology", false, t("Duplicate row", "Дублирующаяся строка")),
  def(RULE.duplicateColumn, "error", "sheet", ALL, "methodology", false, t("Duplicate column", "Повторяющийся столбец")),
  def(RULE.headerUnknown, "warning", "sheet", ALL, "methodology", true, t("Header is not a Darwin Core term", "Заголовок не является термином Darwin Core")),
  def(RULE.termNotInRowType, "warning", "sheet", ALL, "ipt", false, t("Darwin Core term that the sheet's core or extension does not have (the IPT cannot map it there)", "Термин Darwin Core, которого нет в ядре или расширении листа (IPT не сможет его сопоставить)")),
  def(RULE.headerBlank, "warning", "sheet", ALL, "excel", false, t("Column without a header", "Столбец без заголовка")),
  def(RULE.sheetEmpty, "info", "sheet", ALL, "excel", false, t("Empty sheet", "Пустой лист")),
  def(RULE.sheetHeaderOnly, "info", "sheet", ALL, "excel", false, t("Sheet has a header row but no records", "На листе есть заголовки, но нет записей")),
  def(RULE.sheetUnrecognised, "info", "sheet", ALL, "excel", false, t("Sheet not recognised as a Darwin Core core or extension; not validated", "Лист не распознан как ядро или расширение Darwin Core; не проверяется")),
];

const extraRules: RuleDef[] = [];

/**
 * Adds rules defined outside the engine (the BDQ tests). Ids already registered are ignored.
 */
export function registerRules(defs: readonly RuleDef[]): void {
  for (const d of defs) if (!getRule(d.id)) extraRules.push(d);
}

/** Every registered rule: the engine's own, then the BDQ tests. */
export function allRules(): readonly RuleDef[] {
  return extraRules.length ? [...engineRules, ...extraRules] : engineRules;
}

const byId = new Map(engineRules.map((r) => [r.id, r]));

/** A rule by id (`whitespace-edges`, `VALIDATION_COUNTRYCODE_STANDARD`). */
export function getRule(id: string): RuleDef | undefined {
  return byId.get(id) ?? extraRules.find((r) => r.id === id);
}
