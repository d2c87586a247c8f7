import { CounterBadge, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Severity } from "../../validate/types";
import type { Strings } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", gap: tokens.spacingHorizontalL, flexWrap: "wrap" },
  item: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
});

export interface SeverityCountsProps {
  counts: Record<Severity, number>;
  strings: Strings;
}

/** Number of errors, warnings and notes. */
export function SeverityCounts({ counts, strings }: SeverityCountsProps) {
  const s = useStyles();
  const items: { key: Severity; label: string; color: "danger" | "important" | "informative" }[] = [
    { key: "error", label: strings.countErrors, color: "danger" },
    { key: "warning", label: strings.countWarnings, color: "important" },
    { key: "info", label: strings.countInfo, color: "informative" },
  ];
  return (
    <div className={s.root} role="status">
      {items.map((i) => (
        <span key={i.key} className={s.item} data-severity={i.key}>
          <CounterBadge count={counts[i.key]} showZero color={i.color} appearance="filled" aria-hidden />
          <Text>
            {i.label}: {counts[i.key]}
          </Text>
        </span>
      ))}
    </div>
  );
}
