import { useEffect, useMemo, useState } from "react";
import { FluentProvider, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../dwc/types";
import { PaneContext, type PaneContextValue } from "../context";
import { langFromLocale, stringsFor } from "../i18n";
import type { AddinServices, HostInfo } from "../services";
import { chooseTheme } from "../theme";
import { App, type FatalReason } from "./App";
import { ErrorBoundary } from "./ErrorBoundary";

const useStyles = makeStyles({
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
});

export interface RootProps {
  services: AddinServices;
  host: HostInfo;
  /** Why the pane cannot work, shown instead of the screens (in the current interface language). */
  fatal?: FatalReason;
}

function useSystemDark(): boolean {
  const query = typeof window !== "undefined" && window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : undefined;
  const [dark, setDark] = useState(Boolean(query?.matches));
  useEffect(() => {
    if (!query) return;
    const on = (e: MediaQueryListEvent): void => setDark(e.matches);
    query.addEventListener?.("change", on);
    return () => query.removeEventListener?.("change", on);
  }, [query]);
  return dark;
}

/** The pane's root: theme, language, services context and the error boundary around everything. */
export function Root({ services, host, fatal }: RootProps) {
  const s = useStyles();
  const [lang, setLang] = useState<Lang>(() => langFromLocale(host.displayLanguage));
  const systemDark = useSystemDark();
  // Office's theme as it was when the pane opened, then as it changes while the pane is open.
  const [officeDark, setOfficeDark] = useState(host.officeDark);
  const { watchOfficeDark } = host;
  useEffect(() => watchOfficeDark?.(setOfficeDark), [watchOfficeDark]);
  const theme = chooseTheme(officeDark, systemDark);
  const strings = stringsFor(lang);
  const value = useMemo<PaneContextValue>(() => ({ services, host, lang, strings, setLang }), [services, host, lang, strings]);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = strings.appTitle;
  }, [lang, strings]);
  return (
    <FluentProvider theme={theme} className={s.provider}>
      <PaneContext.Provider value={value}>
        <ErrorBoundary title={strings.errorTitle} retryLabel={strings.errorRetry}>
          <App fatal={fatal} />
        </ErrorBoundary>
      </PaneContext.Provider>
    </FluentProvider>
  );
}
