/**
 * The metadata fields: their keys (column A of the Metadata sheet, and the `field` of every MetadataProblem),
 * labels and help in English and Russian. One table, so the sheet, the checks and the task pane name fields alike.
 */
import type { Lang, Text2 } from "../dwc/types";
import type { Agent } from "./types";

/** How a scalar field's cell is read and written. */
export type FieldKind =
  | "text"
  | "longText"
  | "list"
  | "number"
  | "license"
  | "language"
  | "updateFrequency"
  | "datasetType"
  | "date"
  | "source";

/** A field that has one value. */
export interface ScalarFieldSpec {
  key: string;
  kind: FieldKind;
  /** GBIF requires it (the export is blocked without it). */
  required?: boolean;
  label: Text2;
  help: Text2;
}

/** A group of fields, shown as one block in the sheet and the form. */
export interface FieldSection {
  id: string;
  title: Text2;
}

export const SECTIONS = {
  basic: { id: "basic", title: { en: "Basic metadata", ru: "Основные сведения" } },
  people: { id: "people", title: { en: "People and organisations", ru: "Люди и организации" } },
  coverage: { id: "coverage", title: { en: "Coverage", ru: "Охват" } },
  methods: { id: "methods", title: { en: "Methods", ru: "Методы" } },
  project: { id: "project", title: { en: "Project", ru: "Проект" } },
  citation: { id: "citation", title: { en: "Citation and maintenance", ru: "Цитирование и обновление" } },
} as const;

const f = (
  key: string,
  kind: FieldKind,
  en: string,
  ru: string,
  helpEn: string,
  helpRu: string,
  required = false
): ScalarFieldSpec => ({
  key,
  kind,
  required,
  label: { en, ru },
  help: { en: helpEn, ru: helpRu },
});

/** Scalar fields by section, in sheet order. */
export const SCALAR_FIELDS: Readonly<Record<keyof typeof SECTIONS, readonly ScalarFieldSpec[]>> = {
  basic: [
    f(
      "title",
      "text",
      "Title",
      "Название",
      "Short, informative title of the dataset.",
      "Краткое информативное название набора данных.",
      true
    ),
    f(
      "description",
      "longText",
      "Description",
      "Описание",
      "Abstract: what, where, when, how; at least 5 characters. A blank line starts a new paragraph.",
      "Аннотация: что, где, когда, как; не менее 5 символов. Пустая строка начинает новый абзац.",
      true
    ),
    f(
      "license",
      "license",
      "Licence",
      "Лицензия",
      "CC0-1.0, CC-BY-4.0 or CC-BY-NC-4.0 (the only licences GBIF accepts).",
      "CC0-1.0, CC-BY-4.0 или CC-BY-NC-4.0 (GBIF принимает только эти лицензии).",
      true
    ),
    f(
      "metadataLanguage",
      "language",
      "Metadata language",
      "Язык метаданных",
      "The language the metadata are written in: English unless you choose another (in the sheet: eng, rus…).",
      "Язык, на котором написаны метаданные: английский, если не выбран другой (на листе: eng, rus…).",
      true
    ),
    f(
      "dataLanguage",
      "language",
      "Data language",
      "Язык данных",
      "The language of the values in your sheets, e.g. Russian (in the sheet: rus).",
      "Язык значений в ваших листах, например русский (на листе: rus).",
      true
    ),
    f(
      "datasetType",
      "datasetType",
      "Dataset type",
      "Тип набора данных",
      "occurrence, checklist or samplingevent; set from the sheets.",
      "occurrence, checklist или samplingevent; определяется по листам.",
      true
    ),
    f("keywords", "list", "Keywords", "Ключевые слова", "Separate with | or ;", "Разделяйте символом | или ;"),
    f("purpose", "longText", "Purpose", "Цель", "Why the dataset was made.", "Зачем создан набор данных."),
    f(
      "homepage",
      "text",
      "Home page",
      "Веб-страница",
      "URL with more information about the dataset.",
      "URL страницы с информацией о наборе данных."
    ),
  ],
  people: [
    f(
      "publishingOrganization",
      "text",
      "Publishing organisation",
      "Организация-публикатор",
      "The organisation that publishes the dataset through GBIF.",
      "Организация, публикующая набор данных в GBIF."
    ),
  ],
  coverage: [
    f(
      "coverage.geographicDescription",
      "longText",
      "Geographic description",
      "Описание территории",
      "Where the data come from, in words.",
      "Словесное описание территории."
    ),
    f(
      "coverage.west",
      "number",
      "West bound",
      "Западная граница",
      "Decimal degrees, -180..180.",
      "Десятичные градусы, -180..180."
    ),
    f(
      "coverage.east",
      "number",
      "East bound",
      "Восточная граница",
      "Decimal degrees, -180..180.",
      "Десятичные градусы, -180..180."
    ),
    f(
      "coverage.north",
      "number",
      "North bound",
      "Северная граница",
      "Decimal degrees, -90..90.",
      "Десятичные градусы, -90..90."
    ),
    f(
      "coverage.south",
      "number",
      "South bound",
      "Южная граница",
      "Decimal degrees, -90..90.",
      "Десятичные градусы, -90..90."
    ),
    f(
      "coverage.geographicSource",
      "source",
      "Geographic coverage from",
      "Источник охвата территории",
      "From the data (recalculated on refresh; “data” in the sheet) or as typed (kept; “user”).",
      "По данным (пересчитывается при обновлении; на листе «data») или как введено (сохраняется; «user»)."
    ),
    f("coverage.beginDate", "date", "Start date", "Начальная дата", "YYYY or YYYY-MM-DD.", "ГГГГ или ГГГГ-ММ-ДД."),
    f(
      "coverage.endDate",
      "date",
      "End date",
      "Конечная дата",
      "YYYY or YYYY-MM-DD; empty for a single date.",
      "ГГГГ или ГГГГ-ММ-ДД; пусто для одной даты."
    ),
    f(
      "coverage.temporalSource",
      "source",
      "Temporal coverage from",
      "Источник временного охвата",
      "From the data (recalculated on refresh; “data” in the sheet) or as typed (kept; “user”).",
      "По данным (пересчитывается при обновлении; на листе «data») или как введено (сохраняется; «user»)."
    ),
    f(
      "coverage.taxonomicDescription",
      "longText",
      "Taxonomic description",
      "Описание таксономического охвата",
      "General taxonomic coverage in words.",
      "Общее описание таксономического охвата."
    ),
    f(
      "coverage.taxonomicSource",
      "source",
      "Taxonomic coverage from",
      "Источник таксономического охвата",
      "From the data (recalculated on refresh; “data” in the sheet) or as typed (kept; “user”).",
      "По данным (пересчитывается при обновлении; на листе «data») или как введено (сохраняется; «user»)."
    ),
  ],
  methods: [
    f(
      "methods.studyExtent",
      "longText",
      "Study extent",
      "Границы исследования",
      "Area and time span of the study.",
      "Территория и период исследования."
    ),
    f(
      "methods.samplingDescription",
      "longText",
      "Sampling description",
      "Описание сбора материала",
      "How the data were collected.",
      "Как собирались данные."
    ),
    f(
      "methods.qualityControl",
      "longText",
      "Quality control",
      "Контроль качества",
      "How data quality was checked.",
      "Как проверялось качество данных."
    ),
  ],
  project: [
    f(
      "project.title",
      "text",
      "Project title",
      "Название проекта",
      "Title of the project the data come from.",
      "Название проекта, в рамках которого собраны данные."
    ),
    f(
      "project.identifier",
      "text",
      "Project identifier",
      "Идентификатор проекта",
      "E.g. the GBIF project ID.",
      "Например, идентификатор проекта GBIF."
    ),
    f("project.description", "longText", "Project description", "Описание проекта", "", ""),
    f(
      "project.funding",
      "longText",
      "Funding",
      "Финансирование",
      "Grants and funders.",
      "Гранты и источники финансирования."
    ),
    f("project.studyAreaDescription", "longText", "Study area", "Район исследования", "", ""),
    f("project.designDescription", "longText", "Design description", "Схема исследования", "", ""),
  ],
  citation: [
    f(
      "citation",
      "longText",
      "Citation",
      "Цитирование",
      "How to cite the dataset (strongly recommended).",
      "Как цитировать набор данных (настоятельно рекомендуется)."
    ),
    f(
      "citationIdentifier",
      "text",
      "Citation identifier",
      "Идентификатор для цитирования",
      "E.g. a DOI.",
      "Например, DOI."
    ),
    f(
      "packageId",
      "text",
      "Dataset identifier (packageId)",
      "Идентификатор набора данных (packageId)",
      "The eml.xml packageId. The first export fills it in; keep it, so that every export is a new version of the same dataset.",
      "packageId в eml.xml. Заполняется при первом экспорте; не меняйте его, чтобы каждый экспорт был новой версией того же набора данных."
    ),
    f(
      "updateFrequency",
      "updateFrequency",
      "Update frequency",
      "Частота обновления",
      "daily, weekly, monthly, biannually, annually, asNeeded, continually, irregular, notPlanned, unknown, otherMaintenancePeriod.",
      "daily, weekly, monthly, biannually, annually, asNeeded, continually, irregular, notPlanned, unknown, otherMaintenancePeriod."
    ),
    f(
      "updateDescription",
      "longText",
      "Maintenance description",
      "Описание обновления",
      "How and when the data are updated.",
      "Как и когда обновляются данные."
    ),
  ],
};

/** Repeating agent lists: the key prefix in the sheet and the label of one entry. */
export const AGENT_LISTS = [
  { prefix: "creator", prop: "creators", label: { en: "Creator", ru: "Автор (creator)" }, required: true },
  { prefix: "contact", prop: "contacts", label: { en: "Contact", ru: "Контактное лицо" }, required: true },
  {
    prefix: "metadataProvider",
    prop: "metadataProviders",
    label: { en: "Metadata provider", ru: "Автор метаданных" },
    required: false,
  },
] as const;

/** Agent fields in sheet order; `role` only for project personnel. */
export const AGENT_FIELDS: readonly { prop: keyof Agent; label: Text2 }[] = [
  { prop: "givenName", label: { en: "given name", ru: "имя" } },
  { prop: "surName", label: { en: "last name", ru: "фамилия" } },
  { prop: "organization", label: { en: "organisation", ru: "организация" } },
  { prop: "position", label: { en: "position", ru: "должность" } },
  { prop: "email", label: { en: "email", ru: "эл. почта" } },
  { prop: "orcid", label: { en: "ORCID", ru: "ORCID" } },
  { prop: "role", label: { en: "role", ru: "роль" } },
];

const ALL_SCALARS = Object.values(SCALAR_FIELDS).flat();

/**
 * A readable name of a field key, for messages: `creator.2.email` -> "Creator 2: email".
 * @example fieldLabel("creator.2.email", "ru") // "Автор (creator) 2: эл. почта"
 */
export function fieldLabel(key: string, lang: Lang): string {
  const scalar = ALL_SCALARS.find((s) => s.key === key);
  if (scalar) return scalar.label[lang];
  const agent = /^(creator|contact|metadataProvider|project\.personnel)\.(\d+)(?:\.(\w+))?$/.exec(key);
  if (agent) {
    const list = AGENT_LISTS.find((l) => l.prefix === agent[1]);
    const head = list ? list.label[lang] : lang === "ru" ? "Участник проекта" : "Project person";
    const prop = AGENT_FIELDS.find((a) => a.prop === agent[3]);
    return prop ? `${head} ${agent[2]}: ${prop.label[lang]}` : `${head} ${agent[2]}`;
  }
  const step = /^methods\.step\.(\d+)$/.exec(key);
  if (step) return lang === "ru" ? `Этап методики ${step[1]}` : `Method step ${step[1]}`;
  const kept = /^eml\.keep\.(\d+)/.exec(key);
  if (kept) return lang === "ru" ? `Элемент eml.xml ${kept[1]}` : `eml.xml element ${kept[1]}`;
  const taxon = /^coverage\.taxon\.(\d+)$/.exec(key);
  if (taxon) return lang === "ru" ? `Таксон ${taxon[1]}` : `Taxon ${taxon[1]}`;
  if (key === "creator") return lang === "ru" ? "Авторы" : "Creators";
  if (key === "contact") return lang === "ru" ? "Контактные лица" : "Contacts";
  if (key === "project.personnel") return lang === "ru" ? "Участники проекта" : "Project personnel";
  return key;
}

/** The spec of a scalar field key, if it is one. */
export function scalarField(key: string): ScalarFieldSpec | undefined {
  return ALL_SCALARS.find((s) => s.key === key);
}
