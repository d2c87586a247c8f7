import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Caption1,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Lang } from "../../dwc/types";
import { getRule } from "../../validate/rules";
import type { Issue } from "../../validate/types";
import { fixKey, issuesByFix, type RuleGroup } from "../hooks/useValidation";
import type { Strings } from "../i18n";
import { IssueRow } from "./IssueRow";
import { severityLabel, SEVERITY_LOOK } from "./SeverityCounts";

/** Rows shown per rule; the rest are reached with next/previous. */
const MAX_ROWS = 200;

const useStyles = makeStyles({
  header: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", minWidth: 0 },
  names: { display: "flex", flexDirection: "column", minWidth: 0 },
  title: { overflowWrap: "anywhere" },
  rule: {
    overflowWrap: "anywhere",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase100,
    color: tokens.colorNeutralForeground3,
  },
  list: { listStyleType: "none", margin: 0, padding: 0 },
});

export interface IssueGroupsProps {
  groups: RuleGroup[];
  /** All issues in list order (indexes refer to it). */
  issues: Issue[];
  current: number;
  lang: Lang;
  strings: Strings;
  onGoTo: (index: number) => void;
  onApply: (issues: Issue[]) => void;
}

/**
 * A rule's heading: its registered title in `lang`, else its id. A BDQ rule's id is its BDQ label, which names it
 * until the BDQ tests are loaded (they register their rules with the validation engine).
 *
 * @example ruleTitle("whitespace-edges", "en") // "Leading or trailing spaces"
 */
export function ruleTitle(ruleId: string, lang: Lang): string {
  return getRule(ruleId)?.title[lang]?.trim() || ruleId;
}

/**
 * Issues grouped by tier and rule (headed by the rule's title, its id below), each group collapsible, with the
 * number of cells in the tier's colour: blockers filled red, errors light red, warnings orange, notes blue.
 */
export function IssueGroups({ groups, issues, current, lang, strings, onGoTo, onApply }: IssueGroupsProps) {
  const s = useStyles();
  const index = new Map(issues.map((i, n) => [i, n]));
  const currentRule = issues[current]?.ruleId;
  const open = groups.filter((g) => g.ruleId === currentRule || groups.length <= 3).map((g) => g.severity + g.ruleId);
  return (
    <Accordion multiple collapsible defaultOpenItems={open}>
      {groups.map((g) => {
        const byFix = issuesByFix(g.issues);
        return (
        <AccordionItem key={g.severity + g.ruleId} value={g.severity + g.ruleId}>
          <AccordionHeader size="small">
            <span className={s.header}>
              <Badge
                size="small"
                appearance={SEVERITY_LOOK[g.severity].appearance}
                color={SEVERITY_LOOK[g.severity].color}
                data-severity={g.severity}
                title={severityLabel(g.severity, strings)}
              >
                {g.issues.length}
              </Badge>
              <RuleName ruleId={g.ruleId} lang={lang} classes={s} />
            </span>
          </AccordionHeader>
          <AccordionPanel>
            <ul className={s.list}>
              {g.issues.slice(0, MAX_ROWS).map((i) => {
                const n = index.get(i) ?? -1;
                return (
                  <IssueRow
                    key={`${i.sheet}:${i.row}:${i.column}:${n}`}
                    issue={i}
                    lang={lang}
                    strings={strings}
                    isCurrent={n === current}
                    allMatching={byFix.get(fixKey(i) ?? "") ?? []}
                    onGoTo={() => onGoTo(n)}
                    onApply={onApply}
                  />
                );
              })}
            </ul>
            {g.issues.length > MAX_ROWS && <Caption1>{strings.moreValues(g.issues.length - MAX_ROWS)}</Caption1>}
          </AccordionPanel>
        </AccordionItem>
        );
      })}
    </Accordion>
  );
}

/** The rule's title and, in smaller type, its id (not repeated when the id is the heading). */
function RuleName({ ruleId, lang, classes }: { ruleId: string; lang: Lang; classes: ReturnType<typeof useStyles> }) {
  const title = ruleTitle(ruleId, lang);
  return (
    <span className={classes.names}>
      <span className={classes.title}>{title}</span>
      {title !== ruleId && <span className={classes.rule}>{ruleId}</span>}
    </span>
  );
}
