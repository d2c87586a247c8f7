import { useMemo, useState, type ReactElement } from "react";
import { Button, Caption1, Field, SearchBox, Text, makeStyles, tokens } from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import type { Lang, TemplateColumn } from "../../dwc/types";
import { searchTerms, type TermCandidate } from "../hooks/useTemplates";
import type { Strings } from "../i18n";
import { TermName } from "./TermName";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, maxHeight: "240px", overflowY: "auto" },
  item: {
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  text: { flexGrow: 1, display: "flex", flexDirection: "column", minWidth: 0 },
  term: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  def: {
    color: tokens.colorNeutralForeground3,
    overflow: "hidden",
    display: "-webkit-box",
    WebkitLineClamp: 2,
    WebkitBoxOrient: "vertical",
  },
});

export interface TermSearchProps {
  candidates: TermCandidate[];
  lang: Lang;
  strings: Strings;
  onAdd: (column: TemplateColumn) => void;
  /** Field label and hint, and each result's button label (defaults: adding a column to a template). */
  label?: string;
  hint?: string;
  actionLabel?: (term: string) => string;
  icon?: ReactElement;
}

/** Search box over term names and definitions in both languages, with an Add button per result. */
export function TermSearch({ candidates, lang, strings, onAdd, label, hint, actionLabel, icon }: TermSearchProps) {
  const s = useStyles();
  const [query, setQuery] = useState("");
  const results = useMemo(() => searchTerms(candidates, query), [candidates, query]);
  return (
    <div>
      <Field label={label ?? strings.addTerms} hint={hint ?? strings.addTermsHint}>
        <SearchBox value={query} placeholder={strings.searchPlaceholder} onChange={(_, d) => setQuery(d.value)} />
      </Field>
      {query.trim() !== "" && results.length === 0 && <Text role="status">{strings.noMatches}</Text>}
      {results.length > 0 && (
        <ul className={s.list}>
          {results.map((c) => (
            <li key={c.column.term} className={s.item}>
              <div className={s.text}>
                <span className={s.term}>
                  <TermName name={c.column.term} />
                </span>
                <Caption1 className={s.def}>{lang === "ru" && c.definitionRu ? c.definitionRu : c.definition}</Caption1>
              </div>
              <Button
                size="small"
                icon={icon ?? <AddRegular />}
                aria-label={(actionLabel ?? strings.addTerm)(c.column.term)}
                onClick={() => {
                  onAdd(c.column);
                  setQuery("");
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
