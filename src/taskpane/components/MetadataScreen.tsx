import { useEffect, useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Field,
  Spinner,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowSyncRegular, SaveRegular } from "@fluentui/react-icons";
import { checkMetadata } from "../../metadata/check";
import { AGENT_LISTS, SCALAR_FIELDS, SECTIONS } from "../../metadata/fields";
import type { MetadataProblem } from "../../metadata/types";
import { usePane } from "../context";
import type { MetadataState } from "../hooks/useMetadata";
import { getField, setField } from "../metadata/form";
import { ActionBar } from "./ActionBar";
import { AgentList } from "./AgentList";
import { MetadataField } from "./MetadataField";
import { Notice } from "./Notice";
import { TaskProgress } from "./TaskProgress";
import { TaxonTable } from "./TaxonTable";
import { progressDetail } from "./ValidateScreen";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    minWidth: 0,
    // Inputs fill the pane's width; long option labels (licences) never widen the pane.
    "& .fui-Input, & .fui-Textarea, & .fui-Select": { width: "100%", minWidth: 0, maxWidth: "100%" },
    "& select": { minWidth: 0, textOverflow: "ellipsis" },
  },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, paddingBottom: tokens.spacingVerticalM },
});

type SectionId = keyof typeof SECTIONS;
const ORDER: SectionId[] = ["basic", "people", "coverage", "methods", "project", "citation"];

export interface MetadataScreenProps {
  metadata: MetadataState;
}

/**
 * The dataset metadata form (GBIF metadata profile), built from the metadata model's field table: required items
 * marked, problems under their fields, coverage refreshed from the data, saved into the workbook.
 */
export function MetadataScreen({ metadata: m }: MetadataScreenProps) {
  const s = useStyles();
  const { strings, lang } = usePane();
  // Missing required items are shown once the user has tried to save; other problems at once.
  const [showRequired, setShowRequired] = useState(false);
  const { detectDatasetType } = m;
  useEffect(() => {
    void detectDatasetType();
  }, [detectDatasetType]);
  if (!m.loaded) return <Spinner size="small" />;
  const d = m.draft;
  // Without a dataset type of their own, the metadata take the core sheet's (as the export does).
  const checked = d.datasetType === "" && m.derivedDatasetType !== "" ? { ...d, datasetType: m.derivedDatasetType } : d;
  const problems = checkMetadata(checked).filter((p) => p.severity === "error" && (showRequired || p.code !== "required"));
  const errorsOf = (match: (p: MetadataProblem) => boolean): string[] => problems.filter(match).map((p) => p.message[lang]);
  const fieldError = (key: string): string | undefined => errorsOf((p) => p.field === key)[0];
  const missing = checkMetadata(checked).filter((p) => p.severity === "error" && p.code === "required");

  const scalar = (section: SectionId) =>
    SCALAR_FIELDS[section].map((spec) => (
      <MetadataField
        key={spec.key}
        spec={spec}
        value={getField(checked, spec.key)}
        error={fieldError(spec.key)}
        lang={lang}
        strings={strings}
        onChange={(v) => m.update(setField(d, spec.key, v))}
      />
    ));

  const save = (): void => {
    setShowRequired(true);
    void m.save();
  };
  return (
    <form
      className={s.root}
      aria-label={strings.tabMetadata}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <Caption1>{strings.metaIntro}</Caption1>
      {showRequired && missing.length > 0 && (
        <Notice intent="warning" title={strings.missingRequired} items={missing.map((p) => p.message[lang])} />
      )}
      <Accordion multiple collapsible defaultOpenItems={["basic", "people"]}>
        {ORDER.map((id) => (
          <AccordionItem key={id} value={id}>
            <AccordionHeader as="h3">{SECTIONS[id].title[lang]}</AccordionHeader>
            <AccordionPanel className={s.panel}>
              {scalar(id)}
              {id === "people" &&
                AGENT_LISTS.map((list) => (
                  <AgentList
                    key={list.prop}
                    title={list.label[lang]}
                    required={list.required}
                    errors={errorsOf((p) => p.field === list.prefix || p.field.startsWith(`${list.prefix}.`))}
                    agents={d[list.prop]}
                    lang={lang}
                    strings={strings}
                    onChange={(agents) => m.update({ ...d, [list.prop]: agents })}
                    copyFrom={list.prop === "contacts" ? d.creators : undefined}
                  />
                ))}
              {id === "methods" && (
                <Field label={strings.methodSteps2} validationMessage={errorsOf((p) => p.field.startsWith("methods.step"))[0]}>
                  <Textarea
                    resize="vertical"
                    value={getField(d, "methods.steps")}
                    onChange={(_, e) => m.update(setField(d, "methods.steps", e.value))}
                  />
                </Field>
              )}
              {id === "coverage" && (
                <>
                  <Button
                    icon={<ArrowSyncRegular />}
                    disabled={m.coverageTask.state.running}
                    onClick={() => void m.refreshCoverage()}
                  >
                    {strings.refreshCoverage}
                  </Button>
                  {m.coverageTask.state.running && (
                    <TaskProgress
                      label={strings.phaseCoverage}
                      detail={progressDetail(m.coverageTask.state.progress, strings)}
                      progress={m.coverageTask.state.progress}
                      cancelLabel={strings.cancel}
                      onCancel={m.coverageTask.cancel}
                    />
                  )}
                  <TaxonTable taxa={d.coverage.taxonomic.taxa} strings={strings} />
                </>
              )}
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
      <ActionBar>
        {m.error && (
          <Notice intent="error" title={strings.errorTitle} text={m.error} dismissLabel={strings.dismiss} onDismiss={m.dismiss} />
        )}
        {m.message && <Notice intent="success" text={m.message} dismissLabel={strings.dismiss} onDismiss={m.dismiss} />}
        <Button type="button" appearance="primary" icon={<SaveRegular />} disabled={m.saving} onClick={save}>
          {m.saving ? strings.saving : strings.save}
        </Button>
      </ActionBar>
    </form>
  );
}
