/**
 * Converting one written value to the format its Darwin Core term wants, or saying why it stays as written. Dates
 * become ISO 8601, coordinates decimal degrees with a point, numbers lose their decimal comma, country names give
 * their ISO code, sex and life-stage words their vocabulary value. Nothing is guessed: a value that can be read
 * two ways is kept as written, with the reason.
 *
 * Day-first dates: `23.06.2012` (dots) is the Russian form the methodology names, so dotted dates are read day
 * first even when the day is 12 or less (`03.04.2012` → 2012-04-03); such cells are converted but reported as
 * assumptions, so the user can check them. Slashes and dashes (`03/04/2012`) are written day-first in Europe and
 * month-first in the USA: they are read the way the column itself shows (a value whose first part is over 12
 * means day-first), and kept as written when nothing in the column tells. Two-digit years are always kept.
 */
import type { Text2 } from "../dwc/types";
import { parseIsoDate } from "../validate/dates";
import { interpretDate } from "../validate/bdq/verbatimDate";
import { parseCoordinate, parseCoordinatePair } from "../validate/bdq/verbatimCoordinates";

/** What happened to a value. `assumed`: converted under an assumption the summary lists. */
export type ConversionStatus = "unchanged" | "converted" | "assumed" | "kept";

/** A converted value, with values it gives other terms (the end of a range, a country code). */
export interface Converted {
  value: string;
  status: ConversionStatus;
  reason?: Text2;
  /** Values for other terms, by term: `maximumElevationInMeters` of `200-300`, `countryCode` of `Россия`. */
  extra?: Record<string, string>;
}

/** How the numeric slash or dash dates of a column are written. */
export type DayOrder = "day-first" | "month-first" | "unknown";

const T = (en: string, ru: string): Text2 => ({ en, ru });

/** A value kept as written, with why. */
export const kept = (value: string, reason: Text2): Converted => ({ value, status: "kept", reason });

const done = (original: string, value: string, extra?: Record<string, string>): Converted => ({
  value,
  status: value === original ? "unchanged" : "converted",
  ...(extra ? { extra } : {}),
});

const pad = (n: number): string => String(n).padStart(2, "0");

const NUMERIC_DATE = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/;
const SHORT_YEAR = /^\d{1,2}([./-])\d{1,2}\1\d{2}$/;
const YEAR_WORD = /\s*(?:г\.?|года|гг\.?|yr\.?)\s*$/i;

/**
 * The day order the slash and dash dates of a column show: day-first when one has a first part over 12, month-first
 * when one has a second part over 12, unknown when none tells (or both are seen).
 */
export function dayOrderOf(values: readonly string[]): DayOrder {
  let dayFirst = false;
  let monthFirst = false;
  for (const v of values) {
    const m = NUMERIC_DATE.exec(v.trim());
    if (!m || m[2] === ".") continue;
    if (Number(m[1]) > 12) dayFirst = true;
    if (Number(m[3]) > 12) monthFirst = true;
  }
  return dayFirst === monthFirst ? "unknown" : dayFirst ? "day-first" : "month-first";
}

/** ISO date of a numeric `a.b.yyyy` date, or a kept value; `assumed` for a day-first date with day ≤ 12. */
function numericDate(text: string, m: RegExpExecArray, order: DayOrder): Converted {
  const a = Number(m[1]);
  const b = Number(m[3]);
  const year = Number(m[4]);
  let dayFirst: boolean;
  if (m[2] === ".") dayFirst = true;
  else if (a > 12 && b <= 12) dayFirst = true;
  else if (b > 12 && a <= 12) dayFirst = false;
  else if (a === b) dayFirst = true;
  else if (order === "unknown")
    return kept(
      text,
      T("day and month cannot be told apart (03/04/2012)", "нельзя понять, где день, а где месяц (03/04/2012)")
    );
  else dayFirst = order === "day-first";
  const [day, month] = dayFirst ? [a, b] : [b, a];
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  if (month < 1 || month > 12 || !parseIsoDate(iso)) return kept(text, T("no such date", "такой даты нет"));
  if (m[2] === "." && a <= 12 && b <= 12 && a !== b) {
    return {
      value: iso,
      status: "assumed",
      reason: T(
        "read day first (dd.mm.yyyy, the Russian form)",
        "прочитано как день.месяц.год (принятая в России форма)"
      ),
    };
  }
  return { value: iso, status: "converted" };
}

/** One date (no range): ISO as is, numeric day-first or month-first, month names, Roman months. */
function singleDate(s: string, order: DayOrder): Converted | undefined {
  if (parseIsoDate(s) && !s.startsWith("0")) return { value: s, status: "unchanged" };
  const m = NUMERIC_DATE.exec(s);
  if (m) return numericDate(s, m, order);
  if (SHORT_YEAR.test(s))
    return kept(s, T("two-digit year: the century is not known", "год двумя цифрами: век неизвестен"));
  const iso = interpretDate(s);
  return iso ? { value: iso, status: "converted" } : undefined;
}

/** `12-15.06.2012`, `12.06-15.07.2012`, `12 июня - 15 июля 2012`, `1985-1987` as an ISO interval. */
function dateRange(s: string, order: DayOrder): Converted | undefined {
  const days = /^(\d{1,2})\s*[-–—]\s*(\d{1,2})([.\s/].+)$/.exec(s);
  if (days) {
    const end = singleDate(`${days[2]}${days[3]}`, order);
    if (end && end.status !== "kept" && /^\d{4}-\d{2}-\d{2}$/.test(end.value)) {
      const start = `${end.value.slice(0, 8)}${pad(Number(days[1]))}`;
      const iso = `${start}/${end.value}`;
      if (parseIsoDate(iso))
        return { value: iso, status: end.status === "assumed" ? "assumed" : "converted", reason: end.reason };
    }
  }
  for (let i = s.search(/[-–—]/); i > 0; i = s.slice(i + 1).search(/[-–—]/) + i + 1) {
    const left = s.slice(0, i).trim();
    const right = s.slice(i + 1).trim();
    const end = right && singleDate(right, order);
    if (!end || end.status === "kept") {
      if (s.slice(i + 1).search(/[-–—]/) < 0) break;
      continue;
    }
    const year = end.value.slice(0, 4);
    const start = singleDate(left, order) ?? singleDate(`${left}${/\d$/.test(left) ? "." : " "}${year}`, order);
    if (start && start.status !== "kept") {
      const iso = `${start.value}/${end.value}`;
      if (parseIsoDate(iso)) {
        const assumed = start.status === "assumed" || end.status === "assumed";
        return { value: iso, status: assumed ? "assumed" : "converted", reason: start.reason ?? end.reason };
      }
    }
    if (s.slice(i + 1).search(/[-–—]/) < 0) break;
  }
  return undefined;
}

/**
 * A written date as ISO 8601 (a date, a month, a year or an interval), or kept as written with the reason.
 *
 * @example convertDate("23.06.2012", "unknown").value === "2012-06-23"
 * @example convertDate("12-15.06.2012", "unknown").value === "2012-06-12/2012-06-15"
 * @example convertDate("03/04/2012", "unknown").status === "kept"
 */
export function convertDate(text: string, order: DayOrder): Converted {
  const s = text.trim().replace(/\s+/g, " ").replace(YEAR_WORD, "");
  if (s === "") return kept(text, T("no date", "нет даты"));
  const time = /^(.*\d)(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (time && !parseIsoDate(s)) {
    const date = singleDate(time[1], order);
    const hh = Number(time[2]);
    if (date && date.status !== "kept" && /^\d{4}-\d{2}-\d{2}$/.test(date.value) && hh < 24 && Number(time[3]) < 60) {
      const iso = `${date.value}T${pad(hh)}:${time[3]}${time[4] ? `:${time[4]}` : ""}`;
      return { ...date, value: iso, status: date.status === "assumed" ? "assumed" : "converted" };
    }
  }
  const single = singleDate(s, order);
  if (single && single.status !== "kept") {
    const status = single.value === text ? "unchanged" : single.status === "unchanged" ? "converted" : single.status;
    return { ...single, status };
  }
  const range = dateRange(s, order);
  if (range) return range;
  return single ?? kept(text, T("not a date that can be read unambiguously", "дату нельзя прочитать однозначно"));
}

const CYRILLIC_HEMISPHERE: readonly [RegExp, string][] = [
  [/с\.?\s*ш\.?/gi, " N "],
  [/ю\.?\s*ш\.?/gi, " S "],
  [/в\.?\s*д\.?/gi, " E "],
  [/з\.?\s*д\.?/gi, " W "],
  [/(?<=^|[\s\d°'"′″”’.])[Сс](?=$|[\s.,;])/g, " N "],
  [/(?<=^|[\s\d°'"′″”’.])[Юю](?=$|[\s.,;])/g, " S "],
  [/(?<=^|[\s\d°'"′″”’.])[Вв](?=$|[\s.,;])/g, " E "],
  [/(?<=^|[\s\d°'"′″”’.])[Зз](?=$|[\s.,;])/g, " W "],
];

/** Russian hemisphere letters and unit words, typographic primes, as the coordinate reader takes them. */
export function coordinateText(text: string): string {
  let s = text.trim().replace(/´´|''/g, '"').replace(/´/g, "'");
  s = s.replace(/(\d)\s*(?:градус(?:а|ов)?|град\.?|гр\.?)/gi, "$1°");
  s = s.replace(/(\d)\s*(?:минут(?:а|ы)?|мин\.?)/gi, "$1'").replace(/(\d)\s*(?:секунд(?:а|ы)?|сек\.?)/gi, '$1"');
  for (const [re, to] of CYRILLIC_HEMISPHERE) s = s.replace(re, to);
  return s.replace(/\s+/g, " ").trim();
}

const PLAIN_DECIMAL = /^[+-]?\d{1,3}(?:[.,]\d+)?$/;

/**
 * Two decimal numbers without degree or minute marks (`55.7512, 37.6184`, `54,90 36,12`): a latitude and a
 * longitude, not degrees and decimal minutes.
 */
export function looksLikePair(text: string): boolean {
  const s = coordinateText(text);
  if (/[°º'′’"″”]|\b(?:deg|min|sec)/i.test(s)) return false;
  const numbers = s.match(/[+-]?\d+(?:[.,]\d+)?/g) ?? [];
  if (numbers.length !== 2) return false;
  if (/[NS].*[EW]|[EW].*[NS]/i.test(s)) return true;
  return numbers.every((n) => /[.,]\d/.test(n)) && /\d[\s;]+[+-]?\d|\d,\s+[+-]?\d/.test(s);
}

/** Decimal degrees as text: six decimals at most (about 0.1 m), no trailing zeros. */
export const degreesText = (d: number): string => String(Number(d.toFixed(6)));

/**
 * A latitude (`axis` lat) or longitude as decimal degrees with a point: a decimal comma replaced, degrees-minutes-
 * seconds computed, a hemisphere letter (N/S/E/W, С/Ю/В/З, `с.ш.`) turned into the sign. Kept as written when it
 * names the other axis or is out of range.
 *
 * @example convertCoordinate("55°45'20\"N", "lat").value === "55.755556"
 */
export function convertCoordinate(text: string, axis: "lat" | "lon"): Converted {
  const s = text.trim();
  const limit = axis === "lat" ? 90 : 180;
  if (PLAIN_DECIMAL.test(s)) {
    const value = s.replace(",", ".");
    if (Math.abs(Number(value)) > limit) return kept(text, T(`out of range (±${limit})`, `вне диапазона (±${limit})`));
    return done(text, value);
  }
  if (looksLikePair(s)) return kept(text, T("two coordinates in one cell", "две координаты в одной ячейке"));
  const c = parseCoordinate(coordinateText(s));
  if (!c) return kept(text, T("not a coordinate that can be read", "не удаётся прочитать координату"));
  if (c.axis && c.axis !== axis) {
    return kept(
      text,
      axis === "lat"
        ? T("a longitude (E/W) in a latitude column", "долгота (В/З) в столбце широты")
        : T("a latitude (N/S) in a longitude column", "широта (С/Ю) в столбце долготы")
    );
  }
  if (Math.abs(c.degrees) > limit) return kept(text, T(`out of range (±${limit})`, `вне диапазона (±${limit})`));
  return done(text, degreesText(c.degrees));
}

/** Latitude and longitude of a coordinate pair (`55°45'N 37°37'E`, `55,75 37,62`), or undefined. */
export function convertCoordinatePair(text: string): { lat: string; lon: string } | undefined {
  const p = parseCoordinatePair(coordinateText(text));
  return p ? { lat: degreesText(p.lat), lon: degreesText(p.lon) } : undefined;
}

const APPROXIMATE = /^(?:ок\.?|около|ca\.?|c\.|circa|~|≈|>|<|\+-|±)|[?~]$/i;
const COUNT_WORDS =
  /\s*(?:экз\.?|экземпляр(?:а|ов)?|ос\.?|особ(?:ь|и|ей)|шт\.?|ex\.?|exx\.?|spec\.?|specimens?|individuals?|inds?\.?)$/i;
const METRE_WORDS = /\s*(?:м|m|метр(?:а|ов)?|meters?|metres?)\.?$/i;

/**
 * A number with a point: a decimal comma replaced, spaces between thousands (`1 200`) and a unit word removed
 * (`12 экз.`, `250 м`). `integer` keeps anything but whole numbers as written; `range` reads `200-300` as a
 * minimum (the value) and a maximum (`extra[range]`). Approximate values (`ок. 200`, `~5`, `10?`) are kept.
 */
export function convertNumber(
  text: string,
  options: { integer?: boolean; metres?: boolean; range?: string } = {}
): Converted {
  let s = text.trim().replace(/\u00a0/g, " ");
  if (APPROXIMATE.test(s)) return kept(text, T("approximate value", "приблизительное значение"));
  s = s.replace(options.metres ? METRE_WORDS : COUNT_WORDS, "");
  if (/^\d{1,3}(?: \d{3})+(?:[.,]\d+)?$/.test(s)) s = s.replace(/ /g, "");
  const num = /^[+-]?\d+(?:[.,]\d+)?$/;
  const range = /^(-?\d+(?:[.,]\d+)?)\s*(?:-|–|—|\.\.)\s*(-?\d+(?:[.,]\d+)?)$/.exec(s);
  if (range && options.range) {
    const [min, max] = [range[1].replace(",", "."), range[2].replace(",", ".")];
    if (Number(min) > Number(max))
      return kept(text, T("a range whose start is above its end", "начало диапазона больше конца"));
    return { value: min, status: "converted", extra: { [options.range]: max } };
  }
  if (!num.test(s)) return kept(text, T("not a number", "не число"));
  const value = s.replace(",", ".");
  if (options.integer && !/^\+?\d+$/.test(value)) return kept(text, T("not a whole number", "не целое число"));
  return done(text, options.integer ? String(Number(value)) : value);
}

/** Text with its spaces tidied (edge spaces, runs of spaces, non-breaking spaces), for terms with a verbatim twin. */
export function tidyText(text: string): Converted {
  return done(
    text,
    text
      .replace(/[\u00a0\u2007\u202f\t]/g, " ")
      .replace(/ {2,}/g, " ")
      .trim()
  );
}

const AGENT_PREFIX = /^(?:leg(?:it)?\.?|coll?\.|det\.?|собр\.|сбор\.|опр\.|legit|determ\.)\s*/i;

/**
 * People in recordedBy or identifiedBy: the label's `leg.` or `det.` dropped (the term says it), and names separated
 * by `;` joined by ` | ` as the methodology asks. Commas are left alone (`Ivanov, I.` is one name).
 *
 * @example convertAgents("leg. Иванов И.И.; Петров П.П.").value === "Иванов И.И. | Петров П.П."
 */
export function convertAgents(text: string): Converted {
  const names = text
    .split(";")
    .map((n) => n.trim().replace(AGENT_PREFIX, "").trim())
    .filter((n) => n !== "");
  if (names.length === 0) return kept(text, T("no name", "нет имени"));
  return done(text, names.join(" | "));
}
