import { Button, Link, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { usePane } from "../context";
import { guideStrings, type GuideStrings } from "../strings/guide";
import type { ScreenId } from "./App";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  head: { display: "flex", alignItems: "flex-start", justifyContent: "space-between", gap: tokens.spacingHorizontalXS },
  steps: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: "2px",
  },
  step: { display: "flex", alignItems: "baseline", gap: tokens.spacingHorizontalXXS },
  number: {
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    width: "16px",
    height: "16px",
    borderRadius: tokens.borderRadiusCircular,
    fontSize: tokens.fontSizeBase100,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground2,
  },
  numberCurrent: { backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand },
  current: { fontWeight: tokens.fontWeightSemibold },
});

/** The four steps and the tab each one is done in. */
const STEPS: { screen: ScreenId; label: keyof GuideStrings; hint: keyof GuideStrings }[] = [
  { screen: "templates", label: "stepTemplate", hint: "stepHintTemplate" },
  { screen: "validate", label: "stepFill", hint: "stepHintFill" },
  { screen: "metadata", label: "stepMetadata", hint: "stepHintMetadata" },
  { screen: "export", label: "stepExport", hint: "stepHintExport" },
];

export interface StepsGuideProps {
  screen: ScreenId;
  onGo: (screen: ScreenId) => void;
  onHide: () => void;
}

/**
 * The first-run guide: Template (or your own sheet) → Fill and validate → Metadata → Export, each a link to its
 * tab, with one line on the step of the tab shown (the guide's title is its accessible name).
 */
export function StepsGuide({ screen, onGo, onHide }: StepsGuideProps) {
  const s = useStyles();
  const { lang } = usePane();
  const g = guideStrings(lang);
  const current = STEPS.find((step) => step.screen === screen);
  return (
    <nav className={s.root} aria-label={g.guideTitle}>
      <div className={s.head}>
        <ol className={s.steps}>
          {STEPS.map((step, i) => {
            const here = step === current;
            const label = g[step.label] as string;
            return (
              <li key={step.screen} className={s.step}>
                <span className={mergeClasses(s.number, here && s.numberCurrent)} aria-hidden="true">
                  {i + 1}
                </span>
                <Link
                  as="button"
                  className={here ? s.current : undefined}
                  aria-current={here ? "step" : undefined}
                  aria-label={g.stepOf(i + 1, label)}
                  onClick={() => onGo(step.screen)}
                >
                  {label}
                </Link>
              </li>
            );
          })}
        </ol>
        <Button
          size="small"
          appearance="transparent"
          icon={<DismissRegular />}
          aria-label={g.guideHide}
          title={g.guideHide}
          onClick={onHide}
        />
      </div>
      {current && <Text size={200}>{g[current.hint] as string}</Text>}
    </nav>
  );
}
