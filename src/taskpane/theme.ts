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
