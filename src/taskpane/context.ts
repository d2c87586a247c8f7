/** React context carrying the services, the host facts and the interface language to every hook. */
import { createContext, useContext } from "react";
import type { Lang } from "../dwc/types";
import type { Strings } from "./i18n";
import type { AddinServices, HostInfo } from "./services";

export interface PaneContextValue {
  services: AddinServices;
  host: HostInfo;
  lang: Lang;
  strings: Strings;
  setLang: (lang: Lang) => void;
}

export const PaneContext = createContext<PaneContextValue | undefined>(undefined);

/** The pane context; throws when a component is rendered outside `Root` (a programming error). */
export function usePane(): PaneContextValue {
  const v = useContext(PaneContext);
  if (!v) throw new Error("usePane: component rendered outside <Root> (no PaneContext)");
  return v;
}
