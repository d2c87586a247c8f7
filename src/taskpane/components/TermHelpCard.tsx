import { Badge, Caption1, Subtitle1, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../dwc/types";
import { conceptLabel, type TermHelpView } from "../hooks/useTermHelp";
import type { Strings } from "../i18n";
import { LevelBadge } from "./LevelBadge";
import { termHelpStrings, vocabularyTitle } from "../strings/termHelp";
import { TermName } from "./TermName";

const MAX_VALUES = 40;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  name: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "break-word" },
  meta: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  h: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface TermHelpCardProps {
  view: TermHelpView;
  lang: Lang;
  strings: Strings;
}

/** Definition, comments, examples, level and vocabulary of one term. */
export function TermHelpCard({ view, lang, strings }: TermHelpCardProps) {
  const s = useStyles();
  const { term, help, level, vocabulary } = view;
  const vocabTitle = vocabulary ? vocabularyTitle(vocabulary.id, vocabulary.title, lang) : "";
  return (
    <article className={s.root} aria-label={term.name}>
      <Subtitle1 as="h2" className={s.name}>
        <TermName name={term.name} />
      </Subtitle1>
      <div className={s.meta}>
        <Text>{help.label}</Text>
        {level && <LevelBadge level={level} strings={strings} />}
        <Badge appearance="outline" size="small" aria-label={`${strings.block}: ${term.block}`}>
          {term.block}
        </Badge>
      </div>
      <h3 className={s.h}>{strings.definition}</h3>
      <Text>{help.definition}</Text>
      {help.comments && (
        <>
          <h3 className={s.h}>
            {strings.comments}
            {/* The model's comments are the standard's, in English only: said so, and marked as English text. */}
            {lang !== "en" && <Caption1 className={s.muted}> {termHelpStrings(lang).inEnglish}</Caption1>}
          </h3>
          <Text lang="en">{help.comments}</Text>
        </>
      )}
      {help.examples.length > 0 && (
        <>
          <h3 className={s.h}>{strings.examples}</h3>
          <ul className={s.list}>
            {help.examples.map((e) => (
              <li key={e} className={s.code}>
                {e}
              </li>
            ))}
          </ul>
        </>
      )}
      {vocabulary && (
        <>
          <h3 className={s.h}>
            {strings.vocabulary}: {vocabTitle}
          </h3>
          <Caption1 className={s.muted}>{vocabulary.closed ? strings.vocabularyClosed : strings.vocabularyOpen}</Caption1>
          <ul className={s.list} aria-label={`${strings.vocabulary}: ${vocabTitle}`}>
            {vocabulary.concepts.slice(0, MAX_VALUES).map((c) => (
              <li key={c.value}>
                <span className={s.code}>{c.value}</span>
                {conceptLabel(c, lang) !== c.value && <span className={s.muted}> — {conceptLabel(c, lang)}</span>}
              </li>
            ))}
          </ul>
          {vocabulary.concepts.length > MAX_VALUES && (
            <Caption1 className={s.muted}>{strings.moreValues(vocabulary.concepts.length - MAX_VALUES)}</Caption1>
          )}
        </>
      )}
      <Caption1 className={s.muted}>{strings.termSource}</Caption1>
    </article>
  );
}
