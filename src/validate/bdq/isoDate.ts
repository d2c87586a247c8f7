/**
 * ISO 8601-1 dates as Darwin Core uses them in eventDate and dateIdentified: calendar dates of year, month or day
 * precision (`1963`, `1963-03`, `1963-03-08`), ordinal dates (`1963-067`), date-times with optional seconds,
 * fractions and zone (`1963-03-08T14:07-0600`, `…T14:07Z`), and intervals with `/` whose end may omit the leading
 * parts it shares with the start (`1880-05-08/10`, `2012-06-23/07-02`). See the Darwin Core term eventDate
 * (https://dwc.tdwg.org/terms/#dwc:eventDate). Hour 24 is rejected (ISO 8601-1:2019 dropped it).
 *
 * All arithmetic is in whole days since 1970-01-01 (proleptic Gregorian) and milliseconds, without `Date`.
 */

export type DatePrecision = "year" | "month" | "day" | "time";

/** One end of a date or interval, in the calendar of the text (before any zone shift). */
export interface DatePoint {
  year: number;
  /** 1..12, or 0 at year precision. */
  month: number;
  /** 1..31, or 0 at year or month precision. */
  day: number;
  precision: DatePrecision;
  /** First instant covered, in ms since 1970-01-01T00:00Z (zone applied for date-times; no zone = UTC). */
  startMs: number;
  /** First instant after the unit (the instant itself for a date-time). */
  endMs: number;
}

/** A parsed eventDate-like value: a single date (start === end) or an interval. */
export interface IsoDate {
  start: DatePoint;
  end: DatePoint;
  isInterval: boolean;
  /** = start.startMs */
  startMs: number;
  /** = end.endMs */
  endMs: number;
}

const DAY_MS = 86_400_000;

/** Days from 1970-01-01 to the given proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];
}

/** Day of the year (1..366) of a calendar date. */
export function dayOfYear(year: number, month: number, day: number): number {
  return daysFromCivil(year, month, day) - daysFromCivil(year, 1, 1) + 1;
}

/** The calendar date of day `doy` (1-based) of `year`, or undefined when out of range. */
export function dateOfDayOfYear(year: number, doy: number): { month: number; day: number } | undefined {
  if (!Number.isInteger(doy) || doy < 1 || doy > (isLeapYear(year) ? 366 : 365)) return undefined;
  let rest = doy;
  for (let m = 1; m <= 12; m++) {
    const n = daysInMonth(year, m);
    if (rest <= n) return { month: m, day: rest };
    rest -= n;
  }
  return undefined;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})(?::(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;
const CALENDAR = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const BASIC = /^(\d{4})(\d{2})(\d{2})$/;
const ORDINAL = /^(\d{4})-(\d{3})$/;

function dayPoint(year: number, month: number, day: number): DatePoint | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const d = daysFromCivil(year, month, day);
  return { year, month, day, precision: "day", startMs: d * DAY_MS, endMs: (d + 1) * DAY_MS };
}

/** Parses one date or date-time (no interval). */
export function parseIsoPoint(s: string): DatePoint | undefined {
  let m = CALENDAR.exec(s);
  if (m) {
    const year = Number(m[1]);
    if (m[2] === undefined) {
      return {
        year,
        month: 0,
        day: 0,
        precision: "year",
        startMs: daysFromCivil(year, 1, 1) * DAY_MS,
        endMs: daysFromCivil(year + 1, 1, 1) * DAY_MS,
      };
    }
    const month = Number(m[2]);
    if (m[3] === undefined) {
      if (month < 1 || month > 12) return undefined;
      const next = month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1);
      return {
        year,
        month,
        day: 0,
        precision: "month",
        startMs: daysFromCivil(year, month, 1) * DAY_MS,
        endMs: next * DAY_MS,
      };
    }
    return dayPoint(year, month, Number(m[3]));
  }
  m = BASIC.exec(s);
  if (m) return dayPoint(Number(m[1]), Number(m[2]), Number(m[3]));
  m = ORDINAL.exec(s);
  if (m) {
    const year = Number(m[1]);
    const md = dateOfDayOfYear(year, Number(m[2]));
    return md ? dayPoint(year, md.month, md.day) : undefined;
  }
  m = DATE_TIME.exec(s);
  if (m) {
    const base = dayPoint(Number(m[1]), Number(m[2]), Number(m[3]));
    if (!base) return undefined;
    const hour = Number(m[4]);
    const minute = m[5] === undefined ? 0 : Number(m[5]);
    const second = m[6] === undefined ? 0 : Number(m[6]);
    if (hour > 23 || minute > 59 || second > 59) return undefined;
    const fraction = m[7] === undefined ? 0 : Number(`0.${m[7]}`);
    let offsetMinutes = 0;
    const zone = m[8];
    if (zone !== undefined && zone !== "Z") {
      const digits = zone.slice(1).replace(":", "");
      const oh = Number(digits.slice(0, 2));
      const om = digits.length > 2 ? Number(digits.slice(2)) : 0;
      if (oh > 14 || om > 59) return undefined;
      offsetMinutes = (zone[0] === "-" ? -1 : 1) * (oh * 60 + om);
    }
    const ms = base.startMs + ((hour * 60 + minute - offsetMinutes) * 60 + second + fraction) * 1000;
    return { ...base, precision: "time", startMs: ms, endMs: ms };
  }
  return undefined;
}

/** Completes an abbreviated interval end (`10`, `07-02`) with the leading parts of the start. */
function completeEnd(start: DatePoint, end: string): string {
  if (/^\d{4}/.test(end)) return end;
  const pad = (n: number) => String(n).padStart(2, "0");
  if (/^\d{2}$/.test(end) && start.precision !== "year") {
    return start.precision === "month" ? `${start.year}-${end}` : `${start.year}-${pad(start.month)}-${end}`;
  }
  if (/^\d{2}-\d{2}$/.test(end)) return `${start.year}-${end}`;
  return end;
}

/**
 * Parses an ISO 8601 date, date-time or interval; undefined when `value` is not one (including an interval whose
 * end is before its start). Surrounding white space is not allowed.
 */
export function parseIsoDate(value: string): IsoDate | undefined {
  // Several tests of one record parse the same eventDate: remember the last few answers (the results are never
  // mutated by callers).
  if (recent.has(value)) return recent.get(value);
  const parsed = parseIsoDateUncached(value);
  if (recent.size >= 64) recent.clear();
  recent.set(value, parsed);
  return parsed;
}

const recent = new Map<string, IsoDate | undefined>();

function parseIsoDateUncached(value: string): IsoDate | undefined {
  const slash = value.indexOf("/");
  if (slash < 0) {
    const p = parseIsoPoint(value);
    return p ? { start: p, end: p, isInterval: false, startMs: p.startMs, endMs: p.endMs } : undefined;
  }
  if (value.indexOf("/", slash + 1) >= 0) return undefined;
  const start = parseIsoPoint(value.slice(0, slash));
  if (!start) return undefined;
  const end = parseIsoPoint(completeEnd(start, value.slice(slash + 1)));
  if (!end || end.startMs < start.startMs) return undefined;
  return { start, end, isInterval: true, startMs: start.startMs, endMs: end.endMs };
}

/** True when the date covers a single calendar year / month / day (in the text's own calendar). */
export function withinOne(d: IsoDate, unit: "year" | "month" | "day"): boolean {
  const rank = { year: 0, month: 1, day: 2, time: 3 };
  if (rank[d.start.precision] < rank[unit] || rank[d.end.precision] < rank[unit]) return false;
  if (d.start.year !== d.end.year) return false;
  if (unit !== "year" && d.start.month !== d.end.month) return false;
  if (unit === "day" && d.start.day !== d.end.day) return false;
  return true;
}

/** Formats a calendar date as ISO text of the given precision. */
export function formatIsoDate(year: number, month = 0, day = 0): string {
  const y = String(year).padStart(4, "0");
  if (month === 0) return y;
  const m = String(month).padStart(2, "0");
  return day === 0 ? `${y}-${m}` : `${y}-${m}-${String(day).padStart(2, "0")}`;
}
