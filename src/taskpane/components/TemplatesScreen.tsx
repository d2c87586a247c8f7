import { Spinner } from "@fluentui/react-components";
import { usePane } from "../context";
import { useModel } from "../hooks/useModel";
import { Notice } from "./Notice";
import { TemplatesForm } from "./TemplatesForm";

/** Templates: choose a dataset class and preset, adjust the columns, insert; format a sheet; add an extension. */
export function TemplatesScreen() {
  const { strings } = usePane();
  const { model, error } = useModel();
  if (error) return <Notice intent="error" title={strings.errorTitle} text={error} />;
  if (!model) return <Spinner size="small" label={strings.loadingModel} />;
  return <TemplatesForm model={model} />;
}
