import { Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { usePane } from "../context";
import { guideStrings } from "../strings/guide";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

/** After an export: how the archive gets to GBIF (an IPT, or the node), and how to publish a new version. */
export function WhatNext() {
  const s = useStyles();
  const { lang } = usePane();
  const g = guideStrings(lang);
  return (
    <section className={s.root} aria-label={g.nextTitle}>
      <Subtitle2 as="h3" className={s.heading}>
        {g.nextTitle}
      </Subtitle2>
      <ul className={s.list}>
        <li>
          <Text>{g.nextIpt}</Text>
        </li>
        <li>
          <Text>{g.nextNode}</Text>
        </li>
        <li>
          <Text>{g.nextUpdate}</Text>
        </li>
      </ul>
    </section>
  );
}
