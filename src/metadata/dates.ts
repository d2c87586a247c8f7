/**
 * Dates for temporal coverage: reading Darwin Core `eventDate` values (ISO 8601 dates, date-times, reduced
 * precision and intervals, as the DwC eventDate examples show: `1963-03-08T14:07-0600`, `1906-06`, `1971`,
 * `2007-03-01T13:00:00Z/2008-05-11T15:30:00Z`, `1900/1909`, `2007-11-13/15`) into the first and last day they cover.
 */

/** First and last day (`YYYY-MM-DD`) a date value covers. */
export interface DaySpan {
  start: string;
  end: string;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function ymd(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** A date's parts; month and day absent for reduced precision. */
interface Parts {
  y: number;
  m?: number;
  d?: number;
}

function valid(p: Parts): boolean {
  if (p.y < 1 || p.y > 9999) return false;
  if (p.m === undefined) return p.d === undefined;
  if (p.m < 1 || p.m > 12) return false;
  return p.d === undefined || (p.d >= 1 && p.d <= daysInMonth(p.y, p.m));
}

function first(p: Parts): string {
  return ymd(p.y, p.m ?? 1, p.d ?? 1);
}

function last(p: Parts): string {
  const m = p.m ?? 12;
  return ymd(p.y, m, p.d ?? daysInMonth(p.y, m));
}

const TIME = /^(?:T\d{2}(?::?\d{2}(?::?\d{2}(?:[.,]\d+)?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** A complete date part, optionally followed by a time (ignored: coverage is by day, as written, without time zone shifts). */
function parseFull(text: string): Parts | undefined {
  let m = /^(\d{4})-(\d{2})-(\d{2})(.*)$/.exec(text);
  if (m && TIME.test(m[4])) return { y: +m[1], m: +m[2], d: +m[3] };
  m = /^(\d{4})(\d{2})(\d{2})(T.*)?$/.exec(text);
  if (m && TIME.test(m[4] ?? "")) return { y: +m[1], m: +m[2], d: +m[3] };
  m = /^(\d{4})-(\d{3})$/.exec(text);
  if (m) {
    const date = new Date(Date.UTC(+m[1], 0, +m[2]));
    if (+m[2] < 1 || date.getUTCFullYear() !== +m[1]) return undefined;
    return { y: +m[1], m: date.getUTCMonth() + 1, d: date.getUTCDate() };
  }
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) return { y: +m[1], m: +m[2] };
  m = /^(\d{4})$/.exec(text);
  if (m) return { y: +m[1] };
  return undefined;
}

/** The end of an interval, which may omit leading parts of the start (`2007-11-13/15`, `2007-11-13/12-02`). */
function parseEnd(text: string, start: Parts): Parts | undefined {
  const full = /^\d{4}/.test(text) ? parseFull(text) : undefined;
  if (full) return full;
  let m = /^(\d{2})-(\d{2})(.*)$/.exec(text);
  if (m && start.d !== undefined && TIME.test(m[3])) return { y: start.y, m: +m[1], d: +m[2] };
  m = /^(\d{2})(T.*)?$/.exec(text);
  if (m && TIME.test(m[2] ?? "")) {
    if (start.d !== undefined) return { y: start.y, m: start.m, d: +m[1] };
    if (start.m !== undefined) return { y: start.y, m: +m[1] };
    return undefined;
  }
  if (/^T?\d{2}:\d{2}/.test(text) && start.d !== undefined) return start;
  return undefined;
}

/**
 * The days an eventDate value covers, or undefined when it is not an ISO 8601 date, date-time or interval (also
 * for an interval that ends before it starts).
 * @example parseEventDate("2007-11-13/15") // { start: "2007-11-13", end: "2007-11-15" }
 * @example parseEventDate("1906-06") // { start: "1906-06-01", end: "1906-06-30" }
 */
export function parseEventDate(text: string): DaySpan | undefined {
  const t = text.trim();
  if (t === "") return undefined;
  const slash = t.indexOf("/");
  if (slash < 0) {
    const p = parseFull(t);
    return p && valid(p) ? { start: first(p), end: last(p) } : undefined;
  }
  const a = parseFull(t.slice(0, slash));
  if (!a || !valid(a)) return undefined;
  const b = parseEnd(t.slice(slash + 1), a);
  if (!b || !valid(b)) return undefined;
  const span = { start: first(a), end: last(b) };
  return span.start <= span.end ? span : undefined;
}

/** True for EML `yearDate` values we write: `YYYY` or a real `YYYY-MM-DD`. */
export function isYearDate(text: string): boolean {
  if (/^\d{4}$/.test(text)) return text !== "0000";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && valid({ y: +m[1], m: +m[2], d: +m[3] });
}
