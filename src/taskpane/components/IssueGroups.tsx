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
import type { CellChange, Issue } from "../../validate/types";
import { matchingChanges, type RuleGroup } from "../hooks/useValidation";
import type { Strings } from "../i18n";
import { IssueRow } from "./IssueRow";

/** Rows shown per rule; the rest are reached with next/previous. */
const MAX_ROWS = 200;

const useStyles = makeStyles({
  header: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", minWidth: 0 },
  rule: { overflowWrap: "anywhere", fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
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
  onApply: (changes: CellChange[]) => void;
}

/** Issues grouped by rule, each group collapsible, with the number of cells. */
export function IssueGroups({ groups, issues, current, lang, strings, onGoTo, onApply }: IssueGroupsProps) {
  const s = useStyles();
  const index = new Map(issues.map((i, n) => [i, n]));
  const currentRule = issues[current]?.ruleId;
  const open = groups.filter((g) => g.ruleId === currentRule || groups.length <= 3).map((g) => g.severity + g.ruleId);
  return (
    <Accordion multiple collapsible defaultOpenItems={open}>
      {groups.map((g) => (
        <AccordionItem key={g.severity + g.ruleId} value={g.severity + g.ruleId}>
          <AccordionHeader size="small">
            <span className={s.header}>
              <Badge
                size="small"
                appearance="filled"
                color={g.severity === "error" ? "danger" : g.severity === "warning" ? "important" : "informative"}
              >
                {g.issues.length}
              </Badge>
              <span className={s.rule}>{g.ruleId}</span>
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
                    allMatching={i.fix ? matchingChanges(g.issues, i) : []}
                    onGoTo={() => onGoTo(n)}
                    onApply={onApply}
                  />
                );
              })}
            </ul>
            {g.issues.length > MAX_ROWS && <Caption1>{strings.moreValues(g.issues.length - MAX_ROWS)}</Caption1>}
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
