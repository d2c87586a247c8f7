/**
 * What a cell means, as text for a data file. Builds on the model's `cellToText` (src/dwc/cells.ts) and adds
 * Excel's precision: Excel keeps and shows 15 significant digits, so a double such as 0.1 + 0.2 =
 * 0.30000000000000004 (binary noise from a formula) is the 0.3 the user sees and means. Rounding to 15 digits
 * first, then taking the shortest round-trip form, writes "0.3"; long whole numbers never get an exponent.
 */
import { cellToText, isDateFormat, isExcelError, numberToText } from "../dwc/cells";
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
  const dateFormats = new Map<string, boolean>();
  return (value, numberFormat) => {
    if (typeof value === "string") return value;
    if (typeof value !== "number") return cellToText(value, null, facts);
    if (numberFormat && numberFormat !== "General") {
      let isDate = dateFormats.get(numberFormat);
      if (isDate === undefined) {
        isDate = isDateFormat(numberFormat);
        dateFormats.set(numberFormat, isDate);
      }
      if (isDate) return cellToText(toExcelPrecision(value), numberFormat, facts);
    }
    return numberToText(toExcelPrecision(value));
  };
}

/** Whether a cell holds an Excel error value (`#N/A`, `#ИМЯ?` …), which blocks the export. */
export function isErrorCell(value: CellValue): boolean {
  return typeof value === "string" && value.charCodeAt(0) === 0x23 && isExcelError(value);
}
