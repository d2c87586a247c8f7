import { Spinner } from "@fluentui/react-components";
import { usePane } from "../context";
import { useModel } from "../hooks/useModel";
import { Notice } from "./Notice";
import { OpenArchive } from "./OpenArchive";
import { TemplatesForm } from "./TemplatesForm";

/** Templates: choose a dataset class and preset, adjust the columns, insert; format a sheet; add an extension. */
export function TemplatesScreen() {
  const { strings } = usePane();
  const { model, error } = useModel();
  if (error) return <Notice intent="error" title={strings.errorTitle} text={error} />;
  if (!model) return <Spinner size="small" label={strings.loadingModel} />;
  return (
    <>
      <OpenArchive />
      <TemplatesForm model={model} />
    </>
  );
}
