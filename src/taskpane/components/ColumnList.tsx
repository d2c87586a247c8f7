import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { SheetTemplate } from "../../dwc/types";
import type { Strings } from "../i18n";
import { LevelBadge } from "./LevelBadge";
import { TermName } from "./TermName";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  item: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    minHeight: "32px",
    padding: `${tokens.spacingVerticalXXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  text: { flexGrow: 1, minWidth: 0, display: "flex", flexDirection: "column" },
  term: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: "break-word" },
  block: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100 },
  badge: { flexShrink: 0 },
  spacer: { width: "24px", flexShrink: 0 },
});

export interface ColumnListProps {
  sheet: SheetTemplate;
  strings: Strings;
  onRemove: (term: string) => void;
}

/** The columns of one template sheet, in order, with level and block; optional ones can be removed. */
export function ColumnList({ sheet, strings, onRemove }: ColumnListProps) {
  const s = useStyles();
  return (
    <ul className={s.list} aria-label={strings.sheetColumns(sheet.title.en, sheet.columns.length)}>
      {sheet.columns.map((c) => (
        <li key={c.term} className={s.item}>
          <span className={s.text}>
            <span className={s.term}>
              <TermName name={c.term} />
            </span>
            <Caption1 className={s.block}>{c.block}</Caption1>
          </span>
          <span className={s.badge}>
            <LevelBadge level={c.level} strings={strings} />
          </span>
          {c.level === "required" ? (
            <span className={s.spacer} />
          ) : (
            <Button
              size="small"
              appearance="subtle"
              icon={<DismissRegular />}
              aria-label={strings.removeColumn(c.term)}
              title={strings.removeColumn(c.term)}
              onClick={() => onRemove(c.term)}
            />
          )}
        </li>
      ))}
    </ul>
  );
}
