/**
 * The streaming validator the adapters drive: sheets are fed in row chunks (whole-workbook validation) or one
 * edited range at a time (live validation). It keeps only what the cross-row rules need: id sets per id column
 * and one 64-bit hash per row for duplicate rows (src/validate/keyindex.ts), never the cells themselves.
 */
import type { Lang } from "../dwc/types";
import type { RowChunk, WorkbookFacts } from "../dwc/table";
import type { BdqMode } from "./bdqRules";
import { columnLetter, makeIssue } from "./issue";
import { RowDuplicates } from "./duplicates";
import { IdIndex, type IdKey } from "./keyindex";
import { recogniseSheet } from "./model";
import { coreCountIssue } from "./requirements";
import { RULE } from "./rules";
import { compileSheet, textOf, type SheetPlan, type SheetSpec } from "./plan";
import { checkRow, columnTallyIssue, columnTallyIssues } from "./sheet";
import { tallySpan } from "./tally";
import { shown } from "./text";
import type { Issue } from "./types";

export type { SheetSpec } from "./plan";

/** Options of {@link createWorkbookValidator}. */
export interface WorkbookValidatorOptions {
  /** Every sheet of the workbook, in order; sheets without a role (given or recognised) are reported and skipped. */
  sheets: SheetSpec[];
  /** Preferred language (messages always carry both; kept for future wording choices). Default `en`. */
  lang?: Lang;
  /** Workbook facts for reading date serials. Default: the 1900 date system. */
  facts?: WorkbookFacts;
  /** Recognise roles from headers and sheet names when not given (default true). */
  recognise?: boolean;
  /**
   * Which TDWG BDQ tests run per record: `default` (those adding to the engine's rules), `all` (every test that
   * runs offline), `off`. Geometry tests run once `loadBdqGeometry()` (src/validate/bdq) has resolved.
   */
  bdq?: BdqMode;
}

/**
 * Which issues an edit removes: every issue of `sheet` and `row`, narrowed to `column` and `ruleId` when given.
 * Apply all filters of an {@link EditResult} before adding its issues.
 */
export interface IssueFilter {
  sheet: string;
  row: number;
  column?: number;
  ruleId?: string;
}

/** What a live edit changes in the list of issues. */
export interface EditResult {
  /** Issues to remove (apply first). Every edited row is cleared entirely. */
  clear: IssueFilter[];
  /** Issues to add: the edited rows' issues and cross-row issues the edit caused elsewhere. */
  add: Issue[];
  /** Sheets whose header row changed: validate them again in full. */
  revalidateSheets: string[];
}

/** The state of a workbook validation; adapters keep it between edits. */
export interface WorkbookValidator {
  /** The sheets with the role used to validate them (undefined: not a dataset sheet). */
  readonly sheets: readonly { name: string; role?: SheetSpec["role"] }[];
  /** Validates a chunk of rows (cell and record rules) and records the ids and row hashes it needs later. */
  addChunk(sheetName: string, chunk: RowChunk): Issue[];
  /** Sheet and dataset rules: header problems, empty sheets, duplicates, uniqueness, links between sheets. */
  finish(): Issue[];
  /** Re-validates edited rows and the cross-row rules they affect; see {@link validateEdit}. */
  validateEdit(sheetName: string, changedRows: RowChunk): EditResult;
}

/** True when `issue` is removed by `filter`. */
export function issueMatches(issue: Issue, filter: IssueFilter): boolean {
  return (
    issue.sheet === filter.sheet &&
    issue.row === filter.row &&
    (filter.column === undefined || issue.column === filter.column) &&
    (filter.ruleId === undefined || issue.ruleId === filter.ruleId)
  );
}

/** Applies an {@link EditResult} to a list of issues (what the task pane and the sheet marks do). */
export function applyEdit(issues: readonly Issue[], result: EditResult): Issue[] {
  const kept = issues.filter((i) => !result.clear.some((f) => issueMatches(i, f)));
  return [...kept, ...result.add];
}

interface RefIndex {
  column: number;
  term: string;
  targetTerm: string;
  index: IdIndex;
}

interface SheetState {
  plan: SheetPlan;
  /** Values of the role's id column: core ids, or extension links to the core. */
  ids?: IdIndex;
  refs: RefIndex[];
  /** occurrenceID values in sheets of the occurrence row type. */
  occ?: IdIndex;
  /**
   * Rows by their hash (30 + 32 bits: two different rows of a sheet match with a chance of about n²/2⁶³, 1e-7
   * at a million rows), compared within their id's rows in a core sheet.
   */
  dups: RowDuplicates;
  records: number;
  /** The adapter's row count hint (see SheetSpec). */
  rowCount?: number;
  /**
   * Events of an event core with an eventDate column, by eventID: parent event, whether the row has a date, and
   * its row. An event without a date is fine when an ancestor or a descendant has one (decided in finish()).
   */
  events?: Map<string, EventFacts>;
}

interface EventFacts {
  parent: string;
  dated: boolean;
  row: number;
}

/** Terms that point at another record's id, and the id term they point at. */
const REFERENCES: Record<string, string> = {
  parentEventID: "eventID",
  parentNameUsageID: "taxonID",
  acceptedNameUsageID: "taxonID",
  originalNameUsageID: "taxonID",
};

const txt = (en: string, ru: string) => ({ en, ru });
const listRows = (rows: number[], except: number): string => {
  const other = rows.filter((r) => r !== except);
  return other.length > 5 ? `${other.slice(0, 5).join(", ")}… (${other.length})` : other.join(", ");
};

/**
 * Creates a workbook validator.
 *
 * @example
 * const v = createWorkbookValidator({ sheets: [{ name: "Event", headers: ["eventID", "eventDate"] }] });
 * v.addChunk("Event", { startRow: 2, values: [["e1", "2012-06-23"]] }); // cell and record issues
 * v.finish(); // duplicates, missing links, header problems
 */
export function createWorkbookValidator(options: WorkbookValidatorOptions): WorkbookValidator {
  const facts = options.facts ?? { date1904: false };
  const lang = options.lang ?? "en";
  const states = new Map<string, SheetState>();
  const order: SheetState[] = [];
  for (const spec of options.sheets) {
    const role = spec.role ?? (options.recognise === false ? undefined : recogniseSheet(spec.headers, spec.name));
    const plan = compileSheet({ ...spec, role }, facts, lang, options.bdq ?? "default");
    // Core ids only name repeated values; extension links name every dangling row, so they keep their values.
    const ids = role && plan.idColumn >= 0 ? new IdIndex(role.kind !== "core", spec.rowCount) : undefined;
    const st: SheetState = {
      plan,
      ids,
      refs: [],
      rowCount: spec.rowCount,
      dups: new RowDuplicates(role?.kind === "core" ? ids : undefined, role ? spec.rowCount : 0),
      records: 0,
    };
    if (role?.kind === "core" && role.rowTypeId === "event" && plan.idColumn >= 0 && plan.byTerm.has("eventDate")) st.events = new Map();
    states.set(spec.name, st);
    order.push(st);
  }
  // Second pass: references and occurrenceID sets, now that every sheet's role is known.
  for (const st of order) {
    const role = st.plan.role;
    if (!role) continue;
    for (const [term, targetTerm] of Object.entries(REFERENCES)) {
      const column = st.plan.byTerm.get(term);
      if (column !== undefined && coreWithId(targetTerm)) st.refs.push({ column, term, targetTerm, index: new IdIndex(true, st.rowCount) });
    }
    if (role.rowTypeId === "occurrence") {
      const column = st.plan.byTerm.get("occurrenceID");
      if (column !== undefined) st.occ = column === st.plan.idColumn && st.ids ? st.ids : new IdIndex(true, st.rowCount);
    }
  }

  function coreWithId(term: string): SheetState | undefined {
    return order.find((s) => s.plan.role?.kind === "core" && s.plan.role.idTerm === term && s.ids);
  }
  const core = order.find((s) => s.plan.role?.kind === "core" && s.ids);

  function sheetOf(name: string): SheetState {
    const st = states.get(name);
    if (!st) throw new ValidateError("unknown-sheet", `Sheet "${name}" was not declared to the validator`);
    return st;
  }

  /** Runs the row rules and updates the indexes; returns the keys whose cross-row status may have changed. */
  function processRows(st: SheetState, chunk: RowChunk, out: Issue[], touched?: Touched): void {
    const plan = st.plan;
    if (!plan.role) return;
    const idCol = plan.idColumn;
    const occCol = st.occ && st.occ !== st.ids ? (plan.byTerm.get("occurrenceID") as number) : -1;
    for (let i = 0; i < chunk.values.length; i++) {
      const row = chunk.startRow + i;
      if (row < 2) continue;
      const values = chunk.values[i];
      const nonEmpty = checkRow(plan, row, values, chunk.numberFormats?.[i], chunk.formulas?.[i], out);
      if (nonEmpty) st.records++;
      // The row's duplicate group is keyed by its id too: the key it leaves is read before the id changes.
      const oldDup = touched ? st.dups.keyAt(row) : undefined;
      if (st.ids) {
        const old = touched ? st.ids.keyAt(row) : undefined;
        st.ids.set(row, nonEmpty ? textOf(plan, idCol) || undefined : undefined);
        if (touched) touched.add(touched.ids, st, old, st.ids.keyAt(row));
      }
      if (occCol >= 0 && st.occ) {
        const old = touched ? st.occ.keyAt(row) : undefined;
        st.occ.set(row, nonEmpty ? textOf(plan, occCol) || undefined : undefined);
        if (touched) touched.add(touched.occ, st, old, st.occ.keyAt(row));
      }
      for (const ref of st.refs) {
        const old = touched ? ref.index.keyAt(row) : undefined;
        ref.index.set(row, nonEmpty ? textOf(plan, ref.column) || undefined : undefined);
        if (touched) touched.addRef(ref, old, ref.index.keyAt(row));
      }
      if (st.events && nonEmpty) {
        const id = textOf(plan, idCol);
        if (id) {
          const pc = plan.byTerm.get("parentEventID");
          st.events.set(id, { parent: pc === undefined ? "" : textOf(plan, pc), dated: textOf(plan, plan.byTerm.get("eventDate") as number) !== "", row });
        }
      }
      st.dups.set(row, nonEmpty ? plan.rowHash : undefined, plan.rowHash2);
      if (touched) touched.add(touched.dups, st, oldDup, st.dups.keyAt(row));
    }
  }

  function idDuplicateIssues(st: SheetState, key: IdKey, out: Issue[]): number[] {
    const ids = st.ids as IdIndex;
    const rows = ids.rows(key);
    if (rows.length < 2) return rows;
    const term = st.plan.role?.idTerm as string;
    for (const r of rows) {
      const v = ids.value(r);
      out.push(makeIssue(RULE.idDuplicate, st.plan.name, r, st.plan.idColumn, term, v, txt(`${term} "${shown(v)}" is not unique: also in rows ${listRows(rows, r)} (case-insensitive)`, `${term} «${shown(v)}» не уникален: также в строках ${listRows(rows, r)} (без учёта регистра)`)));
    }
    return rows;
  }

  function duplicateRowIssues(st: SheetState, key: IdKey, out: Issue[]): number[] {
    const rows = st.dups.rows(key);
    if (rows.length >= 2) duplicateGroup(st, rows, out);
    return rows;
  }

  function duplicateGroup(st: SheetState, rows: number[], out: Issue[]): void {
    for (const r of rows) {
      out.push(makeIssue(RULE.duplicateRow, st.plan.name, r, -1, undefined, undefined, txt(`Row ${r} is identical to row(s) ${listRows(rows, r)}`, `Строка ${r} совпадает со строкой(ами) ${listRows(rows, r)}`)));
    }
  }

  function occurrenceSheets(): SheetState[] {
    return order.filter((s) => s.occ);
  }

  /** occurrenceID duplicates across the dataset; a group lying wholly in the core is left to id-duplicate. */
  function occurrenceIdIssues(key: IdKey, out: Issue[]): { st: SheetState; row: number }[] {
    const members: { st: SheetState; row: number }[] = [];
    for (const s of occurrenceSheets()) for (const row of (s.occ as IdIndex).rows(key)) members.push({ st: s, row });
    if (members.length < 2) return members;
    if (members.every((m) => m.st === core && core.occ === core.ids)) return members;
    const where = (m: { st: SheetState; row: number }) => `${m.st.plan.name}!${m.row}`;
    // A core row whose id repeats only in another sheet has no kept value: it is named with a kept spelling.
    const known = members.map((m) => (m.st.occ as IdIndex).value(m.row)).find((v) => v !== "") ?? "";
    for (const m of members) {
      const occ = m.st.occ as IdIndex;
      const v = occ.value(m.row, known);
      const others = members.filter((o) => o !== m).map(where);
      const list = others.length > 5 ? `${others.slice(0, 5).join(", ")}… (${others.length})` : others.join(", ");
      const col = m.st.plan.byTerm.get("occurrenceID") as number;
      out.push(makeIssue(RULE.occurrenceIdDuplicate, m.st.plan.name, m.row, col, "occurrenceID", v, txt(`occurrenceID "${shown(v)}" is used more than once in the dataset: also ${list}`, `occurrenceID «${shown(v)}» встречается в наборе данных несколько раз: также ${list}`)));
    }
    return members;
  }

  function linkIssue(st: SheetState, row: number, value: string, target: SheetState): Issue {
    const term = st.plan.role?.idTerm as string;
    return makeIssue(RULE.linkDangling, st.plan.name, row, st.plan.idColumn, term, value, txt(`${term} "${shown(value)}" is not an id in the core sheet "${target.plan.name}"`, `${term} «${shown(value)}» отсутствует среди идентификаторов ядра (лист «${target.plan.name}»)`));
  }

  function referenceIssue(st: SheetState, ref: RefIndex, row: number, value: string, target: SheetState): Issue {
    return makeIssue(RULE.referenceDangling, st.plan.name, row, ref.column, ref.term, value, txt(`${ref.term} "${shown(value)}" does not match any ${ref.targetTerm} in "${target.plan.name}"`, `${ref.term} «${shown(value)}» не совпадает ни с одним ${ref.targetTerm} на листе «${target.plan.name}»`));
  }

  /** Extension sheets linked to the core. */
  function extensions(): SheetState[] {
    return core ? order.filter((s) => s !== core && s.plan.role?.kind === "extension" && s.ids && s.plan.role.idTerm === core.plan.role?.idTerm) : [];
  }

  /** Events without a date whose ancestors and descendants have none either. */
  function undatedEvents(st: SheetState, out: Issue[]): void {
    const events = st.events as Map<string, EventFacts>;
    const withDatedDescendant = new Set<string>();
    for (const [, e] of events) {
      if (!e.dated) continue;
      // Walk up from each dated event (a bounded walk: a cycle in parentEventID stops it).
      let p = e.parent;
      for (let hops = 0; p && hops < 64 && !withDatedDescendant.has(p); hops++) {
        withDatedDescendant.add(p);
        p = events.get(p)?.parent ?? "";
      }
    }
    const col = st.plan.byTerm.get("eventDate") as number;
    for (const [id, e] of events) {
      if (e.dated || withDatedDescendant.has(id)) continue;
      let p = e.parent;
      let dated = false;
      for (let hops = 0; p && hops < 64 && !dated; hops++) {
        const parent = events.get(p);
        dated = !!parent?.dated;
        p = parent?.parent ?? "";
      }
      if (!dated) out.push(makeIssue(RULE.eventDateMissing, st.plan.name, e.row, col, "eventDate", "", txt(`Event "${shown(id)}" has no eventDate, and neither its parent events nor its child events have one`, `У события «${shown(id)}» нет eventDate, и его нет ни у родительских, ни у дочерних событий`)));
    }
  }

  function finish(): Issue[] {
    const out: Issue[] = [];
    const cores = order.filter((s) => s.plan.role?.kind === "core");
    if (cores.length !== 1) out.push(coreCountIssue(cores.map((s) => s.plan.name)));
    else if (cores[0].records === 0) out.push(coreCountIssue([cores[0].plan.name], true));
    for (const st of order) if (st.events) undatedEvents(st, out);
    for (const st of order) {
      const plan = st.plan;
      const hasHeader = plan.headers.some((h) => (h ?? "").trim() !== "");
      if (!plan.role) {
        if (hasHeader && recogniseSheet(plan.headers as string[], plan.name)) out.push(makeIssue(RULE.sheetHeaderOnly, plan.name, 0, -1, undefined, undefined, txt(`Sheet "${plan.name}" has Darwin Core headers but no records, next to the dataset's core: it is left out`, `На листе «${plan.name}» заголовки Darwin Core, но нет записей, а ядро набора данных — другой лист: лист не включается`)));
        else if (hasHeader) out.push(makeIssue(RULE.sheetUnrecognised, plan.name, 0, -1, undefined, undefined, txt(`Sheet "${plan.name}" is not recognised as a Darwin Core core or extension (its headers are not the terms of one); it is not validated`, `Лист «${plan.name}» не распознан как ядро или расширение Darwin Core (его заголовки не термины одного из них); он не проверяется`)));
        else out.push(makeIssue(RULE.sheetEmpty, plan.name, 0, -1, undefined, undefined, txt(`Sheet "${plan.name}" is empty`, `Лист «${plan.name}» пуст`)));
        continue;
      }
      out.push(...plan.headerIssues);
      let lastHeader = -1;
      plan.headers.forEach((h, i) => {
        if ((h ?? "").trim() !== "") lastHeader = i;
      });
      plan.headers.forEach((h, i) => {
        if ((h ?? "").trim() !== "") return;
        if (plan.hasData[i]) out.push(makeIssue(RULE.headerBlank, plan.name, 1, i, undefined, "", txt(`Column ${columnLetter(i)} has data but no header: its values cannot be published`, `В столбце ${columnLetter(i)} есть данные, но нет заголовка: их нельзя опубликовать`)));
        else if (i < lastHeader) out.push(makeIssue(RULE.headerBlank, plan.name, 1, i, undefined, "", txt(`Column ${columnLetter(i)} has no header (an empty column between terms)`, `У столбца ${columnLetter(i)} нет заголовка (пустой столбец между терминами)`), undefined, "info"));
      });
      out.push(...columnTallyIssues(plan));
      if (st.records === 0) {
        out.push(makeIssue(RULE.sheetHeaderOnly, plan.name, 0, -1, undefined, undefined, txt(`Sheet "${plan.name}" has headers but no records`, `На листе «${plan.name}» есть заголовки, но нет записей`)));
      }
      if (st.ids && plan.role.kind === "core") {
        const ids = st.ids;
        ids.forEachRepeated((a, b) => idDuplicateIssues(st, IdIndex.key(a, b), out));
      }
      st.dups.forEachGroup((rows) => duplicateGroup(st, rows, out));
    }
    if (core?.ids) {
      for (const ext of extensions()) {
        const links = ext.ids as IdIndex;
        const coreIds = core.ids;
        links.forEachKey((a, b) => {
          if (coreIds.hasPair(a, b)) return;
          for (const r of links.rowsOf(a, b)) out.push(linkIssue(ext, r, links.value(r), core));
        });
      }
    }
    for (const st of order) {
      for (const ref of st.refs) {
        const target = coreWithId(ref.targetTerm);
        if (!target?.ids) continue;
        const targetIds = target.ids;
        ref.index.forEachKey((a, b) => {
          if (targetIds.hasPair(a, b)) return;
          for (const r of ref.index.rowsOf(a, b)) out.push(referenceIssue(st, ref, r, ref.index.value(r), target));
        });
      }
    }
    // A key can only repeat within a sheet (its entry holds several rows) or across sheets (another sheet has it).
    const sheets = occurrenceSheets();
    const seen = new Set<IdKey>();
    const report = (a: number, b: number): void => {
      const key = IdIndex.key(a, b);
      if (seen.has(key)) return;
      seen.add(key);
      occurrenceIdIssues(key, out);
    };
    for (const s of sheets) {
      const occ = s.occ as IdIndex;
      // With one occurrence sheet only keys repeated within it matter, and those are listed apart.
      if (sheets.length === 1) occ.forEachRepeated(report);
      else
        occ.forEachKey((a, b, _head, several) => {
          let repeated = several;
          for (let j = 0; !repeated && j < sheets.length; j++) if (sheets[j] !== s && (sheets[j].occ as IdIndex).hasPair(a, b)) repeated = true;
          if (repeated) report(a, b);
        });
    }
    return out;
  }

  function validateEditImpl(sheetName: string, chunk: RowChunk): EditResult {
    const st = sheetOf(sheetName);
    const result: EditResult = { clear: [], add: [], revalidateSheets: [] };
    if (chunk.startRow <= 1) {
      result.revalidateSheets.push(sheetName);
      return result;
    }
    if (!st.plan.role) return result;
    for (let i = 0; i < chunk.values.length; i++) result.clear.push({ sheet: sheetName, row: chunk.startRow + i });
    const touched = new Touched();
    const before = st.records;
    const tallies = st.plan.tallyList.map((t) => ({ t, count: t.count, sampleRow: t.sampleRow, ...tallySpan(t) }));
    processRows(st, chunk, result.add, touched);
    st.records = before; // edits re-read rows already counted
    const clear = result.clear;
    const add = result.add;
    // Column tallies (one issue per column, at its first cell): re-issued when the edit changed them or cleared
    // the row holding their issue.
    const lastRow = chunk.startRow + chunk.values.length - 1;
    for (const old of tallies) {
      const { t } = old;
      const now = tallySpan(t);
      const anchorEdited = old.first >= chunk.startRow && old.first <= lastRow;
      if (!anchorEdited && old.count === t.count && old.first === now.first && old.last === now.last && old.sampleRow === t.sampleRow) continue;
      if (old.count > 0) clear.push({ sheet: sheetName, row: old.first, column: t.column, ruleId: t.ruleId });
      const issue = columnTallyIssue(st.plan, t);
      if (issue) add.push(issue);
    }
    // Core id groups and the links and references pointing at them.
    for (const [s, keys] of touched.ids) {
      for (const key of keys) {
        if (s.plan.role?.kind === "core") {
          for (const r of idDuplicateIssues(s, key, add)) clear.push({ sheet: s.plan.name, row: r, ruleId: RULE.idDuplicate });
          if (s === core) for (const ext of extensions()) relink(ext, key);
          for (const t of order) for (const ref of t.refs) if (coreWithId(ref.targetTerm) === s) recheckRef(t, ref, key);
        } else if (s !== core && core) {
          relink(s, key);
        }
      }
    }
    for (const [ref, keys] of touched.refs) {
      const owner = order.find((o) => o.refs.includes(ref)) as SheetState;
      for (const key of keys) recheckRef(owner, ref, key);
    }
    for (const [, keys] of touched.occ) {
      for (const key of keys) for (const m of occurrenceIdIssues(key, add)) clear.push({ sheet: m.st.plan.name, row: m.row, ruleId: RULE.occurrenceIdDuplicate });
    }
    // When the occurrence core's ids change, the dataset-wide occurrenceID groups change too.
    for (const [s, keys] of touched.ids) {
      if (s.occ && s.occ === s.ids) for (const key of keys) for (const m of occurrenceIdIssues(key, add)) clear.push({ sheet: m.st.plan.name, row: m.row, ruleId: RULE.occurrenceIdDuplicate });
    }
    for (const [s, keys] of touched.dups) {
      for (const key of keys) for (const r of duplicateRowIssues(s, key, add)) clear.push({ sheet: s.plan.name, row: r, ruleId: RULE.duplicateRow });
    }
    return result;

    function relink(ext: SheetState, key: IdKey): void {
      if (!core?.ids || !ext.ids) return;
      const exists = core.ids.has(key);
      for (const r of ext.ids.rows(key)) {
        clear.push({ sheet: ext.plan.name, row: r, ruleId: RULE.linkDangling });
        if (!exists) add.push(linkIssue(ext, r, ext.ids.value(r), core));
      }
    }
    function recheckRef(owner: SheetState, ref: RefIndex, key: IdKey): void {
      const target = coreWithId(ref.targetTerm);
      if (!target?.ids) return;
      const exists = target.ids.has(key);
      for (const r of ref.index.rows(key)) {
        clear.push({ sheet: owner.plan.name, row: r, column: ref.column, ruleId: RULE.referenceDangling });
        if (!exists) add.push(referenceIssue(owner, ref, r, ref.index.value(r), target));
      }
    }
  }

  const validator: WorkbookValidator = {
    sheets: order.map((s) => ({ name: s.plan.name, role: s.plan.role })),
    addChunk(sheetName, chunk) {
      const out: Issue[] = [];
      processRows(sheetOf(sheetName), chunk, out);
      return out;
    },
    finish,
    validateEdit: validateEditImpl,
  };
  return validator;
}

/**
 * Live validation of edited rows: validates their cells and records, updates the cached id sets and row hashes,
 * and re-checks what depends on them (a renamed core id makes extension rows dangling or resolves them; duplicate
 * groups gain or lose members). Apply `clear` then `add` to the current issues ({@link applyEdit}).
 *
 * @example validateEdit(v, "Event", { startRow: 5, values: [["e9", "2012-06-23"]] })
 */
export function validateEdit(state: WorkbookValidator, sheetName: string, changedRows: RowChunk): EditResult {
  return state.validateEdit(sheetName, changedRows);
}

/** Keys touched by an edit, per index. */
class Touched {
  readonly ids = new Map<SheetState, Set<IdKey>>();
  readonly occ = new Map<SheetState, Set<IdKey>>();
  readonly refs = new Map<RefIndex, Set<IdKey>>();
  /** Duplicate-row groups (see RowDuplicates.keyAt). */
  readonly dups = new Map<SheetState, Set<IdKey>>();

  add(map: Map<SheetState, Set<IdKey>>, st: SheetState, old: IdKey | undefined, cur: IdKey | undefined): void {
    let set = map.get(st);
    if (!set) map.set(st, (set = new Set()));
    if (old) set.add(old);
    if (cur) set.add(cur);
  }
  addRef(ref: RefIndex, old: IdKey | undefined, cur: IdKey | undefined): void {
    let set = this.refs.get(ref);
    if (!set) this.refs.set(ref, (set = new Set()));
    if (old) set.add(old);
    if (cur) set.add(cur);
  }
}

/** Stable codes of {@link ValidateError}. */
export type ValidateErrorCode = "unknown-sheet";

/** A programming error in the use of the validator (not a data problem, which is an Issue). */
export class ValidateError extends Error {
  constructor(
    readonly code: ValidateErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ValidateError";
  }
}
