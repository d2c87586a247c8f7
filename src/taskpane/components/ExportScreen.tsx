import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Link,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, ArchiveRegular, CopyRegular } from "@fluentui/react-icons";
import type { ExportSummary } from "../../archive/export";
import type { Issue, Severity } from "../../validate/types";
import { usePane } from "../context";
import type { ExportState } from "../hooks/useExport";
import type { ValidationState } from "../hooks/useValidation";
import { cellAddress, type Strings } from "../i18n";
import type { DatasetMetadata } from "../../metadata/types";
import type { ExportOutcome, Progress } from "../services";
import { ruleTitle } from "./IssueGroups";
import { Notice } from "./Notice";
import { SeverityTag } from "./SeverityCounts";
import { TaskProgress } from "./TaskProgress";
import { WhatNext } from "./WhatNext";
import { progressDetail } from "./ValidateScreen";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  findings: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  finding: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  findingHead: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "baseline", flexWrap: "wrap", minWidth: 0 },
  result: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
});

const MAX_LISTED = 100;

function phaseLabel(p: Progress | undefined, strings: Strings): string {
  switch (p?.phase) {
    case "read":
      return strings.phaseRead;
    case "convert":
      return strings.phaseConvert;
    case "zip":
      return strings.phaseZip;
    case "coverage":
      return strings.phaseCoverage;
    default:
      return strings.phaseValidate;
  }
}

/**
 * Every finding of an export, for the Validate tab's list, with the exact numbers per tier (the lists are
 * shortened: the first 1000 blockers, 10000 errors and 10000 warnings and notes; the counts are complete).
 * Warnings and notes share one count: the notes in the list are taken as exact, the rest are warnings.
 */
export function exportFindings(summary: ExportSummary): { issues: Issue[]; totals?: Record<Severity, number> } {
  const issues = [...summary.blockers, ...summary.errors, ...summary.warnings];
  const complete =
    summary.blockers.length === summary.blockerCount && summary.errors.length === summary.errorCount && summary.warnings.length === summary.warningCount;
  if (complete) return { issues };
  const info = summary.warnings.filter((i) => i.severity === "info").length;
  return {
    issues,
    totals: { blocker: summary.blockerCount, error: summary.errorCount, warning: summary.warningCount - info, info },
  };
}

export interface ExportScreenProps {
  draft: DatasetMetadata;
  validation: ValidationState;
  /**
   * The export's state, kept by the App above the tabs so that the result stays until the next export when the
   * user looks at another tab and comes back.
   */
  exporter: ExportState;
  onShowMetadata: () => void;
  /** Shows the Validate tab (its list holds the export's findings). */
  onShowIssues: () => void;
}

/**
 * Findings listed under an export result: the cell (click to select it) or the sheet, the rule's title in bold and
 * the message; at most `max`, then how many more.
 */
function FindingList({
  issues,
  total,
  max,
  withTier,
  onSelect,
}: {
  issues: readonly Issue[];
  total: number;
  max: number;
  withTier?: boolean;
  onSelect: (i: Issue) => void;
}) {
  const s = useStyles();
  const { strings, lang } = usePane();
  const where = (i: Issue): string => (i.row > 0 ? `${i.sheet}!${cellAddress(i.row, Math.max(i.column, 0))}` : i.sheet || strings.workbookLevel);
  const shown = issues.slice(0, max);
  return (
    <>
      <ul className={s.findings}>
        {shown.map((i, n) => (
          <li key={`${i.ruleId}:${i.sheet}:${i.row}:${i.column}:${n}`} className={s.finding}>
            <span className={s.findingHead}>
              {withTier && <SeverityTag severity={i.severity} strings={strings} />}
              {i.row > 0 ? (
                <Link as="button" onClick={() => onSelect(i)} aria-label={strings.goToCell(where(i))}>
                  {where(i)}
                </Link>
              ) : (
                <Text>{where(i)}</Text>
              )}
              <Text weight="semibold">{ruleTitle(i.ruleId, lang, strings)}</Text>
            </span>
            <Caption1>{i.message[lang]}</Caption1>
          </li>
        ))}
      </ul>
      {total > shown.length && <Caption1>{strings.moreValues(total - shown.length)}</Caption1>}
    </>
  );
}

/** What became of a packageId the export made: kept in the Metadata sheet, or what the user must do. */
function newPackageIdNotice(o: Extract<ExportOutcome, { kind: "done" }>, strings: Strings) {
  const n = o.newPackageId;
  if (!n) return null;
  if (n.saved) return <Notice intent="info" title={strings.packageIdNew(o.packageId)} text={strings.packageIdSaved} />;
  const why = n.reason === "sheetProblems" ? strings.packageIdSheetProblems : strings.packageIdWriteFailed(n.message);
  return <Notice intent="warning" title={strings.packageIdNew(o.packageId)} text={`${why} ${strings.packageIdSaveHint}`} />;
}

/**
 * One-click export: the archive is built and validated in one pass. Blockers refuse it and are listed here with
 * click-to-cell; errors (certainly wrong values that do not stop the archive) make the pane ask "Export with N
 * errors?", whose default answer shows them in the Validate tab; progress and Cancel; download.
 */
export function ExportScreen({ draft, validation, exporter: x, onShowMetadata, onShowIssues }: ExportScreenProps) {
  const s = useStyles();
  const { strings, lang } = usePane();
  const o = x.outcome;
  const running = x.task.state.running;
  const run = async (): Promise<void> => {
    const r = await x.run(draft);
    if (r) {
      const { issues, totals } = exportFindings(r.summary);
      validation.setIssues(issues, totals);
    }
  };
  const showErrors = (): void => {
    x.closeQuestion();
    onShowIssues();
  };
  const errorCount = o?.kind === "errors" ? o.summary.errorCount : 0;
  return (
    <div className={s.root}>
      <Caption1>{strings.exportIntro}</Caption1>
      <Button appearance="primary" icon={<ArchiveRegular />} disabled={running} onClick={() => void run()}>
        {running ? strings.exporting : strings.exportButton}
      </Button>
      {running && (
        <TaskProgress
          label={phaseLabel(x.task.state.progress, strings)}
          detail={progressDetail(x.task.state.progress, strings)}
          progress={x.task.state.progress}
          cancelLabel={strings.cancel}
          onCancel={x.task.cancel}
        />
      )}
      {x.task.state.cancelled && <Text role="status">{strings.cancelled}</Text>}
      {x.task.state.error && <Notice intent="error" title={strings.errorTitle} text={x.task.state.error} />}
      {x.selectError && <Notice intent="error" title={strings.errorTitle} text={x.selectError} />}
      <Dialog open={x.asking} onOpenChange={(_, d) => (d.open ? undefined : x.closeQuestion())}>
        <DialogSurface aria-describedby="export-errors-body">
          <DialogBody>
            <DialogTitle>{strings.errorsDialogTitle(errorCount)}</DialogTitle>
            <DialogContent id="export-errors-body">{strings.errorsDialogBody(errorCount)}</DialogContent>
            <DialogActions>
              {/* The default answer: focused when the question opens, so Enter shows the errors. */}
              <Button appearance="primary" autoFocus onClick={showErrors}>
                {strings.showErrors}
              </Button>
              <Button appearance="secondary" onClick={() => void x.exportAnyway()}>
                {strings.exportAnyway}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      {o?.kind === "errors" && !x.asking && !running && (
        <section className={s.section} aria-label={strings.errorsDialogTitle(o.summary.errorCount)}>
          <Notice intent="warning" title={strings.errorsDialogTitle(o.summary.errorCount)} text={strings.errorsDialogBody(o.summary.errorCount)} />
          <div className={s.row}>
            <Button appearance="primary" onClick={onShowIssues}>
              {strings.showErrors}
            </Button>
            <Button onClick={() => void x.exportAnyway()}>{strings.exportAnyway}</Button>
          </div>
        </section>
      )}
      {o?.kind === "blocked" && !running && (
        <section className={s.result} aria-label={strings.blockedTitle}>
          <div className={s.section}>
            <Notice
              intent="error"
              title={strings.blockedTitle}
              text={o.summary.blockerCount > 0 ? `${strings.blockedCount(o.summary.blockerCount)}` : strings.blockedMetadata}
            />
            {o.summary.blockers.length > 0 && (
              <FindingList issues={o.summary.blockers} total={o.summary.blockerCount} max={MAX_LISTED} onSelect={(i) => void x.selectIssue(i)} />
            )}
            {o.summary.blockerCount > 0 && <Text>{strings.blockedNext}</Text>}
          </div>
          {o.metadataProblems.length > 0 && (
            <div className={s.section}>
              {o.summary.blockerCount > 0 && <Text weight="semibold">{strings.blockedMetadata}</Text>}
              <ul className={s.list}>
                {o.metadataProblems.map((p) => (
                  <li key={`${p.field}:${p.code}`}>{p.message[lang]}</li>
                ))}
              </ul>
              <Link as="button" onClick={onShowMetadata}>
                {strings.tabMetadata}
              </Link>
            </div>
          )}
          {o.summary.errorCount > 0 && (
            <Text as="p">
              {strings.blockedAlsoErrors(o.summary.errorCount)}{" "}
              <Link as="button" onClick={onShowIssues}>
                {strings.showErrors}
              </Link>
            </Text>
          )}
        </section>
      )}
      {o?.kind === "done" && !running && (
        <section className={s.result} aria-label={strings.exportDone(o.fileName)}>
          <div className={s.section}>
          <Notice intent="success" text={strings.exportDone(o.fileName)} />
          {o.summary.errorCount > 0 && (
            <Notice intent="warning" text={strings.exportedWithErrors(o.summary.errorCount)} />
          )}
          {newPackageIdNotice(o, strings)}
          {x.downloadBlocked ? (
            <>
              <Notice intent="warning" title={strings.macTitle} text={strings.macBody} />
              <div className={s.row}>
                <Button icon={<CopyRegular />} onClick={() => void x.copyDataUrl()}>
                  {strings.copyDataUrl}
                </Button>
              </div>
              {x.copyMessage && <Text role="status">{x.copyMessage}</Text>}
            </>
          ) : (
            <Button icon={<ArrowDownloadRegular />} onClick={x.download}>
              {strings.download(o.fileName)}
            </Button>
          )}
          </div>
          <WhatNext />
          <div className={s.section}>
          <Subtitle2 as="h3" className={s.heading}>
            {strings.summaryFiles}
          </Subtitle2>
          <ul className={s.list}>
            {o.summary.files.map((f) => (
              <li key={f.location}>
                <span className={s.mono}>{f.location}</span> — {f.sheet}, {strings.summaryRows(f.records)}
              </li>
            ))}
          </ul>
          {o.summary.leftOutColumns.length > 0 && (
            <>
              <Text>{strings.summarySkipped}</Text>
              <ul className={s.list}>
                {o.summary.leftOutColumns.map((c) => (
                  <li key={`${c.sheet}:${c.column}`}>
                    {c.sheet}!{cellAddress(1, c.column)}: <span className={s.mono}>{c.header || "—"}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          </div>
          {o.summary.warningCount > 0 && (
            <div className={s.section}>
              <Subtitle2 as="h3" className={s.heading}>
                {strings.summaryWarnings(o.summary.warningCount)}
              </Subtitle2>
              <FindingList issues={o.summary.warnings} total={o.summary.warningCount} max={MAX_LISTED} withTier onSelect={(i) => void x.selectIssue(i)} />
              <Link as="button" onClick={onShowIssues}>
                {strings.showAllFindings}
              </Link>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
