/**
 * Term help's own Russian words: the vocabularies' titles (the model has them in English only, from GBIF's
 * vocabulary files) and the note on text the model has only in English.
 */
import type { Lang } from "../../dwc/types";

/** Russian titles of the model's vocabularies, by vocabulary id. */
const VOCABULARY_TITLES_RU: Readonly<Record<string, string>> = {
  basisOfRecord: "Основание записи (Darwin Core)",
  type: "Типы ресурсов (Dublin Core)",
  occurrenceStatus: "Статус находки (GBIF)",
  sex: "Пол (GBIF)",
  lifeStage: "Стадия развития (GBIF)",
  establishmentMeans: "Способ появления (Darwin Core)",
  degreeOfEstablishment: "Степень натурализации (Darwin Core)",
  pathway: "Путь заноса (Darwin Core)",
  taxonRank: "Таксономические ранги (GBIF)",
  taxonomicStatus: "Таксономический статус (GBIF)",
  nomenclaturalStatus: "Номенклатурный статус (GBIF)",
  nomenclaturalCode: "Кодексы номенклатуры",
  typeStatus: "Типовой статус",
  organismQuantityType: "Единицы численности",
  sampleSizeUnit: "Единицы измерения",
  countryCode: "Коды стран (ISO 3166-1)",
  language: "Коды языков (ISO 639-1)",
  license: "Лицензии, которые принимает GBIF",
  updateFrequency: "Частота обновления (EML)",
  agentRole: "Роли участников (EML)",
  datasetType: "Типы наборов данных (GBIF)",
  distributionStatus: "Статус распространения (GBIF)",
  threatStatus: "Категории угрозы (МСОП)",
};

/** A vocabulary's title in `lang`: Russian when there is one, else the model's (English). */
export function vocabularyTitle(id: string, title: string, lang: Lang): string {
  return (lang === "ru" && VOCABULARY_TITLES_RU[id]) || title;
}

const en = { inEnglish: "" };
export type TermHelpStrings = typeof en;
const ru: TermHelpStrings = { inEnglish: "(на английском, как в стандарте)" };

/** The note after text shown in English in a Russian pane ("" in English). */
export const termHelpStrings = (lang: Lang): TermHelpStrings => (lang === "ru" ? ru : en);
