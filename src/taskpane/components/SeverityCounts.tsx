import { Badge, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Severity } from "../../validate/types";
import type { Strings } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", gap: tokens.spacingHorizontalL, flexWrap: "wrap" },
  item: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  tag: { flexShrink: 0 },
});

/**
 * How each tier looks: a blocker in the danger colour, filled; an error red too but light (tint), so the two read
 * apart even before their labels; warnings orange, notes blue.
 */
export const SEVERITY_LOOK: Readonly<
  Record<Severity, { color: "danger" | "important" | "informative" | "warning"; appearance: "filled" | "tint" }>
> = {
  blocker: { color: "danger", appearance: "filled" },
  error: { color: "danger", appearance: "tint" },
  warning: { color: "warning", appearance: "filled" },
  info: { color: "informative", appearance: "filled" },
};

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
  const look = SEVERITY_LOOK[severity];
  return (
    <Badge
      className={s.tag}
      size="small"
      shape="rounded"
      appearance={look.appearance}
      color={look.color}
      data-severity={severity}
    >
      {severityLabel(severity, strings)}
    </Badge>
  );
}

function countLabel(severity: Severity, strings: Strings): string {
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
          <Badge
            shape="circular"
            size="medium"
            color={SEVERITY_LOOK[key].color}
            appearance={SEVERITY_LOOK[key].appearance}
            aria-hidden
          >
            {counts[key]}
          </Badge>
          <Text>
            {countLabel(key, strings)}: {counts[key]}
          </Text>
        </span>
      ))}
    </div>
  );
}
