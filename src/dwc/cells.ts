/**
 * Turning spreadsheet cells into the text a Darwin Core archive holds: numbers in their shortest exact decimal
 * form, date serials as ISO 8601, booleans as `true`/`false`, and recognising Excel error values. The per-workbook
 * converter (`createCellConverter`) is what the export writes and what validation quotes, so both see one text.
 */
import type { CellValue, WorkbookFacts } from "./table";

/**
 * The shortest decimal text that reads back as the same double, never in exponent notation.
 * JavaScript's `String(n)` already gives the shortest round-trip digits (ECMA-262 Number::toString) but switches
 * to exponent form from 1e21 and below 1e-6; we expand those.
 *
 * @example numberToText(55.75) === "55.75"; numberToText(1e21) === "1000000000000000000000";
 *          numberToText(1.5e-7) === "0.00000015"; numberToText(-0) === "0"
 */
export function numberToText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n === 0) return "0";
  const s = String(n);
  const e = s.indexOf("e");
  if (e < 0) return s;
  const negative = s[0] === "-";
  const mantissa = s.slice(negative ? 1 : 0, e);
  const exp = Number(s.slice(e + 1));
  const dot = mantissa.indexOf(".");
  const digits = mantissa.replace(".", "");
  // Position of the decimal point relative to the start of `digits`.
  const point = (dot < 0 ? mantissa.length : dot) + exp;
  let out: string;
  if (point <= 0) out = "0." + "0".repeat(-point) + digits;
  else if (point >= digits.length) out = digits + "0".repeat(point - digits.length);
  else out = digits.slice(0, point) + "." + digits.slice(point);
  return (negative ? "-" : "") + out;
}

/** Date/time tokens of one number-format section, after removing literals, escapes and bracketed parts. */
function formatTokens(format: string): string[] {
  const section = format.split(";")[0];
  const cleaned = section
    .replace(/"[^"]*"/g, "") // quoted literal text
    .replace(/\\./g, "") // escaped single characters
    .replace(/\[[^\]]*\]/g, "") // colours, conditions, locale ids, elapsed-time markers
    .replace(/_.|\*./g, ""); // padding/fill directives
  if (/general|standard|основной/i.test(cleaned)) return [];
  return cleaned.match(/[yY]+|[mM]+|[dD]+|[hH]+|[sS]+|AM\/PM|A\/P|[ГгДдМмЧч]+/g) ?? [];
}

/**
 * Whether an Excel number format shows a date or a time (so the cell's number is a date serial).
 * Accepts the invariant codes Office.js `numberFormat` returns (`yyyy-mm-dd`, `dd.mm.yyyy`, `h:mm`) and the
 * Russian local codes of `numberFormatLocal` (`ДД.ММ.ГГГГ`, `ч:мм`).
 *
 * @example isDateFormat("yyyy-mm-dd") === true; isDateFormat("0.00E+00") === false; isDateFormat("General") === false
 */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  return formatTokens(format).length > 0;
}

/** Whether the format shows a calendar date (year, month or day), as opposed to a time of day only. */
function hasDatePart(format: string): boolean {
  const tokens = formatTokens(format).map((t) => t.toLowerCase());
  return tokens.some((t, i) => {
    if (/^[yгdд]/.test(t)) return true;
    if (/^[mм]/.test(t)) {
      // `m` right after an hour or right before a second is minutes, otherwise month.
      const prev = tokens[i - 1] ?? "";
      const next = tokens[i + 1] ?? "";
      return !/^[hч]/.test(prev) && !/^[sс]/.test(next);
    }
    return false;
  });
}

const MS_PER_DAY = 86_400_000;
/** Largest serial Excel accepts: 9999-12-31 (1900 system). */
const MAX_SERIAL = 2_958_465;

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** `HH:MM`, `HH:MM:SS` or `HH:MM:SS.sss` for a number of milliseconds since midnight. */
function timeText(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const milli = ms % 1000;
  let out = `${pad(h)}:${pad(m)}`;
  if (s || milli) out += `:${pad(s)}`;
  if (milli) out += `.${pad(milli, 3)}`;
  return out;
}

/**
 * ISO 8601 text of an Excel date serial: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM[:SS[.sss]]` when the serial has a
 * time part (rounded to the millisecond).
 *
 * 1900 system: serial 1 is 1900-01-01 and Excel counts the non-existent 1900-02-29 as serial 60 (a bug kept from
 * Lotus 1-2-3); serial 60 is returned as "1900-02-29" as Excel shows it, and serials from 61 on are one day
 * earlier than plain counting from 1899-12-31. Serials below 1 have no date in this system: only the time of day
 * is returned (`0.5` -> `12:00`). 1904 system (old Mac workbooks): serial 0 is 1904-01-01.
 * Negative, non-finite or too large serials are not dates; their number text is returned.
 *
 * @example excelSerialToIso(41193, false) === "2012-10-10"; excelSerialToIso(39731, true) === "2012-10-10";
 *          excelSerialToIso(41193.5881944444, false) === "2012-10-10T14:07"
 */
export function excelSerialToIso(serial: number, date1904: boolean): string {
  if (!Number.isFinite(serial) || serial < 0 || serial > MAX_SERIAL) return numberToText(serial);
  let totalMs = Math.round(serial * MS_PER_DAY);
  let day = Math.floor(totalMs / MS_PER_DAY);
  const timeMs = totalMs - day * MS_PER_DAY;
  if (!date1904 && day < 1) return timeText(timeMs);
  let date: string;
  if (!date1904 && day === 60) date = "1900-02-29";
  else {
    if (!date1904 && day > 60) day -= 1;
    // Day numbers counted from 1899-12-31 (1900 system) or 1904-01-01 (1904 system), in UTC to avoid DST.
    const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 31);
    const d = new Date(base + day * MS_PER_DAY);
    date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }
  totalMs = timeMs;
  return totalMs ? `${date}T${timeText(totalMs)}` : date;
}

/**
 * The text a cell stands for in a Darwin Core archive.
 * - empty -> `""`; text -> unchanged; booleans -> `true` / `false`;
 * - numbers with a date format -> ISO 8601 date or date-time ({@link excelSerialToIso}); with a time-only format
 *   (`h:mm`) -> `HH:MM[:SS]`;
 * - other numbers -> the stored value in shortest form ({@link numberToText}), whatever the display format
 *   (`0.00`, `0%`) — the archive carries the value, not its rounding on screen.
 *
 * @example cellToText(41193, "dd.mm.yyyy", { date1904: false }) === "2012-10-10"
 */
export function cellToText(value: CellValue, numberFormat: string | null | undefined, facts: WorkbookFacts): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (isDateFormat(numberFormat)) {
    if (hasDatePart(numberFormat as string)) return excelSerialToIso(value, facts.date1904);
    if (value >= 0 && value < 1) return timeText(Math.round(value * MS_PER_DAY) % MS_PER_DAY);
    return excelSerialToIso(value, facts.date1904);
  }
  return numberToText(value);
}

/**
 * Rounds to the 15 significant digits Excel stores and displays: a double such as 0.1 + 0.2 =
 * 0.30000000000000004 (binary noise from a formula) is the 0.3 the user sees and means.
 *
 * @example toExcelPrecision(0.1 + 0.2) === 0.3; toExcelPrecision(123456789012345678) === 123456789012346000
 */
export function toExcelPrecision(n: number): number {
  if (!Number.isFinite(n) || n === 0 || (Number.isInteger(n) && Math.abs(n) < 1e15)) return n;
  return Number(n.toPrecision(15));
}

/**
 * The text of a number as the user sees it in Excel, in plain decimal notation.
 * @example numberText(0.1 + 0.2) === "0.3"; numberText(1e21) === "1000000000000000000000"; numberText(-0) === "0"
 */
export function numberText(n: number): string {
  // Fast path: at most 15 digits (16 characters with a point or a sign) and no exponent: rounding to 15
  // significant digits would change nothing.
  const plain = String(n);
  if (plain.length <= 15 || (plain.length === 16 && (plain.indexOf(".") >= 0 || n < 0))) {
    if (plain.indexOf("e") < 0) return plain === "-0" ? "0" : plain;
  }
  return numberToText(toExcelPrecision(n));
}

/** Converts cells to data file text; see `createCellConverter`. */
export type CellConverter = (value: CellValue, numberFormat: string | null | undefined) => string;

/**
 * A converter for one workbook: text as is, numbers at Excel precision, date serials in date-formatted cells as
 * ISO 8601 (honouring `facts.date1904`), booleans as `true`/`false`, empty as "". Whether a number format is a
 * date format is decided once per distinct format (large sheets repeat a handful of formats millions of times).
 *
 * @example
 * const text = createCellConverter({ date1904: false });
 * text(45000, "dd.mm.yyyy") === "2023-03-15"; text(0.1 + 0.2, "General") === "0.3"; text(null, null) === ""
 */
export function createCellConverter(facts: WorkbookFacts): CellConverter {
  /** Per number format: "number", "date" (has a calendar part: serial -> ISO date[-time]) or "time" (time only). */
  const kinds = new Map<string, "number" | "date" | "time">();
  /** ISO dates of whole-day serials; a sheet holds few distinct dates, converted once each. */
  const days = new Map<number, string>();
  let lastFormat: string | undefined;
  let lastKind: "number" | "date" | "time" = "number";
  const kindOf = (format: string): "number" | "date" | "time" => {
    let kind = kinds.get(format);
    if (kind === undefined) {
      // The model decides what a format shows; probing serial 1 (1900-01-01, or 1904-01-02) tells a date format
      // from a time-only one without re-implementing the format parser.
      kind = !isDateFormat(format) ? "number" : /^\d{4}-/.test(cellToText(1, format, facts)) ? "date" : "time";
      kinds.set(format, kind);
    }
    return kind;
  };
  return (value, numberFormat) => {
    if (typeof value === "string") return value;
    if (typeof value !== "number") return cellToText(value, null, facts);
    if (!numberFormat || numberFormat === "General") return numberText(value);
    if (numberFormat !== lastFormat) {
      lastFormat = numberFormat;
      lastKind = kindOf(numberFormat);
    }
    if (lastKind === "number") return numberText(value);
    const rounded = toExcelPrecision(value);
    if (lastKind === "time") return cellToText(rounded, numberFormat, facts);
    if (!Number.isInteger(rounded) || rounded < 0) return excelSerialToIso(rounded, facts.date1904);
    let iso = days.get(rounded);
    if (iso === undefined) {
      iso = excelSerialToIso(rounded, facts.date1904);
      if (days.size < 100_000) days.set(rounded, iso);
    }
    return iso;
  };
}

/**
 * Error values as Excel shows them, in English and Russian Excel. Office.js returns them as cell text.
 */
export const EXCEL_ERRORS: readonly string[] = [
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#DIV/0!",
  "#NUM!",
  "#NAME?",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#Н/Д",
  "#ЗНАЧ!",
  "#ССЫЛКА!",
  "#ДЕЛ/0!",
  "#ЧИСЛО!",
  "#ИМЯ?",
  "#ПУСТО!",
  "#ПЕРЕНОС!",
  "#ВЫЧИСЛ!",
];

const ERROR_SET = new Set(EXCEL_ERRORS.map((e) => e.toUpperCase()));

/**
 * Whether a cell value is an Excel error value (`#N/A`, `#ЗНАЧ!` …), case-insensitively and ignoring
 * surrounding spaces.
 *
 * @example isExcelError("#DIV/0!") === true; isExcelError("#Н/Д") === true; isExcelError("#1 specimen") === false
 */
export function isExcelError(v: unknown): boolean {
  return typeof v === "string" && v.length <= 16 && ERROR_SET.has(v.trim().toUpperCase());
}
