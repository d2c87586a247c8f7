/**
 * A sheet compiled for validation: each column gets its checks decided once from its header (term, type,
 * vocabulary, level), and {@link checkRow} runs the cell and record rules of one row with no per-cell closures.
 */
import type { Lang, SheetRole, TemplateColumn } from "../dwc/types";
import type { CellValue, WorkbookFacts } from "../dwc/table";
import { compileBdq, runBdq, type BdqMode, type RowTexts, type SheetBdq } from "./bdqRules";
import { dayFirstToIso, dayOfYear, parseIsoDate, type ParsedDate } from "./dates";
import { isBdqGeometryLoaded } from "./bdq";
import { countriesAt, countryContains } from "./bdq/geometry";
import { columnLetter, makeIssue } from "./issue";
import { createCellConverter, excelSerialToIso, headerMatcher, isDateFormat, isExcelError, numberText, rowTypeTerms, templateColumns, vocabularyFor, type CellConverter } from "./model";
import { isScientificNotation, parseDecimal } from "./numbers";
import { RULE } from "./rules";
import { headerTermIri, termForIri } from "./model";
import { idColumnMissingIssue, requirementsOf } from "./requirements";
import { cellsText, createTally, markRow, tallyIssue, unmarkRow, type ColumnTally, type TallyFacts } from "./tally";
import {
  cyrillicLettersIn,
  describeNonPlainSpaces,
  mixedScriptWords,
  normaliseSpaces,
  SCAN_HASH,
  scanText,
  shown,
  TEXT_EDGE_SPACE,
  TEXT_FINDINGS,
  TEXT_HASH_START,
  TEXT_MIXED_SCRIPT,
  TEXT_NONPLAIN_SPACE,
  trimAll,
} from "./text";
import type { CellChange, Fix, Issue } from "./types";
import { vocabularyMatcher, type VocabularyMatcher } from "./vocabulary";

/** Column kinds (bit flags). */
const K_ID = 1;
const K_NUM = 2;
const K_INT = 4;
const K_DATE = 8;
const K_PEOPLE = 16;
const K_JSON = 32;
const K_LAT = 64;
const K_LON = 128;
const K_UNC = 256;
const K_PREC = 512;
const K_DATEPART = 1024;

const DATE_PARTS = ["year", "month", "day", "startDayOfYear", "endDayOfYear"] as const;

/** Excel's maximum number of characters in a cell. */
export const EXCEL_MAX_CELL = 32767;

const NUMERIC_TERMS: Record<string, number> = {
  decimalLatitude: K_NUM | K_LAT,
  decimalLongitude: K_NUM | K_LON,
  coordinateUncertaintyInMeters: K_NUM | K_UNC,
  coordinatePrecision: K_NUM | K_PREC,
  minimumElevationInMeters: K_NUM,
  maximumElevationInMeters: K_NUM,
  minimumDepthInMeters: K_NUM,
  maximumDepthInMeters: K_NUM,
  minimumDistanceAboveSurfaceInMeters: K_NUM,
  maximumDistanceAboveSurfaceInMeters: K_NUM,
  pointRadiusSpatialFit: K_NUM,
  footprintSpatialFit: K_NUM,
  sampleSizeValue: K_NUM,
  individualCount: K_NUM | K_INT,
  year: K_NUM | K_INT | K_DATEPART,
  month: K_NUM | K_INT | K_DATEPART,
  day: K_NUM | K_INT | K_DATEPART,
  startDayOfYear: K_NUM | K_INT | K_DATEPART,
  endDayOfYear: K_NUM | K_INT | K_DATEPART,
};
const DATE_TERMS = new Set(["eventDate", "dateIdentified", "modified", "georeferencedDate", "measurementDeterminedDate", "relationshipEstablishedDate"]);
/** Terms holding lists of people, where the methodology asks for ` | ` between names. */
const PEOPLE_TERMS = new Set(["recordedBy", "identifiedBy", "georeferencedBy", "measurementDeterminedBy", "recordedByID", "identifiedByID"]);
const ID_TERMS = new Set(["catalogNumber", "recordNumber", "fieldNumber", "id", "coreid"]);
const DATEPART_RANGE: Record<string, [number, number]> = {
  year: [1000, 2999],
  month: [1, 12],
  day: [1, 31],
  startDayOfYear: [1, 366],
  endDayOfYear: [1, 366],
};
/** Where the original goes when a fix rewrites a value (Darwin Core's verbatim terms). */
const VERBATIM_OF: Record<string, string> = {
  eventDate: "verbatimEventDate",
  decimalLatitude: "verbatimLatitude",
  decimalLongitude: "verbatimLongitude",
  locality: "verbatimLocality",
  minimumElevationInMeters: "verbatimElevation",
  maximumElevationInMeters: "verbatimElevation",
  minimumDepthInMeters: "verbatimDepth",
  maximumDepthInMeters: "verbatimDepth",
  taxonRank: "verbatimTaxonRank",
};

/**
 * Placeholder in `SheetPlan.texts` for a number cell whose text has not been needed yet: most numbers are only
 * range-checked, and turning every one into text would cost more than the checks. {@link textOf} converts.
 */
export const NUMBER_TEXT = "\u0000number";

/** Distinct recent texts remembered per column (a power of two). */
const CACHE_WAYS = 4;

const F64 = new Float64Array(1);
const I32 = new Int32Array(F64.buffer);

/** The text of column `c` of the row last checked (numbers converted on demand, by the export's own converter). */
export function textOf(plan: SheetPlan, c: number): string {
  const s = plan.texts[c];
  if (s !== NUMBER_TEXT) return s;
  const f = plan.rowFormats;
  const t = plan.convert(plan.nums[c], f ? f[c] : null);
  plan.texts[c] = t;
  return t;
}

/** How one column is checked. */
export interface ColumnPlan {
  index: number;
  header: string;
  /** The term the header names (exactly or up to case and separators), if any. */
  term?: string;
  kinds: number;
  /** For a date part (year, month, day, startDayOfYear, endDayOfYear), the range of its values; else 0…0. */
  lo: number;
  hi: number;
  vocabulary?: VocabularyMatcher;
  required: boolean;
}

/** What the engine is told about a sheet. */
export interface SheetSpec {
  name: string;
  /** Header row as text; blank headers are "". */
  headers: string[];
  /** The sheet's role: given by the adapter, else recognised from the headers; undefined = not a dataset sheet. */
  role?: SheetRole;
  /**
   * The sheet's last used row, header included, when the adapter knows it before reading (Excel's used range, a
   * file's row count): a sizing hint for the id and row indexes. Rows beyond it are still validated.
   */
  rowCount?: number;
}

/** A compiled sheet. Scratch buffers are reused from row to row. */
export interface SheetPlan {
  name: string;
  headers: readonly string[];
  role?: SheetRole;
  columns: ColumnPlan[];
  /** Column index per term (first column with that term). */
  byTerm: Map<string, number>;
  /** Column of the role's id term (core id or link to the core), -1 if absent. */
  idColumn: number;
  /** Columns whose empty cells are reported, and the rule each reports under (basis-of-record, recommended-value…). */
  requiredColumns: number[];
  requiredRules: string[];
  /** Issues about the header row, found when compiling. */
  headerIssues: Issue[];
  facts: WorkbookFacts;
  lang: Lang;
  /** Cell to text exactly as the export writes it. */
  convert: CellConverter;
  /** Number formats of the row last checked (for numbers converted on demand). */
  rowFormats: readonly (string | null)[] | undefined;
  texts: string[];
  nums: Float64Array;
  dateFormats: Map<string, boolean>;
  parsedDate: ParsedDate | undefined;
  /** Hash of the row last checked, in two parts (for duplicate rows): `rowHash` fits a small integer map key. */
  rowHash: number;
  rowHash2: number;
  /** Columns holding data in any row checked so far (a blank header over data is reported). */
  hasData: Uint8Array;
  /** Columns the record rules read, -1 when absent; resolved once. */
  at: { eventDate: number; lat: number; lon: number; parts: number[]; countryCode: number; waterBody: number; minDepth: number; maxDepth: number };
  /** The BDQ tests that apply to the sheet. */
  bdq?: SheetBdq;
  /** `textOf` bound to this plan, for the BDQ runner. */
  text: (column: number) => string;
  /** The row buffers as the BDQ runner reads them. */
  cells: RowTexts;
  /**
   * Valid cells an info rule reports once per column (date serials in date-formatted cells, numeric ids), by
   * column, and the same tallies as a list; see {@link columnTallyIssues}.
   */
  tallies: (ColumnTally | undefined)[];
  tallyList: ColumnTally[];
  /**
   * Per column, the last {@link CACHE_WAYS} distinct texts scanned and their scans (flags and two hashes), at
   * `column * CACHE_WAYS + slot`: columns repeat a few values (country, basisOfRecord, a handful of species,
   * collectors or localities), and comparing to them is cheaper than scanning and checking again.
   */
  lastText: string[];
  lastFlags: Int32Array;
  lastH1: Int32Array;
  lastH2: Int32Array;
  /**
   * Per column, the two 32-bit hashes of the row last checked's cell (of the text, or of the number's bits), for
   * the BDQ runner's memo keys: a test's verdict is looked up by its inputs' hashes, never by hashing strings again.
   */
  cellH1: Int32Array;
  cellH2: Int32Array;
  /** Per column, 1 when the row last checked's text is empty (blank, or an Excel error, exported as nothing). */
  cellEmpty: Uint8Array;
  /** Per column, the text last found in the column's vocabulary (a repeat needs no lookup). */
  lastInVocabulary: string[];
  /**
   * Per cache slot, 1 when the text in `lastText` passed every cell check (no issue): a repeat skips them and takes
   * the number and eventDate they read from it (`lastNum`, `lastDate`). Cell checks are pure functions of the text.
   */
  lastClean: Uint8Array;
  lastNum: Float64Array;
  lastDate: (ParsedDate | undefined)[];
  /** Per column, the cache slot (0…{@link CACHE_WAYS}-1) the next new text replaces, and the slot last used. */
  lastNext: Uint8Array;
  lastHit: Uint8Array;
  /** Per column, texts in a row that were not among the remembered ones. */
  misses: Int32Array;
  /** JSON texts found to be objects (dynamicProperties), at most 4096. */
  jsonObjects: Set<string>;
}

const txt = (en: string, ru: string) => ({ en, ru });

/** Compiles a sheet's columns. Header problems go to `headerIssues`. */
export function compileSheet(spec: SheetSpec, facts: WorkbookFacts, lang: Lang, bdqMode: BdqMode = "default"): SheetPlan {
  const m = headerMatcher();
  const role = spec.role;
  const template = role ? templateColumns(role) : [];
  const templateByTerm = new Map<string, TemplateColumn>(template.map((c) => [c.term as string, c]));
  const rowTerms = role ? rowTypeTerms(role.rowTypeId) : undefined;
  const headerIssues: Issue[] = [];
  const columns: ColumnPlan[] = [];
  const byTerm = new Map<string, number>();
  const seen = new Map<string, number>();
  spec.headers.forEach((raw, index) => {
    const header = raw ?? "";
    const h = trimAll(header);
    const col: ColumnPlan = { index, header, kinds: 0, lo: 0, hi: 0, required: false };
    columns.push(col);
    if (!h) return;
    // A full IRI or a qualified name (`dwc:eventDate`, `dcterms:type`) names its term; one the model does not know
    // is exported under its IRI and only noted.
    const iri = /^https?:\/\/|^[A-Za-z][\w-]*:[A-Za-z_]/.test(h) ? headerTermIri(h) : undefined;
    if (iri) {
      const known = termForIri(iri, role?.rowTypeId);
      if (!known) {
        headerIssues.push(makeIssue(RULE.termNotInRowType, spec.name, 1, index, undefined, header, txt(`${shown(h)} is not a term the model knows; it is exported under that IRI, and the IPT publishes it only if one of its extensions defines it`, `${shown(h)} — термин, которого нет в модели; он экспортируется под этим IRI, и IPT опубликует его, только если он есть в одном из расширений`), undefined, "info"));
        return;
      }
    }
    const exact = iri ? termForIri(iri, role?.rowTypeId) : m.exact(h);
    const term = exact ?? m.loose(h);
    if (h !== header) {
      headerIssues.push(
        makeIssue(RULE.whitespaceEdges, spec.name, 1, index, term, header, txt(`Header "${shown(header)}" has leading or trailing spaces`, `В заголовке «${shown(header)}» пробелы в начале или в конце`), headerFix(spec.name, index, header, h)),
      );
    }
    const key = term ?? h.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      headerIssues.push(
        makeIssue(RULE.duplicateColumn, spec.name, 1, index, term, header, txt(`Column ${columnLetter(index)} "${shown(h)}" repeats column ${columnLetter(first)}`, `Столбец ${columnLetter(index)} «${shown(h)}» повторяет столбец ${columnLetter(first)}`)),
      );
      return;
    }
    seen.set(key, index);
    if (!exact) {
      const suggestions = term ? [term] : m.suggest(h);
      const list = suggestions.join(" / ");
      headerIssues.push(
        makeIssue(
          RULE.headerUnknown,
          spec.name,
          1,
          index,
          undefined,
          header,
          suggestions.length
            ? txt(`Header "${shown(h)}" is not a Darwin Core term; did you mean ${list}?`, `Заголовок «${shown(h)}» не является термином Darwin Core; возможно, имелось в виду ${list}?`)
            : txt(`Header "${shown(h)}" is not a Darwin Core term and will not be published`, `Заголовок «${shown(h)}» не является термином Darwin Core и не будет опубликован`),
          suggestions.length ? headerFix(spec.name, index, header, suggestions[0]) : undefined,
        ),
      );
    }
    if (!term) return;
    // An extension's link column (the core's id term, e.g. eventID on a MeasurementOrFact sheet) is not a property
    // of the extension but the IPT maps it as the coreid, and the templates put it first.
    const isLink = role?.kind === "extension" && term === role.idTerm;
    if (exact && rowTerms && !rowTerms.has(term) && term !== "id" && term !== "coreid" && role && !isLink) {
      headerIssues.push(
        makeIssue(RULE.termNotInRowType, spec.name, 1, index, term, header, txt(`${term} is not a term of the ${role.rowTypeId} ${role.kind}: the IPT cannot publish it from this sheet; move it to a sheet whose core or extension has it`, `${term} не входит в ${role.kind === "core" ? "ядро" : "расширение"} ${role.rowTypeId}: IPT не сможет опубликовать его с этого листа; перенесите его на лист, где этот термин есть`)),
      );
    }
    col.term = term;
    if (!byTerm.has(term)) byTerm.set(term, index);
    const tc = templateByTerm.get(term);
    let kinds = NUMERIC_TERMS[term] ?? 0;
    if (!kinds && tc && (tc.type === "decimal" || tc.type === "integer")) kinds = K_NUM | (tc.type === "integer" ? K_INT : 0);
    if (DATE_TERMS.has(term) || tc?.type === "date") kinds |= K_DATE;
    if (PEOPLE_TERMS.has(term)) kinds |= K_PEOPLE;
    if (term === "dynamicProperties") kinds |= K_JSON;
    if (ID_TERMS.has(term) || (term.length > 2 && term.endsWith("ID"))) kinds |= K_ID;
    col.kinds = kinds;
    if (Object.prototype.hasOwnProperty.call(DATEPART_RANGE, term)) [col.lo, col.hi] = DATEPART_RANGE[term];
    if (role) {
      const vocab = vocabularyFor(role.rowTypeId, term);
      if (vocab) col.vocabulary = vocabularyMatcher(vocab);
    }
  });

  const idColumn = role ? (byTerm.get(role.idTerm) ?? -1) : -1;
  const requiredColumns: number[] = [];
  const requiredRules: string[] = [];
  if (role) {
    for (const { term, ruleId } of requirementsOf(role, rowTerms)) {
      const at = byTerm.get(term);
      if (term === role.idTerm) {
        if (at === undefined) headerIssues.push(idColumnMissingIssue(spec.name, role));
        continue;
      }
      if (at === undefined) {
        const rule = ruleId === RULE.basisOfRecord ? RULE.basisOfRecord : ruleId === RULE.requiredValue ? RULE.requiredColumn : RULE.recommendedColumn;
        const message =
          rule === RULE.basisOfRecord
            ? txt(`Column basisOfRecord is missing: the IPT refuses to publish occurrences without it`, `Нет столбца basisOfRecord: IPT не публикует находки без него`)
            : rule === RULE.requiredColumn
              ? txt(`Column ${term}, which the ${role.rowTypeId} extension requires, is missing`, `Нет столбца ${term}, обязательного для расширения ${role.rowTypeId}`)
              : txt(`Strongly recommended column ${term} is missing`, `Нет настоятельно рекомендуемого столбца ${term}`);
        headerIssues.push(makeIssue(rule, spec.name, 1, -1, term, undefined, message));
      } else {
        columns[at].required = true;
        requiredColumns.push(at);
        requiredRules.push(ruleId);
      }
    }
  }
  const n = columns.length;
  const tallies = columns.map((col) =>
    col.kinds & K_DATE ? createTally(RULE.excelSerialDate, col.index, col.term as string) : col.kinds & K_ID ? createTally(RULE.idAsNumber, col.index, col.term as string) : undefined,
  );
  const plan: SheetPlan = {
    name: spec.name,
    headers: spec.headers,
    role,
    columns,
    byTerm,
    idColumn,
    requiredColumns,
    requiredRules,
    headerIssues,
    facts,
    lang,
    convert: createCellConverter(facts),
    rowFormats: undefined,
    texts: new Array<string>(n).fill(""),
    nums: new Float64Array(n),
    dateFormats: new Map(),
    parsedDate: undefined,
    rowHash: 0,
    rowHash2: 0,
    hasData: new Uint8Array(n),
    at: {
      eventDate: byTerm.get("eventDate") ?? -1,
      lat: byTerm.get("decimalLatitude") ?? -1,
      lon: byTerm.get("decimalLongitude") ?? -1,
      parts: DATE_PARTS.map((p) => byTerm.get(p) ?? -1),
      countryCode: byTerm.get("countryCode") ?? -1,
      waterBody: byTerm.get("waterBody") ?? -1,
      minDepth: byTerm.get("minimumDepthInMeters") ?? -1,
      maxDepth: byTerm.get("maximumDepthInMeters") ?? -1,
    },
    bdq: role ? compileBdq(spec.name, byTerm, bdqMode) : undefined,
    text: (c) => textOf(plan, c),
    cells: undefined as unknown as RowTexts,
    tallies,
    tallyList: tallies.filter((t): t is ColumnTally => t !== undefined),
    lastText: new Array<string>(n * CACHE_WAYS).fill(""),
    lastFlags: new Int32Array(n * CACHE_WAYS),
    lastH1: new Int32Array(n * CACHE_WAYS),
    lastH2: new Int32Array(n * CACHE_WAYS),
    cellH1: new Int32Array(n),
    cellH2: new Int32Array(n),
    cellEmpty: new Uint8Array(n),
    lastInVocabulary: new Array<string>(n).fill(""),
    lastClean: new Uint8Array(n * CACHE_WAYS),
    lastNum: new Float64Array(n * CACHE_WAYS),
    lastDate: new Array<ParsedDate | undefined>(n * CACHE_WAYS).fill(undefined),
    lastNext: new Uint8Array(n),
    lastHit: new Uint8Array(n),
    misses: new Int32Array(n),
    jsonObjects: new Set(),
  };
  plan.cells = { text: plan.text, h1: plan.cellH1, h2: plan.cellH2, empty: plan.cellEmpty, flaggedAt: new Int32Array(n), fixedAt: new Int32Array(n), mark: 0 };
  return plan;
}

function headerFix(sheet: string, column: number, from: string, to: string): Fix {
  return { label: txt(`Rename header to ${to}`, `Переименовать заголовок в ${to}`), changes: [{ sheet, row: 1, column, term: to, from, to }] };
}

/**
 * A fix replacing a cell's value and keeping the original in the matching verbatim term when the row has that
 * column empty or lacks it (column -1: to be added).
 */
export function fixKeepingVerbatim(plan: SheetPlan, row: number, column: number, term: string, from: string, to: string, label: { en: string; ru: string }): Fix {
  const changes: CellChange[] = [{ sheet: plan.name, row, column, term, from, to }];
  const verbatim = VERBATIM_OF[term];
  if (verbatim) {
    const at = plan.byTerm.get(verbatim);
    if (at === undefined) changes.push({ sheet: plan.name, row, column: -1, term: verbatim, from: "", to: from });
    else if (plan.texts[at] === "") changes.push({ sheet: plan.name, row, column: at, term: verbatim, from: "", to: from });
  }
  return { label, changes };
}

function isDateFormatCached(plan: SheetPlan, fmt: string | null | undefined): boolean {
  if (!fmt) return false;
  let v = plan.dateFormats.get(fmt);
  if (v === undefined) {
    v = isDateFormat(fmt);
    plan.dateFormats.set(fmt, v);
  }
  return v;
}

/**
 * Runs the cell and record rules on one row and appends issues to `out`. Fills `plan.texts` with the row's
 * text values (what export writes) for the caller's id sets and duplicate hashes.
 * Returns false when the row is entirely empty (not a record: nothing checked).
 */
export function checkRow(
  plan: SheetPlan,
  row: number,
  values: readonly CellValue[],
  formats: readonly (string | null)[] | undefined,
  formulas: readonly (string | null)[] | undefined,
  out: Issue[],
): boolean {
  const { columns, texts, nums, lastText, lastFlags, lastH1, lastH2, lastClean, cellH1, cellH2, cellEmpty } = plan;
  const { hasData, misses, lastHit, lastNext, lastNum } = plan;
  const dateColumn = plan.at.eventDate;
  const n = columns.length;
  plan.rowFormats = formats;
  /** This row's issues start here. */
  const first = out.length;
  let any = false;
  let h1 = 0x2545f491 | 0;
  let h2 = 0x6b43a9b5 | 0;
  // A row checked again (a live edit) is counted afresh.
  for (const t of plan.tallyList) if (t.count !== 0) unmarkRow(t, row);
  for (let c = 0; c < n; c++) {
    const col = columns[c];
    const v = c < values.length ? values[c] : null;
    if (v === null || v === undefined || v === "") {
      nums[c] = NaN;
      texts[c] = "";
      cellEmpty[c] = 1;
      cellH1[c] = 0x1f;
      cellH2[c] = 0x1f;
      h1 = Math.imul(h1 ^ 0x1f, 16777619);
      h2 = Math.imul(h2 ^ 0x1f, 0x5bd1e995);
      continue;
    }
    any = true;
    hasData[c] = 1;
    cellEmpty[c] = 0;
    const kinds = col.kinds;
    if (typeof v === "string") {
      texts[c] = v;
      let flags: number;
      const base = c * CACHE_WAYS;
      // The slot hit last first; the others unless the column has stopped repeating (ids, notes), then only now
      // and then, so a column of unique values pays one comparison per cell.
      let slot = base + lastHit[c];
      if (lastText[slot] !== v) {
        const missed = misses[c];
        slot = base + CACHE_WAYS;
        if (missed < 16 || (missed & 31) === 0) {
          for (let k = base; k < base + CACHE_WAYS; k++) {
            if (lastText[k] === v) {
              slot = k;
              break;
            }
          }
        }
      }
      if (slot < base + CACHE_WAYS) {
        misses[c] = 0;
        lastHit[c] = slot - base;
        h1 = Math.imul(h1 ^ (cellH1[c] = lastH1[slot]), 16777619);
        h2 = Math.imul(h2 ^ (cellH2[c] = lastH2[slot]), 0x5bd1e995);
        h2 ^= h2 >>> 15;
        if (lastClean[slot] === 1) {
          // A recent value of the column that passed: same verdict, same parsed number and date. (Excel errors
          // are never clean.) The common case, kept in this loop; the rest is checkText's.
          nums[c] = lastNum[slot];
          if (c === dateColumn) plan.parsedDate = plan.lastDate[slot];
          if (formulas) formulaCheck(plan, row, col, formulas[c], v, out);
          continue;
        }
        flags = lastFlags[slot];
      } else {
        flags = scanText(v);
        if (misses[c] < 0x3fffffff) misses[c]++;
        const next = lastNext[c];
        lastHit[c] = next;
        slot = base + next;
        lastNext[c] = (next + 1) & (CACHE_WAYS - 1);
        lastClean[slot] = 0;
        lastText[slot] = v;
        lastFlags[slot] = flags;
        lastH1[slot] = cellH1[c] = SCAN_HASH[0];
        lastH2[slot] = cellH2[c] = SCAN_HASH[1];
        h1 = Math.imul(h1 ^ SCAN_HASH[0], 16777619);
        h2 = Math.imul(h2 ^ SCAN_HASH[1], 0x5bd1e995);
        h2 ^= h2 >>> 15;
      }
      checkText(plan, row, col, v, slot, flags, formulas, out);
      continue;
    } else if (typeof v === "number") {
      F64[0] = v;
      const lo = I32[0];
      const hi = I32[1];
      h1 = Math.imul(h1 ^ lo, 16777619);
      h2 = Math.imul(h2 ^ hi, 0x5bd1e995);
      // Whole numbers have all-zero low bits: the high word is mixed in, keeping the pair one-to-one with the number.
      cellH1[c] = lo ^ Math.imul(hi, 0x85ebca6b);
      cellH2[c] = hi;
      h2 ^= h2 >>> 15;
      if (kinds & K_DATE) {
        nums[c] = NaN;
        dateNumber(plan, row, col, v, formats ? formats[c] : undefined, out);
        // The text depends on the cell's format too: the BDQ memo keys it by the text.
        scanText(texts[c]);
        cellH1[c] = SCAN_HASH[0];
        cellH2[c] = SCAN_HASH[1];
      } else {
        texts[c] = NUMBER_TEXT;
        nums[c] = v;
        // A date format turns the number into a date text (see textOf): the BDQ memo must tell the two apart.
        if (formats) {
          const f = formats[c];
          if (f && f !== "General" && isDateFormatCached(plan, f)) cellH2[c] ^= 0x2f1e3d4c;
        }
        if (kinds & K_ID) idNumber(plan, row, col, v, out);
        else if (kinds & K_NUM) numericRanges(plan, row, col, v, undefined, out);
        if (col.vocabulary) vocabularyCheck(plan, row, col, textOf(plan, c), out);
      }
    } else {
      nums[c] = NaN;
      texts[c] = plan.convert(v, formats ? formats[c] : null);
      if (texts[c].length === 0) cellEmpty[c] = 1;
      scanText(texts[c]);
      h1 = Math.imul(h1 ^ (cellH1[c] = SCAN_HASH[0]), 16777619);
      h2 = Math.imul(h2 ^ (cellH2[c] = SCAN_HASH[1]), 0x5bd1e995);
      if (col.vocabulary) vocabularyCheck(plan, row, col, texts[c], out);
    }
    if (formulas) formulaCheck(plan, row, col, formulas[c], textOf(plan, c), out);
  }
  if (!any) return false;
  // 30 bits: a small integer (Smi) in V8, the cheapest Map key; the second part tells apart rows whose first collides.
  plan.rowHash = h1 & 0x3fffffff;
  plan.rowHash2 = h2;
  recordRules(plan, row, out);
  if (plan.bdq) {
    // The columns this row's engine issues are about, and those their fixes change, marked with a new number per
    // row checked (nothing to clear; the number is not the row, which a live edit checks again).
    const cells = plan.cells;
    const mark = (cells.mark = (cells.mark + 1) | 0);
    const { flaggedAt, fixedAt } = cells;
    for (let k = first; k < out.length; k++) {
      const issue = out[k];
      if (issue.column >= 0 && issue.column < n) flaggedAt[issue.column] = mark;
      const f = issue.fix;
      if (f) for (const ch of f.changes) if (ch.column >= 0 && ch.column < n) fixedAt[ch.column] = mark;
    }
    runBdq(plan.bdq, row, cells, out.length !== first, out);
  }
  return true;
}

/**
 * The checks of a text cell that is not a recent clean value of its column (see checkRow's cache): Excel errors,
 * the text scan's findings, the typed and vocabulary checks. A text that passes them all is marked clean in its
 * cache slot, with the number and eventDate read from it.
 */
function checkText(plan: SheetPlan, row: number, col: ColumnPlan, v: string, slot: number, flags: number, formulas: readonly (string | null)[] | undefined, out: Issue[]): void {
  const c = col.index;
  const sheet = plan.name;
  if ((flags & TEXT_HASH_START) !== 0 && isExcelError(v)) {
    // In a column the export leaves out (no term) the error is not published: a warning, not a blocker.
    const exported = col.term !== undefined || headerTermIri(col.header) !== undefined;
    out.push(
      exported
        ? makeIssue(RULE.excelError, sheet, row, c, col.term, v, txt(`Excel error ${v} in ${label(col)}: correct the formula or the value, or clear the cell`, `Ошибка Excel ${v} в ${label(col)}: исправьте формулу или значение либо очистите ячейку`))
        : makeIssue(RULE.excelError, sheet, row, c, col.term, v, txt(`Excel error ${v} in ${label(col)}, a column that is not exported`, `Ошибка Excel ${v} в ${label(col)}, столбце, который не экспортируется`), undefined, "warning"),
    );
    if (formulas) formulaCheck(plan, row, col, formulas[c], v, out);
    plan.texts[c] = "";
    plan.nums[c] = NaN;
    plan.cellEmpty[c] = 1;
    return;
  }
  const before = out.length;
  plan.nums[c] = NaN;
  if ((flags & TEXT_FINDINGS) !== 0) textIssues(plan, row, col, v, flags, out);
  if (v.length >= EXCEL_MAX_CELL) {
    out.push(makeIssue(RULE.cellTooLong, sheet, row, c, col.term, shown(v), txt(`${label(col)} has ${v.length} characters, Excel's limit: the text was probably cut off`, `В ${label(col)} ${v.length} символов, это предел Excel: текст, вероятно, обрезан`)));
  }
  if (col.kinds !== 0) typedText(plan, row, col, v, out);
  if (col.vocabulary) vocabularyCheck(plan, row, col, v, out);
  if (out.length === before) {
    plan.lastClean[slot] = 1;
    plan.lastNum[slot] = plan.nums[c];
    if (c === plan.at.eventDate) plan.lastDate[slot] = plan.parsedDate;
  }
  if (formulas) formulaCheck(plan, row, col, formulas[c], v, out);
}

function formulaCheck(plan: SheetPlan, row: number, col: ColumnPlan, f: string | null | undefined, result: string, out: Issue[]): void {
  if (!f || f.charCodeAt(0) !== 61) return;
  out.push(makeIssue(RULE.formula, plan.name, row, col.index, col.term, f, txt(`Formula ${shown(f)} in ${label(col)}; its result "${shown(result)}" is exported`, `Формула ${shown(f)} в ${label(col)}; экспортируется её результат «${shown(result)}»`)));
}

const label = (col: ColumnPlan): string => col.term ?? (col.header ? `"${shown(col.header, 30)}"` : `column ${columnLetter(col.index)}`);

/** Fix labels shared by every fix of their kind (read-only). */
const TRIM_LABEL = Object.freeze(txt("Trim spaces", "Удалить пробелы"));
const PLAIN_SPACES_LABEL = Object.freeze(txt("Replace with plain spaces", "Заменить обычными пробелами"));

function textIssues(plan: SheetPlan, row: number, col: ColumnPlan, v: string, flags: number, out: Issue[]): void {
  const sheet = plan.name;
  const what = label(col);
  const seen = shown(v);
  if (flags & TEXT_EDGE_SPACE) {
    const to = trimAll(v);
    out.push(
      makeIssue(RULE.whitespaceEdges, sheet, row, col.index, col.term, v, txt(`"${seen}" in ${what} has leading or trailing spaces`, `«${seen}» в ${what}: пробелы в начале или в конце`), {
        label: TRIM_LABEL,
        changes: [{ sheet, row, column: col.index, term: col.term ?? col.header, from: v, to }],
      }),
    );
  }
  if (flags & TEXT_NONPLAIN_SPACE) {
    const names = describeNonPlainSpaces(v).join(", ");
    out.push(
      makeIssue(RULE.whitespaceNonPlain, sheet, row, col.index, col.term, v, txt(`"${seen}" in ${what} contains ${names}`, `«${seen}» в ${what} содержит ${names}`), {
        label: PLAIN_SPACES_LABEL,
        changes: [{ sheet, row, column: col.index, term: col.term ?? col.header, from: v, to: normaliseSpaces(v) }],
      }),
    );
  }
  if (flags & TEXT_MIXED_SCRIPT) {
    const words = mixedScriptWords(v).slice(0, 3);
    const letters = [...new Set(words.flatMap(cyrillicLettersIn))].join(", ");
    const mixed = shown(words.join(" "));
    out.push(
      makeIssue(RULE.mixedScript, sheet, row, col.index, col.term, v, txt(`"${mixed}" in ${what} mixes Latin and Cyrillic letters (Cyrillic: ${letters})`, `«${mixed}» в ${what} смешивает латинские и кириллические буквы (кириллица: ${letters})`)),
    );
  }
}

const ISO_VARIANT = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[ T](\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?))?$/;

/**
 * The ISO 8601 form of a date GBIF reads although it is not written as ISO 8601: a space instead of `T` before the
 * time (`2016-09-30 16:31:30`), one-digit months or days (`2017-6-20`). Undefined when the text is no such date,
 * or no possible one.
 */
export function isoVariant(v: string): string | undefined {
  const m = ISO_VARIANT.exec(v.trim());
  if (!m) return undefined;
  const pad = (s: string) => (s.length === 1 ? `0${s}` : s);
  let iso = `${m[1]}-${pad(m[2])}`;
  if (m[3] !== undefined) iso += `-${pad(m[3])}`;
  if (m[4] !== undefined) {
    if (m[3] === undefined) return undefined;
    iso += `T${m[4].length === 4 || m[4].indexOf(":") === 1 ? pad(m[4].slice(0, m[4].indexOf(":"))) + m[4].slice(m[4].indexOf(":")) : m[4]}`;
  }
  if (iso === v) return undefined;
  return parseIsoDate(iso) ? iso : undefined;
}

/** Checks a text cell in a typed column (number, date, id, people list, JSON). */
function typedText(plan: SheetPlan, row: number, col: ColumnPlan, v: string, out: Issue[]): void {
  const sheet = plan.name;
  const kinds = col.kinds;
  const c = col.index;
  const term = col.term as string;
  if (kinds & K_ID) {
    if (isScientificNotation(v)) {
      out.push(makeIssue(RULE.idScientific, sheet, row, c, term, v, txt(`${term} "${v}" is a number in scientific notation: Excel lost its digits; retype it in a Text-formatted column`, `${term} «${v}» — число в экспоненциальной записи: Excel потерял цифры; введите заново в столбце с форматом «Текстовый»`)));
    }
    return;
  }
  if (kinds & K_NUM) {
    const s = v.charCodeAt(0) === 32 || v.charCodeAt(v.length - 1) === 32 ? trimAll(v) : v;
    const x = parseDecimal(s);
    if (!Number.isNaN(x)) {
      plan.nums[c] = x;
      numericRanges(plan, row, col, x, s, out);
      return;
    }
    const comma = parseDecimal(s, 44);
    if (!Number.isNaN(comma)) {
      const to = s.replace(",", ".");
      plan.nums[c] = comma;
      out.push(
        makeIssue(RULE.decimalComma, sheet, row, c, term, v, txt(`${term} "${v}" uses a decimal comma; write ${to}`, `${term} «${v}»: десятичная запятая; нужно ${to}`), fixKeepingVerbatim(plan, row, c, term, v, to, txt(`Replace with ${to}`, `Заменить на ${to}`))),
      );
      numericRanges(plan, row, col, comma, to, out);
      return;
    }
    out.push(makeIssue(RULE.numberExpected, sheet, row, c, term, v, txt(`${term} "${shown(v)}" is not a number`, `${term} «${shown(v)}» не является числом`)));
    return;
  }
  if (kinds & K_DATE) {
    const parsed = parseIsoDate(v);
    if (term === "eventDate") plan.parsedDate = parsed;
    if (parsed) return;
    const iso = dayFirstToIso(v);
    if (iso) {
      if (term === "eventDate") plan.parsedDate = parseIsoDate(iso);
      out.push(makeIssue(RULE.dayFirstDate, sheet, row, c, term, v, txt(`${term} "${v}" is day-first; ISO 8601 is ${iso}`, `${term} «${v}» записана как ДД.ММ.ГГГГ; в ISO 8601 это ${iso}`), fixKeepingVerbatim(plan, row, c, term, v, iso, txt(`Replace with ${iso}`, `Заменить на ${iso}`))));
      return;
    }
    const variant = isoVariant(v);
    if (variant) {
      if (term === "eventDate") plan.parsedDate = parseIsoDate(variant);
      out.push(makeIssue(RULE.dateIsoVariant, sheet, row, c, term, v, txt(`${term} "${shown(v)}": GBIF reads it, but ISO 8601 writes ${variant}`, `${term} «${shown(v)}»: GBIF её прочтёт, но в ISO 8601 это ${variant}`), { label: txt(`Replace with ${variant}`, `Заменить на ${variant}`), changes: [{ sheet, row, column: c, term, from: v, to: variant }] }));
      return;
    }
    out.push(makeIssue(RULE.dateFormat, sheet, row, c, term, v, txt(`${term} "${shown(v)}" is not an ISO 8601 date, or not a possible one; e.g. 2012-06-23, 2012-06, 2012-06-23/30`, `${term} «${shown(v)}» не является датой ISO 8601 или такой даты нет; например 2012-06-23, 2012-06, 2012-06-23/30`)));
    return;
  }
  if (kinds & K_PEOPLE) {
    peopleSeparator(plan, row, col, v, out);
    return;
  }
  if (kinds & K_JSON) {
    // Sheets repeat their JSON texts: one parse each (bounded, so a million distinct texts cost no memory).
    if (plan.jsonObjects.has(v)) return;
    let ok = false;
    // A JSON object starts with { and ends with } (JSON whitespace aside): other text needs no parse (and no
    // exception, which costs more than a parse).
    let a = 0;
    let b = v.length - 1;
    while (a < b && isJsonSpace(v.charCodeAt(a))) a++;
    while (b > a && isJsonSpace(v.charCodeAt(b))) b--;
    if (v.charCodeAt(a) === 123 && v.charCodeAt(b) === 125) {
      try {
        const parsed: unknown = JSON.parse(v);
        ok = parsed !== null && typeof parsed === "object" && !Array.isArray(parsed);
      } catch {
        // Not JSON: reported below as the rule's finding.
        ok = false;
      }
    }
    if (ok) {
      if (plan.jsonObjects.size >= 4096) plan.jsonObjects.clear();
      plan.jsonObjects.add(v);
    }
    if (!ok) out.push(makeIssue(RULE.dynamicPropertiesJson, sheet, row, c, term, v, txt(`dynamicProperties "${shown(v)}" is not a JSON object such as {"weight":"12 g"}`, `dynamicProperties «${shown(v)}» не является объектом JSON вида {"weight":"12 g"}`)));
  }
}

const isJsonSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * A number's text for a message: the cell's text when given (a number typed as text), else the number cell's text
 * as the export writes it, converted now (only on an issue).
 */
const shownNum = (plan: SheetPlan, c: number, given: string | undefined): string => given ?? textOf(plan, c);

function numericRanges(plan: SheetPlan, row: number, col: ColumnPlan, x: number, given: string | undefined, out: Issue[]): void {
  const k = col.kinds;
  const sheet = plan.name;
  const c = col.index;
  const term = col.term as string;
  if (k & K_LAT) {
    if (x < -90 || x > 90) out.push(makeIssue(RULE.coordinateRange, sheet, row, c, term, shownNum(plan, c, given), txt(`decimalLatitude ${shownNum(plan, c, given)} is outside -90…90`, `decimalLatitude ${shownNum(plan, c, given)} вне диапазона -90…90`)));
  } else if (k & K_LON) {
    if (x < -180 || x > 180) out.push(makeIssue(RULE.coordinateRange, sheet, row, c, term, shownNum(plan, c, given), txt(`decimalLongitude ${shownNum(plan, c, given)} is outside -180…180`, `decimalLongitude ${shownNum(plan, c, given)} вне диапазона -180…180`)));
  } else if (k & K_UNC) {
    if (x === 0) out.push(makeIssue(RULE.uncertaintyZero, sheet, row, c, term, shownNum(plan, c, given), txt("coordinateUncertaintyInMeters is 0: no position is exact; give the real uncertainty or leave it empty", "coordinateUncertaintyInMeters равно 0: точных координат не бывает; укажите реальную погрешность или оставьте пустым")));
    else if (x < 0) out.push(makeIssue(RULE.numberExpected, sheet, row, c, term, shownNum(plan, c, given), txt(`coordinateUncertaintyInMeters ${shownNum(plan, c, given)} is negative`, `coordinateUncertaintyInMeters ${shownNum(plan, c, given)} отрицательно`)));
  } else if (k & K_PREC) {
    if (!(x > 0 && x <= 1)) out.push(makeIssue(RULE.precisionRange, sheet, row, c, term, shownNum(plan, c, given), txt(`coordinatePrecision ${shownNum(plan, c, given)} must be above 0 and at most 1 (e.g. 0.00001)`, `coordinatePrecision ${shownNum(plan, c, given)} должно быть больше 0 и не больше 1 (например, 0.00001)`)));
  } else if (k & K_INT) {
    if (!Number.isInteger(x)) {
      out.push(makeIssue(RULE.numberExpected, sheet, row, c, term, shownNum(plan, c, given), txt(`${term} ${shownNum(plan, c, given)} is not a whole number`, `${term} ${shownNum(plan, c, given)} не является целым числом`)));
    } else if (k & K_DATEPART) {
      const { lo, hi } = col;
      if (x < lo || x > hi) out.push(makeIssue(RULE.dateFieldRange, sheet, row, c, term, shownNum(plan, c, given), txt(`${term} ${shownNum(plan, c, given)} is outside ${lo}…${hi}`, `${term} ${shownNum(plan, c, given)} вне диапазона ${lo}…${hi}`)));
    }
  }
}

function idNumber(plan: SheetPlan, row: number, col: ColumnPlan, v: number, out: Issue[]): void {
  if (Math.abs(v) >= 1e15) {
    const term = col.term as string;
    const s = textOf(plan, col.index);
    out.push(makeIssue(RULE.idScientific, plan.name, row, col.index, term, s, txt(`${term} ${s} is a number of 16 or more digits: Excel keeps only 15, so digits are lost; store ids as text`, `${term} ${s} — число из 16 и более цифр: Excel хранит только 15, цифры потеряны; храните идентификаторы как текст`)));
  } else {
    // Valid and exported as shown: counted, and reported once for the column (columnTallyIssues).
    const t = plan.tallies[col.index] as ColumnTally;
    if (markRow(t, row)) t.sample = textOf(plan, col.index);
  }
}

/** A number in a date column: an Excel date serial (fine when it has a date format) or a bare year. */
function dateNumber(plan: SheetPlan, row: number, col: ColumnPlan, v: number, fmt: string | null | undefined, out: Issue[]): void {
  const term = col.term as string;
  const c = col.index;
  if (isDateFormatCached(plan, fmt)) {
    const iso = plan.convert(v, fmt);
    plan.texts[c] = iso;
    if (term === "eventDate") plan.parsedDate = parseIsoDate(iso);
    // Fine for export: counted, and reported once for the column (columnTallyIssues).
    const t = plan.tallies[c] as ColumnTally;
    if (markRow(t, row)) t.sample = iso;
    return;
  }
  const s = numberText(v);
  if (Number.isInteger(v) && v >= 1000 && v <= 2999) {
    // A year typed as a number: ISO 8601 reduced precision, valid as it is.
    plan.texts[c] = s;
    if (term === "eventDate") plan.parsedDate = parseIsoDate(s);
    return;
  }
  plan.texts[c] = s;
  if (v > 0 && v < 2958466) {
    const iso = excelSerialToIso(v, plan.facts.date1904);
    if (term === "eventDate") plan.parsedDate = undefined;
    out.push(
      makeIssue(RULE.excelSerialDate, plan.name, row, c, term, s, txt(`${term} ${s} looks like an Excel date serial without a date format (${iso}); it would be exported as ${s}`, `${term} ${s} похоже на порядковое число даты Excel без формата даты (${iso}); экспортировалось бы как ${s}`), fixKeepingVerbatim(plan, row, c, term, s, iso, txt(`Replace with ${iso}`, `Заменить на ${iso}`)), "warning"),
    );
    return;
  }
  if (term === "eventDate") plan.parsedDate = undefined;
  out.push(makeIssue(RULE.dateFormat, plan.name, row, c, term, s, txt(`${term} ${s} is not an ISO 8601 date`, `${term} ${s} не является датой ISO 8601`)));
}

const isInitials = (part: string): boolean => {
  // "J.", "J.R.", "И. И." : only letters each followed by a dot.
  const p = part.replace(/\s+/g, "");
  return p.length > 0 && /^(\p{L}\.)+$/u.test(p);
};

/** Whether every `|` has exactly one space on each side (checked without allocating: most lists are fine). */
function wellSeparated(v: string): boolean {
  for (let i = v.indexOf("|"); i >= 0; i = v.indexOf("|", i + 1)) {
    if (i < 2 || i + 2 >= v.length) return false;
    if (v.charCodeAt(i - 1) !== 32 || v.charCodeAt(i + 1) !== 32 || v.charCodeAt(i - 2) === 32 || v.charCodeAt(i + 2) === 32) return false;
  }
  return true;
}

/** Suggests ` | ` between people where `;` or `,` separate them (but `Smith, J.` is one person). */
function peopleSeparator(plan: SheetPlan, row: number, col: ColumnPlan, v: string, out: Issue[]): void {
  let to: string | undefined;
  if (v.indexOf(";") >= 0) {
    to = v.split(";").map(trimAll).filter(Boolean).join(" | ");
  } else if (v.indexOf(",") >= 0) {
    const parts = v.split(",").map(trimAll).filter(Boolean);
    if (parts.length >= 2 && !parts.some(isInitials)) {
      const allMultiWord = parts.every((p) => p.indexOf(" ") > 0);
      if (allMultiWord || parts.length >= 3) to = parts.join(" | ");
    }
  } else if (v.indexOf("|") >= 0 && !wellSeparated(v)) {
    const norm = v.split("|").map(trimAll).filter(Boolean).join(" | ");
    if (norm !== v) to = norm;
  }
  if (to === undefined || to === v) return;
  const term = col.term as string;
  out.push(
    makeIssue(RULE.multiValueSeparator, plan.name, row, col.index, term, v, txt(`${term} "${shown(v)}" lists several values; separate them with " | ": ${shown(to)}`, `${term} «${shown(v)}» содержит несколько значений; разделяйте их « | »: ${shown(to)}`), {
      label: txt(`Replace with ${shown(to)}`, `Заменить на ${shown(to)}`),
      changes: [{ sheet: plan.name, row, column: col.index, term, from: v, to }],
    }),
  );
}

/**
 * A value outside the column's vocabulary. A variant GBIF interprets (case, spaces, underscores, a label or a
 * synonym of its thesaurus) is a warning with the fix; a value nothing can interpret is an error for a closed
 * vocabulary and a warning for a recommended one. basisOfRecord is stricter, as the IPT is when it publishes: only
 * case, spaces and underscores are forgiven; anything else blocks.
 */
function vocabularyCheck(plan: SheetPlan, row: number, col: ColumnPlan, v: string, out: Issue[]): void {
  const last = plan.lastInVocabulary;
  if (v === last[col.index] && v !== "") return;
  const m = col.vocabulary as VocabularyMatcher;
  if (m.has(v)) {
    last[col.index] = v;
    return;
  }
  const term = col.term as string;
  const id = m.vocabulary.id;
  const replace = (to: string): Fix => ({ label: txt(`Replace with ${to}`, `Заменить на ${to}`), changes: [{ sheet: plan.name, row, column: col.index, term, from: v, to }] });
  if (term === "basisOfRecord") {
    const same = m.normalised(v);
    if (same) {
      out.push(makeIssue(RULE.vocabularyVariant, plan.name, row, col.index, term, v, txt(`basisOfRecord "${shown(v)}" is accepted as ${same}; write ${same}`, `basisOfRecord «${shown(v)}» принимается как ${same}; пишите ${same}`), replace(same)));
      return;
    }
    const to = m.canonical(v);
    const message = to
      ? txt(`basisOfRecord "${shown(v)}" is not a basisOfRecord value (it stands for ${to}): the IPT refuses to publish it`, `basisOfRecord «${shown(v)}» не из словаря basisOfRecord (означает ${to}): IPT не опубликует такую запись`)
      : txt(`basisOfRecord "${shown(v)}" is not a basisOfRecord value (PreservedSpecimen, HumanObservation, MaterialSample, …): the IPT refuses to publish it`, `basisOfRecord «${shown(v)}» не из словаря basisOfRecord (PreservedSpecimen, HumanObservation, MaterialSample…): IPT не опубликует такую запись`);
    out.push(makeIssue(RULE.basisOfRecord, plan.name, row, col.index, term, v, message, to ? replace(to) : undefined));
    return;
  }
  const to = m.canonical(v);
  if (to) {
    out.push(makeIssue(RULE.vocabularyVariant, plan.name, row, col.index, term, v, txt(`${term} "${shown(v)}" is a variant of ${to} (vocabulary ${id}); write ${to}`, `${term} «${shown(v)}» — вариант значения ${to} (словарь ${id}); пишите ${to}`), replace(to)));
    return;
  }
  const closed = m.vocabulary.closed;
  const message = closed
    ? txt(`${term} "${shown(v)}" is not in vocabulary ${id}, and GBIF cannot interpret it`, `${term} «${shown(v)}» нет в словаре ${id}, и GBIF не сможет его распознать`)
    : txt(`${term} "${shown(v)}" is not in the recommended vocabulary ${id}`, `${term} «${shown(v)}» нет в рекомендуемом словаре ${id}`);
  out.push(makeIssue(RULE.vocabulary, plan.name, row, col.index, term, v, message, undefined, closed ? "error" : "warning"));
}

/** Record rules: required values, the record id, date parts against eventDate, coordinate pairs. */
function recordRules(plan: SheetPlan, row: number, out: Issue[]): void {
  const { texts, nums, name: sheet } = plan;
  const required = plan.requiredColumns;
  for (let k = 0; k < required.length; k++) {
    const c = required[k];
    if (texts[c] !== "") continue;
    const term = plan.columns[c].term as string;
    const rule = plan.requiredRules[k];
    // An event's date may come from its parent or child events: decided when the sheet is finished.
    if (rule === RULE.eventDateMissing) continue;
    const message =
      rule === RULE.basisOfRecord
        ? txt(`basisOfRecord is empty: the IPT refuses to publish an occurrence without it`, `basisOfRecord не заполнен: IPT не публикует находку без него`)
        : rule === RULE.idMissing
          ? txt(`${term} is empty: when the column is there, the IPT needs one for every occurrence`, `${term} не заполнен: если столбец есть, IPT требует его у каждой находки`)
          : rule === RULE.requiredValue
          ? txt(`${term}, which the extension requires, is empty`, `Не заполнено поле ${term}, обязательное для расширения`)
          : txt(`Strongly recommended ${term} is empty`, `Не заполнено настоятельно рекомендуемое поле ${term}`);
    out.push(makeIssue(rule, sheet, row, c, term, "", message));
  }
  if (plan.idColumn >= 0 && texts[plan.idColumn] === "" && plan.role) {
    const term = plan.role.idTerm;
    const what = plan.role.kind === "core" ? txt("record id", "идентификатор записи") : txt("link to the core", "ссылка на ядро");
    out.push(makeIssue(RULE.idMissing, sheet, row, plan.idColumn, term, "", txt(`${term} (${what.en}) is empty`, `${term} (${what.ru}) не заполнен`)));
  }
  const { eventDate: ed, lat: la, lon: lo } = plan.at;
  if (ed >= 0) {
    if (texts[ed] !== "" && plan.parsedDate) eventDateAgreement(plan, row, plan.parsedDate, out);
    plan.parsedDate = undefined;
  }
  if (la >= 0 && lo >= 0) {
    const lat = nums[la];
    const lon = nums[lo];
    if (!Number.isNaN(lat) && !Number.isNaN(lon)) coordinatePair(plan, row, la, lo, lat, lon, out);
  }
}

function eventDateAgreement(plan: SheetPlan, row: number, d: ParsedDate, out: Issue[]): void {
  const { nums, texts } = plan;
  const s = d.start;
  const e = d.end;
  for (let k = 0; k < DATE_PARTS.length; k++) {
    const c = plan.at.parts[k];
    if (c < 0 || texts[c] === "") continue;
    const x = nums[c];
    if (Number.isNaN(x)) continue;
    // Compared as numbers; the expected value is only written out for a disagreement.
    switch (k) {
      case 0: // year
        if (x < s.year || x > e.year) dateDisagrees(plan, row, k, c, s.year === e.year ? String(s.year) : `${s.year}…${e.year}`, out);
        break;
      case 1: // month
        if (s.precision < 2) break;
        if (s.year === e.year && e.precision >= 2 ? x < s.month || x > e.month : x !== s.month && x !== e.month) {
          dateDisagrees(plan, row, k, c, s.month === e.month || e.precision < 2 ? String(s.month) : `${s.month}…${e.month}`, out);
        }
        break;
      case 2: // day
        if (s.precision < 3) break;
        if (!(x === s.day || (e.precision === 3 && x === e.day) || (s.year === e.year && s.month === e.month && x >= s.day && x <= e.day))) {
          dateDisagrees(plan, row, k, c, s.day === e.day || e.precision < 3 ? String(s.day) : `${s.day}…${e.day}`, out);
        }
        break;
      case 3: { // startDayOfYear
        if (s.precision < 3) break;
        const doy = dayOfYear(s.year, s.month, s.day);
        if (x !== doy) dateDisagrees(plan, row, k, c, String(doy), out);
        break;
      }
      default: { // endDayOfYear
        if (e.precision < 3) break;
        const doy = dayOfYear(e.year, e.month, e.day);
        if (x !== doy) dateDisagrees(plan, row, k, c, String(doy), out);
      }
    }
  }
}

function dateDisagrees(plan: SheetPlan, row: number, k: number, c: number, expected: string, out: Issue[]): void {
  const part = DATE_PARTS[k];
  const eventDate = plan.texts[plan.at.eventDate];
  const shownPart = textOf(plan, c);
  out.push(makeIssue(RULE.eventDateFieldsAgree, plan.name, row, c, part, shownPart, txt(`${part} ${shownPart} disagrees with eventDate ${eventDate} (expected ${expected})`, `${part} ${shownPart} не согласуется с eventDate ${eventDate} (ожидается ${expected})`)));
}

function coordinatePair(plan: SheetPlan, row: number, la: number, lo: number, lat: number, lon: number, out: Issue[]): void {
  const sheet = plan.name;
  if (lat === 0 && lon === 0) {
    out.push(makeIssue(RULE.coordinatesZero, sheet, row, la, "decimalLatitude", "0, 0", txt("Coordinates 0, 0 (Gulf of Guinea) are almost always a missing position; leave them empty if unknown", "Координаты 0, 0 (Гвинейский залив) почти всегда означают отсутствие координат; оставьте пустыми, если неизвестны")));
    return;
  }
  const swappedOutOfRange = (lat < -90 || lat > 90) && lon >= -90 && lon <= 90 && lat >= -180 && lat <= 180;
  if (!swappedOutOfRange) {
    if (lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180 && isBdqGeometryLoaded()) geographyRules(plan, row, la, lo, lat, lon, out);
    return;
  }
  swappedIssue(plan, row, la, lo, "", out);
}

function swappedIssue(plan: SheetPlan, row: number, la: number, lo: number, country: string, out: Issue[]): void {
  const sheet = plan.name;
  {
    const a = textOf(plan, la);
    const b = textOf(plan, lo);
    const changes: CellChange[] = [
      { sheet, row, column: la, term: "decimalLatitude", from: a, to: b },
      { sheet, row, column: lo, term: "decimalLongitude", from: b, to: a },
    ];
    out.push(
      makeIssue(RULE.coordinatesSwapped, sheet, row, la, "decimalLatitude", `${a}, ${b}`, country ? txt(`Latitude ${a} and longitude ${b} look swapped: swapped, they fall in ${country}`, `Широта ${a} и долгота ${b}, похоже, перепутаны местами: после обмена точка попадает в ${country}`) : txt(`Latitude ${a} and longitude ${b} look swapped`, `Широта ${a} и долгота ${b}, похоже, перепутаны местами`), {
        label: txt("Swap latitude and longitude", "Поменять широту и долготу местами"),
        changes,
      }),
    );
  }
}

/** Buffer around a country's territory (land plus 12 nautical miles) within which a point counts as inside. */
const COUNTRY_BUFFER_METERS = 3000;
const GEO_CACHE_LIMIT = 200_000;
const insideCache = new Map<string, Map<number, boolean | undefined>>();
const seaCache = new Map<number, boolean>();

/** Grid key at the geometry pack's resolution (thousandths of a degree), so caching does not change answers. */
const geoKey = (lat: number, lon: number): number => (Math.round(lat * 1000) + 90000) * 360001 + (Math.round(lon * 1000) + 180000);

function inCountry(code: string, lat: number, lon: number): boolean | undefined {
  let m = insideCache.get(code);
  if (!m) insideCache.set(code, (m = new Map()));
  const k = geoKey(lat, lon);
  if (m.has(k)) return m.get(k);
  if (m.size > GEO_CACHE_LIMIT) m.clear();
  const v = countryContains(code, lat, lon, COUNTRY_BUFFER_METERS);
  m.set(k, v);
  return v;
}

function atSea(lat: number, lon: number): boolean {
  const k = geoKey(lat, lon);
  let v = seaCache.get(k);
  if (v === undefined) {
    if (seaCache.size > GEO_CACHE_LIMIT) seaCache.clear();
    v = countriesAt(lat, lon, COUNTRY_BUFFER_METERS).length === 0;
    seaCache.set(k, v);
  }
  return v;
}

/**
 * With the BDQ geometry pack loaded: coordinates outside the stated country (or inside it once swapped), and
 * coordinates at sea for a record that does not say it is aquatic (no waterBody, no depth).
 */
function geographyRules(plan: SheetPlan, row: number, la: number, lo: number, lat: number, lon: number, out: Issue[]): void {
  const at = plan.at;
  const a = textOf(plan, la);
  const b = textOf(plan, lo);
  if (at.countryCode >= 0) {
    const code = textOf(plan, at.countryCode).trim().toUpperCase();
    if (code.length === 2 && inCountry(code, lat, lon) === false) {
      if (Math.abs(lon) <= 90 && inCountry(code, lon, lat) === true) {
        swappedIssue(plan, row, la, lo, code, out);
        return;
      }
      out.push(makeIssue(RULE.coordinatesCountry, plan.name, row, la, "decimalLatitude", `${a}, ${b}`, txt(`Coordinates ${a}, ${b} lie outside the stated country ${code}`, `Координаты ${a}, ${b} лежат вне указанной страны ${code}`)));
      return;
    }
  }
  const aquatic = (at.waterBody >= 0 && plan.texts[at.waterBody] !== "") || (at.minDepth >= 0 && plan.texts[at.minDepth] !== "") || (at.maxDepth >= 0 && plan.texts[at.maxDepth] !== "");
  if (!aquatic && atSea(lat, lon)) {
    out.push(makeIssue(RULE.coordinatesSea, plan.name, row, la, "decimalLatitude", `${a}, ${b}`, txt(`Coordinates ${a}, ${b} are at sea, more than 12 nautical miles from any coast; if the record is aquatic, fill waterBody`, `Координаты ${a}, ${b} в море, дальше 12 морских миль от берега; если находка водная, заполните waterBody`)));
  }
}

/** The message of a column's date serials in date-formatted cells (exported as ISO 8601 dates). */
function serialDatesText(f: TallyFacts): { en: string; ru: string } {
  const cells = cellsText(f.count);
  const eg = f.example;
  return txt(
    `${f.term}: Excel dates in date-formatted cells (${cells.en} in ${f.range}); exported as ISO 8601${eg ? `, e.g. ${eg.cell} as ${eg.text}` : ""}`,
    `${f.term}: даты Excel в ячейках с форматом даты (${cells.ru} в ${f.range}); экспортируются в ISO 8601${eg ? `, например ${eg.cell} как ${eg.text}` : ""}`,
  );
}

/** The message of a column's identifiers stored as numbers (exported as shown; leading zeros would be lost). */
function numericIdsText(f: TallyFacts): { en: string; ru: string } {
  const cells = cellsText(f.count);
  const eg = f.example;
  return txt(
    `${f.term}: identifiers stored as numbers (${cells.en} in ${f.range}${eg ? `, e.g. ${eg.cell} ${eg.text}` : ""}): leading zeros${eg ? ` (000${eg.text})` : ""} would be lost; format the column as Text`,
    `${f.term}: идентификаторы хранятся как числа (${cells.ru} в ${f.range}${eg ? `, например ${eg.cell} ${eg.text}` : ""}): ведущие нули${eg ? ` (000${eg.text})` : ""} теряются; задайте столбцу формат «Текстовый»`,
  );
}

/** The one issue of a tally (undefined when it counts no cell). */
export function columnTallyIssue(plan: SheetPlan, t: ColumnTally): Issue | undefined {
  return tallyIssue(t, plan.name, t.ruleId === RULE.excelSerialDate ? serialDatesText : numericIdsText);
}

/**
 * One info issue per column for valid cells worth knowing about, at the column's first such cell with the count:
 * date serials in date-formatted cells (exported as ISO 8601) and identifiers stored as numbers. Reported per
 * column, not per cell, so a million-row sheet does not make a million issues.
 */
export function columnTallyIssues(plan: SheetPlan): Issue[] {
  const out: Issue[] = [];
  for (const t of plan.tallyList) {
    const issue = columnTallyIssue(plan, t);
    if (issue) out.push(issue);
  }
  return out;
}
