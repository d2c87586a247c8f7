/**
 * Applying a mapping: the new Darwin Core table, with converted values, the `verbatim…` copies of what was
 * converted, values derived from others, and a summary that accounts for every filled cell of the original:
 * each one is in the new table (as written, or converted with the original in its verbatim term), or listed in the
 * summary's conversions (terms without a verbatim twin: `самец` → male) or left-out cells. Nothing is dropped.
 */
import { buildTemplate } from "../dwc";
import type { DatasetClass, Text2 } from "../dwc/types";
import {
  convertCoordinate,
  convertCoordinatePair,
  convertDate,
  convertNumber,
  convertAgents,
  dayOrderOf,
  tidyText,
  type Converted,
  type DayOrder,
} from "./convert";
import type {
  CellNote,
  ColumnAction,
  ColumnSummary,
  MappingProposal,
  RawCell,
  SavedMapping,
  StandardisedTable,
  StandardiseSummary,
} from "./types";
import { cellText } from "./values";
import { convertCountryCode, convertVocabulary, countryCodeOf, WORD_VOCABULARIES } from "./words";
import { VERBATIM_OF } from "../dwc/terms";


const DATE_TERMS = new Set(["eventDate", "dateIdentified", "modified", "georeferencedDate"]);
const INTEGER_TERMS = new Set(["individualCount", "year", "month", "day", "startDayOfYear", "endDayOfYear"]);

type Converter = (value: string) => Converted;

/** The converter of a term's values, or undefined for terms whose values are copied as written. */
export function converterFor(term: string, order: DayOrder = "unknown"): Converter | undefined {
  if (DATE_TERMS.has(term)) return (v) => convertDate(v, order);
  if (term === "decimalLatitude") return (v) => convertCoordinate(v, "lat");
  if (term === "decimalLongitude") return (v) => convertCoordinate(v, "lon");
  if (term === "minimumElevationInMeters")
    return (v) => convertNumber(v, { metres: true, range: "maximumElevationInMeters" });
  if (term === "minimumDepthInMeters") return (v) => convertNumber(v, { metres: true, range: "maximumDepthInMeters" });
  if (/InMeters$/.test(term)) return (v) => convertNumber(v, { metres: true });
  if (INTEGER_TERMS.has(term)) return (v) => convertNumber(v, { integer: true });
  if (term === "coordinatePrecision" || term === "sampleSizeValue") return (v) => convertNumber(v);
  if (WORD_VOCABULARIES.includes(term)) return (v) => convertVocabulary(v, term);
  if (term === "countryCode") return convertCountryCode;
  if (term === "locality") return tidyText;
  if (term === "recordedBy" || term === "identifiedBy") return convertAgents;
  return undefined;
}

/** What a verbatim term (mapped with `map`) gives the standard terms. */
function deriveFrom(term: string, value: string, order: DayOrder): Record<string, string> | undefined {
  const single = (target: string, c: Converted): Record<string, string> | undefined =>
    c.status === "kept" ? undefined : { [target]: c.value, ...c.extra };
  switch (term) {
    case "verbatimEventDate":
      return single("eventDate", convertDate(value, order));
    case "verbatimLatitude":
      return single("decimalLatitude", convertCoordinate(value, "lat"));
    case "verbatimLongitude":
      return single("decimalLongitude", convertCoordinate(value, "lon"));
    case "verbatimElevation":
      return single(
        "minimumElevationInMeters",
        convertNumber(value, { metres: true, range: "maximumElevationInMeters" })
      );
    case "verbatimDepth":
      return single("minimumDepthInMeters", convertNumber(value, { metres: true, range: "maximumDepthInMeters" }));
    case "verbatimCoordinates": {
      const p = convertCoordinatePair(value);
      return p ? { decimalLatitude: p.lat, decimalLongitude: p.lon } : undefined;
    }
    case "country": {
      const code = countryCodeOf(value);
      return code ? { countryCode: code } : undefined;
    }
    default:
      return undefined;
  }
}

/** Columns of the new table, by term, one value per row. A second value for the same cell is joined by ` | `. */
class Output {
  readonly columns = new Map<string, string[]>();
  constructor(private readonly rowCount: number) {}
  column(term: string): string[] {
    let col = this.columns.get(term);
    if (!col) {
      col = new Array<string>(this.rowCount).fill("");
      this.columns.set(term, col);
    }
    return col;
  }
  put(term: string, row: number, value: string): void {
    const col = this.column(term);
    const cur = col[row];
    if (cur === "") col[row] = value;
    else if (!` | ${cur} | `.includes(` | ${value} | `)) col[row] = `${cur} | ${value}`;
  }
  /** A derived value goes only into an empty cell: a value from the table itself wins. */
  derive(term: string, row: number, value: string): boolean {
    const col = this.column(term);
    if (col[row] !== "") return false;
    col[row] = value;
    return true;
  }
}

interface Assigned {
  index: number;
  header: string;
  term: string | null;
  action: ColumnAction;
}

/** Pairs the mapping's columns with the table's by header (the n-th `Примечание` with the n-th). */
function assign(
  mapping: SavedMapping | MappingProposal,
  headers: readonly string[]
): { assigned: Assigned[]; unmapped: string[] } {
  const used = new Set<number>();
  const unmapped: string[] = [];
  const assigned = headers.map((header, index): Assigned => {
    const k = mapping.columns.findIndex((c, i) => !used.has(i) && c.header.trim() === header.trim());
    if (k < 0) {
      unmapped.push(header);
      return { index, header, term: null, action: "leave-out" };
    }
    used.add(k);
    const c = mapping.columns[k];
    return { index, header, term: c.term, action: c.term ? c.action : "leave-out" };
  });
  return { assigned, unmapped };
}

const LEFT_OUT: Text2 = { en: "left out by the mapping", ru: "не включён в сопоставление" };

function emptySummary(a: Assigned): ColumnSummary {
  return {
    column: a.index,
    header: a.header,
    term: a.term,
    action: a.action,
    filled: 0,
    converted: 0,
    unchanged: 0,
    kept: [],
    assumed: [],
    leftOut: 0,
  };
}

/** Term order of the new table: the dataset class's extended template, then any other term in mapping order. */
function termOrder(datasetClass: DatasetClass): Map<string, number> {
  const order = new Map<string, number>();
  for (const sheet of buildTemplate(datasetClass, "extended"))
    for (const c of sheet.columns) if (!order.has(c.term)) order.set(c.term, order.size);
  // A verbatim twin the template lacks (verbatimLatitude) comes right after its term.
  for (const [term, verbatim] of Object.entries(VERBATIM_OF)) {
    const at = order.get(term);
    if (at !== undefined && !order.has(verbatim)) order.set(verbatim, at + 0.5);
  }
  return order;
}

/** Converts one mapped cell into `out`, recording what happened in `col` and `summary`. */
function mapCell(
  a: Assigned,
  row: number,
  value: string,
  order: DayOrder,
  out: Output,
  col: ColumnSummary,
  summary: StandardiseSummary
): void {
  const term = a.term as string;
  const note: CellNote = { row: row + 2, column: a.index, header: a.header, value, term };
  const convert = a.action === "map" ? converterFor(term, order) : undefined;
  const c = convert ? convert(value) : undefined;
  if (!c || c.status === "unchanged") {
    out.put(term, row, value);
    col.unchanged++;
  } else if (c.status === "kept") {
    out.put(term, row, value);
    col.kept.push({ ...note, reason: c.reason });
    summary.kept.push({ ...note, reason: c.reason });
  } else {
    out.put(term, row, c.value);
    const verbatim = VERBATIM_OF[term];
    if (verbatim) out.put(verbatim, row, value);
    for (const [t, v] of Object.entries(c.extra ?? {})) out.put(t, row, v);
    col.converted++;
    const converted = { ...note, to: c.value, ...(c.reason ? { reason: c.reason } : {}) };
    summary.conversions.push(converted);
    if (c.status === "assumed") col.assumed.push(converted);
  }
  if (a.action !== "map") return;
  const derived = deriveFrom(term, value, order);
  for (const [t, v] of Object.entries(derived ?? {})) if (out.derive(t, row, v)) summary.derived++;
}

/**
 * Builds the Darwin Core table a mapping describes from the original headers and rows (rows as read, without the
 * header). Columns the mapping does not mention are left out and listed. Header order of the result follows the
 * dataset class's extended template (the methodology's blocks).
 *
 * @example
 * const { headers, rows } = applyMapping(proposeMapping(h, rows), h, rows);
 * // headers: ["scientificName", "eventDate", "verbatimEventDate", …]; rows[0]: ["Parus major", "2012-06-23", "23.06.2012", …]
 */
export function applyMapping(
  mapping: SavedMapping | MappingProposal,
  headers: readonly string[],
  rows: readonly (readonly RawCell[])[]
): StandardisedTable {
  const { assigned, unmapped } = assign(mapping, headers);
  const out = new Output(rows.length);
  const summary: StandardiseSummary = {
    columns: [],
    conversions: [],
    kept: [],
    leftOut: [],
    derived: 0,
    unmappedHeaders: unmapped,
  };
  for (const a of assigned) {
    const col = emptySummary(a);
    summary.columns.push(col);
    const texts = rows.map((r) => cellText(r[a.index]));
    const order = a.term && (DATE_TERMS.has(a.term) || a.term === "verbatimEventDate") ? dayOrderOf(texts) : "unknown";
    if (a.term && a.action !== "leave-out") out.column(a.term);
    texts.forEach((value, row) => {
      if (value.trim() === "") return;
      col.filled++;
      if (!a.term || a.action === "leave-out") {
        col.leftOut++;
        summary.leftOut.push({ row: row + 2, column: a.index, header: a.header, value, term: null, reason: LEFT_OUT });
        return;
      }
      mapCell(a, row, value, order, out, col, summary);
    });
  }
  const rank = termOrder(mapping.datasetClass);
  const firstSeen = [...out.columns.keys()];
  const terms = firstSeen
    .filter(
      (t) => assigned.some((a) => a.term === t && a.action !== "leave-out") || out.columns.get(t)!.some((v) => v !== "")
    )
    .sort(
      (a, b) => (rank.get(a) ?? rank.size + firstSeen.indexOf(a)) - (rank.get(b) ?? rank.size + firstSeen.indexOf(b))
    );
  const table = rows.map((_, r) => terms.map((t) => out.columns.get(t)![r]));
  return { headers: terms, rows: table, summary };
}
