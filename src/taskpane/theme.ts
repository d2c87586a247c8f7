/** Choosing the Fluent theme: Office's theme when Office tells it, the system's colour scheme otherwise. */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** Whether a CSS hex colour (`#RRGGBB` or `#RGB`) is dark (relative luminance below 0.5). */
export function isDarkColor(hex: string | undefined): boolean | undefined {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex?.trim() ?? "");
  if (!m) return undefined;
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

/** Office's theme is dark: from Office.context.officeTheme.bodyBackgroundColor, when available. */
export function officeIsDark(): boolean | undefined {
  try {
    return isDarkColor(typeof Office !== "undefined" ? Office.context?.officeTheme?.bodyBackgroundColor : undefined);
  } catch {
    return undefined; // officeTheme throws outside Office or on hosts without it
  }
}

/** The theme: Office's darkness when known, else `prefers-color-scheme`. */
export function chooseTheme(officeDark: boolean | undefined, systemDark: boolean): Theme {
  return (officeDark ?? systemDark) ? webDarkTheme : webLightTheme;
}

/** How often the Office theme is looked at where no theme-changed event exists (a property read, no round trip). */
export const THEME_POLL_MS = 2000;

/**
 * Calls `listener` whenever Office's darkness changes while the pane is open: on Office's theme-changed event where
 * the host raises one (`Office.EventType.OfficeThemeChanged`), and everywhere else by reading `officeTheme` again
 * when the pane gets the focus or becomes visible, and every {@link THEME_POLL_MS}. Returns the function that stops.
 * Outside Office (or without a theme) nothing is ever reported and the system's colour scheme rules.
 *
 * @example const stop = watchOfficeDark((dark) => setDark(dark))
 */
export function watchOfficeDark(listener: (dark: boolean | undefined) => void, read: () => boolean | undefined = officeIsDark): () => void {
  let last = read();
  const look = (): void => {
    const now = read();
    if (now === last) return;
    last = now;
    listener(now);
  };
  const stops: (() => void)[] = [];
  try {
    // Not in every office.js typing nor every host: looked up by name.
    const eventType = typeof Office !== "undefined" ? (Office.EventType as unknown as Record<string, Office.EventType> | undefined)?.OfficeThemeChanged : undefined;
    const doc = eventType ? Office.context?.document : undefined;
    if (eventType && doc?.addHandlerAsync) {
      doc.addHandlerAsync(eventType, look, (r: Office.AsyncResult<void>) => {
        if (r.status === Office.AsyncResultStatus.Succeeded) stops.push(() => doc.removeHandlerAsync(eventType, { handler: look }));
      });
    }
  } catch {
    // a host without the event: the looks below still follow the theme
  }
  if (typeof window !== "undefined") {
    const onVisible = (): void => {
      if (document.visibilityState === "visible") look();
    };
    window.addEventListener("focus", look);
    document.addEventListener("visibilitychange", onVisible);
    const timer = window.setInterval(look, THEME_POLL_MS);
    stops.push(() => {
      window.removeEventListener("focus", look);
      document.removeEventListener("visibilitychange", onVisible);
      window.clearInterval(timer);
    });
  }
  return () => {
    for (const stop of stops.splice(0)) stop();
  };
}
