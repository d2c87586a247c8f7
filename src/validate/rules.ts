import type { Text2 } from "../dwc/types";
import type { RuleScope, Severity } from "./types";

/** Where a rule comes from. */
export type RuleSource = "methodology" | "ipt" | "gbif" | "excel" | "vocabulary" | "bdq" | "archive" | "metadata";

/**
 * A rule of the catalog: what the engine, the export, the pane, the CLI and the README's rule reference read. The
 * checks themselves live in the engine (`sheet.ts`, `workbook.ts`, `structure.ts`) so that a sheet is scanned once
 * for all rules; a test fails when anything emits a rule id the catalog does not describe.
 *
 * @example { id: "whitespace-edges", severity: "warning", scope: "cell", terms: ["*"], fixable: true, ... }
 */
export interface RuleDef {
  /** Stable id; BDQ-based rules use the BDQ label (`VALIDATION_COUNTRYCODE_STANDARD`). */
  id: string;
  /** The rule's tier; a few rules report a milder one for a milder case (stated in `title`). */
  severity: Severity;
  scope: RuleScope;
  /** Terms the rule reads; `*` for every column. */
  terms: readonly string[];
  source: RuleSource;
  /**
   * Where the rule comes from, precisely: the IPT check, the GBIF issue flag, the BDQ test, the methodology's
   * section. For a blocker: why the IPT or GBIF refuses it.
   */
  ref: string;
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
  ref: string,
  fixable: boolean,
  title: Text2,
): RuleDef => ({ id, severity, scope, terms, source, ref, fixable, title });

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
  dateIsoVariant: "date-iso-variant",
  dateFieldRange: "date-field-range",
  eventDateFieldsAgree: "event-date-fields-agree",
  vocabulary: "vocabulary",
  vocabularyVariant: "vocabulary-variant",
  basisOfRecord: "basis-of-record",
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
  recommendedValue: "recommended-value",
  recommendedColumn: "recommended-column",
  eventDateMissing: "event-date-missing",
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
  coreCount: "archive.coreCount",
  idColumnMissing: "archive.missingIdColumn",
  unknownRowType: "archive.unknownRowType",
  unencodable: "archive.unpairedSurrogate",
} as const;

const ALL = ["*"] as const;
const COORDS = ["decimalLatitude", "decimalLongitude"] as const;
const IDS = ["*ID", "catalogNumber", "recordNumber", "fieldNumber"] as const;
const DATES = ["eventDate", "dateIdentified", "modified", "georeferencedDate"] as const;
const NUMBERS = ["decimalLatitude", "decimalLongitude", "coordinateUncertaintyInMeters", "coordinatePrecision", "minimumElevationInMeters", "maximumElevationInMeters", "minimumDepthInMeters", "maximumDepthInMeters"] as const;
const CORE_IDS = ["occurrenceID", "eventID", "taxonID"] as const;

/** IPT 3 `GenerateDwca` publishing checks (gbif/ipt), as summarised in the reference data's README §2.4. */
const IPT = "IPT publishing (GenerateDwca)";

/** Every rule of the engine, the export and the file readers except the BDQ tests (see {@link allRules}). */
export const engineRules: readonly RuleDef[] = [
  // Blockers: the archive cannot be built, or the IPT / GBIF would refuse it.
  def(RULE.coreCount, "blocker", "dataset", ALL, "archive", "Darwin Core text guide: an archive has exactly one core", false, t("Not exactly one core sheet with records", "Не ровно один лист ядра с записями")),
  def(RULE.idColumnMissing, "blocker", "sheet", CORE_IDS, "ipt", `${IPT}: every core row needs its id, every extension row its core id (coreid)`, false, t("Core id column or extension link column missing", "Нет столбца идентификаторов ядра или ссылок на ядро")),
  def(RULE.unknownRowType, "blocker", "sheet", ALL, "archive", "GBIF core and extension definitions (rs.gbif.org)", false, t("Sheet marked as a core or extension GBIF does not define", "Лист помечен как ядро или расширение, которого нет в GBIF")),
  def(RULE.idMissing, "blocker", "record", CORE_IDS, "ipt", `${IPT}: a core row without its id, or an extension row without its core id, fails publication`, false, t("Record id or link to the core missing", "Нет идентификатора записи или ссылки на ядро")),
  def(RULE.idDuplicate, "blocker", "sheet", CORE_IDS, "ipt", `${IPT}: core ids must be unique, compared case-insensitively`, false, t("Core id not unique (compared case-insensitively)", "Идентификатор ядра не уникален (без учёта регистра)")),
  def(RULE.occurrenceIdDuplicate, "blocker", "dataset", ["occurrenceID"], "ipt", `${IPT}: when occurrenceID is mapped, every occurrence needs a unique one (case-insensitive)`, false, t("occurrenceID not unique in the dataset", "occurrenceID не уникален в наборе данных")),
  def(RULE.basisOfRecord, "blocker", "record", ["basisOfRecord"], "ipt", `${IPT}: every Occurrence data file must map basisOfRecord, and every row needs a value of the basisOfRecord vocabulary (case-insensitive, also snake_case)`, true, t("basisOfRecord missing or not a basisOfRecord value", "basisOfRecord не заполнен или не из словаря basisOfRecord")),
  def(RULE.excelError, "blocker", "cell", ALL, "excel", "An Excel error value (#N/A, #ИМЯ?) is not data: the archive would publish the error's text", false, t("Excel error value in a data cell", "Значение ошибки Excel в ячейке данных")),
  def("archive.noTermColumns", "blocker", "sheet", ALL, "archive", "A data file needs at least one term besides its id", false, t("Sheet without any column headed by a term of its core or extension", "На листе нет ни одного столбца с термином его ядра или расширения")),
  def(RULE.unencodable, "blocker", "cell", ALL, "archive", "Darwin Core text guide: data files are UTF-8; half of a surrogate pair cannot be written", false, t("Text that cannot be stored as UTF-8", "Текст, который нельзя сохранить в UTF-8")),
  // Errors: certainly wrong values, listed with their cells; GBIF flags or drops them.
  def(RULE.idScientific, "error", "cell", IDS, "excel", "Excel lost the identifier's digits (1.2E+15)", false, t("Identifier turned into a number in scientific notation (digits lost)", "Идентификатор превратился в число в экспоненциальной записи (цифры потеряны)")),
  def(RULE.decimalComma, "error", "cell", NUMBERS, "gbif", "GBIF cannot read the number: COORDINATE_INVALID, or the value is dropped", true, t("Decimal comma in a number", "Десятичная запятая в числе")),
  def(RULE.numberExpected, "error", "cell", ["decimalLatitude", "decimalLongitude", "coordinateUncertaintyInMeters", "coordinatePrecision", "individualCount", "year", "month", "day"], "gbif", "GBIF flags COORDINATE_INVALID, INDIVIDUAL_COUNT_INVALID or drops the value", false, t("Not a number in a numeric column", "Не число в числовом столбце")),
  def(RULE.dayFirstDate, "error", "cell", DATES, "methodology", "Methodology: dates in ISO 8601 (GBIF flags RECORDED_DATE_INVALID when it cannot tell the day from the month)", true, t("Day-first date (23.06.2012) instead of ISO 8601", "Дата в формате ДД.ММ.ГГГГ вместо ISO 8601")),
  def(RULE.dateFormat, "error", "cell", DATES, "gbif", "GBIF flags RECORDED_DATE_INVALID / MODIFIED_DATE_INVALID / IDENTIFIED_DATE_INVALID", false, t("Date not in ISO 8601, or impossible", "Дата не в формате ISO 8601 или невозможна")),
  def(RULE.dateFieldRange, "error", "cell", ["year", "month", "day", "startDayOfYear", "endDayOfYear"], "gbif", "GBIF flags RECORDED_DATE_INVALID", false, t("Year, month, day or day of year out of range", "Год, месяц, день или день года вне допустимых значений")),
  def(RULE.vocabulary, "error", "cell", ALL, "vocabulary", "GBIF vocabularies (rs.gbif.org): a closed vocabulary's value nothing can interpret is dropped; a warning for recommended (open) vocabularies", false, t("Value not in the column's vocabulary (error for closed vocabularies, warning for recommended ones)", "Значение не из словаря столбца (ошибка для закрытых словарей, предупреждение для рекомендуемых)")),
  def(RULE.uncertaintyZero, "error", "cell", ["coordinateUncertaintyInMeters"], "gbif", "GBIF flags COORDINATE_UNCERTAINTY_METERS_INVALID", false, t("coordinateUncertaintyInMeters is 0", "coordinateUncertaintyInMeters равно 0")),
  def(RULE.precisionRange, "error", "cell", ["coordinatePrecision"], "gbif", "GBIF flags COORDINATE_PRECISION_INVALID", false, t("coordinatePrecision outside (0, 1]", "coordinatePrecision вне интервала (0, 1]")),
  def(RULE.coordinateRange, "error", "cell", COORDS, "gbif", "GBIF flags COORDINATE_OUT_OF_RANGE and drops the coordinates", false, t("Latitude outside [-90, 90] or longitude outside [-180, 180]", "Широта вне [-90, 90] или долгота вне [-180, 180]")),
  def(RULE.linkDangling, "error", "dataset", CORE_IDS, "ipt", "The extension row links to no core record: GBIF cannot attach it to anything", false, t("Extension row links to an id that is not in the core", "Строка расширения ссылается на идентификатор, которого нет в ядре")),
  def(RULE.referenceDangling, "error", "dataset", ["parentEventID", "parentNameUsageID", "acceptedNameUsageID", "originalNameUsageID"], "gbif", "GBIF cannot resolve the reference (checklists: the name tree breaks)", false, t("Reference to an id that does not exist", "Ссылка на несуществующий идентификатор")),
  def(RULE.duplicateColumn, "error", "sheet", ALL, "methodology", "A term can be mapped once: the second column is not published", false, t("Duplicate column", "Повторяющийся столбец")),
  def(RULE.requiredColumn, "error", "sheet", ALL, "ipt", "GBIF extension definitions: required='true' properties (measurementType, vernacularName, …)", false, t("Column an extension requires is missing", "Нет столбца, обязательного для расширения")),
  // Warnings and notes: quality advice.
  def(RULE.whitespaceEdges, "warning", "cell", ALL, "methodology", "Methodology: no leading or trailing spaces", true, t("Leading or trailing spaces", "Пробелы в начале или в конце значения")),
  def(RULE.whitespaceNonPlain, "warning", "cell", ALL, "methodology", "Methodology: no non-breaking spaces, tabs or line breaks inside values", true, t("Whitespace other than a plain space (no-break space, tab, line break…)", "Пробельные символы, не являющиеся пробелом (неразрывный пробел, табуляция, перевод строки…)")),
  def(RULE.mixedScript, "warning", "cell", ALL, "excel", "Methodology: look-alike Latin and Cyrillic letters, or a wrong encoding (cp1251 read as Latin-1)", false, t("A word mixing Cyrillic and Latin letters (broken encoding or look-alike letters)", "Слово из смеси кириллических и латинских букв (сбой кодировки или похожие буквы)")),
  def(RULE.cellTooLong, "warning", "cell", ALL, "excel", "Excel keeps at most 32,767 characters in a cell", false, t("Text at Excel's 32,767-character limit, probably cut off", "Текст достиг предела Excel в 32 767 символов и, вероятно, обрезан")),
  def(RULE.formula, "warning", "cell", ALL, "excel", "The formula's current result is exported", false, t("Formula in a data cell (its current result is exported)", "Формула в ячейке данных (экспортируется её текущий результат)")),
  def(RULE.idAsNumber, "info", "cell", IDS, "excel", "Excel drops the leading zeros of numbers", false, t("Identifier stored as a number (leading zeros would be lost)", "Идентификатор хранится как число (ведущие нули теряются)")),
  def(RULE.excelSerialDate, "info", "cell", DATES, "excel", "Excel turns typed dates into numbers; the export writes them as ISO 8601", true, t("Date stored as an Excel serial number (exported as ISO 8601; a warning when the cell has no date format)", "Дата хранится как порядковое число Excel (экспортируется в ISO 8601; предупреждение, если у ячейки нет формата даты)")),
  def(RULE.dateIsoVariant, "warning", "cell", DATES, "gbif", "GBIF reads it, but ISO 8601 writes T between date and time and two-digit months and days", true, t("Date GBIF reads but not written as ISO 8601 (a space before the time, 2017-6-20)", "Дату GBIF прочтёт, но она записана не по ISO 8601 (пробел перед временем, 2017-6-20)")),
  def(RULE.vocabularyVariant, "warning", "cell", ALL, "vocabulary", "GBIF interprets case, spacing and its thesaurus' synonyms; the vocabulary's own value is safer", true, t("Variant of a vocabulary value (case, spaces, synonym)", "Вариант значения из словаря (регистр, пробелы, синоним)")),
  def(RULE.eventDateFieldsAgree, "warning", "record", ["eventDate", "year", "month", "day", "startDayOfYear", "endDayOfYear"], "gbif", "GBIF flags RECORDED_DATE_MISMATCH", false, t("year, month, day, startDayOfYear, endDayOfYear disagree with eventDate", "year, month, day, startDayOfYear, endDayOfYear не согласуются с eventDate")),
  def(RULE.multiValueSeparator, "warning", "cell", ["recordedBy", "identifiedBy", "georeferencedBy", "measurementDeterminedBy", "recordedByID", "identifiedByID"], "methodology", "Methodology: several values separated by ' | '", true, t("Several values not separated by ' | '", "Несколько значений разделены не через ' | '")),
  def(RULE.dynamicPropertiesJson, "warning", "cell", ["dynamicProperties"], "methodology", "Darwin Core recommends a JSON object in dynamicProperties", false, t("dynamicProperties is not a JSON object", "dynamicProperties не является объектом JSON")),
  def(RULE.coordinatesZero, "warning", "record", COORDS, "gbif", "GBIF flags ZERO_COORDINATE", false, t("Coordinates are 0, 0", "Координаты равны 0, 0")),
  def(RULE.coordinatesSwapped, "warning", "record", [...COORDS, "countryCode"], "gbif", "GBIF flags PRESUMED_SWAPPED_COORDINATE / PRESUMED_NEGATED_LATITUDE / PRESUMED_NEGATED_LONGITUDE", true, t("Latitude and longitude probably swapped or negated", "Широта и долгота, вероятно, перепутаны местами или с неверным знаком")),
  def(RULE.coordinatesCountry, "warning", "record", [...COORDS, "countryCode"], "gbif", "GBIF flags COUNTRY_COORDINATE_MISMATCH", false, t("Coordinates outside the stated country", "Координаты вне указанной страны")),
  def(RULE.coordinatesSea, "warning", "record", COORDS, "methodology", "Methodology: terrestrial records in the sea are gross georeferencing errors", false, t("Coordinates in the sea for a terrestrial record", "Координаты наземной находки в море")),
  def(RULE.recommendedColumn, "warning", "sheet", ALL, "gbif", "GBIF data quality requirements: strongly recommended terms (scientificName, eventDate, samplingProtocol, taxonRank, …)", false, t("Strongly recommended column missing", "Нет настоятельно рекомендуемого столбца")),
  def(RULE.recommendedValue, "warning", "record", ALL, "gbif", "GBIF data quality requirements: strongly recommended terms", false, t("Strongly recommended value empty", "Не заполнено настоятельно рекомендуемое поле")),
  def(RULE.requiredValue, "warning", "record", ALL, "ipt", "GBIF extension definitions: required='true' properties", false, t("Value an extension requires is empty", "Не заполнено поле, обязательное для расширения")),
  def(RULE.eventDateMissing, "warning", "record", ["eventDate", "parentEventID"], "gbif", "GBIF data quality requirements: an event needs a date, its own or its parent event's", false, t("Event without a date (neither its own, a parent event's nor its child events')", "Событие без даты (ни своей, ни родительского, ни дочерних событий)")),
  def(RULE.duplicateRow, "warning", "sheet", ALL, "methodology", "Methodology: duplicate records", false, t("Duplicate row", "Дублирующаяся строка")),
  def(RULE.headerUnknown, "warning", "sheet", ALL, "methodology", "Methodology: column names are Darwin Core terms", true, t("Header is not a Darwin Core term", "Заголовок не является термином Darwin Core")),
  def(RULE.termNotInRowType, "warning", "sheet", ALL, "ipt", "The IPT maps only the terms of the core or extension; the archive keeps the column under its term", false, t("Term that the sheet's core or extension does not define", "Термин, которого нет в ядре или расширении листа")),
  def(RULE.headerBlank, "warning", "sheet", ALL, "excel", "A column without a header cannot be published", false, t("Column without a header", "Столбец без заголовка")),
  def(RULE.sheetEmpty, "info", "sheet", ALL, "excel", "Nothing to publish", false, t("Empty sheet", "Пустой лист")),
  def(RULE.sheetHeaderOnly, "info", "sheet", ALL, "excel", "Nothing to publish", false, t("Sheet has a header row but no records", "На листе есть заголовки, но нет записей")),
  def(RULE.sheetUnrecognised, "info", "sheet", ALL, "excel", "Only Darwin Core cores and extensions are published", false, t("Sheet not recognised as a Darwin Core core or extension; not validated", "Лист не распознан как ядро или расширение Darwin Core; не проверяется")),
];

/** The metadata checks (src/metadata), reported as `metadata.<code>`: an error there is what the IPT refuses. */
const EML = "GBIF metadata profile (eml.xml) and the IPT's metadata validator";
export const metadataRules: readonly RuleDef[] = [
  def("metadata.required", "blocker", "dataset", ALL, "metadata", `${EML}: title, description (5+ characters), licence, a creator and a contact are required`, false, t("Required metadata missing", "Не заполнены обязательные метаданные")),
  def("metadata.agentName", "blocker", "dataset", ALL, "metadata", `${EML}: each creator and contact needs a last name, an organisation or a position`, false, t("Person or organisation without a name", "Человек или организация без имени")),
  def("metadata.invalidXmlChar", "blocker", "dataset", ALL, "metadata", "XML 1.0 cannot hold the character: eml.xml would be refused", true, t("Character XML cannot hold in the metadata", "Символ, недопустимый в XML, в метаданных")),
  def("metadata.boundingBox", "blocker", "dataset", ALL, "metadata", `${EML}: coordinates of the bounding box in range, west/south not beyond east/north`, false, t("Bounding box out of range", "Неверный ограничивающий прямоугольник")),
  def("metadata.date", "blocker", "dataset", ALL, "metadata", `${EML}: dates as YYYY or YYYY-MM-DD`, false, t("Coverage date not a date", "Дата охвата не является датой")),
  def("metadata.taxa", "blocker", "dataset", ALL, "metadata", `${EML}: a taxonomic coverage names its taxa`, false, t("Taxonomic coverage incomplete", "Таксономический охват неполон")),
  def("metadata.methods", "blocker", "dataset", ALL, "metadata", `${EML}: sampling methods need at least one step`, false, t("Methods without a step", "Методы без описания шагов")),
  def("metadata.url", "blocker", "dataset", ALL, "metadata", `${EML}: a URL must be one`, false, t("Not a URL", "Не URL")),
  def("metadata.language", "blocker", "dataset", ALL, "metadata", `${EML}: ISO 639-2 language codes`, false, t("Unknown language code", "Неизвестный код языка")),
  def("metadata.license", "blocker", "dataset", ALL, "metadata", "GBIF accepts CC0 1.0, CC BY 4.0 and CC BY-NC 4.0 only", false, t("Licence GBIF does not accept", "Лицензия, которую GBIF не принимает")),
  def("metadata.vocabulary", "blocker", "dataset", ALL, "metadata", `${EML}: a value of the field's list`, false, t("Metadata value not in its list", "Значение метаданных не из списка")),
  def("metadata.number", "blocker", "dataset", ALL, "metadata", `${EML}: a number`, false, t("Metadata value not a number", "Значение метаданных не число")),
  def("metadata.format", "blocker", "dataset", ALL, "metadata", "The Metadata sheet's layout (key, value)", false, t("Metadata sheet not in its format", "Лист Metadata не в своём формате")),
  def("metadata.json", "blocker", "dataset", ALL, "metadata", "The metadata JSON file's fields", false, t("Metadata JSON file not readable", "Файл метаданных JSON не читается")),
  def("metadata.duplicateKey", "warning", "dataset", ALL, "metadata", "The Metadata sheet's keys are unique", false, t("Metadata key repeated", "Ключ метаданных повторяется")),
  def("metadata.unknownKey", "warning", "dataset", ALL, "metadata", "The Metadata sheet's keys", false, t("Unknown metadata key", "Неизвестный ключ метаданных")),
  def("metadata.taxon", "warning", "dataset", ALL, "metadata", `${EML}: rank | name | records | common name`, false, t("Taxon line not understood", "Строка таксона не распознана")),
  def("metadata.email", "warning", "dataset", ALL, "metadata", `${EML}: an e-mail address`, false, t("Not an e-mail address", "Не адрес электронной почты")),
  def("metadata.orcid", "warning", "dataset", ALL, "metadata", "ORCID iDs have 16 digits with a checksum", false, t("Not an ORCID iD", "Не ORCID iD")),
  def("metadata.recommended", "warning", "dataset", ALL, "metadata", "GBIF data quality requirements: publishing organisation, metadata provider, citation", false, t("Recommended metadata missing", "Не заполнены рекомендуемые метаданные")),
  def("metadata.tooLong", "warning", "dataset", ALL, "metadata", "The IPT's form limits", false, t("Metadata text longer than the IPT keeps", "Текст метаданных длиннее, чем хранит IPT")),
];

/** What the file readers say about how a file was read (src/file), reported as `file.<code>`. */
export const fileRules: readonly RuleDef[] = [
  def("file.formula-without-result", "blocker", "cell", ALL, "excel", "A formula without a computed value would be exported empty: open and save the file in Excel so it computes", false, t("Formula without a computed value", "Формула без вычисленного значения")),
  def("archive.excelError", "blocker", "cell", ALL, "excel", "An Excel error value is not data", false, t("Excel error value in a data cell", "Значение ошибки Excel в ячейке данных")),
  def("file.merged-cells", "warning", "sheet", ALL, "excel", "Merged cells hold a value in their first cell only", false, t("Merged cells", "Объединённые ячейки")),
  def("file.nul-character", "warning", "cell", ALL, "excel", "A NUL character is invisible in Excel and breaks many readers", false, t("NUL character in a cell", "Символ NUL в ячейке")),
  def("file.encoding", "info", "sheet", ALL, "excel", "How the text file's encoding was read", false, t("Text file encoding", "Кодировка текстового файла")),
  def("file.hidden-rows", "info", "sheet", ALL, "excel", "Hidden and filtered rows are data too", false, t("Hidden rows", "Скрытые строки")),
  def("file.hidden-sheet", "warning", "sheet", ALL, "excel", "Hidden sheets are not validated or exported", false, t("Hidden sheet with Darwin Core data", "Скрытый лист с данными Darwin Core")),
];

const catalogued = [...engineRules, ...metadataRules, ...fileRules];

const extraRules: RuleDef[] = [];

/**
 * Adds rules defined outside the engine (the BDQ tests). Ids already registered are ignored.
 */
export function registerRules(defs: readonly RuleDef[]): void {
  for (const d of defs) if (!getRule(d.id)) extraRules.push(d);
}

/** Every rule of the catalog: the engine's own, the metadata and file checks, then the BDQ tests. */
export function allRules(): readonly RuleDef[] {
  return [...catalogued, ...extraRules];
}

const byId = new Map(catalogued.map((r) => [r.id, r]));

/** A rule by id (`whitespace-edges`, `VALIDATION_COUNTRYCODE_STANDARD`). */
export function getRule(id: string): RuleDef | undefined {
  return byId.get(id) ?? extraRules.find((r) => r.id === id);
}
