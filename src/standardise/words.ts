/**
 * Words for vocabulary terms and countries as data holders write them (`самец`, `♂`, `juv.`, `ad.`, `РФ`), on top of
 * the vocabularies' own values, labels and synonyms (src/dwc: GBIF thesauri with our Russian labels) and the ISO
 * country names in several languages (src/validate/bdq/countries).
 */
import { getVocabulary } from "../dwc";
import { interpretCountryCode } from "../validate/bdq/countries";
import { vocabularyKey, vocabularyMatcher } from "../validate/vocabulary";
import { kept, type Converted } from "./convert";

/** Extra words by vocabulary, keyed by `vocabularyKey` (lower case, no spaces, dots, hyphens, underscores). */
const EXTRA_WORDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  sex: {
    самец: "male",
    самцы: "male",
    сам: "male",
    м: "male",
    m: "male",
    муж: "male",
    мужской: "male",
    males: "male",
    "♂♂": "male",
    самка: "female",
    самки: "female",
    ж: "female",
    f: "female",
    жен: "female",
    женский: "female",
    females: "female",
    "♀♀": "female",
    гермафродит: "hermaphrodite",
    неопр: "undetermined",
    неопределен: "undetermined",
  },
  lifeStage: {
    juv: "juvenile",
    juvs: "juvenile",
    juvenile: "juvenile",
    молодой: "juvenile",
    молодая: "juvenile",
    молодые: "juvenile",
    юв: "juvenile",
    сеголеток: "juvenile",
    сеголетки: "juvenile",
    ad: "adult",
    adult: "adult",
    adults: "adult",
    взрослый: "adult",
    взрослая: "adult",
    взрослые: "adult",
    взр: "adult",
    subad: "subadult",
    sad: "subadult",
    полувзрослый: "subadult",
    личинка: "larva",
    личинки: "larva",
    larvae: "larva",
    куколка: "pupa",
    куколки: "pupa",
    яйцо: "egg",
    яйца: "egg",
    птенец: "chick",
    птенцы: "chick",
    слеток: "fledgling",
    слёток: "fledgling",
    головастик: "tadpole",
    головастики: "tadpole",
    нимфа: "nymph",
    гусеница: "caterpillar",
    имаго: "imago",
    цветение: "flowering",
    цв: "flowering",
    цветет: "flowering",
    цветёт: "flowering",
    плодоношение: "fruiting",
    пл: "fruiting",
    плодоносит: "fruiting",
    вегетация: "vegetative",
    вег: "vegetative",
    проросток: "seedling",
    всходы: "seedling",
  },
  basisOfRecord: {
    наблюдение: "HumanObservation",
    набл: "HumanObservation",
    observation: "HumanObservation",
    образец: "PreservedSpecimen",
    экземпляр: "PreservedSpecimen",
    specimen: "PreservedSpecimen",
    гербарий: "PreservedSpecimen",
    гербарныйобразец: "PreservedSpecimen",
    коллекционныйобразец: "PreservedSpecimen",
    живойобразец: "LivingSpecimen",
    литература: "MaterialCitation",
    литературныеданные: "MaterialCitation",
  },
  occurrenceStatus: {
    есть: "present",
    присутствует: "present",
    отмечен: "present",
    нет: "absent",
    отсутствует: "absent",
    неотмечен: "absent",
  },
};

/** Country names the ISO data does not hold, or holds for two countries, by `vocabularyKey`. */
const EXTRA_COUNTRIES: Readonly<Record<string, string>> = {
  рф: "RU",
  россия: "RU",
  российскаяфедерация: "RU",
  китай: "CN",
  кнр: "CN",
  белоруссия: "BY",
  республикабеларусь: "BY",
  сша: "US",
  великобритания: "GB",
  киргизия: "KG",
  молдавия: "MD",
  туркмения: "TM",
  казахстан: "KZ",
  монголия: "MN",
  usa: "US",
  uk: "GB",
  greatbritain: "GB",
};

/** Vocabularies whose words {@link vocabularyValue} turns into values. */
export const WORD_VOCABULARIES: readonly string[] = ["sex", "lifeStage", "basisOfRecord", "occurrenceStatus"];

/** The vocabulary value a word stands for (`самец` → male, `juv.` → juvenile), or undefined. */
export function vocabularyWord(text: string, vocabularyId: string): string | undefined {
  const key = vocabularyKey(text.trim()).replace(/\.$/, "");
  if (!key) return undefined;
  const extra = EXTRA_WORDS[vocabularyId]?.[key];
  if (extra) return extra;
  const vocabulary = getVocabulary(vocabularyId);
  return vocabulary ? vocabularyMatcher(vocabulary).canonical(text.trim()) : undefined;
}

/**
 * A vocabulary term's value: the word as the vocabulary writes it, or kept as written when it is none (or several:
 * `2♂ 1♀`).
 */
export function convertVocabulary(text: string, vocabularyId: string): Converted {
  const value = vocabularyWord(text, vocabularyId);
  if (!value) {
    return kept(text, {
      en: `not a ${vocabularyId} value that can be read unambiguously`,
      ru: `не удаётся однозначно сопоставить со словарём ${vocabularyId}`,
    });
  }
  return { value, status: value === text ? "unchanged" : "converted" };
}

/** The ISO 3166-1 alpha-2 code of a country name or code in Russian, English and other languages, or undefined. */
export function countryCodeOf(text: string): string | undefined {
  const v = text.trim();
  if (v === "") return undefined;
  return EXTRA_COUNTRIES[vocabularyKey(v).replace(/ё/g, "е")] ?? interpretCountryCode(v);
}

/** A countryCode cell: the code in upper case, or the code of a country name; kept as written otherwise. */
export function convertCountryCode(text: string): Converted {
  const code = countryCodeOf(text);
  if (!code) return kept(text, { en: "not a country name or code", ru: "не название и не код страны" });
  return { value: code, status: code === text ? "unchanged" : "converted" };
}
