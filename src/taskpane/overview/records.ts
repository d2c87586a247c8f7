/**
 * The few fields of each record the map and the charts need, read from a dataset sheet's chunks. Pure: the Excel
 * adapter hands over only the columns of {@link OVERVIEW_TERMS} (see `src/excel/columns.ts`), tests hand over rows
 * of a real dataset.
 */
import type { CellValue, RowChunk } from "../../dwc/table";
import { parseEventDate } from "../../metadata/dates";

/** The terms the overview reads, when the sheet has them. */
export const OVERVIEW_TERMS = [
  "occurrenceID",
  "eventID",
  "taxonID",
  "id",
  "scientificName",
  "vernacularName",
  "eventDate",
  "year",
  "month",
  "decimalLatitude",
  "decimalLongitude",
  "kingdom",
  "family",
  "basisOfRecord",
  "samplingProtocol",
] as const;
export type OverviewTerm = (typeof OVERVIEW_TERMS)[number];

/** One record as the overview sees it (text values trimmed; "" when empty or missing). */
export interface OverviewRecord {
  sheet: string;
  /** 1-based spreadsheet row. */
  row: number;
  /** The record's id (occurrenceID, eventID, taxonID or id, the first one filled). */
  id: string;
  /** scientificName, else vernacularName. */
  name: string;
  /** eventDate as written, else year-month. */
  date: string;
  year?: number;
  /** 1–12. */
  month?: number;
  /** Both set only when both cells hold numbers (in range or not: a swapped pair has |latitude| > 90 sometimes). */
  lat?: number;
  lon?: number;
  eventID: string;
  kingdom: string;
  family: string;
  basisOfRecord: string;
  samplingProtocol: string;
}

/** A dataset sheet's records with the sheet's role. */
export interface OverviewSheet {
  name: string;
  rowTypeId: string;
  kind: "core" | "extension";
  records: OverviewRecord[];
}

/** `decimalLatitude`, `dwc:decimalLatitude` and the term IRI all read as `decimallatitude`. */
const termKey = (header: string): string =>
  header
    .replace(/^\uFEFF/, "")
    .trim()
    .replace(/^.*[/:#]/, "")
    .toLowerCase();

/** Column index per overview term (first matching header), -1 where the sheet lacks it. */
export function overviewColumns(headers: readonly string[]): Record<OverviewTerm, number> {
  const keys = headers.map(termKey);
  const out = {} as Record<OverviewTerm, number>;
  for (const t of OVERVIEW_TERMS) out[t] = keys.indexOf(t.toLowerCase());
  return out;
}

/** Cell text: numbers without float noise, booleans as written. */
const plain = (v: CellValue | undefined): string => (v === null || v === undefined ? "" : typeof v === "string" ? v.trim() : String(v));

/** A decimal number from a cell (a comma as decimal separator accepted), or undefined. */
export function toDecimal(v: CellValue | undefined): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  const t = plain(v).replace(",", ".");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** Year and month of an eventDate text (the start of an interval), or of year/month cells. */
function yearMonth(dateText: string, yearCell: string, monthCell: string): { year?: number; month?: number } {
  const span = dateText ? parseEventDate(dateText) : undefined;
  if (span) {
    const precise = /^\d{4}-\d{2}/.test(dateText.trim());
    return { year: +span.start.slice(0, 4), month: precise ? +span.start.slice(5, 7) : undefined };
  }
  const y = /^\d{4}$/.test(yearCell) ? +yearCell : undefined;
  const m = /^\d{1,2}$/.test(monthCell) && +monthCell >= 1 && +monthCell <= 12 ? +monthCell : undefined;
  return { year: y, month: y === undefined && !dateText ? m : y === undefined ? undefined : m };
}

/**
 * The records of one chunk. `headers` are the headers of the chunk's columns (in the chunk's column order);
 * `cellText` turns a cell into text (an Excel date serial in a date-formatted cell into `YYYY-MM-DD`).
 *
 * @example recordsFromChunk("Occurrence", ["scientificName", "decimalLatitude", "decimalLongitude"], { startRow: 2, values: [["Parus major", 55.7, 37.6]] })
 * // [{ sheet: "Occurrence", row: 2, name: "Parus major", lat: 55.7, lon: 37.6, … }]
 */
export function recordsFromChunk(
  sheet: string,
  headers: readonly string[],
  chunk: RowChunk,
  cellText: (value: CellValue, numberFormat: string | null | undefined) => string = (v) => plain(v)
): OverviewRecord[] {
  const c = overviewColumns(headers);
  const out: OverviewRecord[] = [];
  chunk.values.forEach((row, r) => {
    const at = (t: OverviewTerm): string => (c[t] >= 0 ? plain(row[c[t]]) : "");
    if (row.every((v) => plain(v) === "")) return;
    const date = c.eventDate >= 0 ? cellText(row[c.eventDate] ?? null, chunk.numberFormats?.[r]?.[c.eventDate]).trim() : "";
    const yearCell = at("year");
    const monthCell = at("month");
    const lat = c.decimalLatitude >= 0 ? toDecimal(row[c.decimalLatitude]) : undefined;
    const lon = c.decimalLongitude >= 0 ? toDecimal(row[c.decimalLongitude]) : undefined;
    const hasPoint = lat !== undefined && lon !== undefined;
    out.push({
      sheet,
      row: chunk.startRow + r,
      id: at("occurrenceID") || at("eventID") || at("taxonID") || at("id"),
      name: at("scientificName") || at("vernacularName"),
      date: date || (yearCell ? (monthCell ? `${yearCell}-${monthCell.padStart(2, "0")}` : yearCell) : ""),
      ...yearMonth(date, yearCell, monthCell),
      ...(hasPoint ? { lat, lon } : {}),
      eventID: at("eventID"),
      kingdom: at("kingdom"),
      family: at("family"),
      basisOfRecord: at("basisOfRecord"),
      samplingProtocol: at("samplingProtocol"),
    });
  });
  return out;
}
