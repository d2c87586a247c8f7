import { Button, Caption1, Link, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular, ArchiveRegular, CopyRegular } from "@fluentui/react-icons";
import type { Issue } from "../../validate/types";
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

export interface ExportScreenProps {
  draft: DatasetMetadata;
  validation: ValidationState;
  onShowMetadata: () => void;
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

/** One-click export: validation first, errors with click-to-cell, summary, progress and Cancel, download. */
export function ExportScreen({ draft, validation, onShowMetadata, onPackageId }: ExportScreenProps) {
  const s = useStyles();
  const { strings, lang } = usePane();
  const x = useExport(onPackageId);
  const o = x.outcome;
  const running = x.task.state.running;
  const where = (i: Issue): string => (i.row > 0 ? `${i.sheet}!${cellAddress(i.row, Math.max(i.column, 0))}` : i.sheet);
  const run = async (): Promise<void> => {
    const r = await x.run(draft);
    if (r) validation.setIssues(r.kind === "blocked" ? [...r.errors, ...r.warnings] : r.summary.warnings);
  };
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
      {o?.kind === "blocked" && (
        <section aria-label={strings.blockedTitle}>
          <Notice intent="error" title={strings.blockedTitle} text={o.errors.length > 0 ? strings.blockedErrors(o.errors.length) : strings.blockedMetadata} />
          {o.metadataProblems.length > 0 && (
            <>
              {o.errors.length > 0 && <Text>{strings.blockedMetadata}</Text>}
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
          {o.errors.length > 0 && (
            <ul className={s.list}>
              {o.errors.slice(0, MAX_LISTED).map((i, n) => (
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
        </section>
      )}
      {o?.kind === "done" && (
        <section aria-label={strings.exportDone(o.fileName)}>
          <Notice intent="success" text={strings.exportDone(o.fileName)} />
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
          <Subtitle2 as="h3">{strings.summaryFiles}</Subtitle2>
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
