/**
 * Reading values the BDQ way. `bdqval:Empty` is "a value containing only characters in the range U+0000 to
 * U+0020" (bdqval_term_versions.csv), so a NUL, a tab or the U+000E U+000F pair counts as empty; the text
 * `null` does not.
 */
import type { BdqParameters, BdqRecord } from "./types";

/** True when `value` is absent or holds only characters U+0000..U+0020 (bdqval:Empty). */
export function isEmpty(value: string | undefined): boolean {
  if (value === undefined) return true;
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0x20) return false;
  return true;
}

/** The value of `term` in `record`, or `""`. */
export const get = (record: BdqRecord, term: string): string => record[term] ?? "";

/** The value of parameter `name`, or `fallback` when it is empty. */
export function param(parameters: BdqParameters, name: string, fallback: string): string {
  const v = parameters[name];
  return v === undefined || isEmpty(v) ? fallback : v.trim();
}

// Written so that no two quantifiers compete for the same digits: a 32,767-digit cell stays linear.
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;

/** The number `value` holds (surrounding white space allowed), or NaN: `"41.0554 N"`, `"null"` are not numbers. */
export function toNumber(value: string): number {
  const t = value.trim();
  return NUMBER.test(t) ? Number(t) : NaN;
}

/** The integer `value` holds, or NaN: `"15"` → 15, `"15.0"`, `"x"`, `"194x"` → NaN. */
export function toInteger(value: string): number {
  const t = value.trim();
  return INTEGER.test(t) ? Number(t) : NaN;
}

/** The shortest decimal text of `n` rounded to `digits` decimals: 23.712000000000003 → "23.712". */
export function formatDecimal(n: number, digits = 7): string {
  const f = 10 ** digits;
  const r = Math.round(n * f) / f;
  return Object.is(r, -0) ? "0" : String(r);
}

/** True when the source authority parameter names a service that cannot be reached offline. */
export function isUnavailableAuthority(parameters: BdqParameters, name = "sourceAuthority"): boolean {
  const v = parameters[name];
  return v !== undefined && /^\s*https?:\/\/invalid\//i.test(v);
}
