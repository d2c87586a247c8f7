import { useState } from "react";
import { Button, Spinner } from "@fluentui/react-components";
import { TableSimpleRegular } from "@fluentui/react-icons";
import { usePane } from "../context";
import { useModel } from "../hooks/useModel";
import { Notice } from "./Notice";
import { StandardiseScreen } from "./StandardiseScreen";
import { STANDARDISE_STRINGS } from "../strings/standardise";
import { TemplatesForm } from "./TemplatesForm";

/** Templates: choose a dataset class and preset, adjust the columns, insert; format a sheet; add an extension. */
export function TemplatesScreen() {
  const { strings, lang } = usePane();
  const { model, error } = useModel();
  const [standardise, setStandardise] = useState(false);
  if (standardise) return <StandardiseScreen onClose={() => setStandardise(false)} />;
  if (error) return <Notice intent="error" title={strings.errorTitle} text={error} />;
  if (!model) return <Spinner size="small" label={strings.loadingModel} />;
  return (
    <>
      <Button icon={<TableSimpleRegular />} onClick={() => setStandardise(true)} title={STANDARDISE_STRINGS[lang].openHint}>
        {STANDARDISE_STRINGS[lang].open}
      </Button>
      <TemplatesForm model={model} />
    </>
  );
}
