/**
 * Small controlled lists of the metadata form: update frequency (EML), dataset type (GBIF) and metadata/data
 * language (ISO 639-2, as the IPT writes it). Labels of the update frequencies are those of GBIF's
 * `eml/update_frequency_2_2.xml` (en, ru).
 */
import type { DatasetClass, Text2 } from "../dwc/types";
import type { DatasetType, UpdateFrequency } from "./types";

/** Update frequencies in the IPT's order, with their labels. */
export const UPDATE_FREQUENCIES: readonly { value: UpdateFrequency; label: Text2 }[] = [
  { value: "daily", label: { en: "Daily", ru: "Ежедневно" } },
  { value: "weekly", label: { en: "Weekly", ru: "Еженедельно" } },
  { value: "monthly", label: { en: "Monthly", ru: "Ежемесячно" } },
  { value: "biannually", label: { en: "Biannually", ru: "Дважды в год" } },
  { value: "annually", label: { en: "Annually", ru: "Ежегодно" } },
  { value: "asNeeded", label: { en: "As needed", ru: "По мере необходимости" } },
  { value: "continually", label: { en: "Continually", ru: "Постоянно" } },
  { value: "irregular", label: { en: "Irregular", ru: "Нерегулярно" } },
  { value: "notPlanned", label: { en: "Not planned", ru: "Не планируется" } },
  { value: "unknown", label: { en: "Unknown", ru: "Неизвестно" } },
  { value: "otherMaintenancePeriod", label: { en: "Other maintenance period", ru: "Другой период обслуживания" } },
];

/**
 * Read an update frequency case-insensitively; the legacy misspelling `unkown` reads as `unknown`.
 * @example parseUpdateFrequency("AsNeeded") // "asNeeded"
 */
export function parseUpdateFrequency(text: string): UpdateFrequency | undefined {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, "");
  if (t === "unkown") return "unknown";
  return UPDATE_FREQUENCIES.find((f) => f.value.toLowerCase() === t)?.value;
}

export const DATASET_TYPES: readonly { value: DatasetType; label: Text2 }[] = [
  { value: "occurrence", label: { en: "Occurrence", ru: "Находки (occurrence)" } },
  { value: "checklist", label: { en: "Checklist", ru: "Список таксонов (checklist)" } },
  { value: "samplingevent", label: { en: "Sampling event", ru: "Учётные события (sampling event)" } },
];

/** Read a dataset type; accepts `event`, `sampling event`, `sampling-event` for `samplingevent`. */
export function parseDatasetType(text: string): DatasetType | undefined {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, "");
  if (t === "event") return "samplingevent";
  return DATASET_TYPES.find((d) => d.value === t)?.value;
}

/** The GBIF dataset type of a workbook's dataset class (the class of its core sheet). */
export function datasetTypeFor(datasetClass: DatasetClass): DatasetType {
  return datasetClass === "event" ? "samplingevent" : datasetClass;
}

/**
 * ISO 639-1 -> ISO 639-2 codes of languages our users write metadata or data in. The IPT's language lists are
 * ISO 639-2 (`eng`, `rus`); every pair here is checked in the tests against GBIF's `iso/639-2.xml`, where the
 * 639-1 code is the concept's alternative label.
 */
export const LANGUAGES: readonly { code: string; iso1: string; label: Text2 }[] = [
  { code: "eng", iso1: "en", label: { en: "English", ru: "английский" } },
  { code: "rus", iso1: "ru", label: { en: "Russian", ru: "русский" } },
  { code: "ukr", iso1: "uk", label: { en: "Ukrainian", ru: "украинский" } },
  { code: "bel", iso1: "be", label: { en: "Belarusian", ru: "белорусский" } },
  { code: "kaz", iso1: "kk", label: { en: "Kazakh", ru: "казахский" } },
  { code: "kir", iso1: "ky", label: { en: "Kyrgyz", ru: "киргизский" } },
  { code: "uzb", iso1: "uz", label: { en: "Uzbek", ru: "узбекский" } },
  { code: "tgk", iso1: "tg", label: { en: "Tajik", ru: "таджикский" } },
  { code: "tuk", iso1: "tk", label: { en: "Turkmen", ru: "туркменский" } },
  { code: "aze", iso1: "az", label: { en: "Azerbaijani", ru: "азербайджанский" } },
  { code: "arm", iso1: "hy", label: { en: "Armenian", ru: "армянский" } },
  { code: "geo", iso1: "ka", label: { en: "Georgian", ru: "грузинский" } },
  { code: "mon", iso1: "mn", label: { en: "Mongolian", ru: "монгольский" } },
  { code: "fin", iso1: "fi", label: { en: "Finnish", ru: "финский" } },
  { code: "est", iso1: "et", label: { en: "Estonian", ru: "эстонский" } },
  { code: "lav", iso1: "lv", label: { en: "Latvian", ru: "латышский" } },
  { code: "lit", iso1: "lt", label: { en: "Lithuanian", ru: "литовский" } },
  { code: "pol", iso1: "pl", label: { en: "Polish", ru: "польский" } },
  { code: "ger", iso1: "de", label: { en: "German", ru: "немецкий" } },
  { code: "fre", iso1: "fr", label: { en: "French", ru: "французский" } },
  { code: "spa", iso1: "es", label: { en: "Spanish", ru: "испанский" } },
  { code: "por", iso1: "pt", label: { en: "Portuguese", ru: "португальский" } },
  { code: "ita", iso1: "it", label: { en: "Italian", ru: "итальянский" } },
  { code: "chi", iso1: "zh", label: { en: "Chinese", ru: "китайский" } },
  { code: "jpn", iso1: "ja", label: { en: "Japanese", ru: "японский" } },
  { code: "lat", iso1: "la", label: { en: "Latin", ru: "латинский" } },
];

/**
 * Normalise a language code: ISO 639-2 codes pass through (lower-cased), ISO 639-1 codes from `LANGUAGES` become
 * their 639-2 code, an empty value is `""`. Returns undefined for anything else (a name such as "Russian", or an
 * unknown two-letter code).
 * @example normalizeLanguage("RU") // "rus"
 */
export function normalizeLanguage(text: string): string | undefined {
  const t = text.trim().toLowerCase();
  if (t === "") return "";
  if (/^[a-z]{3}$/.test(t)) return t;
  return LANGUAGES.find((l) => l.iso1 === t)?.code;
}
