/**
 * ISO 3166-1 alpha-2 country codes for the countryCode tests. Darwin Core also uses the user-assigned codes
 * `XZ` (high seas) and `ZZ` (unknown); the BDQ tests treat both as valid (VALIDATION_COUNTRYCODE_STANDARD notes).
 */
import { ISO_COUNTRIES } from "./data/countries";
import { normalizeKey } from "./vocabulary";

const alpha2 = new Set<string>(["XZ", "ZZ"]);
const alpha3ToAlpha2 = new Map<string, string>();
const nameToAlpha2 = new Map<string, string>();
const ambiguousNames = new Set<string>();
for (const [a2, a3, ...names] of ISO_COUNTRIES) {
  alpha2.add(a2);
  if (a3) alpha3ToAlpha2.set(a3, a2);
  for (const n of names) {
    const key = normalizeKey(n);
    const known = nameToAlpha2.get(key);
    if (known !== undefined && known !== a2) ambiguousNames.add(key);
    nameToAlpha2.set(key, a2);
  }
}
for (const key of ambiguousNames) nameToAlpha2.delete(key);
nameToAlpha2.set(normalizeKey("High seas"), "XZ");

/** True for a valid ISO 3166-1 alpha-2 code (upper case, no white space) or XZ/ZZ. */
export const isCountryCode = (code: string): boolean => alpha2.has(code);

/** The alpha-2 code of an alpha-3 code (`AUS` → `AU`), or undefined. */
export const countryCodeOfAlpha3 = (code: string): string | undefined => alpha3ToAlpha2.get(code);

/**
 * The alpha-2 code `value` stands for: an alpha-2 or alpha-3 code in any case, or a country name in English,
 * Russian, Spanish, French, German or Portuguese, ignoring case and punctuation (`Australia` → `AU`, `Россия` →
 * `RU`). Undefined when none or ambiguous (`Aust.`).
 */
export function interpretCountryCode(value: string): string | undefined {
  const v = value.trim();
  const upper = v.toUpperCase();
  if (/^[A-Z]{2}$/.test(upper) && alpha2.has(upper)) return upper;
  if (/^[A-Z]{3}$/.test(upper)) {
    const a2 = alpha3ToAlpha2.get(upper);
    if (a2) return a2;
  }
  return nameToAlpha2.get(normalizeKey(v));
}
