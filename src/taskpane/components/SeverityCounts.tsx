import { Badge, Text, makeStyles, mergeClasses, shorthands, tokens, type Theme } from "@fluentui/react-components";
import type { Severity } from "../../validate/types";
import type { Strings } from "../i18n";

/** The theme tokens a tier is drawn with: what the contrast test reads from the light and dark themes. */
export interface SeverityColours {
  background: keyof Theme;
  foreground: keyof Theme;
  border: keyof Theme;
}

/**
 * How each tier looks, in the light and the dark theme alike (each pair reaches 4.5:1, see test/taskpane/pure):
 * a blocker filled red with white text, an error light red with dark red text (red too, but reads apart from a
 * blocker even before its label), a warning amber with dark text, a note neutral grey.
 */
export const SEVERITY_COLOURS: Readonly<Record<Severity, SeverityColours>> = {
  blocker: { background: "colorPaletteRedBackground3", foreground: "colorNeutralForegroundStaticInverted", border: "colorPaletteRedBorder2" },
  error: { background: "colorPaletteRedBackground2", foreground: "colorPaletteRedForeground2", border: "colorPaletteRedBorder2" },
  warning: { background: "colorPaletteMarigoldBackground3", foreground: "colorNeutralForeground1Static", border: "colorPaletteMarigoldBorder2" },
  info: { background: "colorNeutralBackground5", foreground: "colorNeutralForeground2", border: "colorNeutralStroke1" },
};

const look = (c: SeverityColours) => ({
  backgroundColor: tokens[c.background as keyof typeof tokens],
  color: tokens[c.foreground as keyof typeof tokens],
  ...shorthands.borderColor(tokens[c.border as keyof typeof tokens]),
});

const useStyles = makeStyles({
  root: { display: "flex", gap: tokens.spacingHorizontalL, flexWrap: "wrap" },
  item: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  tag: { flexShrink: 0 },
  blocker: look(SEVERITY_COLOURS.blocker),
  error: look(SEVERITY_COLOURS.error),
  warning: look(SEVERITY_COLOURS.warning),
  info: look(SEVERITY_COLOURS.info),
});

/** The class giving a Badge its tier's colours. */
export function useSeverityClass(): (severity: Severity) => string {
  const s = useStyles();
  return (severity) => s[severity];
}

/** The tiers as the counts list them. */
const TIERS: readonly Severity[] = ["blocker", "error", "warning", "info"];

/** The name of a tier for one issue: "Blocks export", "Error", "Warning", "Note". */
export function severityLabel(severity: Severity, strings: Strings): string {
  switch (severity) {
    case "blocker":
      return strings.severityBlocker;
    case "error":
      return strings.severityError;
    case "warning":
      return strings.severityWarning;
    default:
      return strings.severityInfo;
  }
}

/** A tier's label in its colour, for an issue row. */
export function SeverityTag({ severity, strings }: { severity: Severity; strings: Strings }) {
  const s = useStyles();
  return (
    <Badge className={mergeClasses(s.tag, s[severity])} size="small" shape="rounded" appearance="filled" data-severity={severity}>
      {severityLabel(severity, strings)}
    </Badge>
  );
}

/** A number in its tier's colour (group headings, counts). */
export function SeverityNumber({ severity, n, title, size = "small" }: { severity: Severity; n: number; title?: string; size?: "small" | "medium" }) {
  const s = useStyles();
  return (
    <Badge className={mergeClasses(s.tag, s[severity])} size={size} shape="circular" appearance="filled" data-tier={severity} title={title}>
      {n}
    </Badge>
  );
}

/** "Blocking export", "Errors"… as the counts name them. */
export function countLabel(severity: Severity, strings: Strings): string {
  switch (severity) {
    case "blocker":
      return strings.countBlockers;
    case "error":
      return strings.countErrors;
    case "warning":
      return strings.countWarnings;
    default:
      return strings.countInfo;
  }
}

export interface SeverityCountsProps {
  counts: Record<Severity, number>;
  strings: Strings;
}

/** Numbers of blockers, errors, warnings and notes. */
export function SeverityCounts({ counts, strings }: SeverityCountsProps) {
  const s = useStyles();
  return (
    <div className={s.root} role="status">
      {TIERS.map((key) => (
        <span key={key} className={s.item} data-severity={key}>
          <span aria-hidden>
            <SeverityNumber severity={key} n={counts[key]} size="medium" />
          </span>
          <Text>
            {countLabel(key, strings)}: {counts[key]}
          </Text>
        </span>
      ))}
    </div>
  );
}
