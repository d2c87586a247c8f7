import { useMemo } from "react";
import { Button, Caption1, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownRegular, ArrowUpRegular, CheckmarkCircleRegular, EraserRegular } from "@fluentui/react-icons";
import { usePane } from "../context";
import { countBySeverity, groupByRule, type ValidationState } from "../hooks/useValidation";
import type { Strings } from "../i18n";
import type { Progress } from "../services";
import { IssueGroups } from "./IssueGroups";
import { Notice } from "./Notice";
import { SeverityCounts } from "./SeverityCounts";
import { TaskProgress } from "./TaskProgress";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  grow: { flexGrow: 1 },
});

/** Progress text for a phase. */
export function progressDetail(p: Progress | undefined, strings: Strings): string | undefined {
  if (!p) return undefined;
  return p.sheet ? strings.progressSheet(p.sheet, p.done, p.total) : strings.progressGeneric(p.done, p.total);
}

export interface ValidateScreenProps {
  validation: ValidationState;
}

/** Whole-workbook validation: run with progress and Cancel, counts, issues by rule, navigation and fixes. */
export function ValidateScreen({ validation: v }: ValidateScreenProps) {
  const s = useStyles();
  const { strings, lang } = usePane();
  const groups = useMemo(() => groupByRule(v.issues ?? []), [v.issues]);
  const counts = useMemo(() => v.totals ?? countBySeverity(v.issues ?? []), [v.issues, v.totals]);
  const located = (v.issues ?? []).filter((i) => i.row > 0).length;
  const running = v.task.state.running;
  return (
    <div className={s.root}>
      <div className={s.row}>
        <Button appearance="primary" icon={<CheckmarkCircleRegular />} disabled={running} onClick={() => void v.run()}>
          {running ? strings.validating : strings.runValidation}
        </Button>
        <Button icon={<EraserRegular />} disabled={running} onClick={() => void v.removeMarks()}>
          {strings.removeMarks}
        </Button>
      </div>
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
      {v.error && (
        <Notice intent="error" title={strings.errorTitle} text={v.error} dismissLabel={strings.dismiss} onDismiss={v.dismiss} />
      )}
      {v.message && <Notice intent="success" text={v.message} dismissLabel={strings.dismiss} onDismiss={v.dismiss} />}
      {v.issues && !running && (
        <>
          <SeverityCounts counts={counts} strings={strings} />
          {v.totals && <Caption1>{strings.shortList(v.issues.length)}</Caption1>}
          {v.issues.length === 0 ? (
            <Notice intent="success" text={strings.noIssues} />
          ) : (
            <>
              <div className={s.row}>
                <Button
                  size="small"
                  icon={<ArrowUpRegular />}
                  disabled={located === 0}
                  onClick={() => void v.previous()}
                >
                  {strings.previousIssue}
                </Button>
                <Button size="small" icon={<ArrowDownRegular />} disabled={located === 0} onClick={() => void v.next()}>
                  {strings.nextIssue}
                </Button>
                {v.current >= 0 && (
                  <Text className={s.grow} role="status">
                    {strings.issuePosition(v.current + 1, v.issues.length)}
                  </Text>
                )}
              </div>
              <IssueGroups
                groups={groups}
                issues={v.issues}
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
