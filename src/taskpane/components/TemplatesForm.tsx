import { useMemo, useState } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Divider,
  Field,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { TableAddRegular, PaintBrushRegular, DocumentAddRegular } from "@fluentui/react-icons";
import type { DatasetClass, Preset } from "../../dwc/types";
import { usePane } from "../context";
import { candidatesFor, useTemplates, type TemplatesAction, type TemplatesState } from "../hooks/useTemplates";
import type { Strings } from "../i18n";
import type { ModelApi } from "../model";
import { ActionBar } from "./ActionBar";
import { ColumnList } from "./ColumnList";
import { Notice } from "./Notice";
import { TermSearch } from "./TermSearch";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end", flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: "160px" },
  sheet: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

export interface TemplatesFormProps {
  model: ModelApi;
}

/** The Templates screen for a loaded model. */
export function TemplatesForm({ model }: TemplatesFormProps) {
  const s = useStyles();
  const { strings, lang } = usePane();
  const t = useTemplates(model, lang);
  const choices = model.EXTENSION_CHOICES.filter((c) => c.datasetClasses.includes(t.datasetClass));
  const [picked, setExtension] = useState<string>("");
  const extension = choices.some((c) => c.rowTypeId === picked) ? picked : (choices[0]?.rowTypeId ?? "");
  const targetSheet = t.sheets[Math.min(t.target, t.sheets.length - 1)];
  const candidates = useMemo(() => (targetSheet ? candidatesFor(model, targetSheet) : []), [model, targetSheet]);
  const classHint: Record<DatasetClass, string> = {
    occurrence: strings.classHintOccurrence,
    checklist: strings.classHintChecklist,
    event: strings.classHintEvent,
  };
  return (
    <div className={s.root}>
      <Field label={strings.datasetClass} hint={classHint[t.datasetClass]}>
        <RadioGroup value={t.datasetClass} onChange={(_, d) => t.setDatasetClass(d.value as DatasetClass)}>
          <Radio value="occurrence" label={strings.classOccurrence} />
          <Radio value="checklist" label={strings.classChecklist} />
          <Radio value="event" label={strings.classEvent} />
        </RadioGroup>
      </Field>
      <Field label={strings.preset}>
        <RadioGroup value={t.preset} onChange={(_, d) => t.setPreset(d.value as Preset)}>
          <Radio value="minimal" label={strings.presetMinimal} />
          <Radio value="extended" label={strings.presetExtended} />
        </RadioGroup>
      </Field>
      {t.sheets.map((sheet, i) => (
        <section key={sheet.role.rowTypeId + sheet.role.kind} className={s.sheet}>
          <Subtitle2 as="h2">{strings.sheetColumns(sheet.title[lang], sheet.columns.length)}</Subtitle2>
          <ColumnList sheet={sheet} strings={strings} onRemove={(term) => t.removeColumn(i, term)} />
        </section>
      ))}
      {t.sheets.length > 1 && (
        <Field label={strings.addToSheet}>
          <Select value={String(t.target)} onChange={(_, d) => t.setTarget(Number(d.value))}>
            {t.sheets.map((sheet, i) => (
              <option key={sheet.role.rowTypeId + sheet.role.kind} value={i}>
                {sheet.title[lang]}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <TermSearch candidates={candidates} lang={lang} strings={strings} onAdd={(c) => t.addColumn(t.target, c)} />
      <ActionBar>
        <Button appearance="primary" icon={<TableAddRegular />} disabled={t.busy} onClick={() => void t.insert()}>
          {t.busy ? strings.inserting : strings.insertTemplate}
        </Button>
        <Feedback t={t} action="insert" strings={strings} />
      </ActionBar>
      <Dialog open={t.confirmCore !== undefined} onOpenChange={(_, d) => (d.open ? undefined : t.cancelInsert())}>
        <DialogSurface aria-describedby="second-core-body">
          <DialogBody>
            <DialogTitle>{strings.secondCoreTitle}</DialogTitle>
            <DialogContent id="second-core-body">{strings.secondCoreBody((t.confirmCore ?? []).join(", "))}</DialogContent>
            <DialogActions>
              {/* The safe answer is the default. */}
              <Button appearance="primary" autoFocus onClick={t.cancelInsert}>
                {strings.cancel}
              </Button>
              <Button appearance="secondary" onClick={() => void t.confirmInsert()}>
                {strings.secondCoreInsert}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <Divider />
      <Field hint={strings.formatExistingHint}>
        <Button icon={<PaintBrushRegular />} disabled={t.busy} onClick={() => void t.formatActive()}>
          {strings.formatExisting}
        </Button>
      </Field>
      <Feedback t={t} action="format" strings={strings} />
      <div className={s.row}>
        <Field className={s.grow} label={strings.extensionSheet}>
          <Select value={extension} onChange={(_, d) => setExtension(d.value)}>
            {choices.map((c) => (
              <option key={c.rowTypeId} value={c.rowTypeId}>
                {c.title[lang]}
              </option>
            ))}
          </Select>
        </Field>
        <Button icon={<DocumentAddRegular />} disabled={t.busy || extension === ""} onClick={() => void t.addExtension(extension)}>
          {strings.addExtension}
        </Button>
      </div>
      <Feedback t={t} action="extension" strings={strings} />
    </div>
  );
}

/** What an action did, right under its button: done (success), refused (warning) or failed (error). */
function Feedback({ t, action, strings }: { t: TemplatesState; action: TemplatesAction; strings: Strings }) {
  const f = t.feedback;
  if (!f || f.action !== action) return null;
  return (
    <Notice
      intent={f.intent}
      title={f.intent === "error" ? strings.errorTitle : undefined}
      text={f.text}
      dismissLabel={strings.dismiss}
      onDismiss={t.dismiss}
    />
  );
}
