import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { FolderZipRegular, CheckmarkStarburstRegular } from "@fluentui/react-icons";
import { usePane } from "../context";
import { useImport, type ImportDone } from "../hooks/useImport";
import { IMPORT_STRINGS, type ImportStrings } from "../strings/import";
import { FilePicker } from "./FilePicker";
import { Notice } from "./Notice";
import { TaskProgress } from "./TaskProgress";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  result: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface OpenArchiveProps {
  /** Shows the Validate tab (offered once an import is done); without it the pane only says to validate next. */
  onValidate?: () => void;
  /** Called when an import wrote sheets (the pane reads the Metadata sheet again). */
  onImported?: () => void;
}

/**
 * "Open a Darwin Core Archive…": a button that picks a .zip from the user's computer (a hidden file input: no
 * network), progress with Cancel while the rows are written, the question before a filled Metadata sheet is
 * replaced, and afterwards what was created and what the user should know, with Validate as the next step.
 */
export function OpenArchive({ onValidate, onImported }: OpenArchiveProps) {
  const s = useStyles();
  const { lang } = usePane();
  const t = IMPORT_STRINGS[lang];
  const imp = useImport(onImported);
  const { running, progress, error, cancelled } = imp.task.state;
  return (
    <div className={s.root}>
      <Caption1>{t.start}</Caption1>
      <FilePicker
        accept=".zip,application/zip"
        label={t.open}
        icon={<FolderZipRegular />}
        disabled={running}
        hint={t.openHint}
        onFile={(file) => void imp.open(file)}
      />
      {running && (
        <TaskProgress
          label={progress?.phase === "import" ? t.writing : t.reading}
          detail={progress?.phase === "import" ? t.progress(progress.done, progress.total, progress.sheet) : undefined}
          progress={progress?.phase === "import" ? progress : undefined}
          cancelLabel={t.cancel}
          onCancel={imp.task.cancel}
        />
      )}
      {error && <Notice intent="error" title={t.failed} text={error} dismissLabel={t.dismiss} onDismiss={imp.dismiss} />}
      {cancelled && !running && <Notice intent="info" text={t.cancelled} dismissLabel={t.dismiss} onDismiss={imp.dismiss} />}
      {imp.result && <ImportResult result={imp.result} t={t} onValidate={onValidate} onDismiss={imp.dismiss} />}
      <Dialog open={imp.asking} onOpenChange={(_, d) => (d.open ? undefined : void imp.answer(undefined))}>
        <DialogSurface aria-describedby="replace-metadata-body">
          <DialogBody>
            <DialogTitle>{t.replaceTitle}</DialogTitle>
            <DialogContent id="replace-metadata-body">{t.replaceBody}</DialogContent>
            <DialogActions>
              {/* Keeping the user's entries is the safe answer, so it is the default. */}
              <Button appearance="primary" autoFocus onClick={() => void imp.answer("keep")}>
                {t.keep}
              </Button>
              <Button appearance="secondary" onClick={() => void imp.answer("replace")}>
                {t.replace}
              </Button>
              <Button appearance="subtle" onClick={() => void imp.answer(undefined)}>
                {t.cancel}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}

interface ImportResultProps {
  result: ImportDone;
  t: ImportStrings;
  onValidate?: () => void;
  onDismiss: () => void;
}

/** What an import created, the notes on its sheets and metadata, and Validate as the next step. */
function ImportResult({ result, t, onValidate, onDismiss }: ImportResultProps) {
  const s = useStyles();
  const remarks = result.sheets.flatMap((sheet) => sheet.remarks.map((r) => ({ key: `${sheet.name}:${r.header}:${r.kind}`, text: `${sheet.name} · ${t.remark(r)}` })));
  const metadata =
    result.metadata === "kept" ? t.metadataKept : result.metadataRead ? t.metadataWritten(result.packageId) : t.metadataEmpty;
  return (
    <section className={s.result} aria-label={t.done(result.fileName)}>
      <Notice intent="success" text={t.done(result.fileName)} dismissLabel={t.dismiss} onDismiss={onDismiss} />
      <ul className={s.list}>
        {result.sheets.map((sheet) => (
          <li key={sheet.name}>
            {t.sheet(sheet.name, sheet.records, sheet.location)}
            {sheet.registered ? "" : ` (${t.notExported})`}
          </li>
        ))}
        <li>{metadata}</li>
      </ul>
      {remarks.length > 0 && (
        <section aria-label={t.notesTitle}>
          <Caption1>{t.notesTitle}</Caption1>
          <ul className={s.list}>
            {remarks.map((r) => (
              <li key={r.key}>{r.text}</li>
            ))}
          </ul>
        </section>
      )}
      {result.notes.length > 0 && (
        <section aria-label={t.archiveNotes}>
          <Caption1>{t.archiveNotes}</Caption1>
          <ul className={s.list} lang="en">
            {result.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </section>
      )}
      {onValidate ? (
        <Field hint={t.validateNext}>
          <Button appearance="primary" icon={<CheckmarkStarburstRegular />} onClick={onValidate}>
            {t.validate}
          </Button>
        </Field>
      ) : (
        <Caption1>{t.validateNext}</Caption1>
      )}
    </section>
  );
}
