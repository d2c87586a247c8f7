import { useState } from "react";
import { Subtitle1, Tab, TabList, ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import { usePane } from "../context";
import { useExport } from "../hooks/useExport";
import { useGeography } from "../hooks/useGeography";
import { useMetadata } from "../hooks/useMetadata";
import { useValidation } from "../hooks/useValidation";
import { ErrorBoundary } from "./ErrorBoundary";
import { ExportScreen } from "./ExportScreen";
import { MetadataScreen } from "./MetadataScreen";
import { Notice } from "./Notice";
import { TemplatesScreen } from "./TemplatesScreen";
import { TermHelpScreen } from "./TermHelpScreen";
import { ValidateScreen } from "./ValidateScreen";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  langs: { display: "flex", gap: tokens.spacingHorizontalXXS, flexShrink: 0 },
  lang: { minWidth: "40px" },
  tabs: { flexWrap: "wrap", marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})` },
  panel: { paddingTop: tokens.spacingVerticalS },
});

export type ScreenId = "templates" | "help" | "validate" | "metadata" | "export";

/** Why the pane cannot work: office.js did not load, or Excel lacks the required API. */
export type FatalReason = "noOffice" | "unsupported";

export interface AppProps {
  fatal?: FatalReason;
}

/** The pane: header with the language switch, tabs, and the current screen. */
export function App({ fatal }: AppProps) {
  const s = useStyles();
  const { strings, lang, setLang } = usePane();
  const [screen, setScreen] = useState<ScreenId>("templates");
  // The country and sea boundaries load in the background once the pane is drawn (not when it cannot work).
  const geography = useGeography(!fatal);
  const validation = useValidation(geography);
  const metadata = useMetadata();
  // Kept here, above the tabs: an export's result stays until the next export, whichever tab the user visits.
  const exporter = useExport(metadata.setPackageId);
  const tabs: { id: ScreenId; label: string }[] = [
    { id: "templates", label: strings.tabTemplates },
    { id: "help", label: strings.tabHelp },
    { id: "validate", label: strings.tabValidate },
    { id: "metadata", label: strings.tabMetadata },
    { id: "export", label: strings.tabExport },
  ];
  return (
    <main className={s.root}>
      <header className={s.header}>
        <Subtitle1 as="h1">{strings.appTitle}</Subtitle1>
        <div className={s.langs} role="group" aria-label={strings.language}>
          <ToggleButton className={s.lang} size="small" appearance={lang === "en" ? "primary" : "secondary"} checked={lang === "en"} onClick={() => setLang("en")} aria-label="English" lang="en">
            EN
          </ToggleButton>
          <ToggleButton className={s.lang} size="small" appearance={lang === "ru" ? "primary" : "secondary"} checked={lang === "ru"} onClick={() => setLang("ru")} aria-label="Русский" lang="ru">
            RU
          </ToggleButton>
        </div>
      </header>
      {fatal ? (
        <Notice
          intent="error"
          title={fatal === "unsupported" ? strings.unsupportedTitle : strings.errorTitle}
          text={fatal === "unsupported" ? strings.unsupportedBody : strings.noOffice}
        />
      ) : (
        <>
          <TabList
            className={s.tabs}
            size="small"
            selectedValue={screen}
            onTabSelect={(_, d) => setScreen(d.value as ScreenId)}
          >
            {tabs.map((t) => (
              <Tab key={t.id} value={t.id} id={`tab-${t.id}`} aria-controls={`panel-${t.id}`}>
                {t.label}
              </Tab>
            ))}
          </TabList>
          <section className={s.panel} role="tabpanel" id={`panel-${screen}`} aria-labelledby={`tab-${screen}`}>
            <ErrorBoundary key={screen} title={strings.errorTitle} retryLabel={strings.errorRetry}>
              {screen === "templates" && <TemplatesScreen onValidate={() => setScreen("validate")} onImported={metadata.reload} />}
              {screen === "help" && <TermHelpScreen />}
              {screen === "validate" && <ValidateScreen validation={validation} />}
              {screen === "metadata" && <MetadataScreen metadata={metadata} />}
              {screen === "export" && (
                <ExportScreen
                  draft={metadata.draft}
                  validation={validation}
                  exporter={exporter}
                  onShowMetadata={() => setScreen("metadata")}
                  onShowIssues={() => setScreen("validate")}
                />
              )}
            </ErrorBoundary>
          </section>
        </>
      )}
    </main>
  );
}
