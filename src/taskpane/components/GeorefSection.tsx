import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { usePane } from "../context";
import { georefStrings } from "../strings/georef";
import { GeorefCalculator } from "./GeorefCalculator";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * The Term help tab's way into the georeferencing calculator (shown while the selection is in a dataset sheet): a
 * button that opens the calculator for the selected rows, and closes it again.
 */
export function GeorefSection() {
  const s = useStyles();
  const { lang } = usePane();
  const t = georefStrings[lang];
  const [open, setOpen] = useState(false);
  return (
    <div className={s.root}>
      {open ? (
        <>
          <GeorefCalculator />
          <Button size="small" onClick={() => setOpen(false)}>
            {t.close}
          </Button>
        </>
      ) : (
        <>
          <Button onClick={() => setOpen(true)}>{t.open}</Button>
          <Caption1 className={s.muted}>{t.openHint}</Caption1>
        </>
      )}
    </div>
  );
}
