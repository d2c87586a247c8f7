import { useEffect, useState } from "react";
import type { ReactElement } from "react";
import { Subtitle2, Tab, TabList, ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import { ArchiveRegular, BookInformationRegular, CheckmarkCircleRegular, NotebookRegular, TableRegular } from "@fluentui/react-icons";
import { usePane } from "../context";
import { useExport } from "../hooks/useExport";
import { useFirstRun } from "../hooks/useFirstRun";
import { useGeography } from "../hooks/useGeography";
import { useMetadata } from "../hooks/useMetadata";
import { useValidation } from "../hooks/useValidation";
import { ErrorBoundary } from "./ErrorBoundary";
import { ExportScreen } from "./ExportScreen";
import { MetadataScreen } from "./MetadataScreen";
import { Notice } from "./Notice";
import { StepsGuide } from "./StepsGuide";
import { TemplatesScreen } from "./TemplatesScreen";
import { TermHelpScreen } from "./TermHelpScreen";
import { ValidateScreen } from "./ValidateScreen";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  title: { minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  langs: { display: "flex", gap: tokens.spacingHorizontalXXS, flexShrink: 0 },
  lang: { minWidth: "40px" },
  // Five equal tabs in one row, icon above label, from 300 px in both languages.
  tabs: {
    display: "grid",
    gridTemplateColumns: "repeat(5, minmax(0, 1fr))",
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})`,
    marginRight: `calc(-1 * ${tokens.spacingHorizontalM})`,
  },
  tab: {
    // Fluent lays a tab out as a grid, icon beside label: here the icon goes above it.
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    justifyContent: "flex-start",
    gap: "2px",
    minWidth: 0,
    paddingLeft: "2px",
    paddingRight: "2px",
    "& .fui-Tab__content": {
      fontSize: tokens.fontSizeBase200,
      // Not bold when selected (the indicator and colour say it): a bold label would not fit 60 px.
      fontWeight: tokens.fontWeightRegular,
      lineHeight: tokens.lineHeightBase200,
      textAlign: "center",
      maxWidth: "100%",
      whiteSpace: "normal",
      overflowWrap: "break-word",
      hyphens: "manual",
    },
    // Fluent reserves the bold label's width in a hidden copy; in a column it would add a line.
    "& .fui-Tab__content--reserved-space": { display: "none" },
  },
  panel: { paddingTop: tokens.spacingVerticalS },
});

/**
 * A tab's label as shown: long words get a soft hyphen where they may break (a 60 px tab at 320 px holds about
 * eight letters); the tab's accessible name stays the plain label.
 *
 * @example tabLabel("Метаданные") // "Мета\u00ADданные"
 */
export function tabLabel(label: string): string {
  return TAB_BREAKS[label] ?? label;
}

/** Where the longer tab labels may break (soft hyphens). */
const TAB_BREAKS: Record<string, string> = {
  Templates: "Tem\u00ADplates",
  Metadata: "Meta\u00ADdata",
  Метаданные: "Мета\u00ADданные",
  Проверка: "Про\u00ADверка",
};

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
  // The four steps are shown until the first archive is built (or the user hides them).
  const guide = useFirstRun();
  const exported = exporter.outcome?.kind === "done";
  const { finish: finishGuide } = guide;
  useEffect(() => {
    if (exported) finishGuide();
  }, [exported, finishGuide]);
  const tabs: { id: ScreenId; label: string; icon: ReactElement }[] = [
    { id: "templates", label: strings.tabTemplates, icon: <TableRegular /> },
    { id: "help", label: strings.tabHelp, icon: <BookInformationRegular /> },
    { id: "validate", label: strings.tabValidate, icon: <CheckmarkCircleRegular /> },
    { id: "metadata", label: strings.tabMetadata, icon: <NotebookRegular /> },
    { id: "export", label: strings.tabExport, icon: <ArchiveRegular /> },
  ];
  return (
    <main className={s.root}>
      <header className={s.header}>
        <Subtitle2 as="h1" className={s.title}>
          {strings.appTitle}
        </Subtitle2>
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
              <Tab key={t.id} className={s.tab} value={t.id} id={`tab-${t.id}`} aria-controls={`panel-${t.id}`} aria-label={t.label} icon={t.icon}>
                {tabLabel(t.label)}
              </Tab>
            ))}
          </TabList>
          {guide.show && <StepsGuide screen={screen} onGo={setScreen} onHide={guide.finish} />}
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
