import { Caption1, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { usePane } from "../context";
import { useModel } from "../hooks/useModel";
import { useSelection } from "../hooks/useSelection";
import { useTermHelp } from "../hooks/useTermHelp";
import { cellAddress } from "../i18n";
import { GeorefSection } from "./GeorefSection";
import { Notice } from "./Notice";
import { TermHelpCard } from "./TermHelpCard";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Term help for the column under the selection, following selection changes. */
export function TermHelpScreen() {
  const s = useStyles();
  const { strings, lang } = usePane();
  const { model, error: modelError } = useModel();
  const { selection, error } = useSelection();
  const view = useTermHelp(model, selection, lang);
  if (modelError || error) return <Notice intent="error" title={strings.errorTitle} text={(modelError ?? error) as string} />;
  if (!model) return <Spinner size="small" label={strings.loadingModel} />;
  return (
    <div className={s.root} aria-live="polite">
      {selection && (
        <Caption1 className={s.muted}>
          {strings.helpColumn(selection.sheet, cellAddress(1, selection.column).replace(/1$/, ""))}
        </Caption1>
      )}
      {!selection && <Text>{strings.helpSelectCell}</Text>}
      {selection && selection.header.trim() === "" && <Text>{strings.helpBlankHeader}</Text>}
      {selection && selection.header.trim() !== "" && !view && <Text>{strings.helpNotTerm(selection.header)}</Text>}
      {view && <TermHelpCard view={view} lang={lang} strings={strings} />}
      {selection?.role && <GeorefSection />}
    </div>
  );
}
