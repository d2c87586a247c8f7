/** Whole-workbook validation as the Validate and Export screens use it: run, cancel, navigate, fix. */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { CellChange, Issue, Severity } from "../../validate/types";
import { usePane } from "../context";
import { errorMessage } from "../errors";
import { useTask, type Task } from "./useTask";

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Issues sorted as the pane lists them: by severity, rule, sheet, row, column. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return [...issues].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.ruleId.localeCompare(b.ruleId) ||
      a.sheet.localeCompare(b.sheet) ||
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

/** Counts per severity. */
export function countBySeverity(issues: readonly Issue[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const i of issues) c[i.severity]++;
  return c;
}

/** The changes that fix every issue of the same rule whose fix replaces the same value with the same proposal. */
export function matchingChanges(issues: readonly Issue[], model: Issue): CellChange[] {
  const first = model.fix?.changes[0];
  if (!first || model.fix?.changes.length !== 1) return model.fix?.changes ?? [];
  const out: CellChange[] = [];
  for (const i of issues) {
    const c = i.fix?.changes;
    if (i.ruleId === model.ruleId && c?.length === 1 && c[0].from === first.from && c[0].to === first.to) {
      out.push(c[0]);
    }
  }
  return out;
}

const cellKey = (sheet: string, row: number, column: number): string => `${sheet}\u0000${row}\u0000${column}`;

export interface ValidationState {
  /** Undefined until the first run. */
  issues?: Issue[];
  task: Task;
  /** Index (in `issues`) of the issue the user is on. */
  current: number;
  message?: string;
  error?: string;
  run(): Promise<Issue[] | undefined>;
  /** Selects an issue's cell in Excel and makes it current. */
  goTo(index: number): Promise<void>;
  next(): Promise<void>;
  previous(): Promise<void>;
  apply(changes: CellChange[]): Promise<void>;
  removeMarks(): Promise<void>;
  /** Replaces the issue list (the export's validation shares it). */
  setIssues(issues: Issue[]): void;
  dismiss(): void;
}

/** State and actions of whole-workbook validation. */
export function useValidation(): ValidationState {
  const { services, strings } = usePane();
  const task = useTask();
  const [issues, setIssuesRaw] = useState<Issue[] | undefined>(undefined);
  const [current, setCurrent] = useState(-1);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  const setIssues = useCallback((list: Issue[]) => {
    setIssuesRaw(sortIssues(list));
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
    live.current = services.watchIssues((list) => {
      setIssuesRaw(sortIssues(list));
      setCurrent((c) => (c < list.length ? c : -1));
    });
    live.current.catch((e) => {
      live.current = undefined;
      setError(errorMessage(e));
    });
  }, [services]);

  const run = useCallback(async () => {
    setMessage(undefined);
    setError(undefined);
    const result = await task.run((o) => services.validateWorkbook(o));
    if (result) {
      setIssues(result);
      startLive();
    }
    return result;
  }, [services, task, setIssues, startLive]);

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
    async (dir: 1 | -1) => {
      if (located.length === 0) return;
      const pos = located.indexOf(current);
      const nextPos = pos < 0 ? (dir === 1 ? 0 : located.length - 1) : (pos + dir + located.length) % located.length;
      await goTo(located[nextPos]);
    },
    [located, current, goTo]
  );

  const apply = useCallback(
    async (changes: CellChange[]) => {
      setError(undefined);
      try {
        const result = await services.applyChanges(changes);
        const changed = new Set(result.applied.map((c) => cellKey(c.sheet, c.row, c.column)));
        setIssuesRaw((list) =>
          list?.filter((i) => !(i.fix && i.fix.changes.every((c) => changed.has(cellKey(c.sheet, c.row, c.column)))))
        );
        setCurrent(-1);
        setMessage(
          result.outOfDate.length > 0
            ? `${strings.applied(result.applied.length)} ${strings.outOfDate(result.outOfDate.length)}`
            : strings.applied(result.applied.length)
        );
      } catch (e) {
        setError(errorMessage(e));
      }
    },
    [services, strings]
  );

  const removeMarks = useCallback(async () => {
    setError(undefined);
    try {
      await services.removeMarks();
      setMessage(strings.marksRemoved);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [services, strings]);

  return {
    issues,
    task,
    current,
    message,
    error: error ?? task.state.error,
    run,
    goTo,
    next: () => step(1),
    previous: () => step(-1),
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
