import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { SheetTemplate } from "../../dwc/types";
import type { Strings } from "../i18n";
import { LevelBadge } from "./LevelBadge";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  item: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    minHeight: "28px",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  term: { flexGrow: 1, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  block: { color: tokens.colorNeutralForeground3, minWidth: "64px", textAlign: "right" },
  spacer: { width: "24px" },
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
          <span className={s.term}>{c.term}</span>
          <Caption1 className={s.block}>{c.block}</Caption1>
          <LevelBadge level={c.level} strings={strings} />
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
