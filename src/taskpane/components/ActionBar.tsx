import type { ReactNode } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  bar: {
    // Stays at the bottom of the pane while the form above it is longer than the pane is high (320 × 600).
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: `0 -1px 0 ${tokens.colorNeutralStroke2}`,
  },
});

/**
 * A screen's primary action, kept visible at the bottom of the pane while the user scrolls a long form (and in
 * its place once the form's end is reached).
 *
 * @example <ActionBar><Button appearance="primary">Save</Button></ActionBar>
 */
export function ActionBar({ children }: { children: ReactNode }) {
  const s = useStyles();
  return <div className={s.bar}>{children}</div>;
}
