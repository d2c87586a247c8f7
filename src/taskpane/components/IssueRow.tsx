import { forwardRef, type CSSProperties } from "react";
import { Button, Caption1, Link, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Lang } from "../../dwc/types";
import type { Issue } from "../../validate/types";
import { cellAddress, type Strings } from "../i18n";
import { SeverityTag } from "./SeverityCounts";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  current: { backgroundColor: tokens.colorNeutralBackground1Selected },
  head: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "baseline", flexWrap: "wrap" },
  value: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  fix: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
});

export interface IssueRowProps {
  issue: Issue;
  lang: Lang;
  strings: Strings;
  isCurrent: boolean;
  /** The issues "Apply to all" fixes with this one (same rule, same value, same proposal), this one included. */
  allMatching: Issue[];
  onGoTo: () => void;
  /** Applies the fixes of the given issues (planned together by `planFixes`). */
  onApply: (issues: Issue[]) => void;
  /** Placement in a windowed list. */
  className?: string;
  style?: CSSProperties;
  /** The row's key in a windowed list (`data-row`, what its height is measured by). */
  rowKey?: string;
}

/** One issue: its tier, its cell (click to select it), value, message and proposed fix. */
export const IssueRow = forwardRef<HTMLLIElement, IssueRowProps>(function IssueRow(
  { issue, lang, strings, isCurrent, allMatching, onGoTo, onApply, className, style, rowKey },
  ref
) {
  const s = useStyles();
  const where =
    issue.row > 0
      ? `${issue.sheet}!${cellAddress(issue.row, Math.max(issue.column, 0))}`
      : issue.sheet === ""
        ? strings.workbookLevel
        : `${issue.sheet} (${strings.sheetLevel})`;
  const fix = issue.fix;
  return (
    <li ref={ref} style={style} data-row={rowKey} className={mergeClasses(s.root, isCurrent && s.current, className)} aria-current={isCurrent ? "true" : undefined}>
      <div className={s.head}>
        <SeverityTag severity={issue.severity} strings={strings} />
        {issue.row > 0 ? (
          <Link as="button" onClick={onGoTo} aria-label={strings.goToCell(where)}>
            {where}
          </Link>
        ) : (
          <Text weight="semibold">{where}</Text>
        )}
        {issue.value !== undefined && issue.value !== "" && <span className={s.value}>{issue.value}</span>}
      </div>
      <Caption1>{issue.message[lang]}</Caption1>
      {fix && fix.changes.length > 0 && (
        <div className={s.fix}>
          <Caption1>
            {strings.proposed}: <span className={s.value}>{fix.changes.map((c) => c.to).join(" · ")}</span>
          </Caption1>
          <Button size="small" onClick={() => onApply([issue])}>
            {strings.applyOne}
          </Button>
          {allMatching.length > 1 && (
            <Button size="small" onClick={() => onApply(allMatching)}>
              {strings.applyAll(allMatching.length)}
            </Button>
          )}
        </div>
      )}
    </li>
  );
});
