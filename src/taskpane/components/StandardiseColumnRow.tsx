import { Badge, Button, Caption1, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { EditRegular, CheckmarkRegular } from "@fluentui/react-icons";
import { Fragment } from "react";
import type { Lang } from "../../dwc/types";
import type { ColumnAction } from "../../standardise/types";
import type { StandardiseColumn } from "../hooks/useStandardise";
import type { TermCandidate } from "../hooks/useTemplates";
import type { Strings } from "../i18n";
import type { StandardiseStrings } from "../strings/standardise";
import { TermSearch } from "./TermSearch";

const useStyles = makeStyles({
  row: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  header: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  samples: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  termLine: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  term: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase300, minWidth: 0 },
  reason: { color: tokens.colorNeutralForeground2 },
  select: { maxWidth: "100%" },
});

/**
 * A term name with line-break opportunities before each capital, so that `coordinateUncertaintyInMeters` wraps as
 * `coordinate|Uncertainty|In|Meters` in a 320 px pane instead of overflowing it.
 */
export function CamelWrap({ text }: { text: string }) {
  const parts = text.split(/(?=[A-Z])/);
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={`${i}-${p}`}>
          {i > 0 && <wbr />}
          {p}
        </Fragment>
      ))}
    </>
  );
}

const BADGE: Record<string, "success" | "informative" | "warning"> = {
  confident: "success",
  likely: "informative",
  ambiguous: "warning",
};

export interface StandardiseColumnRowProps {
  column: StandardiseColumn;
  candidates: TermCandidate[];
  lang: Lang;
  strings: Strings;
  t: StandardiseStrings;
  /** The term search is open for this column. */
  searching: boolean;
  onSearch: (open: boolean) => void;
  onTerm: (term: string) => void;
  onAction: (action: ColumnAction) => void;
}

/** One column of the sheet: header, samples, proposed term with confidence and reason, the term search, the action. */
export function StandardiseColumnRow({ column: c, candidates, lang, strings, t, searching, onSearch, onTerm, onAction }: StandardiseColumnRowProps) {
  const s = useStyles();
  const header = c.header.trim() || `#${c.index + 1}`;
  return (
    <li className={s.row} aria-label={header}>
      <Text className={s.header}>{header}</Text>
      <Caption1 className={s.samples}>
        {t.samples}: {c.samples.length > 0 ? c.samples.join(" · ") : t.noSamples}
      </Caption1>
      <div className={s.termLine}>
        <span className={s.term} data-testid="term">
          {c.term ? <CamelWrap text={c.term} /> : t.noTerm}
        </span>
        {!c.chosen && <Badge appearance="tint" color={BADGE[c.confidence]}>{t.confidence[c.confidence]}</Badge>}
        <Button size="small" appearance="subtle" icon={<EditRegular />} aria-label={t.changeTerm(header)} aria-expanded={searching} onClick={() => onSearch(!searching)} />
      </div>
      {!c.chosen && <Caption1 className={s.reason}>{c.reason[lang]}</Caption1>}
      {searching && (
        <TermSearch
          candidates={candidates}
          lang={lang}
          strings={strings}
          label={t.findTerm}
          hint={t.findTermHint}
          actionLabel={t.pickTerm}
          icon={<CheckmarkRegular />}
          onAdd={(col) => {
            onTerm(col.term);
            onSearch(false);
          }}
        />
      )}
      <Select
        className={s.select}
        size="small"
        aria-label={`${t.action}: ${header}`}
        value={c.term ? c.action : "leave-out"}
        onChange={(_, d) => onAction(d.value as ColumnAction)}
      >
        {(["map", "verbatim", "leave-out"] as const).map((a) => (
          <option key={a} value={a} disabled={a !== "leave-out" && !c.term}>
            {t.actions[a]}
          </option>
        ))}
      </Select>
    </li>
  );
}
