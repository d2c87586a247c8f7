/**
 * What a cell means, as text for a data file. Builds on the model's `cellToText` (src/dwc/cells.ts) and adds
 * Excel's precision: Excel keeps and shows 15 significant digits, so a double such as 0.1 + 0.2 =
 * 0.30000000000000004 (binary noise from a formula) is the 0.3 the user sees and means. Rounding to 15 digits
 * first, then taking the shortest round-trip form, writes "0.3"; long whole numbers never get an exponent.
 */
import { cellToText, excelSerialToIso, isDateFormat, isExcelError, numberToText } from "../dwc/cells";
import type { CellValue, WorkbookFacts } from "../dwc/table";

/** Rounds to the 15 significant digits Excel stores and displays. */
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

/** Whether a cell holds an Excel error value (`#N/A`, `#ИМЯ?` …), which blocks the export. */
export function isErrorCell(value: CellValue): boolean {
  return typeof value === "string" && value.charCodeAt(0) === 0x23 && isExcelError(value);
}
