/**
 * The TDWG BDQ tests (src/validate/bdq) as rules of the engine: registered under their BDQ labels, run per record
 * on the sheet's columns, their responses turned into issues by the bdq module's `bdqResponseToIssue`.
 *
 * By default the engine runs the tests that add to its own rules (ranges, consistency, standardising amendments
 * of terms without a vocabulary rule); tests that repeat an engine rule (vocabulary values, eventDate format,
 * coordinate ranges, not-empty checks of every column) run with `bdq: "all"`. Tests that need an online
 * authority (categories T, X) or aggregate others (M) never run per record; geometry tests (G) run once
 * `loadBdqGeometry()` has resolved.
 */
import type { Text2 } from "../dwc/types";
import {
  BDQ_TEST_DESCRIPTORS,
  bdqResponseToIssue,
  bdqTestFunction,
  isBdqGeometryLoaded,
  unprefixed,
  validationSeverity,
  type BdqIssueContext,
  type BdqResponse,
  type BdqTestDescriptor,
  type BdqTestFunction,
} from "./bdq";
import { registerRules, type RuleDef } from "./rules";
import type { Issue } from "./types";

/** Which BDQ tests the engine runs: the complementary default set, all runnable ones, or none. */
export type BdqMode = "default" | "all" | "off";

/**
 * BDQ tests run by default: they check what no engine rule checks. The geodeticDatum tests are left to `all`:
 * BDQ wants an EPSG code and rejects `WGS84`, which GBIF's own templates and the IPT use and accept.
 */
export const DEFAULT_BDQ_TESTS: readonly string[] = [
  "VALIDATION_COORDINATEUNCERTAINTY_INRANGE",
  "VALIDATION_DATEIDENTIFIED_INRANGE",
  "VALIDATION_DAY_INRANGE",
  "VALIDATION_EVENTDATE_INRANGE",
  "VALIDATION_MAXDEPTH_INRANGE",
  "VALIDATION_MAXELEVATION_INRANGE",
  "VALIDATION_MINDEPTH_INRANGE",
  "VALIDATION_MINELEVATION_INRANGE",
  "VALIDATION_MINDEPTH_LESSTHAN_MAXDEPTH",
  "VALIDATION_MINELEVATION_LESSTHAN_MAXELEVATION",
  "VALIDATION_POLYNOMIAL_CONSISTENT",
  "VALIDATION_SCIENTIFICNAMEID_COMPLETE",
  "VALIDATION_YEAR_INRANGE",
  "VALIDATION_COORDINATESSTATEPROVINCE_CONSISTENT",
  "ISSUE_COORDINATES_CENTEROFCOUNTRY",
  "AMENDMENT_EVENTDATE_STANDARDIZED",
  "AMENDMENT_DATEIDENTIFIED_STANDARDIZED",
  "AMENDMENT_DAY_STANDARDIZED",
  "AMENDMENT_MONTH_STANDARDIZED",
];

const RUNNABLE = new Set(["L", "V", "A", "G"]);

/** The BDQ tests as rule definitions (id = BDQ label). */
export const bdqRules: readonly RuleDef[] = BDQ_TEST_DESCRIPTORS.filter((d) => RUNNABLE.has(d.offlineCategory)).map((d) => ({
  id: d.label,
  severity: d.type === "Validation" ? validationSeverity(d) : "info",
  scope: "record",
  terms: d.actedUpon.map(unprefixed),
  source: "bdq",
  fixable: d.type === "Amendment",
  title: { en: d.description, ru: `Тест качества данных TDWG BDQ ${d.label}` } as Text2,
}));
registerRules(bdqRules);

interface CompiledTest {
  descriptor: BdqTestDescriptor;
  run: BdqTestFunction;
  /** Columns of the acted-upon terms (-1 when absent); the test is skipped on rows where all are empty. */
  actedColumns: number[];
  needsGeometry: boolean;
  /** Not-empty checks and fill-in amendments are about empty values; the others are skipped on them. */
  runsOnEmpty: boolean;
  /** A `_STANDARDIZED` amendment: run only on cells the engine flagged without a fix. */
  amendsFlagged: boolean;
  /** Columns of the terms the test reads (acted upon and consulted) that the sheet has: the memo key. */
  presentInputs: number[];
  /**
   * Verdicts by input values: a test is a pure function of its inputs and sheets repeat values (years, names,
   * units), so each distinct input runs once. Cleared when it grows past {@link MEMO_LIMIT}.
   */
  memo: Memo;
  memoSize: number;
  /** For a single-input test: responses for small whole numbers (years, counts, metres), read without hashing. */
  smallInts: (Verdict | undefined)[] | undefined;
  /** For a test of 2-3 inputs that are all small whole numbers (day, month, year): verdicts by one packed key. */
  intTuples: Map<number, Verdict>;
  /**
   * The inputs of the last memo-walk lookup and its verdict (`lastVerdict` undefined until the first): consecutive
   * rows often repeat their values, and comparing them costs less than hashing them again.
   */
  lastInputs: (string | number)[];
  lastVerdict: Verdict | undefined;
}

/** Inputs below this pack into one number key, 12 bits each. */
const TUPLE_INT = 4096;

/** Whole numbers below this are memoised in an array. */
const SMALL_INT = 1 << 16;

/** Responses keyed by the inputs' texts, one map level per input: a hit allocates nothing. */
type Memo = Map<string | number, Memo | Verdict>;

const MEMO_LIMIT = 20_000;

/** The BDQ tests compiled for one sheet, with a record object reused from row to row. */
export interface SheetBdq {
  tests: CompiledTest[];
  /** Terms the tests read, with their column. */
  fields: { term: string; column: number }[];
  record: Record<string, string | undefined>;
  /** Whether `record` holds the row being checked. */
  filled: boolean;
  context: BdqIssueContext & { row: number };
}

const NO_PARAMETERS = Object.freeze({});

/** The row last checked, as the sheet's scratch buffers hold it (see `SheetPlan` in sheet.ts). */
export interface RowTexts {
  texts: readonly string[];
  nums: Float64Array;
  /** The placeholder `texts` holds for a number cell not yet turned into text. */
  numberText: string;
  /** A column's text (numbers converted). */
  text: (column: number) => string;
}

/**
 * Picks the tests that apply to a sheet: at least one acted-upon term is a column. Returns undefined when none.
 */
export function compileBdq(sheet: string, byTerm: ReadonlyMap<string, number>, mode: BdqMode): SheetBdq | undefined {
  if (mode === "off") return undefined;
  const wanted = mode === "all" ? undefined : new Set(DEFAULT_BDQ_TESTS);
  const tests: CompiledTest[] = [];
  const fieldTerms = new Set<string>();
  for (const d of BDQ_TEST_DESCRIPTORS) {
    if (!RUNNABLE.has(d.offlineCategory) || d.actedUpon.length === 0) continue;
    if (wanted && !wanted.has(d.label)) continue;
    const acted = d.actedUpon.map(unprefixed);
    const actedColumns = acted.map((t) => byTerm.get(t) ?? -1);
    if (actedColumns.every((c) => c < 0)) continue;
    const inputs = [...acted, ...d.consulted.map(unprefixed)];
    tests.push({
      descriptor: d,
      run: bdqTestFunction(d.label),
      actedColumns,
      needsGeometry: d.offlineCategory === "G",
      runsOnEmpty: /NOTEMPTY|_FROM_|ASSUMEDDEFAULT/.test(d.label),
      amendsFlagged: d.type === "Amendment" && d.label.endsWith("_STANDARDIZED"),
      presentInputs: inputs.map((t) => byTerm.get(t) ?? -1).filter((c) => c >= 0),
      memo: new Map(),
      memoSize: 0,
      smallInts: undefined,
      intTuples: new Map(),
      lastInputs: [],
      lastVerdict: undefined,
    });
    for (const t of inputs) fieldTerms.add(t);
  }
  if (tests.length === 0) return undefined;
  const fields = [...fieldTerms].map((term) => ({ term, column: byTerm.get(term) ?? -1 }));
  const record: Record<string, string | undefined> = {};
  const context = {
    sheet,
    row: 0,
    columnOf: (t: string) => byTerm.get(t) ?? -1,
    valueOf: (t: string) => record[t] ?? "",
  };
  return { tests, fields, record, filled: false, context };
}

/**
 * Runs a sheet's BDQ tests on the row last checked (`cells`). A BDQ issue on a cell the
 * engine has already flagged (`flaggedColumns`) is dropped: the user gets one finding and one proposal per cell.
 * A standardising amendment runs only where the engine flagged an acted-upon cell without offering a fix there
 * (`fixedColumns`): a value the engine accepts is standard already, and one it fixes needs no second proposal.
 */
export function runBdq(
  bdq: SheetBdq,
  row: number,
  cells: RowTexts,
  flaggedColumns: ReadonlySet<number>,
  fixedColumns: ReadonlySet<number>,
  out: Issue[],
): void {
  const { record, context } = bdq;
  const { texts, nums, numberText, text } = cells;
  bdq.filled = false;
  context.row = row;
  const geometry = isBdqGeometryLoaded();
  const anyFlagged = flaggedColumns.size !== 0;
  const tests = bdq.tests;
  for (let i = 0; i < tests.length; i++) {
    const t = tests[i];
    if (t.needsGeometry && !geometry) continue;
    const acted = t.actedColumns;
    if (t.amendsFlagged) {
      if (!anyFlagged) continue;
      let wanted = false;
      for (let k = 0; k < acted.length; k++) {
        const c = acted[k];
        if (c >= 0 && flaggedColumns.has(c) && !fixedColumns.has(c)) wanted = true;
      }
      if (!wanted) continue;
    } else if (!t.runsOnEmpty) {
      let any = false;
      for (let k = 0; k < acted.length; k++) if (acted[k] >= 0 && texts[acted[k]] !== "") any = true;
      if (!any) continue;
    }
    const cols = t.presentInputs;
    // Memo lookups give PASS for a response that raises nothing (checked once, when the test ran), so a hit
    // costs one comparison and never touches the response object.
    let verdict: Verdict | undefined;
    let key: number | string = -1;
    if (cols.length === 1 && texts[cols[0]] === numberText) {
      const x = nums[cols[0]];
      if (x >= 0 && x < SMALL_INT && (x | 0) === x) {
        const small = (t.smallInts ??= []);
        // Grown densely: a store far past the end would turn the array into a slow dictionary.
        while (small.length <= x) small.push(undefined);
        verdict = small[x];
        if (verdict === undefined) {
          fill(bdq, text);
          verdict = small[x] = verdictOf(t.run(record, NO_PARAMETERS));
        }
        if (verdict !== PASS) {
      fill(bdq, text); // the issue's values and fix read the record
      report(t, verdict, context, flaggedColumns, fixedColumns, out);
    }
        continue;
      }
    }
    if (cols.length === 2 || cols.length === 3) {
      let packed = 0;
      for (let k = 0; k < cols.length; k++) {
        const c = cols[k];
        const x = texts[c] === numberText ? nums[c] : -1;
        if (!(x >= 0 && x < TUPLE_INT && (x | 0) === x)) {
          packed = -1;
          break;
        }
        packed = packed * TUPLE_INT + x;
      }
      key = packed;
    }
    if (key !== -1) {
      verdict = t.intTuples.get(key as number);
      if (verdict === undefined) {
        fill(bdq, text);
        if (t.intTuples.size >= MEMO_LIMIT) t.intTuples.clear();
        verdict = verdictOf(t.run(record, NO_PARAMETERS));
        t.intTuples.set(key as number, verdict);
      }
      if (verdict !== PASS) {
      fill(bdq, text); // the issue's values and fix read the record
      report(t, verdict, context, flaggedColumns, fixedColumns, out);
    }
      continue;
    }
    // The same inputs as the test's last lookup: the same verdict (tests are pure functions of their inputs).
    const lastInputs = t.lastInputs;
    if (t.lastVerdict !== undefined) {
      let same = true;
      for (let k = 0; k < cols.length; k++) {
        const c = cols[k];
        const s = texts[c];
        if ((s === numberText ? nums[c] : s) !== lastInputs[k]) {
          same = false;
          break;
        }
      }
      if (same) {
        verdict = t.lastVerdict;
        if (verdict !== PASS) {
          fill(bdq, text); // the issue's values and fix read the record
          report(t, verdict, context, flaggedColumns, fixedColumns, out);
        }
        continue;
      }
    }
    for (let k = 0; k < cols.length; k++) {
      const c = cols[k];
      const s = texts[c];
      lastInputs[k] = s === numberText ? nums[c] : s;
    }
    // Memo walk over the inputs present in the sheet (absent ones are always empty); numbers keyed as numbers.
    let level: Memo = t.memo;
    const lastAt = cols.length - 1;
    for (let k = 0; k < lastAt; k++) {
      const c = cols[k];
      const s = texts[c];
      const v = s === numberText ? nums[c] : s;
      let next = level.get(v) as Memo | undefined;
      if (!next) level.set(v, (next = new Map()));
      level = next;
    }
    let last: string | number = "";
    if (lastAt >= 0) {
      const s = texts[cols[lastAt]];
      last = s === numberText ? nums[cols[lastAt]] : s;
    }
    verdict = level.get(last) as Verdict | undefined;
    if (verdict === undefined) {
      fill(bdq, text);
      if (t.memoSize >= MEMO_LIMIT) {
        t.memo.clear();
        t.memoSize = 0;
      }
      verdict = verdictOf(t.run(record, NO_PARAMETERS));
      level.set(last, verdict);
      t.memoSize++;
    }
    t.lastVerdict = verdict;
    if (verdict !== PASS) {
      fill(bdq, text); // the issue's values and fix read the record
      report(t, verdict, context, flaggedColumns, fixedColumns, out);
    }
  }
}

/** Fills the record the tests read (once per row, only when a test runs or an issue is made). */
function fill(bdq: SheetBdq, text: (column: number) => string): void {
  if (bdq.filled) return;
  const { fields, record } = bdq;
  for (const f of fields) record[f.term] = f.column >= 0 ? text(f.column) : undefined;
  bdq.filled = true;
}

/** A memoised response that raises nothing: compliant, not an issue, not amended, or prerequisites not met. */
const PASS = 0;
type Verdict = BdqResponse | typeof PASS;

function verdictOf(response: BdqResponse): Verdict {
  if (response.status === "RUN_HAS_RESULT" && (response.result === "COMPLIANT" || response.result === "NOT_ISSUE")) return PASS;
  if (response.status === "NOT_AMENDED" || response.status.endsWith("PREREQUISITES_NOT_MET")) return PASS;
  return response;
}

function report(
  t: CompiledTest,
  response: BdqResponse,
  context: BdqIssueContext,
  flaggedColumns: ReadonlySet<number>,
  fixedColumns: ReadonlySet<number>,
  out: Issue[],
): void {
  const issue = bdqResponseToIssue(t.descriptor, response, context);
  if (!issue) return;
  if (t.amendsFlagged) {
    if (issue.fix && issue.fix.changes.some((ch) => ch.column >= 0 && fixedColumns.has(ch.column))) return;
  } else {
    if (issue.column >= 0 && flaggedColumns.has(issue.column)) return;
    if (issue.fix && issue.fix.changes.some((ch) => ch.column >= 0 && flaggedColumns.has(ch.column))) return;
  }
  out.push(issue);
}

