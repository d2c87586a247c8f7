import { useMemo, useState } from "react";
import {
  Body1Strong,
  Button,
  Caption1,
  Field,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowLeftRegular, ArrowDownloadRegular, ArrowUploadRegular, TableSimpleRegular } from "@fluentui/react-icons";
import type { DatasetClass } from "../../dwc/types";
import { usePane } from "../context";
import { useModel } from "../hooks/useModel";
import { saveTextFile, useStandardise } from "../hooks/useStandardise";
import { candidatesFor, type TermCandidate } from "../hooks/useTemplates";
import type { ModelApi } from "../model";
import { STANDARDISE_STRINGS } from "../strings/standardise";
import { FilePicker } from "./FilePicker";
import { Notice } from "./Notice";
import { StandardiseColumnRow } from "./StandardiseColumnRow";
import { StandardiseSummary } from "./StandardiseSummary";
import { TaskProgress } from "./TaskProgress";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  top: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  saved: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

const CLASSES: readonly DatasetClass[] = ["occurrence", "checklist", "event"];

/** Every term of a dataset class's core (and, for events, of its occurrences), for the term search. */
function termCandidates(model: ModelApi, datasetClass: DatasetClass): TermCandidate[] {
  const seen = new Set<string>();
  const out: TermCandidate[] = [];
  for (const sheet of model.buildTemplate(datasetClass, "extended"))
    for (const c of candidatesFor(model, { ...sheet, columns: [] }))
      if (!seen.has(c.column.term)) {
        seen.add(c.column.term);
        out.push(c);
      }
  return out;
}

/** Reads a chosen file as text (FileReader: older Office web views lack Blob.text). */
function readText(file: Blob, then: (text: string) => void): void {
  const reader = new FileReader();
  reader.onload = () => then(String(reader.result ?? ""));
  reader.readAsText(file);
}

export interface StandardiseScreenProps {
  /** Back to where the screen was opened from. */
  onClose?: () => void;
}

/**
 * "Standardise this sheet": one row per column of the user's own sheet with its samples and the proposed term, the
 * dataset class, saved and imported mappings, and Apply, which writes a new Darwin Core sheet and shows the summary.
 */
export function StandardiseScreen({ onClose }: StandardiseScreenProps) {
  const s = useStyles();
  const { lang, strings } = usePane();
  const t = STANDARDISE_STRINGS[lang];
  const { model } = useModel();
  const st = useStandardise();
  const { state, task } = st;
  const [searching, setSearching] = useState<number | undefined>(undefined);
  const candidates = useMemo(() => (model ? termCandidates(model, state.datasetClass) : []), [model, state.datasetClass]);
  const undecided = state.columns.filter((c) => !c.chosen && c.confidence === "ambiguous").length;

  return (
    <div className={s.root}>
      <div className={s.top}>
        {onClose && <Button size="small" appearance="subtle" icon={<ArrowLeftRegular />} aria-label={t.back} onClick={onClose} />}
        <Subtitle2 as="h2">{t.title}</Subtitle2>
      </div>
      {state.error && <Notice intent="error" title={strings.errorTitle} text={state.error} />}
      {state.done ? (
        <>
          <StandardiseSummary done={state.done} validation={state.validation} lang={lang} t={t} onCell={st.selectCell} />
          <Button onClick={st.reset}>{t.again}</Button>
        </>
      ) : (
        <>
          <Text>{t.intro}</Text>
          {state.sheets && state.sheets.length === 0 && <Notice intent="info" text={t.noSheets} />}
          {state.sheets && state.sheets.length > 0 && (
            <Field label={t.sheet}>
              <Select value={state.sheet ?? ""} onChange={(_, d) => d.value && st.chooseSheet(d.value)} disabled={task.state.running}>
                {!state.sheet && <option value="">—</option>}
                {state.sheets.map((sh) => (
                  <option key={sh.name} value={sh.name}>
                    {sh.name} ({t.rows(sh.records)})
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {state.loading && <Spinner size="small" label={t.loading} />}
          {!state.loading && state.sheet && state.columns.length > 0 && (
            <>
              <RadioGroup value={state.datasetClass} aria-label={t.datasetClass} onChange={(_, d) => st.setClass(d.value as DatasetClass)}>
                <Body1Strong>{t.datasetClass}</Body1Strong>
                {CLASSES.map((c) => (
                  <Radio key={c} value={c} label={t.classes[c]} />
                ))}
                {state.classReason && <Caption1>{state.classReason[lang]}</Caption1>}
              </RadioGroup>
              {state.saved.length > 0 && (
                <section aria-label={t.saved}>
                  <Body1Strong>{t.saved}</Body1Strong>
                  <ul className={s.saved}>
                    {state.saved.map((m) => (
                      <li key={m.name}>
                        <Button size="small" onClick={() => st.takeMapping(m.mapping, m.recheck)}>
                          {t.useSaved(m.name)}
                        </Button>{" "}
                        <Caption1>{m.recheck.ok ? t.savedFits : t.savedMisfit(m.recheck.missing.length, m.recheck.unmapped.length)}</Caption1>
                      </li>
                    ))}
                  </ul>
                </section>
              )}
              <div className={s.buttons}>
                <Button size="small" icon={<ArrowDownloadRegular />} onClick={() => saveTextFile(st.mappingJson(), `${state.sheet}.mapping.json`)}>
                  {t.exportMapping}
                </Button>
                <FilePicker
                  accept=".json,application/json"
                  label={t.importMapping}
                  icon={<ArrowUploadRegular />}
                  size="small"
                  onFile={(f) => readText(f, st.importMapping)}
                />
              </div>
              {state.importError && <Notice intent="error" title={t.importFailed} text={state.importError} />}
              {state.recheck && (
                <Notice
                  intent={state.recheck.ok ? "success" : "warning"}
                  text={
                    state.recheck.ok
                      ? t.recheckOk
                      : [
                          state.recheck.missing.length > 0 ? t.recheckMissing(state.recheck.missing.join(", ")) : "",
                          state.recheck.unmapped.length > 0 ? t.recheckUnmapped(state.recheck.unmapped.join(", ")) : "",
                        ]
                          .filter(Boolean)
                          .join(" ")
                  }
                />
              )}
              <Body1Strong>{t.columns}</Body1Strong>
              <ol className={s.list} aria-label={t.columns}>
                {state.columns.map((c) => (
                  <StandardiseColumnRow
                    key={c.index}
                    column={c}
                    candidates={candidates}
                    lang={lang}
                    strings={strings}
                    t={t}
                    searching={searching === c.index}
                    onSearch={(open) => setSearching(open ? c.index : undefined)}
                    onTerm={(term) => st.setTerm(c.index, term)}
                    onAction={(a) => st.setAction(c.index, a)}
                  />
                ))}
              </ol>
              {undecided > 0 && <Text role="status">{t.unchecked(undecided)}</Text>}
              {task.state.error && <Notice intent="error" title={strings.errorTitle} text={task.state.error} />}
              {task.state.running ? (
                <TaskProgress label={t.applying} progress={task.state.progress} cancelLabel={t.cancel} onCancel={task.cancel} />
              ) : (
                <Button appearance="primary" icon={<TableSimpleRegular />} onClick={() => void st.apply()}>
                  {t.apply}
                </Button>
              )}
            </>
          )}
        </>
      )}
    </div>
  );
}
