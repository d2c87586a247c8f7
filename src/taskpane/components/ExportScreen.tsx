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
import { useExport } from "../hooks/useExport";
import type { ValidationState } from "../hooks/useValidation";
import { cellAddress, type Strings } from "../i18n";
import type { DatasetMetadata } from "../../metadata/types";
import type { ExportOutcome, Progress } from "../services";
import { Notice } from "./Notice";
import { TaskProgress } from "./TaskProgress";
import { progressDetail } from "./ValidateScreen";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
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
  onShowMetadata: () => void;
  /** Shows the Validate tab (its list holds the export's findings). */
  onShowIssues: () => void;
  /** Takes the packageId of a built archive into the pane's metadata (see useExport). */
  onPackageId?: (packageId: string) => void;
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
export function ExportScreen({ draft, validation, onShowMetadata, onShowIssues, onPackageId }: ExportScreenProps) {
  const s = useStyles();
  const { strings, lang } = usePane();
  const x = useExport(onPackageId);
  const o = x.outcome;
  const running = x.task.state.running;
  const where = (i: Issue): string => (i.row > 0 ? `${i.sheet}!${cellAddress(i.row, Math.max(i.column, 0))}` : i.sheet);
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
      {o?.kind === "blocked" && (
        <section className={s.section} aria-label={strings.blockedTitle}>
          <Notice
            intent="error"
            title={strings.blockedTitle}
            text={o.summary.blockerCount > 0 ? strings.blockedCount(o.summary.blockerCount) : strings.blockedMetadata}
          />
          {o.metadataProblems.length > 0 && (
            <>
              {o.summary.blockerCount > 0 && <Text>{strings.blockedMetadata}</Text>}
              <ul className={s.list}>
                {o.metadataProblems.map((p) => (
                  <li key={`${p.field}:${p.code}`}>{p.message[lang]}</li>
                ))}
              </ul>
              <Link as="button" onClick={onShowMetadata}>
                {strings.tabMetadata}
              </Link>
            </>
          )}
          {o.summary.blockers.length > 0 && (
            <ul className={s.list}>
              {o.summary.blockers.slice(0, MAX_LISTED).map((i, n) => (
                <li key={`${i.ruleId}:${i.sheet}:${i.row}:${i.column}:${n}`}>
                  {i.row > 0 ? (
                    <Link as="button" onClick={() => void x.selectIssue(i)} aria-label={strings.goToCell(where(i))}>
                      {where(i)}
                    </Link>
                  ) : (
                    <Text weight="semibold">{where(i)}</Text>
                  )}{" "}
                  <Caption1>{i.message[lang]}</Caption1>
                </li>
              ))}
            </ul>
          )}
          {o.summary.blockerCount > Math.min(o.summary.blockers.length, MAX_LISTED) && (
            <Caption1>{strings.moreValues(o.summary.blockerCount - Math.min(o.summary.blockers.length, MAX_LISTED))}</Caption1>
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
      {o?.kind === "done" && (
        <section className={s.section} aria-label={strings.exportDone(o.fileName)}>
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
          {o.summary.warningCount > 0 && <Text>{strings.summaryWarnings(o.summary.warningCount)}</Text>}
        </section>
      )}
    </div>
  );
}
