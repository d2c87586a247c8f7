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
import { fmix } from "./keyindex";
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
  ref: `TDWG BDQ test ${d.label}`,
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
  /**
   * For a Validation or Issue test, the column its issue is on (the first acted-upon term the sheet has; see
   * bdqResponseToIssue), else -1. When the engine flagged that cell, the issue would be dropped: the test is skipped.
   */
  issueColumn: number;
  /** Columns of the terms the test reads (acted upon and consulted) that the sheet has: the memo key. */
  presentInputs: number[];
  /** Indexes in the sheet's `fields` of the terms the test reads: what the record must hold when it runs. */
  fields: number[];
  /**
   * Verdicts by input values: a test is a pure function of its inputs and sheets repeat values (years, names,
   * units), so each distinct input runs once. See {@link MemoTable}.
   */
  memo: MemoTable;
}

/**
 * An open-addressing table of verdicts keyed by 64 bits combined from the inputs' cell hashes (two 32-bit hashes
 * per cell, computed once per cell as the row is read: FNV-1a and a multiplicative hash of the text, or a number's
 * bits). Looking a verdict up costs a few integer operations and never hashes a string again. Two different input
 * tuples share a key with a chance of about 2⁻⁶⁴ per pair; at most {@link MEMO_LIMIT} entries are kept.
 */
interface MemoTable {
  /**
   * Slot `i` at `slots[4i…4i+2]`: the key's two halves and a tag (0 empty, 1 {@link PASS}, n ≥ 2 the response
   * `responses[n - 2]`). One slot is 16 bytes, so a probe reads one cache line and never touches an object.
   */
  slots: Int32Array;
  responses: BdqResponse[];
  size: number;
}

const MEMO_LIMIT = 16_384;
const MEMO_INITIAL = 64;

function newMemo(capacity: number): MemoTable {
  return { slots: new Int32Array(capacity * 4), responses: [], size: 0 };
}

/** The BDQ tests compiled for one sheet, with a record object reused from row to row. */
export interface SheetBdq {
  /**
   * The tests a row runs, in four lists picked per row: with or without the geometry tests (until the geometry
   * pack has loaded), with or without the standardising amendments (which only act on cells the engine flagged).
   */
  runs: { [geometryAndFlagged: number]: CompiledTest[] };
  /** Terms the tests read, with their column. */
  fields: { term: string; column: number }[];
  record: Record<string, string | undefined>;
  /** Per field, the pass of {@link runBdq} that last put its value in `record`, and the current pass. */
  filledAt: Float64Array;
  pass: number;
  context: BdqIssueContext & { row: number };
}

const NO_PARAMETERS = Object.freeze({});

/** The row last checked, as the sheet's scratch buffers hold it (see `SheetPlan` in sheet.ts). */
export interface RowTexts {
  /** A column's text (numbers converted). */
  text: (column: number) => string;
  /** Per column, the two 32-bit hashes of the cell (see `cellH1` in sheet.ts). */
  h1: Int32Array;
  h2: Int32Array;
  /** Per column, 1 when the cell's text is empty. */
  empty: Uint8Array;
  /**
   * Per column, `mark` when an engine issue of the row is about the cell (`flaggedAt`) or an engine fix changes it
   * (`fixedAt`); `mark` is new for every row checked.
   */
  flaggedAt: Int32Array;
  fixedAt: Int32Array;
  mark: number;
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
      issueColumn: d.type === "Amendment" ? -1 : (actedColumns.find((c) => c >= 0) ?? -1),
      presentInputs: inputs.map((t) => byTerm.get(t) ?? -1).filter((c) => c >= 0),
      fields: [],
      memo: newMemo(MEMO_INITIAL),
    });
    for (const t of inputs) fieldTerms.add(t);
  }
  if (tests.length === 0) return undefined;
  const fields = [...fieldTerms].map((term) => ({ term, column: byTerm.get(term) ?? -1 }));
  for (const t of tests) {
    const read = new Set([...t.descriptor.actedUpon, ...t.descriptor.consulted].map(unprefixed));
    t.fields = fields.flatMap((f, i) => (read.has(f.term) ? [i] : []));
  }
  const record: Record<string, string | undefined> = {};
  const context = {
    sheet,
    row: 0,
    columnOf: (t: string) => byTerm.get(t) ?? -1,
    valueOf: (t: string) => record[t] ?? "",
  };
  const pick = (geometry: boolean, flagged: boolean): CompiledTest[] => tests.filter((t) => (geometry || !t.needsGeometry) && (flagged || !t.amendsFlagged));
  const runs = { 0: pick(false, false), 1: pick(false, true), 2: pick(true, false), 3: pick(true, true) };
  return { runs, fields, record, filledAt: new Float64Array(fields.length), pass: 0, context };
}

/**
 * Runs a sheet's BDQ tests on the row last checked (`cells`). A BDQ issue on a cell the engine has already flagged
 * (`cells.flaggedAt`) is dropped: the user gets one finding and one proposal per cell. A standardising amendment
 * runs only where the engine flagged an acted-upon cell without offering a fix there (`cells.fixedAt`): a value the
 * engine accepts is standard already, and one it fixes needs no second proposal. `anyFlagged`: the row has an
 * engine issue.
 *
 * Verdicts are memoised, except for inputs the engine flagged: those are one-off values (a stray space, an Excel
 * error) that would fill the memo tables, and small tables stay in the processor's cache.
 */
export function runBdq(bdq: SheetBdq, row: number, cells: RowTexts, anyFlagged: boolean, out: Issue[]): void {
  const { record, context } = bdq;
  const { text, h1, h2, empty, flaggedAt, fixedAt, mark } = cells;
  bdq.pass++;
  context.row = row;
  const geometry = isBdqGeometryLoaded();
  const tests = bdq.runs[(geometry ? 2 : 0) + (anyFlagged ? 1 : 0)];
  for (let i = 0; i < tests.length; i++) {
    const t = tests[i];
    const acted = t.actedColumns;
    if (t.amendsFlagged) {
      let wanted = false;
      for (let k = 0; k < acted.length; k++) {
        const c = acted[k];
        if (c >= 0 && flaggedAt[c] === mark && fixedAt[c] !== mark) wanted = true;
      }
      if (!wanted) continue;
    } else if (t.issueColumn >= 0 && flaggedAt[t.issueColumn] === mark) {
      continue;
    } else if (!t.runsOnEmpty) {
      let any = false;
      for (let k = 0; k < acted.length; k++) if (acted[k] >= 0 && empty[acted[k]] === 0) any = true;
      if (!any) continue;
    }
    // The verdict for these inputs: memoised by their cell hashes (tests are pure functions of their inputs). A
    // memoised PASS raises nothing, so a hit costs a few integer operations and never touches a response.
    const cols = t.presentInputs;
    let oneOff = false;
    let a = 0x3c6ef372;
    let b = 0x1b873593;
    for (let k = 0; k < cols.length; k++) {
      const c = cols[k];
      if (flaggedAt[c] === mark) oneOff = true;
      a = Math.imul(a ^ h1[c], 0x01000193);
      // Int32 operations only (a constant above 2³¹ would turn the sum into a double and deoptimise this loop).
      b = Math.imul(b ^ h2[c], 0x5bd1e995);
      b ^= b >>> 15;
    }
    let verdict: Verdict | undefined;
    if (oneOff) {
      fill(bdq, t, text);
      verdict = verdictOf(t.run(record, NO_PARAMETERS));
    } else {
      a = fmix(a ^ cols.length);
      b = fmix(b ^ a);
      const memo = t.memo;
      const slots = memo.slots;
      const wrap = slots.length - 1;
      let slot = (a << 2) & wrap;
      for (;;) {
        const tag = slots[slot + 2];
        if (tag === 0) break;
        if (slots[slot] === a && slots[slot + 1] === b) {
          verdict = tag === 1 ? PASS : memo.responses[tag - 2];
          break;
        }
        slot = (slot + 4) & wrap;
      }
      if (verdict === undefined) {
        fill(bdq, t, text);
        verdict = verdictOf(t.run(record, NO_PARAMETERS));
        remember(t, a, b, verdict);
      }
    }
    if (verdict !== PASS) {
      fill(bdq, undefined, text); // the issue's values and fix read the record (any term an amendment names)
      report(t, verdict, context, cells, out);
    }
  }
}

/** Stores a verdict; the table doubles up to {@link MEMO_LIMIT} entries, then starts afresh. */
function remember(t: CompiledTest, a: number, b: number, verdict: Verdict): void {
  let memo = t.memo;
  if ((memo.size + 1) * 2 > memo.slots.length >> 2) {
    const capacity = memo.slots.length >> 1;
    if (capacity > MEMO_LIMIT * 2) {
      memo = newMemo(MEMO_INITIAL);
    } else {
      const grown = newMemo(capacity);
      grown.responses = memo.responses;
      const old = memo.slots;
      for (let i = 0; i < old.length; i += 4) if (old[i + 2] !== 0) place(grown, old[i], old[i + 1], old[i + 2]);
      memo = grown;
    }
    t.memo = memo;
  }
  let tag = 1;
  if (verdict !== PASS) {
    memo.responses.push(verdict);
    tag = memo.responses.length + 1;
  }
  place(memo, a, b, tag);
}

function place(memo: MemoTable, a: number, b: number, tag: number): void {
  const slots = memo.slots;
  const wrap = slots.length - 1;
  let slot = (a << 2) & wrap;
  while (slots[slot + 2] !== 0) slot = (slot + 4) & wrap;
  slots[slot] = a;
  slots[slot + 1] = b;
  slots[slot + 2] = tag;
  memo.size++;
}

/**
 * Fills the record with the terms test `t` reads, or every term when `t` is undefined (only when a test runs or an
 * issue is made: numbers are converted to text here, which costs more than most tests). Terms other tests read keep
 * their previous row's values; `t` never reads them. A term filled in this pass is not converted again.
 */
function fill(bdq: SheetBdq, t: CompiledTest | undefined, text: (column: number) => string): void {
  const { record, fields, filledAt, pass } = bdq;
  const wanted = t ? t.fields : undefined;
  const n = wanted ? wanted.length : fields.length;
  for (let k = 0; k < n; k++) {
    const i = wanted ? wanted[k] : k;
    if (filledAt[i] === pass) continue;
    filledAt[i] = pass;
    const f = fields[i];
    record[f.term] = f.column >= 0 ? text(f.column) : undefined;
  }
}

/** A memoised response that raises nothing: compliant, not an issue, not amended, or prerequisites not met. */
const PASS = 0;
type Verdict = BdqResponse | typeof PASS;

function verdictOf(response: BdqResponse): Verdict {
  if (response.status === "RUN_HAS_RESULT" && (response.result === "COMPLIANT" || response.result === "NOT_ISSUE")) return PASS;
  if (response.status === "NOT_AMENDED" || response.status.endsWith("PREREQUISITES_NOT_MET")) return PASS;
  return response;
}

function report(t: CompiledTest, response: BdqResponse, context: BdqIssueContext, cells: RowTexts, out: Issue[]): void {
  const issue = bdqResponseToIssue(t.descriptor, response, context);
  if (!issue) return;
  const { flaggedAt, fixedAt, mark } = cells;
  const n = flaggedAt.length;
  const marked = (at: Int32Array, c: number): boolean => c >= 0 && c < n && at[c] === mark;
  if (t.amendsFlagged) {
    if (issue.fix && issue.fix.changes.some((ch) => marked(fixedAt, ch.column))) return;
  } else {
    if (marked(flaggedAt, issue.column)) return;
    if (issue.fix && issue.fix.changes.some((ch) => marked(flaggedAt, ch.column))) return;
  }
  out.push(issue);
}
