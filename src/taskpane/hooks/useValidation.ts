/** Whole-workbook validation as the Validate and Export screens use it: run, cancel, navigate, fix. */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { planFixes } from "../../validate/fixes";
import { countBySeverity, SEVERITY_RANK } from "../../validate/severity";
import type { CellChange, Issue, Severity } from "../../validate/types";
import { usePane } from "../context";
import { reportRows } from "../report";
import type { DatasetSheetInfo } from "../services";
import { errorMessage } from "../errors";
import type { GeographyState } from "./useGeography";
import { useTask, type Task } from "./useTask";


const collator = new Intl.Collator();

/** Issues sorted as the pane lists them: by severity, rule, sheet, row, column. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return [...issues].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (a.ruleId === b.ruleId ? 0 : collator.compare(a.ruleId, b.ruleId)) ||
      (a.sheet === b.sheet ? 0 : collator.compare(a.sheet, b.sheet)) ||
      a.row - b.row ||
      a.column - b.column
  );
}

/** Issues of one rule. */
export interface RuleGroup {
  ruleId: string;
  severity: Severity;
  issues: Issue[];
}

/** Groups sorted issues by rule, keeping their order. */
export function groupByRule(sorted: readonly Issue[]): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  for (const i of sorted) {
    const key = `${i.severity}\u0000${i.ruleId}`;
    let g = groups.get(key);
    if (!g) {
      g = { ruleId: i.ruleId, severity: i.severity, issues: [] };
      groups.set(key, g);
    }
    g.issues.push(i);
  }
  return [...groups.values()];
}

/** Counts per severity: the model's, as the command line counts them. */
export { countBySeverity };

/**
 * What "Apply to all" matches on: the rule and the first change of the fix (the cell the issue is about: its term,
 * value and proposal). Undefined for an issue without a fix.
 */
export function fixKey(issue: Issue): string | undefined {
  const c = issue.fix?.changes[0];
  return c && `${issue.ruleId}\u0000${c.term}\u0000${c.from}\u0000${c.to}`;
}

/**
 * The issues "Apply to all" fixes together with `model`: those of the same rule whose fix makes the same change to
 * the same value. Their changes are planned by `planFixes` (src/validate), the one implementation of bulk fixes,
 * so every change of every matching fix is written (a date fix's second change, the original kept in
 * verbatimEventDate, included).
 */
export function matchingIssues(issues: readonly Issue[], model: Issue): Issue[] {
  const key = fixKey(model);
  return key === undefined ? [] : issues.filter((i) => fixKey(i) === key);
}

/** The issues of a list by {@link fixKey}, to find every row's matching issues in one pass. */
export function issuesByFix(issues: readonly Issue[]): Map<string, Issue[]> {
  const out = new Map<string, Issue[]>();
  for (const i of issues) {
    const key = fixKey(i);
    if (key === undefined) continue;
    const list = out.get(key);
    if (list) list.push(i);
    else out.set(key, [i]);
  }
  return out;
}

/** Keys of the cell a change writes: its column, and for a column to be added (-1), its term. */
const changeKeys = (c: CellChange): string[] =>
  c.column >= 0 ? [`${c.sheet}\u0000${c.row}\u0000#${c.column}`, `${c.sheet}\u0000${c.row}\u0000${c.term}`] : [`${c.sheet}\u0000${c.row}\u0000${c.term}`];

export interface ValidationState {
  /** Undefined until the first run. */
  issues?: Issue[];
  /**
   * Exact numbers per tier when the list is a shortened one (an export lists the first 1000 blockers and 10000
   * errors and warnings but counts them all); undefined when the list holds every issue.
   */
  totals?: Record<Severity, number>;
  task: Task;
  /**
   * The workbook's dataset sheets as of the last validation (undefined before one, or when they could not be
   * listed): none means the workbook has no Darwin Core sheet, which the pane says instead of "No problems found".
   */
  datasetSheets?: DatasetSheetInfo[];
  /** The country and sea boundaries the geography checks need (see useGeography). */
  geography: GeographyState;
  /** Index (in `issues`) of the issue the user is on. */
  current: number;
  message?: string;
  error?: string;
  run(): Promise<Issue[] | undefined>;
  /**
   * Validates one dataset sheet ("Validate this sheet only"): its findings replace the ones listed for it, the other
   * sheets' stay. Resolves to the sheet's findings (undefined when cancelled or failed).
   */
  runSheet(sheet: string): Promise<Issue[] | undefined>;
  /** Selects an issue's cell in Excel and makes it current. */
  goTo(index: number): Promise<void>;
  /** The next issue with a cell (of those `shown` accepts, when given: the list's filters). */
  next(shown?: (issue: Issue) => boolean): Promise<void>;
  previous(shown?: (issue: Issue) => boolean): Promise<void>;
  /** Applies the fixes of `issues` (one issue, or every matching one), planned together by `planFixes`. */
  apply(issues: readonly Issue[]): Promise<void>;
  removeMarks(): Promise<void>;
  /** Writes every finding listed to a new sheet ("Validation report", "Validation report (2)"…). */
  writeReport(): Promise<void>;
  /** Replaces the issue list (the export's validation shares it), with the exact counts when it is shortened. */
  setIssues(issues: Issue[], totals?: Record<Severity, number>): void;
  dismiss(): void;
}

/**
 * State and actions of whole-workbook validation. `geography` is the boundaries' loading state: a validation run
 * (or under way) before they loaded is run again once they have, so that the geography findings appear.
 */
export function useValidation(geography: GeographyState = { status: "ready" }): ValidationState {
  const { services, strings, lang } = usePane();
  const task = useTask();
  const [list, setList] = useState<{ issues?: Issue[]; totals?: Record<Severity, number> }>({});
  const issues = list.issues;
  const [current, setCurrent] = useState(-1);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [datasetSheets, setDatasetSheets] = useState<DatasetSheetInfo[] | undefined>(undefined);

  const setIssues = useCallback((next: Issue[], totals?: Record<Severity, number>) => {
    setList({ issues: sortIssues(next), totals });
    setCurrent(-1);
  }, []);

  // After the first whole-workbook validation, edits are validated live and the list follows them.
  const live = useRef<Promise<() => Promise<void>> | undefined>(undefined);
  useEffect(
    () => () => {
      const stop = live.current;
      live.current = undefined;
      stop?.then((s) => s()).catch((e) => console.warn(`Live validation did not stop: ${errorMessage(e)}`));
    },
    []
  );
  const startLive = useCallback(() => {
    if (live.current) return;
    live.current = services.watchIssues((next) => {
      setList({ issues: sortIssues(next) });
      setCurrent((c) => (c < next.length ? c : -1));
    });
    live.current.catch((e) => {
      live.current = undefined;
      setError(errorMessage(e));
    });
  }, [services]);

  // Whether the list comes from a whole-workbook validation that started before the boundaries were loaded.
  const geographyReady = geography.status === "ready";
  const [withoutGeography, setWithoutGeography] = useState(false);
  const run = useCallback(async () => {
    setMessage(undefined);
    setError(undefined);
    const started = geographyReady;
    const result = await task.run((o) => services.validateWorkbook(o));
    if (result) {
      let sheets: DatasetSheetInfo[] | undefined;
      try {
        sheets = await services.listDatasetSheets();
      } catch (e) {
        console.warn(`Validation: could not list the sheets: ${errorMessage(e)}`);
      }
      setDatasetSheets(sheets);
      setIssues(result);
      setWithoutGeography(!started);
      startLive();
    }
    return result;
  }, [services, task, setIssues, startLive, geographyReady]);

  const runSheet = useCallback(
    async (sheet: string) => {
      setMessage(undefined);
      setError(undefined);
      const result = await task.run((o) => services.validateSheet(sheet, o));
      if (result) {
        // Live validation, when running, reports the whole list itself; without it the sheet's part is replaced here.
        setList((l) => ({ issues: sortIssues([...(l.issues ?? []).filter((i) => i.sheet !== sheet), ...result]) }));
        setCurrent(-1);
      }
      return result;
    },
    [services, task]
  );

  // The boundaries arrived after the shown validation had started: validate again, so that the geography findings
  // appear (a cancelled or failed run is not repeated).
  useEffect(() => {
    if (geographyReady && withoutGeography) {
      setWithoutGeography(false);
      void run();
    }
  }, [geographyReady, withoutGeography, run]);

  const located = useMemo(() => (issues ?? []).map((i, n) => (i.row > 0 ? n : -1)).filter((n) => n >= 0), [issues]);

  const goTo = useCallback(
    async (index: number) => {
      const i = issues?.[index];
      if (!i) return;
      setCurrent(index);
      try {
        await services.selectCell(i.sheet, Math.max(i.row, 1), Math.max(i.column, 0));
      } catch (e) {
        setError(errorMessage(e));
      }
    },
    [issues, services]
  );

  const step = useCallback(
    async (dir: 1 | -1, shown?: (issue: Issue) => boolean) => {
      const list = shown && issues ? located.filter((n) => shown(issues[n])) : located;
      if (list.length === 0) return;
      const pos = list.indexOf(current);
      let nextPos: number;
      if (pos >= 0) nextPos = (pos + dir + list.length) % list.length;
      else {
        // From an issue the filters hide (or none): the first one after it, or before it going back.
        const after = list.findIndex((n) => n > current);
        nextPos = current < 0 ? (dir === 1 ? 0 : list.length - 1) : dir === 1 ? (after < 0 ? 0 : after) : (after < 0 ? list.length : after) - 1;
        if (nextPos < 0) nextPos = list.length - 1;
      }
      await goTo(list[nextPos]);
    },
    [located, current, goTo, issues]
  );

  const apply = useCallback(
    async (fixed: readonly Issue[]) => {
      setError(undefined);
      const plan = planFixes(fixed);
      if (plan.changes.length === 0) return;
      try {
        const result = await services.applyChanges(plan.changes);
        const changed = new Set(result.applied.flatMap(changeKeys));
        // An issue leaves the list when every change of its fix was written (live validation reports what is left).
        setList((l) => ({
          issues: l.issues?.filter((i) => !(i.fix && i.fix.changes.every((c) => changeKeys(c).some((k) => changed.has(k))))),
        }));
        setCurrent(-1);
        const cells = result.applied.length;
        setMessage(
          result.outOfDate.length > 0 ? `${strings.applied(cells)} ${strings.outOfDate(result.outOfDate.length)}` : strings.applied(cells)
        );
      } catch (e) {
        setError(errorMessage(e));
      }
    },
    [services, strings]
  );

  // Removing the marks changes nothing about the data: the list stays as it is.
  const removeMarks = useCallback(async () => {
    setError(undefined);
    try {
      await services.removeMarks();
      setMessage(strings.marksRemoved);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [services, strings]);

  const writeReport = useCallback(async () => {
    setError(undefined);
    setMessage(undefined);
    const all = issues ?? [];
    try {
      const name = await services.writeReport(strings.reportSheetName, strings.reportHeaders, reportRows(all, lang, strings));
      setMessage(strings.reportWritten(name, all.length));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [issues, services, strings, lang]);

  return {
    writeReport,
    issues,
    totals: list.totals,
    datasetSheets,
    task,
    geography,
    current,
    message,
    error: error ?? task.state.error,
    run,
    runSheet,
    goTo,
    next: (shown) => step(1, shown),
    previous: (shown) => step(-1, shown),
    apply,
    removeMarks,
    setIssues,
    dismiss: () => {
      setMessage(undefined);
      setError(undefined);
      task.clearError();
    },
  };
}
