import { Body1Strong, Caption1, Link, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../dwc/types";
import type { CellNote } from "../../standardise/types";
import type { NewSheetValidation } from "../hooks/useStandardise";
import { cellAddress } from "../i18n";
import type { StandardiseDone } from "../services";
import type { StandardiseStrings } from "../strings/standardise";
import { CamelWrap } from "./StandardiseColumnRow";
import { Notice } from "./Notice";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  wrap: { overflowWrap: "anywhere" },
});

/** Cells listed per kind before "… and N more" (the report of the CLI lists them all). */
const LIST_LIMIT = 25;

export interface StandardiseSummaryProps {
  done: StandardiseDone;
  validation?: NewSheetValidation;
  lang: Lang;
  t: StandardiseStrings;
  onCell: (row: number, column: number) => void;
}

function Cells({ title, notes, done, lang, t, onCell }: { title: string; notes: CellNote[] } & Omit<StandardiseSummaryProps, "validation">) {
  const s = useStyles();
  if (notes.length === 0) return null;
  return (
    <section aria-label={title}>
      <Body1Strong>
        {title} ({notes.length})
      </Body1Strong>
      <ul className={s.list}>
        {notes.slice(0, LIST_LIMIT).map((n) => {
          const cell = `${done.source}!${cellAddress(n.row, n.column)}`;
          return (
            <li key={`${n.row}:${n.column}`} className={s.wrap}>
              <Link as="button" aria-label={t.cellLabel(cell, n.value)} onClick={() => onCell(n.row, n.column)}>
                {cellAddress(n.row, n.column)}
              </Link>{" "}
              <span className={s.mono}>{n.value}</span>
              {n.to !== undefined && <> → <span className={s.mono}>{n.to}</span></>}
              {n.reason && <Caption1>: {n.reason[lang]}</Caption1>}
            </li>
          );
        })}
        {notes.length > LIST_LIMIT && <li>{t.more(notes.length - LIST_LIMIT)}</li>}
      </ul>
    </section>
  );
}

/** What Apply wrote: the new sheet, each column's conversions, the cells to look at, and the new sheet's validation. */
export function StandardiseSummary(props: StandardiseSummaryProps) {
  const s = useStyles();
  const { done, validation, t } = props;
  const sm = done.summary;
  return (
    <div className={s.root}>
      <Notice intent="success" title={t.doneTitle(done.sheet)} text={t.doneText(done.rows, done.columns, done.source)} />
      <section aria-label={t.validation}>
        <Body1Strong>{t.validation}</Body1Strong>
        {validation?.running && <Spinner size="tiny" label={t.validating} />}
        {validation && !validation.running && (
          <Text block role="status">
            {validation.error ?? t.validationResult(validation.errors, validation.warnings)}
          </Text>
        )}
      </section>
      <section aria-label={t.summary}>
        <Body1Strong>{t.summary}</Body1Strong>
        <ul className={s.list}>
          {sm.columns.map((c) => (
            <li key={c.column} className={s.wrap}>
              <strong>{c.header || `#${c.column + 1}`}</strong>
              {c.term && c.action !== "leave-out" && (
                <>
                  {" → "}
                  <span className={s.mono}>
                    <CamelWrap text={c.term} />
                  </span>
                  {": "}
                  {t.columnLine(c.converted, c.kept.length, c.filled)}
                </>
              )}
              {(!c.term || c.action === "leave-out") && <>: {t.leftOutLine(c.leftOut)}</>}
            </li>
          ))}
        </ul>
        {sm.derived > 0 && <Caption1>{t.derived(sm.derived)}</Caption1>}
      </section>
      <Cells {...props} title={t.keptCells} notes={sm.kept} />
      <Cells {...props} title={t.assumedCells} notes={sm.columns.flatMap((c) => c.assumed)} />
      <Cells {...props} title={t.leftOutCells} notes={sm.leftOut} />
    </div>
  );
}
