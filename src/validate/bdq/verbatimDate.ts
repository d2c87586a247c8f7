/**
 * Interpreting free-text dates (verbatimEventDate, or a non-ISO eventDate/dateIdentified) as ISO 8601, only when
 * the reading is unambiguous. Understood: day, month and year in any order with `.`, `/`, `-` or space between
 * them; month names and abbreviations in English, German, Dutch, Danish/Norwegian/Swedish, French, Spanish,
 * Portuguese, Italian and Russian; Roman-numeral months (`18/V/1981`, `xi.1996`); ordinal days (`29th`); weekday
 * names (ignored); `XX` or `??` for an unknown day; CJK `1932年3月5日`; decades (`1980s`); and two dates joined by
 * `-` or ` to ` that share a year (`9.ii-10.iii.2000`).
 *
 * Ambiguity rules: the year must have four digits and not start with 0; with the year first, numbers read as
 * year-month-day unless the month would be over 12 (`2021-28-10` → 2021-10-28); with the year last, two numbers
 * both 12 or less and different (`03/04/2020`) are ambiguous.
 */
import { daysInMonth, formatIsoDate, parseIsoDate } from "./isoDate";

const MONTH_NAMES: readonly (readonly string[])[] = [
  ["january", "januar", "janvier", "enero", "janeiro", "gennaio", "januari", "январь", "января", "янв"],
  [
    "february",
    "februar",
    "février",
    "fevrier",
    "febrero",
    "fevereiro",
    "febbraio",
    "februari",
    "февраль",
    "февраля",
    "фев",
  ],
  ["march", "märz", "maerz", "mars", "marzo", "março", "marco", "maart", "marts", "март", "марта", "мар"],
  ["april", "avril", "abril", "aprile", "апрель", "апреля", "апр"],
  ["may", "mai", "mayo", "maio", "maggio", "mei", "maj", "май", "мая"],
  ["june", "juni", "juin", "junio", "junho", "giugno", "июнь", "июня", "июн"],
  ["july", "juli", "juillet", "julio", "julho", "luglio", "июль", "июля", "июл"],
  ["august", "août", "aout", "agosto", "augustus", "augusti", "август", "августа", "авг"],
  ["september", "septembre", "septiembre", "setembro", "settembre", "сентябрь", "сентября", "сен", "сент"],
  ["october", "oktober", "octobre", "octubre", "outubro", "ottobre", "октябрь", "октября", "окт"],
  ["november", "novembre", "noviembre", "novembro", "ноябрь", "ноября", "ноя"],
  ["december", "dezember", "décembre", "decembre", "diciembre", "dezembro", "dicembre", "декабрь", "декабря", "дек"],
];

const WEEKDAYS = new Set([
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
  "mon",
  "tue",
  "tues",
  "wed",
  "thu",
  "thur",
  "thurs",
  "fri",
  "sat",
  "sun",
  "montag",
  "dienstag",
  "mittwoch",
  "donnerstag",
  "freitag",
  "samstag",
  "sonntag",
  "lundi",
  "mardi",
  "mercredi",
  "jeudi",
  "vendredi",
  "samedi",
  "dimanche",
  "lunes",
  "martes",
  "miércoles",
  "jueves",
  "viernes",
  "sábado",
  "domingo",
]);

const ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"];

/**
 * The month (1..12) a word names: a full name, or an abbreviation of three or more letters that starts the
 * names of only one month (`Oct`, `juni`); a Roman numeral I..XII when `roman`. 0 when none or ambiguous (`Ma`).
 */
export function monthFromWord(word: string, roman = true): number {
  const w = word.toLowerCase().replace(/\.$/, "");
  if (roman) {
    const r = ROMAN.indexOf(w);
    if (r >= 0) return r + 1;
  }
  if (w.length < 3) return 0;
  let found = 0;
  for (let m = 0; m < 12; m++) {
    if (MONTH_NAMES[m].some((n) => n === w || n.startsWith(w))) {
      if (found !== 0 && found !== m + 1) return 0;
      found = m + 1;
    }
  }
  return found;
}

interface Partial {
  year: number;
  month: number;
  day: number;
}

type Token = { kind: "number"; text: string } | { kind: "month"; month: number } | { kind: "unknown" };

function tokenize(s: string): Token[] | undefined {
  const parts = s
    .toLowerCase()
    .split(/[\s.,/\-]+/)
    .filter((p) => p !== "");
  const tokens: Token[] = [];
  for (const raw of parts) {
    const p = raw.replace(/^(\d{1,2})(st|nd|rd|th|er|e|º|°)$/, "$1");
    if (/^\d+$/.test(p)) tokens.push({ kind: "number", text: p });
    else if (p === "xx" || p === "??" || p === "?") tokens.push({ kind: "unknown" });
    else if (WEEKDAYS.has(p)) continue;
    else {
      const m = monthFromWord(p);
      if (m === 0) return undefined;
      tokens.push({ kind: "month", month: m });
    }
  }
  return tokens;
}

/** Reads day, month and year out of tokens; `year` may come from a date it shares with (`9.ii` in a range). */
function fromTokens(tokens: Token[], defaultYear?: number): Partial | undefined {
  const months = tokens.filter((t) => t.kind === "month");
  const numbers = tokens.flatMap((t, i) => (t.kind === "number" ? [{ text: t.text, index: i }] : []));
  const years = numbers.filter((n) => n.text.length === 4);
  if (months.length > 1 || years.length > 1) return undefined;
  let year: number;
  let yearIndex = -1;
  if (years.length === 1) {
    if (years[0].text.startsWith("0")) return undefined;
    year = Number(years[0].text);
    yearIndex = years[0].index;
  } else if (defaultYear !== undefined) year = defaultYear;
  else return undefined;
  const small = numbers.filter((n) => n.index !== yearIndex);
  if (small.some((n) => n.text.length > 2)) return undefined;
  const unknownDay = tokens.some((t) => t.kind === "unknown");
  let month = 0;
  let day = 0;
  if (months.length === 1) {
    month = (months[0] as { month: number }).month;
    if (small.length > 1) return undefined;
    if (small.length === 1) day = Number(small[0].text);
  } else if (small.length === 1) {
    month = Number(small[0].text);
  } else if (small.length === 2) {
    const a = Number(small[0].text);
    const b = Number(small[1].text);
    const yearFirst = yearIndex >= 0 && yearIndex < small[0].index;
    if (yearFirst) {
      [month, day] = a > 12 && b <= 12 ? [b, a] : [a, b];
    } else if (a > 12 && b <= 12) [day, month] = [a, b];
    else if (b > 12 && a <= 12) [month, day] = [a, b];
    else if (a === b) [day, month] = [a, b];
    else return undefined;
  } else if (small.length > 2) return undefined;
  if (unknownDay && day !== 0) return undefined;
  if (month !== 0 && (month < 1 || month > 12)) return undefined;
  if (day !== 0 && (month === 0 || day < 1 || day > daysInMonth(year, month))) return undefined;
  return { year, month, day };
}

const format = (p: Partial): string => formatIsoDate(p.year, p.month, p.day);

/**
 * The ISO 8601 date `text` stands for, or undefined when it cannot be read unambiguously. A value that is
 * already ISO 8601 is returned unchanged.
 */
export function interpretDate(text: string): string | undefined {
  const s = text.trim();
  if (s === "") return undefined;
  // ISO 8601 passes through, but not a lone year with a leading zero: "0377" is more likely a time or a code.
  if (parseIsoDate(s) && !s.startsWith("0")) return s;
  const decade = /^(\d{3})0'?s$/i.exec(s);
  if (decade && !decade[1].startsWith("0")) return `${decade[1]}0-01-01/${decade[1]}9-12-31`;
  const cjk = /^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?$/.exec(s);
  if (cjk) {
    const p = { year: Number(cjk[1]), month: Number(cjk[2]), day: cjk[3] ? Number(cjk[3]) : 0 };
    if (p.month < 1 || p.month > 12 || (p.day !== 0 && p.day > daysInMonth(p.year, p.month))) return undefined;
    return format(p);
  }
  const tokens = tokenize(s);
  if (tokens) {
    const single = fromTokens(tokens);
    if (single) return format(single);
  }
  // Two dates that share the year: "9.ii-10.iii.2000", "5 to 10 June 1932" is not tried (day-only start).
  const range = /^(.+?)\s*(?:-|–|\bto\b)\s*(.+)$/i.exec(s);
  if (range) {
    const endTokens = tokenize(range[2]);
    const end = endTokens && fromTokens(endTokens);
    const startTokens = tokenize(range[1]);
    const start = end && startTokens && fromTokens(startTokens, end.year);
    if (start && end && start.month !== 0 && end.month !== 0) {
      const iso = `${format(start)}/${format(end)}`;
      if (parseIsoDate(iso)) return iso;
    }
  }
  return undefined;
}
