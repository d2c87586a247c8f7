import { useMemo, useState, type KeyboardEvent, type MouseEvent } from "react";
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { POINT_TIERS, type GeoBox, type PointTier } from "../overview/aggregate";
import { fitView, nearestPoint, outlinePath, pointPaths, type Outline } from "../overview/projection";
import type { DialogPoint } from "../overview/dialogProtocol";
import type { OverviewStrings } from "../strings/overview";
import { SEVERITY_COLOURS } from "./SeverityCounts";

/** A point as the map draws it (the pane's points and the dialog's alike). */
export type DrawnPoint = DialogPoint;

const t = (k: string): string => tokens[k as keyof typeof tokens];

/** Fill and outline of each tier: the badges' colours (see SeverityCounts); records without findings in the brand colour. */
export const POINT_COLOURS: Readonly<Record<PointTier, { fill: string; stroke: string }>> = {
  blocker: { fill: t(SEVERITY_COLOURS.blocker.background), stroke: t(SEVERITY_COLOURS.blocker.border) },
  error: { fill: t(SEVERITY_COLOURS.error.background), stroke: t(SEVERITY_COLOURS.error.border) },
  warning: { fill: t(SEVERITY_COLOURS.warning.background), stroke: t(SEVERITY_COLOURS.warning.border) },
  none: { fill: tokens.colorBrandBackground, stroke: tokens.colorNeutralBackground1 },
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  svg: {
    width: "100%",
    height: "auto",
    display: "block",
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    cursor: "crosshair",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  tip: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    minHeight: "2.5em",
    overflowWrap: "anywhere",
  },
  legend: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, listStyleType: "none", margin: 0, padding: 0 },
  key: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
});

export interface OverviewMapProps {
  points: readonly DrawnPoint[];
  outlines?: readonly Outline[];
  /** The box to show (the points' box); the map fits it with a margin. */
  box: GeoBox;
  metadataBox?: GeoBox;
  strings: OverviewStrings;
  /** Size of the drawing (it scales to the width it is given). */
  width: number;
  height: number;
  onSelect: (sheet: string, row: number) => void;
}

/**
 * The records on an offline basemap: one path per colour (thousands of points stay cheap), the metadata's bounding
 * box dashed, an arrow from each point a coordinate fix would move to where it would go. Click or Enter selects the
 * record's row; hover or the arrow keys show its name, date and findings.
 */
export function OverviewMap({ points, outlines, box, metadataBox, strings, width, height, onSelect }: OverviewMapProps) {
  const s = useStyles();
  const view = useMemo(() => fitView(box, width, height), [box, width, height]);
  const land = useMemo(() => (outlines ? outlinePath(outlines, view) : ""), [outlines, view]);
  const r = width > 500 ? 5 : 4;
  const paths = useMemo(() => pointPaths(points, view, r), [points, view, r]);
  // Keyboard order: the worst findings first.
  const order = useMemo(() => {
    const rank: Record<PointTier, number> = { blocker: 0, error: 1, warning: 2, none: 3 };
    return [...points].sort((a, b) => rank[a.tier] - rank[b.tier] || a.sheet.localeCompare(b.sheet) || a.row - b.row);
  }, [points]);
  const [active, setActive] = useState<DrawnPoint | undefined>(undefined);
  const moves = points.filter((p) => p.moveTo);

  const at = (e: MouseEvent<SVGSVGElement>): DrawnPoint | undefined => {
    const rect = e.currentTarget.getBoundingClientRect();
    const k = rect.width > 0 ? width / rect.width : 1;
    return nearestPoint(points, view, (e.clientX - rect.left) * k, (e.clientY - rect.top) * k, 8);
  };
  const onKey = (e: KeyboardEvent<SVGSVGElement>) => {
    if (order.length === 0) return;
    const i = active ? order.indexOf(active) : -1;
    if (e.key === "ArrowRight" || e.key === "ArrowDown") setActive(order[(i + 1) % order.length]);
    else if (e.key === "ArrowLeft" || e.key === "ArrowUp") setActive(order[(i - 1 + order.length) % order.length]);
    else if ((e.key === "Enter" || e.key === " ") && active) onSelect(active.sheet, active.row);
    else return;
    e.preventDefault();
  };
  const mb = metadataBox;
  return (
    <div className={s.root}>
      <svg
        className={s.svg}
        viewBox={`0 0 ${width} ${height}`}
        role="application"
        aria-label={`${strings.mapTitle}. ${strings.onMap(points.length)}. ${strings.mapHelp}`}
        tabIndex={0}
        data-points={points.length}
        onMouseMove={(e) => setActive(at(e))}
        onClick={(e) => {
          const p = at(e);
          setActive(p);
          if (p) onSelect(p.sheet, p.row);
        }}
        onKeyDown={onKey}
      >
        <path d={land} fill={tokens.colorNeutralBackground4} stroke={tokens.colorNeutralStroke1} strokeWidth={0.5} data-layer="land" />
        {mb && (
          <rect
            data-layer="metadata-box"
            x={view.x(mb.west)}
            y={view.y(mb.north)}
            width={Math.max(1, view.x(mb.east) - view.x(mb.west))}
            height={Math.max(1, view.y(mb.south) - view.y(mb.north))}
            fill="none"
            stroke={tokens.colorBrandStroke1}
            strokeWidth={1.5}
            strokeDasharray="5 3"
          >
            <title>{strings.metadataBox}</title>
          </rect>
        )}
        <defs>
          <marker id="fix-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M0 0L10 5L0 10z" fill={tokens.colorNeutralForeground1} />
          </marker>
        </defs>
        {moves.map((p) => (
          <line
            key={`${p.sheet}:${p.row}`}
            data-layer="fix-arrow"
            data-row={p.row}
            x1={view.x(p.lon)}
            y1={view.y(p.lat)}
            x2={view.x(p.moveTo!.lon)}
            y2={view.y(p.moveTo!.lat)}
            stroke={tokens.colorNeutralForeground1}
            strokeWidth={1.2}
            strokeDasharray="4 2"
            markerEnd="url(#fix-arrow)"
          >
            <title>{strings.fixArrow}</title>
          </line>
        ))}
        {[...POINT_TIERS].reverse().map((tier) =>
          paths[tier].count > 0 ? (
            <path key={tier} d={paths[tier].d} data-tier={tier} data-count={paths[tier].count} style={{ fill: POINT_COLOURS[tier].fill, stroke: POINT_COLOURS[tier].stroke }} strokeWidth={1} />
          ) : null
        )}
        {active && (
          <circle cx={view.x(active.lon)} cy={view.y(active.lat)} r={r + 3} fill="none" stroke={tokens.colorNeutralForeground1} strokeWidth={2} data-layer="active" />
        )}
      </svg>
      <div className={s.tip} role="status" aria-live="polite">
        {active ? <PointDetails point={active} strings={strings} /> : <Caption1>{strings.mapHelp}</Caption1>}
      </div>
      <ul className={s.legend} aria-label={strings.mapTitle}>
        {POINT_TIERS.filter((tier) => paths[tier].count > 0).map((tier) => (
          <li key={tier} className={s.key}>
            <svg width="12" height="12" aria-hidden="true">
              <circle cx="6" cy="6" r="5" style={{ fill: POINT_COLOURS[tier].fill, stroke: POINT_COLOURS[tier].stroke }} />
            </svg>
            <Caption1>{`${strings.tier[tier]}: ${paths[tier].count}`}</Caption1>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A point's record: name, date, sheet and row, findings. */
function PointDetails({ point: p, strings }: { point: DrawnPoint; strings: OverviewStrings }) {
  return (
    <Caption1>
      <strong>{p.name || strings.noName}</strong> · {p.date || strings.noDate} · {strings.row(p.sheet, p.row)}
      <br />
      {p.issues.length === 0 ? strings.noFindings : p.issues.slice(0, 3).join("; ")}
      {p.issues.length > 3 && ` ${strings.moreIssues(p.issues.length - 3)}`}
    </Caption1>
  );
}
