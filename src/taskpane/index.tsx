/**
 * Entry point of the task pane: waits for Office once, checks the Excel API requirement, and renders the pane.
 */
import { createRoot } from "react-dom/client";
import { missingRequirement } from "../excel/requirements";
import { Root, type RootProps } from "./components/Root";
import type { HostInfo } from "./services";
import { createOfficeServices } from "./services/officeServices";
import { officeIsDark, watchOfficeDark } from "./theme";

function hostInfo(): HostInfo {
  const ctx = typeof Office !== "undefined" ? Office.context : undefined;
  return {
    platform: String(ctx?.diagnostics?.platform ?? ctx?.platform ?? "unknown"),
    displayLanguage: ctx?.displayLanguage ?? navigator.language,
    officeDark: officeIsDark(),
    watchOfficeDark: ctx ? watchOfficeDark : undefined,
  };
}

function render(props: RootProps): void {
  const el = document.getElementById("root");
  if (!el) throw new Error("taskpane.html has no #root element");
  createRoot(el).render(<Root {...props} />);
}

function start(): void {
  const host = hostInfo();
  let fatal: RootProps["fatal"];
  if (typeof Office === "undefined") fatal = "noOffice";
  else if (missingRequirement()) fatal = "unsupported";
  render({ services: createOfficeServices(), host, fatal });
}

if (typeof Office === "undefined") {
  // office.js did not load (offline, or the page was opened outside Office): say so instead of a blank pane.
  start();
} else {
  Office.onReady(() => start());
}
