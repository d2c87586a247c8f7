/**
 * Value sniffing: what the sample values of a column look like (dates, coordinates, numbers, Latin names, country
 * names or codes, sex and life-stage words), to confirm or override what the header says.
 */
import type { Text2 } from "../dwc/types";
import { convertCoordinate, convertCoordinatePair, convertDate, coordinateText, looksLikePair } from "./convert";
import type { RawCell, ValueKind } from "./types";
import { countryCodeOf, vocabularyWord } from "./words";

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?\d+[.,]\d+$/;
const RANGE = /^\d+(?:[.,]\d+)?\s*[-–]\s*\d+(?:[.,]\d+)?$/;
const LATIN_NAME = /^[A-Z][a-zë-]+(?: \([A-Z][a-z]+\))? (?:[a-zë-]{2,}|sp\.|spp\.)(?:\s|$)/;
const LATIN_WORD = /^[A-Z][a-z]+$/;
const EPITHET = /^[a-z][a-zë-]{2,}$/;
const CYRILLIC = /[\u0400-\u04ff]/;
const HEMISPHERE_LAT = /\b[NS]\b|с\.?\s*ш|ю\.?\s*ш/i;
const HEMISPHERE_LON = /\b[EW]\b|в\.?\s*д|з\.?\s*д/i;

/** Text of a cell as read: numbers in plain notation, null and blanks as "". */
export function cellText(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  return cell;
}

function coordinateKinds(v: string, kinds: ValueKind[]): void {
  const plainNumber = INTEGER.test(v) || DECIMAL.test(v);
  if (plainNumber) return;
  const text = coordinateText(v);
  if (looksLikePair(v) || (/[°º'′’"″”]/.test(text) && /[NS]/i.test(text) && /[EW]/i.test(text))) {
    if (convertCoordinatePair(v)) kinds.push("coordinatePair");
    return;
  }
  const lat = convertCoordinate(v, "lat").status !== "kept";
  const lon = convertCoordinate(v, "lon").status !== "kept";
  if (lat && HEMISPHERE_LAT.test(text)) kinds.push("latitude");
  else if (lon && HEMISPHERE_LON.test(text)) kinds.push("longitude");
  else if (lat || lon) kinds.push("coordinate");
}

/** The kinds one value could be (several when it is, say, both an integer and a year). Empty text is "empty". */
export function kindsOf(value: string): ValueKind[] {
  const v = value.trim();
  if (v === "") return ["empty"];
  const kinds: ValueKind[] = [];
  if (INTEGER.test(v)) kinds.push("integer");
  if (DECIMAL.test(v)) kinds.push("number");
  if (RANGE.test(v)) kinds.push("numberRange");
  if (!INTEGER.test(v) && !DECIMAL.test(v) && /\d/.test(v) && convertDate(v, "day-first").status !== "kept")
    kinds.push("date");
  if (/\d/.test(v) && !kinds.includes("date")) coordinateKinds(v, kinds);
  if (LATIN_NAME.test(v)) kinds.push("latinName");
  if (LATIN_WORD.test(v)) kinds.push("latinWord");
  if (EPITHET.test(v)) kinds.push("epithet");
  if (/^[A-Z]{2,3}$/.test(v) && countryCodeOf(v)) kinds.push("countryCode");
  else if (v.length > 3 && countryCodeOf(v)) kinds.push("countryName");
  if (!/\d/.test(v) || /[♂♀]/.test(v)) {
    if (vocabularyWord(v, "sex")) kinds.push("sex");
    if (vocabularyWord(v, "lifeStage")) kinds.push("lifeStage");
    if (vocabularyWord(v, "basisOfRecord")) kinds.push("basisOfRecord");
  }
  if (CYRILLIC.test(v)) kinds.push("cyrillicText");
  if (kinds.length === 0) kinds.push("text");
  return kinds;
}

/** What a column's sample values look like. */
export interface ValueProfile {
  /** Filled cells sampled. */
  filled: number;
  /** Kinds of each filled value. */
  perValue: ValueKind[][];
  /** The kind most values share (the more specific one on a tie), or "empty". */
  dominant: ValueKind;
  /** Whether the filled values are all different. */
  unique: boolean;
}

/** Most specific first: on equal shares the earlier kind is the column's. */
const SPECIFICITY: readonly ValueKind[] = [
  "coordinatePair",
  "latitude",
  "longitude",
  "coordinate",
  "date",
  "sex",
  "lifeStage",
  "basisOfRecord",
  "countryCode",
  "countryName",
  "latinName",
  "numberRange",
  "number",
  "integer",
  "epithet",
  "latinWord",
  "cyrillicText",
  "text",
];

/** Profiles the sample values of a column. */
export function profileValues(values: readonly string[]): ValueProfile {
  const filled = values.map((v) => v.trim()).filter((v) => v !== "");
  const perValue = filled.map(kindsOf);
  let dominant: ValueKind = "empty";
  let best = 0;
  for (const kind of SPECIFICITY) {
    const n = perValue.filter((k) => k.includes(kind)).length;
    if (n > best) {
      best = n;
      dominant = kind;
    }
  }
  return { filled: filled.length, perValue, dominant, unique: new Set(filled).size === filled.length };
}

/** Share (0..1) of the filled values that are one of `kinds`; 0 for an empty column. */
export function shareOf(profile: ValueProfile, kinds: readonly ValueKind[]): number {
  if (profile.filled === 0) return 0;
  return profile.perValue.filter((k) => k.some((x) => kinds.includes(x))).length / profile.filled;
}

/** How a kind reads in a reason. */
export const KIND_TEXT: Readonly<Record<ValueKind, Text2>> = {
  empty: { en: "empty", ru: "пустые" },
  date: { en: "dates", ru: "даты" },
  latitude: { en: "latitudes (N/S)", ru: "широты (С/Ю)" },
  longitude: { en: "longitudes (E/W)", ru: "долготы (В/З)" },
  coordinate: { en: "coordinates in degrees", ru: "координаты в градусах" },
  coordinatePair: { en: "latitude-longitude pairs", ru: "пары широта-долгота" },
  integer: { en: "whole numbers", ru: "целые числа" },
  number: { en: "decimal numbers", ru: "дробные числа" },
  numberRange: { en: "ranges of numbers", ru: "диапазоны чисел" },
  latinName: { en: "Latin names", ru: "латинские названия" },
  latinWord: { en: "capitalised Latin words", ru: "латинские слова с заглавной буквы" },
  epithet: { en: "lower-case Latin words", ru: "латинские слова со строчной буквы" },
  cyrillicText: { en: "text in Cyrillic", ru: "текст кириллицей" },
  countryCode: { en: "country codes", ru: "коды стран" },
  countryName: { en: "country names", ru: "названия стран" },
  sex: { en: "sex words", ru: "обозначения пола" },
  lifeStage: { en: "life-stage words", ru: "обозначения стадии" },
  basisOfRecord: { en: "basisOfRecord words", ru: "значения basisOfRecord" },
  text: { en: "text", ru: "текст" },
};
