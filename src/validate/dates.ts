/**
 * ISO 8601 dates as Darwin Core uses them in eventDate and the other date terms: single dates, reduced precision
 * (`2012`, `2012-06`), ordinal dates (`2012-175`), date-times with an optional zone, and intervals whose end may
 * omit the leading parts it shares with the start (`2012-06-23/30`, `2012-06-23/07-02`, `2009/2013`).
 * See the Darwin Core text guide, eventDate term page: https://dwc.tdwg.org/terms/#dwc:eventDate
 * Parsed with char scans, not regular expressions: eventDate is read on every record.
 */

/** One end of a parsed date: precision is how many of year, month, day were given (1-3). */
export interface DatePoint {
  year: number;
  month: number;
  day: number;
  precision: 1 | 2 | 3;
}

/** A parsed eventDate: a single date is an interval whose start and end are the same. */
export interface ParsedDate {
  start: DatePoint;
  end: DatePoint;
  interval: boolean;
}

const daysInMonth = (y: number, m: number): number =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;

/** Day of the year (1-366) of a calendar date. */
export function dayOfYear(y: number, m: number, d: number): number {
  let n = d;
  for (let i = 1; i < m; i++) n += daysInMonth(y, i);
  return n;
}

function digitsAt(s: string, i: number, count: number): number {
  if (i + count > s.length) return -1;
  let v = 0;
  for (let k = 0; k < count; k++) {
    const c = s.charCodeAt(i + k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Parses `hh[:mm[:ss[.fff]]][Z|±hh[:mm]]` (also the basic `hhmm` forms); true when well-formed. */
function validTime(s: string, i: number, end: number): boolean {
  const hh = digitsAt(s, i, 2);
  if (hh < 0 || hh > 24) return false;
  i += 2;
  const part = (): boolean => {
    if (s.charCodeAt(i) === 58) i++;
    const v = digitsAt(s, i, 2);
    if (v < 0 || v > 59) return false;
    i += 2;
    return true;
  };
  if (i < end && s.charCodeAt(i) !== 90 && s.charCodeAt(i) !== 43 && s.charCodeAt(i) !== 45) {
    if (!part()) return false;
    if (i < end && s.charCodeAt(i) !== 90 && s.charCodeAt(i) !== 43 && s.charCodeAt(i) !== 45) {
      if (s.charCodeAt(i) === 58 || (s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57)) {
        if (!part()) return false;
        if (i < end && (s.charCodeAt(i) === 46 || s.charCodeAt(i) === 44)) {
          i++;
          const st = i;
          while (i < end && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
          if (i === st) return false;
        }
      }
    }
  }
  if (i === end) return true;
  const z = s.charCodeAt(i);
  if (z === 90) return i + 1 === end;
  if (z === 43 || z === 45) {
    i++;
    const oh = digitsAt(s, i, 2);
    if (oh < 0 || oh > 14) return false;
    i += 2;
    if (i === end) return true;
    if (s.charCodeAt(i) === 58) i++;
    const om = digitsAt(s, i, 2);
    return om >= 0 && om <= 59 && i + 2 === end;
  }
  return false;
}

/**
 * Parses one date or date-time from s[i, end). `base` is the start of an interval: an end part may omit the year
 * (`06-30`) or year and month (`30`).
 */
function parsePoint(s: string, i: number, end: number, base?: DatePoint): DatePoint | undefined {
  let year: number;
  let month = 0;
  let day = 0;
  let precision: 1 | 2 | 3;
  const tPos = s.indexOf("T", i);
  const dateEnd = tPos >= 0 && tPos < end ? tPos : end;
  const dlen = dateEnd - i;
  if (base && dlen <= 5 && !(dlen === 4 && digitsAt(s, i, 4) >= 0)) {
    // Reduced end of an interval: `DD` or `MM-DD`.
    year = base.year;
    if (dlen === 2) {
      if (base.precision < 3) return undefined;
      month = base.month;
      day = digitsAt(s, i, 2);
      precision = 3;
    } else if (dlen === 5 && s.charCodeAt(i + 2) === 45) {
      month = digitsAt(s, i, 2);
      day = digitsAt(s, i + 3, 2);
      precision = 3;
    } else return undefined;
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  } else {
    year = digitsAt(s, i, 4);
    if (year < 0) return undefined;
    if (dlen === 4) precision = 1;
    else if (s.charCodeAt(i + 4) !== 45) {
      // Basic format YYYYMMDD.
      if (dlen !== 8) return undefined;
      month = digitsAt(s, i + 4, 2);
      day = digitsAt(s, i + 6, 2);
      precision = 3;
    } else if (dlen === 7) {
      month = digitsAt(s, i + 5, 2);
      precision = 2;
    } else if (dlen === 8) {
      // Ordinal date YYYY-DDD.
      const doy = digitsAt(s, i + 5, 3);
      const leap = daysInMonth(year, 2) === 29;
      if (doy < 1 || doy > (leap ? 366 : 365)) return undefined;
      let m = 1;
      let d = doy;
      while (d > daysInMonth(year, m)) d -= daysInMonth(year, m++);
      month = m;
      day = d;
      precision = 3;
    } else if (dlen === 10 && s.charCodeAt(i + 7) === 45) {
      month = digitsAt(s, i + 5, 2);
      day = digitsAt(s, i + 8, 2);
      precision = 3;
    } else return undefined;
    if (precision >= 2 && (month < 1 || month > 12)) return undefined;
    if (precision === 3 && (day < 1 || day > daysInMonth(year, month))) return undefined;
  }
  if (dateEnd < end) {
    if (precision !== 3 || dateEnd + 1 >= end || !validTime(s, dateEnd + 1, end)) return undefined;
  }
  return { year, month, day, precision };
}

const compareStart = (a: DatePoint, b: DatePoint): number =>
  a.year - b.year || (a.precision >= 2 && b.precision >= 2 ? a.month - b.month || (a.precision === 3 && b.precision === 3 ? a.day - b.day : 0) : 0);

/**
 * Parses an ISO 8601 date, date-time or interval as allowed in Darwin Core date terms. Returns undefined for
 * anything else, including impossible dates (`2011-02-30`) and intervals that end before they start.
 *
 * @example parseIsoDate("2012-06-23/30") // { start: {2012,6,23}, end: {2012,6,30}, interval: true }
 */
export function parseIsoDate(s: string): ParsedDate | undefined {
  const n = s.length;
  if (n < 4) return undefined;
  const slash = s.indexOf("/");
  if (slash < 0) {
    const p = parsePoint(s, 0, n);
    return p && { start: p, end: p, interval: false };
  }
  if (s.indexOf("/", slash + 1) >= 0) return undefined;
  const start = parsePoint(s, 0, slash);
  if (!start) return undefined;
  const end = parsePoint(s, slash + 1, n, start);
  if (!end || compareStart(start, end) > 0) return undefined;
  return { start, end, interval: true };
}

/**
 * Recognises a day-first date as typed in Russia and most of Europe (`23.06.2012`, `23/06/2012`, `23-06-2012`,
 * also with a two-digit year >= 1000 impossible, so four digits required) and returns it as ISO `YYYY-MM-DD`.
 * Slash dates whose second part is above 12 are month-first (`06/23/2012`) and converted as such.
 * Returns undefined when the text is not such a date or the date does not exist.
 */
export function dayFirstToIso(s: string): string | undefined {
  const n = s.length;
  if (n < 8 || n > 10) return undefined;
  let i = 0;
  const readNum = (): number => {
    const st = i;
    while (i < n && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    return i - st >= 1 && i - st <= 2 ? Number(s.slice(st, i)) : -1;
  };
  const a = readNum();
  if (a < 0) return undefined;
  const sep = s.charCodeAt(i);
  if (sep !== 46 && sep !== 47 && sep !== 45) return undefined;
  i++;
  const b = readNum();
  if (b < 0 || s.charCodeAt(i) !== sep) return undefined;
  i++;
  const year = digitsAt(s, i, 4);
  if (year < 0 || i + 4 !== n) return undefined;
  let day = a;
  let month = b;
  if (sep === 47 && b > 12 && a <= 12) {
    day = b;
    month = a;
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
