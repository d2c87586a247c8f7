import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { Bar, ChartCounts } from "../overview/aggregate";
import type { OverviewStrings } from "../strings/overview";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, minWidth: 0 },
  chart: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  svg: { width: "100%", height: "auto", display: "block", overflow: "visible" },
  bar: {
    cursor: "pointer",
    outlineStyle: "none",
    ":hover rect[data-bar]": { fill: tokens.colorBrandBackgroundHover },
    ":focus-visible rect[data-bg]": { stroke: tokens.colorStrokeFocus2, strokeWidth: "2px" },
  },
});

const WIDTH = 300;
const ROW = 18;
const LABEL = 110;
const COUNT = 44;

/** A bar chart: one horizontal bar per value (label, bar, count); a bar is a button selecting its rows. */
function BarChart({ title, bars, strings, label, onBar }: { title: string; bars: readonly Bar[]; strings: OverviewStrings; label?: (b: Bar) => string; onBar: (b: Bar) => void }) {
  const s = useStyles();
  const max = Math.max(1, ...bars.map((b) => b.count));
  const span = WIDTH - LABEL - COUNT;
  const cut = (text: string) => (text.length > 18 ? `${text.slice(0, 17)}…` : text);
  return (
    <section className={s.chart} aria-label={title}>
      <h3 className={s.title}>{title}</h3>
      {bars.length === 0 ? (
        <Caption1>{strings.chartNone}</Caption1>
      ) : (
        <svg className={s.svg} viewBox={`0 0 ${WIDTH} ${bars.length * ROW}`} role="list" aria-label={title}>
          {bars.map((b, i) => {
            const text = label ? label(b) : b.label;
            const w = b.count === 0 ? 0 : Math.max(1, (b.count / max) * span);
            return (
              <g
                key={b.label}
                className={s.bar}
                role="button"
                tabIndex={b.count > 0 ? 0 : -1}
                aria-label={strings.barLabel(text, b.count)}
                aria-disabled={b.count === 0}
                transform={`translate(0 ${i * ROW})`}
                onClick={() => b.count > 0 && onBar(b)}
                onKeyDown={(e) => {
                  if ((e.key === "Enter" || e.key === " ") && b.count > 0) {
                    e.preventDefault();
                    onBar(b);
                  }
                }}
              >
                <rect data-bg x={0} y={0} width={WIDTH} height={ROW} fill="transparent" />
                <text x={LABEL - 6} y={ROW / 2} dominantBaseline="central" textAnchor="end" fontSize={11} fill={tokens.colorNeutralForeground1}>
                  <title>{text}</title>
                  {cut(text)}
                </text>
                <rect data-bar x={LABEL} y={3} width={w} height={ROW - 6} rx={2} fill={tokens.colorBrandBackground} />
                <text x={LABEL + w + 4} y={ROW / 2} dominantBaseline="central" fontSize={11} fill={tokens.colorNeutralForeground2}>
                  {b.count}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </section>
  );
}

export interface OverviewChartsProps {
  counts: ChartCounts;
  strings: OverviewStrings;
  onBar: (bar: Bar) => void;
}

/** Records per year, month, kingdom, the ten largest families, basisOfRecord; events per samplingProtocol. */
export function OverviewCharts({ counts, strings, onBar }: OverviewChartsProps) {
  const s = useStyles();
  return (
    <div className={s.root}>
      <Caption1>{strings.barHelp}</Caption1>
      <BarChart title={strings.chartYear} bars={counts.year} strings={strings} onBar={onBar} />
      <BarChart title={strings.chartMonth} bars={counts.month} strings={strings} label={(b) => strings.months[+b.label - 1]} onBar={onBar} />
      <BarChart title={strings.chartKingdom} bars={counts.kingdom} strings={strings} onBar={onBar} />
      <BarChart title={strings.chartFamily} bars={counts.family} strings={strings} onBar={onBar} />
      <BarChart title={strings.chartBasis} bars={counts.basisOfRecord} strings={strings} onBar={onBar} />
      <BarChart title={strings.chartProtocol} bars={counts.samplingProtocol} strings={strings} onBar={onBar} />
    </div>
  );
}
