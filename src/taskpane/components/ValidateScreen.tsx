import { useMemo, useState } from "react";
import { Button, Caption1, Field, Select, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownRegular, ArrowUpRegular, CheckmarkCircleRegular, DocumentTableRegular, EraserRegular } from "@fluentui/react-icons";
import type { Lang } from "../../dwc/types";
import { SEVERITIES, type Issue, type Severity } from "../../validate/types";
import { usePane } from "../context";
import { countBySeverity, groupByRule, type ValidationState } from "../hooks/useValidation";
import type { Strings } from "../i18n";
import type { Progress } from "../services";
import { IssueGroups, ruleTitle } from "./IssueGroups";
import { Notice } from "./Notice";
import { OverviewScreen, ViewSwitch, type ValidateView } from "./OverviewScreen";
import { countLabel, SeverityCounts, SeverityNumber, SeverityTag, severityLabel } from "./SeverityCounts";
import { TaskProgress } from "./TaskProgress";
import { ValidateSheetButton } from "./ValidateSheetButton";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  grow: { flexGrow: 1 },
  filters: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(120px, 1fr))",
    gap: tokens.spacingHorizontalS,
    // Long option labels (rule titles) never widen the pane.
    "& > *": { minWidth: 0 },
    "& .fui-Select": { width: "100%", minWidth: 0, maxWidth: "100%" },
    "& select": { minWidth: 0, textOverflow: "ellipsis" },
  },
  sheets: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  sheet: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center", flexWrap: "wrap" },
  sheetName: { marginRight: tokens.spacingHorizontalXS, overflowWrap: "anywhere" },
});

/** Progress text for a phase. */
export function progressDetail(p: Progress | undefined, strings: Strings): string | undefined {
  if (!p) return undefined;
  return p.sheet ? strings.progressSheet(p.sheet, p.done, p.total) : strings.progressGeneric(p.done, p.total);
}

/** What the list shows: one sheet, one tier, one rule, or all ("" = all). */
export interface IssueFilters {
  sheet: string;
  severity: Severity | "";
  rule: string;
}

const NO_FILTER: IssueFilters = { sheet: "", severity: "", rule: "" };

/** Whether an issue passes the filters. */
export const passes = (f: IssueFilters) => (i: Issue): boolean =>
  (f.sheet === "" || i.sheet === f.sheet) && (f.severity === "" || i.severity === f.severity) && (f.rule === "" || i.ruleId === f.rule);

/** Counts per sheet and tier, sheets in their first appearance order; and per rule. */
export function tally(issues: readonly Issue[]): { sheets: Map<string, Record<Severity, number>>; rules: Map<string, number> } {
  const sheets = new Map<string, Record<Severity, number>>();
  const rules = new Map<string, number>();
  for (const i of issues) {
    let c = sheets.get(i.sheet);
    if (!c) sheets.set(i.sheet, (c = { blocker: 0, error: 0, warning: 0, info: 0 }));
    c[i.severity]++;
    rules.set(i.ruleId, (rules.get(i.ruleId) ?? 0) + 1);
  }
  return { sheets, rules };
}

export interface ValidateScreenProps {
  validation: ValidationState;
}

/**
 * Whole-workbook validation: run with progress and Cancel, counts per tier and per sheet, filters by sheet, tier
 * and rule, the findings grouped by rule in a windowed list, Previous/Next (within the filters) and fixes.
 */
export function ValidateScreen({ validation: v }: ValidateScreenProps) {
  const s = useStyles();
  const { strings, lang } = usePane();
  const [filters, setFilters] = useState<IssueFilters>(NO_FILTER);
  const [view, setView] = useState<ValidateView>("issues");
  const all = useMemo(() => v.issues ?? [], [v.issues]);
  const counts = useMemo(() => v.totals ?? countBySeverity(all), [all, v.totals]);
  const { sheets, rules } = useMemo(() => tally(all), [all]);
  // A filter naming a sheet or rule no longer listed shows everything again.
  const f: IssueFilters = {
    sheet: sheets.has(filters.sheet) ? filters.sheet : "",
    severity: filters.severity,
    rule: rules.has(filters.rule) ? filters.rule : "",
  };
  const filtered = useMemo(() => {
    const keep = passes(f);
    return f.sheet || f.severity || f.rule ? all.filter(keep) : all;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the filter's three values
  }, [all, f.sheet, f.severity, f.rule]);
  const groups = useMemo(() => groupByRule(filtered), [filtered]);
  const located = useMemo(() => filtered.some((i) => i.row > 0), [filtered]);
  const running = v.task.state.running;
  const noSheets = v.datasetSheets !== undefined && v.datasetSheets.length === 0;
  const currentIssue = all[v.current];
  const shown = f.sheet || f.severity || f.rule ? passes(f) : undefined;
  const viewSwitch = <ViewSwitch view={view} onChange={setView} />;
  if (view !== "issues")
    return (
      <div className={s.root}>
        {viewSwitch}
        <OverviewScreen view={view} issues={v.issues} />
      </div>
    );
  return (
    <div className={s.root}>
      {viewSwitch}
      <div className={s.row}>
        <Button appearance="primary" icon={<CheckmarkCircleRegular />} disabled={running} onClick={() => void v.run()}>
          {running ? strings.validating : strings.runValidation}
        </Button>
        <ValidateSheetButton validation={v} />
        <Button icon={<EraserRegular />} disabled={running} onClick={() => void v.removeMarks()}>
          {strings.removeMarks}
        </Button>
      </div>
      {v.error && (
        <Notice intent="error" title={strings.errorTitle} text={v.error} dismissLabel={strings.dismiss} onDismiss={v.dismiss} />
      )}
      {v.message && <Notice intent="success" text={v.message} dismissLabel={strings.dismiss} onDismiss={v.dismiss} />}
      {v.geography.status === "loading" && <Spinner size="extra-tiny" labelPosition="after" label={strings.geographyLoading} role="status" />}
      {v.geography.status === "failed" && <Notice intent="warning" text={strings.geographyFailed(v.geography.error)} />}
      {running && (
        <TaskProgress
          label={strings.validating}
          detail={progressDetail(v.task.state.progress, strings)}
          progress={v.task.state.progress}
          cancelLabel={strings.cancel}
          onCancel={v.task.cancel}
        />
      )}
      {v.task.state.cancelled && <Text role="status">{strings.cancelled}</Text>}
      {v.issues && !running && (
        <>
          {noSheets && <Notice intent="warning" text={strings.noDatasetSheets} />}
          <SeverityCounts counts={counts} strings={strings} />
          {v.totals && <Caption1>{strings.shortList(all.length)}</Caption1>}
          {all.length === 0 ? (
            !noSheets && <Notice intent="success" text={strings.noIssues} />
          ) : (
            <>
              {sheets.size > 1 && <SheetCounts sheets={sheets} strings={strings} onPick={(sheet) => setFilters({ ...f, sheet })} />}
              <div className={s.filters}>
                <Field label={strings.filterSheet} size="small">
                  <Select size="small" value={f.sheet} onChange={(_, d) => setFilters({ ...f, sheet: d.value })}>
                    <option value="">{strings.allSheets}</option>
                    {[...sheets].map(([name, c]) => (
                      <option key={name} value={name}>{`${name || strings.workbookLevel} (${c.blocker + c.error + c.warning + c.info})`}</option>
                    ))}
                  </Select>
                </Field>
                <Field label={strings.filterSeverity} size="small">
                  <Select size="small" value={f.severity} onChange={(_, d) => setFilters({ ...f, severity: d.value as Severity | "" })}>
                    <option value="">{strings.allSeverities}</option>
                    {SEVERITIES.filter((t) => counts[t] > 0).map((t) => (
                      <option key={t} value={t}>{`${countLabel(t, strings)} (${counts[t]})`}</option>
                    ))}
                  </Select>
                </Field>
                <Field label={strings.filterRule} size="small">
                  <Select size="small" value={f.rule} onChange={(_, d) => setFilters({ ...f, rule: d.value })}>
                    <option value="">{strings.allRules}</option>
                    {ruleOptions(rules, lang, strings).map(([id, label]) => (
                      <option key={id} value={id}>
                        {label}
                      </option>
                    ))}
                  </Select>
                </Field>
              </div>
              <div className={s.row}>
                <Button size="small" icon={<DocumentTableRegular />} onClick={() => void v.writeReport()}>
                  {strings.writeReport}
                </Button>
              </div>
              {filtered.length !== all.length && <Caption1 role="status">{strings.shownOf(filtered.length, all.length)}</Caption1>}
              <div className={s.row}>
                <Button size="small" icon={<ArrowUpRegular />} disabled={!located} onClick={() => void v.previous(shown)}>
                  {strings.previousIssue}
                </Button>
                <Button size="small" icon={<ArrowDownRegular />} disabled={!located} onClick={() => void v.next(shown)}>
                  {strings.nextIssue}
                </Button>
                {currentIssue && (
                  <span className={s.row}>
                    <SeverityTag severity={currentIssue.severity} strings={strings} />
                    <Text className={s.grow} role="status">
                      {strings.issuePosition(v.current + 1, all.length)}
                    </Text>
                  </span>
                )}
              </div>
              <IssueGroups
                groups={groups}
                issues={all}
                current={v.current}
                lang={lang}
                strings={strings}
                onGoTo={(n) => void v.goTo(n)}
                onApply={(c) => void v.apply(c)}
              />
            </>
          )}
        </>
      )}
    </div>
  );
}

/** The rules of the list by title (never by id), with their numbers of findings. */
function ruleOptions(rules: Map<string, number>, lang: Lang, strings: Strings): [string, string][] {
  return [...rules]
    .map(([id, n]): [string, string] => [id, `${ruleTitle(id, lang, strings)} (${n})`])
    .sort((a, b) => a[1].localeCompare(b[1], lang));
}

/** Findings per sheet and tier; a sheet's name shows only its findings. */
function SheetCounts({ sheets, strings, onPick }: { sheets: Map<string, Record<Severity, number>>; strings: Strings; onPick: (sheet: string) => void }) {
  const s = useStyles();
  return (
    <section aria-label={strings.sheetCounts}>
      <Caption1 as="h3">{strings.sheetCounts}</Caption1>
      <ul className={s.sheets}>
        {[...sheets].map(([name, c]) => (
          <li key={name} className={s.sheet}>
            <Button size="small" appearance="transparent" className={s.sheetName} onClick={() => onPick(name)}>
              {name || strings.workbookLevel}
            </Button>
            {SEVERITIES.filter((t) => c[t] > 0).map((t) => (
              <SeverityNumber key={t} severity={t} n={c[t]} title={`${severityLabel(t, strings)}: ${c[t]}`} />
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
