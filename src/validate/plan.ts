/**
 * Compiling a sheet for validation: each column gets its checks decided once from its header (term, type,
 * vocabulary, level), with the header rules (unknown, duplicate and blank headers, required columns). The row
 * reader (sheet.ts) then runs the cell rules (cells.ts), the record rules (record-rules.ts) and the geography rules
 * (geography.ts) with no per-cell closures.
 */
import type { Lang, SheetRole, TemplateColumn } from "../dwc/types";
import { rangeMax, TERM_RANGES } from "../dwc/ranges";
import type { WorkbookFacts } from "../dwc/table";
import { compileBdq, type BdqMode, type RowTexts, type SheetBdq } from "./bdqRules";
import { type ParsedDate } from "./dates";
import { columnLetter, makeIssue } from "./issue";
import { createCellConverter, headerMatcher, isDateFormat, rowTypeTerms, templateColumns, vocabularyFor, type CellConverter } from "./model";
import { RULE } from "./rules";
import { headerTermIri, termForIri } from "./model";
import { idColumnMissingIssue, requirementsOf } from "./requirements";
import { createTally, type ColumnTally } from "./tally";
import { shown, trimAll } from "./text";
import type { Fix, Issue } from "./types";
import { vocabularyMatcher, type VocabularyMatcher } from "./vocabulary";

/** Column kinds (bit flags). */
export const K_ID = 1;
export const K_NUM = 2;
export const K_INT = 4;
export const K_DATE = 8;
export const K_PEOPLE = 16;
export const K_JSON = 32;
export const K_LAT = 64;
export const K_LON = 128;
export const K_UNC = 256;
export const K_PREC = 512;
export const K_DATEPART = 1024;

export const DATE_PARTS = ["year", "month", "day", "startDayOfYear", "endDayOfYear"] as const;

/** Excel's maximum number of characters in a cell. */
export const EXCEL_MAX_CELL = 32767;

export const NUMERIC_TERMS: Record<string, number> = {
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
export const DATE_TERMS = new Set(["eventDate", "dateIdentified", "modified", "georeferencedDate", "measurementDeterminedDate", "relationshipEstablishedDate"]);
/** Terms holding lists of people, where the methodology asks for ` | ` between names. */
export const PEOPLE_TERMS = new Set(["recordedBy", "identifiedBy", "georeferencedBy", "measurementDeterminedBy", "recordedByID", "identifiedByID"]);
export const ID_TERMS = new Set(["catalogNumber", "recordNumber", "fieldNumber", "id", "coreid"]);

/**
 * Placeholder in `SheetPlan.texts` for a number cell whose text has not been needed yet: most numbers are only
 * range-checked, and turning every one into text would cost more than the checks. {@link textOf} converts.
 */
export const NUMBER_TEXT = "\u0000number";

/** Distinct recent texts remembered per column (a power of two). */
export const CACHE_WAYS = 4;

export const F64 = new Float64Array(1);
export const I32 = new Int32Array(F64.buffer);

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
  /** For a term with a closed range in `TERM_RANGES` (coordinates, date parts), the range of its values; else 0…0. */
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

export const txt = (en: string, ru: string) => ({ en, ru });

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
    const range = Object.prototype.hasOwnProperty.call(TERM_RANGES, term) ? TERM_RANGES[term] : undefined;
    if (range && range.min !== undefined && range.max !== undefined) [col.lo, col.hi] = [range.min, rangeMax(range) as number];
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

export function headerFix(sheet: string, column: number, from: string, to: string): Fix {
  return { label: txt(`Rename header to ${to}`, `Переименовать заголовок в ${to}`), changes: [{ sheet, row: 1, column, term: to, from, to }] };
}

export function isDateFormatCached(plan: SheetPlan, fmt: string | null | undefined): boolean {
  if (!fmt) return false;
  let v = plan.dateFormats.get(fmt);
  if (v === undefined) {
    v = isDateFormat(fmt);
    plan.dateFormats.set(fmt, v);
  }
  return v;
}

