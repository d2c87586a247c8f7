import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ChevronDownRegular, ChevronRightRegular } from "@fluentui/react-icons";
import type { Lang } from "../../dwc/types";
import { getRule } from "../../validate/rules";
import type { Issue } from "../../validate/types";
import { fixKey, issuesByFix, type RuleGroup } from "../hooks/useValidation";
import type { Strings } from "../i18n";
import { IssueRow } from "./IssueRow";
import { severityLabel, SeverityNumber } from "./SeverityCounts";

/** Groups open when a list is shown (the first ones: what blocks the export first). */
const OPEN_GROUPS = 3;
/** Height the list assumes for a row not measured yet (jsdom measures nothing: every row keeps its estimate). */
const ESTIMATE = { group: 44, issue: 64, fix: 36 };
/** Rows drawn above and below the visible ones. */
const OVERSCAN = 8;
/** The list's height when the layout gives none (jsdom). */
const FALLBACK_VIEWPORT = 640;

const useStyles = makeStyles({
  scroller: {
    position: "relative",
    overflowY: "auto",
    maxHeight: "70vh",
    minHeight: "120px",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  list: { listStyleType: "none", margin: 0, padding: 0, position: "relative" },
  row: { position: "absolute", left: 0, right: 0 },
  header: {
    display: "flex",
    justifyContent: "flex-start",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
    width: "100%",
    minWidth: 0,
    textAlign: "start",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: 0,
    fontWeight: tokens.fontWeightSemibold,
  },
  title: { overflowWrap: "anywhere", flexGrow: 1, minWidth: 0 },
});

/**
 * A rule's heading: its registered title in `lang`. A rule not registered (a BDQ test's label, before the BDQ
 * tests are loaded) is never named by its id: it is headed "Data quality check", and its findings' messages say
 * what is wrong.
 *
 * @example ruleTitle("whitespace-edges", "en", strings) // "Leading or trailing spaces"
 */
export function ruleTitle(ruleId: string, lang: Lang, strings: Pick<Strings, "otherRule">): string {
  return getRule(ruleId)?.title[lang]?.trim() || strings.otherRule;
}

/** Key of a group (its tier and rule). */
export const groupKey = (g: Pick<RuleGroup, "severity" | "ruleId">): string => `${g.severity}\u0000${g.ruleId}`;

/** One row of the flattened list: a group's heading, or one issue (`n`: its index in the whole list). */
export type ListRow = { kind: "group"; key: string; group: RuleGroup; open: boolean } | { kind: "issue"; key: string; issue: Issue; n: number };

/**
 * The rows of the list: each group's heading, followed by its issues when it is open. `isOpen` says which groups
 * are; `indexOf` gives an issue's index in the whole list.
 */
export function flattenGroups(groups: readonly RuleGroup[], isOpen: (g: RuleGroup, i: number) => boolean, indexOf: (i: Issue) => number): ListRow[] {
  const rows: ListRow[] = [];
  groups.forEach((g, gi) => {
    const open = isOpen(g, gi);
    const key = groupKey(g);
    rows.push({ kind: "group", key: `g:${key}`, group: g, open });
    if (open) for (const issue of g.issues) {
      const n = indexOf(issue);
      rows.push({ kind: "issue", key: `i:${n}`, issue, n });
    }
  });
  return rows;
}

/** Offsets of every row (prefix sums of the heights), and the total height at the end. */
function offsetsOf(rows: readonly ListRow[], heights: ReadonlyMap<string, number>): Float64Array {
  const out = new Float64Array(rows.length + 1);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const h = heights.get(r.key) ?? (r.kind === "group" ? ESTIMATE.group : ESTIMATE.issue + (r.issue.fix ? ESTIMATE.fix : 0));
    out[i + 1] = out[i] + h;
  }
  return out;
}

/** The first row whose bottom is below `y`. */
function rowAt(offsets: Float64Array, y: number): number {
  let lo = 0;
  let hi = offsets.length - 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1] <= y) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo);
}

export interface IssueGroupsProps {
  groups: RuleGroup[];
  /** All issues in list order (indexes refer to it). */
  issues: Issue[];
  current: number;
  lang: Lang;
  strings: Strings;
  onGoTo: (index: number) => void;
  onApply: (issues: Issue[]) => void;
}

/**
 * Issues grouped by tier and rule, each group headed by the rule's title and its number of findings in the tier's
 * colour, collapsible (the first groups open). A windowed list: only the rows in view (and a few around them)
 * are in the document, so that 100,000 findings scroll as fast as ten. The current issue is scrolled into view
 * (its group opened) when it changes.
 */
export function IssueGroups({ groups, issues, current, lang, strings, onGoTo, onApply }: IssueGroupsProps) {
  const s = useStyles();
  const index = useMemo(() => new Map(issues.map((i, n) => [i, n])), [issues]);
  const [toggled, setToggled] = useState<Map<string, boolean>>(() => new Map());
  const currentIssue = issues[current];
  const currentKey = currentIssue ? groupKey(currentIssue) : undefined;
  const isOpen = useCallback(
    (g: RuleGroup, gi: number): boolean => groupKey(g) === currentKey || (toggled.get(groupKey(g)) ?? gi < OPEN_GROUPS),
    [toggled, currentKey]
  );
  const rows = useMemo(() => flattenGroups(groups, isOpen, (i) => index.get(i) ?? -1), [groups, isOpen, index]);
  const byFix = useMemo(() => new Map(groups.map((g) => [groupKey(g), issuesByFix(g.issues)])), [groups]);

  // Heights of the rows drawn so far, measured by a ResizeObserver (a row's height changes the offsets below it).
  const [heights, setHeights] = useState<ReadonlyMap<string, number>>(() => new Map());
  const observer = useMemo(
    () =>
      typeof ResizeObserver === "undefined"
        ? undefined
        : new ResizeObserver((entries) =>
            setHeights((prev) => {
              let next: Map<string, number> | undefined;
              for (const e of entries) {
                const el = e.target as HTMLElement;
                const key = el.dataset.row;
                const h = el.offsetHeight;
                if (key && h > 0 && prev.get(key) !== h) (next ??= new Map(prev)).set(key, h);
              }
              return next ?? prev;
            })
          ),
    []
  );
  useEffect(() => () => observer?.disconnect(), [observer]);
  const observed = useRef(new Map<string, Element>());
  const offsets = useMemo(() => offsetsOf(rows, heights), [rows, heights]);
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: FALLBACK_VIEWPORT });
  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (el) setView({ top: el.scrollTop, height: el.clientHeight || FALLBACK_VIEWPORT });
  }, []);
  useLayoutEffect(onScroll, [onScroll]);

  const first = Math.max(0, rowAt(offsets, view.top) - OVERSCAN);
  let last = rowAt(offsets, view.top + view.height);
  last = Math.min(rows.length - 1, last + OVERSCAN);
  const visible = rows.slice(first, last + 1);

  // The current issue (Previous/Next, a click) is brought into view: the list scrolls to it, and the pane to the list.
  useEffect(() => {
    if (current < 0) return;
    const el = scroller.current;
    const at = rows.findIndex((r) => r.kind === "issue" && r.n === current);
    if (!el || at < 0) return;
    const top = offsets[at];
    const bottom = offsets[at + 1];
    const height = el.clientHeight || FALLBACK_VIEWPORT;
    if (top < el.scrollTop || bottom > el.scrollTop + height) {
      el.scrollTop = Math.max(0, top - height / 3);
      onScroll();
    }
    el.scrollIntoView?.({ block: "nearest" });
    // Only when the current issue changes (not on every measurement).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current, currentKey]);

  const toggle = (g: RuleGroup, open: boolean): void =>
    setToggled((t) => {
      const next = new Map(t);
      next.set(groupKey(g), !open);
      return next;
    });

  return (
    <div ref={scroller} className={s.scroller} onScroll={onScroll} data-testid="issue-list">
      <ul className={s.list} style={{ height: `${offsets[rows.length]}px` }}>
        {visible.map((r, k) => {
          const at = first + k;
          const style = { top: `${offsets[at]}px` };
          const ref = (el: HTMLLIElement | null): void => {
            const old = observed.current.get(r.key);
            if (old === el) return;
            if (old) observer?.unobserve(old);
            if (el) {
              observed.current.set(r.key, el);
              observer?.observe(el);
            } else observed.current.delete(r.key);
          };
          if (r.kind === "group") {
            const g = r.group;
            return (
              <li key={r.key} ref={ref} className={s.row} style={style} data-row={r.key}>
                <Button
                  appearance="subtle"
                  className={s.header}
                  aria-expanded={r.open}
                  icon={r.open ? <ChevronDownRegular /> : <ChevronRightRegular />}
                  onClick={() => toggle(g, r.open)}
                >
                  <SeverityNumber severity={g.severity} n={g.issues.length} title={severityLabel(g.severity, strings)} />
                  <Text className={s.title}>{ruleTitle(g.ruleId, lang, strings)}</Text>
                </Button>
              </li>
            );
          }
          const i = r.issue;
          return (
            <IssueRow
              key={r.key}
              ref={ref}
              className={s.row}
              style={style}
              rowKey={r.key}
              issue={i}
              lang={lang}
              strings={strings}
              isCurrent={r.n === current}
              allMatching={byFix.get(groupKey(i))?.get(fixKey(i) ?? "") ?? []}
              onGoTo={() => onGoTo(r.n)}
              onApply={onApply}
            />
          );
        })}
      </ul>
    </div>
  );
}
