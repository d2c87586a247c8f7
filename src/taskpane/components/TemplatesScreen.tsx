import { useState } from "react";
import { Button, Spinner } from "@fluentui/react-components";
import { TableSimpleRegular } from "@fluentui/react-icons";
import { usePane } from "../context";
import { useModel } from "../hooks/useModel";
import { Notice } from "./Notice";
import { StandardiseScreen } from "./StandardiseScreen";
import { STANDARDISE_STRINGS } from "../strings/standardise";
import { OpenArchive } from "./OpenArchive";
import { TemplatesForm } from "./TemplatesForm";

export interface TemplatesScreenProps {
  /** Shows the Validate tab (offered after an archive is opened). */
  onValidate?: () => void;
  /** An archive was opened: its sheets and Metadata sheet are in the workbook. */
  onImported?: () => void;
}

/**
 * The first step: open a published archive, standardise one's own table, or choose a dataset class and preset,
 * adjust the columns, insert; format a sheet; add an extension.
 */
export function TemplatesScreen({ onValidate, onImported }: TemplatesScreenProps = {}) {
  const { strings, lang } = usePane();
  const { model, error } = useModel();
  const [standardise, setStandardise] = useState(false);
  if (standardise) return <StandardiseScreen onClose={() => setStandardise(false)} />;
  if (error) return <Notice intent="error" title={strings.errorTitle} text={error} />;
  if (!model) return <Spinner size="small" label={strings.loadingModel} />;
  return (
    <>
      <OpenArchive onValidate={onValidate} onImported={onImported} />
      <Button icon={<TableSimpleRegular />} onClick={() => setStandardise(true)} title={STANDARDISE_STRINGS[lang].openHint}>
        {STANDARDISE_STRINGS[lang].open}
      </Button>
      <TemplatesForm model={model} />
    </>
  );
}
