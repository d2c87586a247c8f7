import { useMemo } from "react";
import { Button, Caption1, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular, OpenRegular } from "@fluentui/react-icons";
import type { Issue } from "../../validate/types";
import { usePane } from "../context";
import { useOverview } from "../hooks/useOverview";
import { dialogPoint } from "../overview/dialogProtocol";
import { overviewStrings } from "../strings/overview";
import { Notice } from "./Notice";
import { OverviewCharts } from "./OverviewCharts";
import { OverviewMap } from "./OverviewMap";
import { progressDetail } from "./ValidateScreen";
import { TaskProgress } from "./TaskProgress";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
});

export interface OverviewScreenProps {
  /** Which view: the map or the charts. */
  view: "map" | "charts";
  /** The validation's current findings (the points' colours). */
  issues: readonly Issue[] | undefined;
}

/** What the Validate tab shows. */
export type ValidateView = "issues" | "map" | "charts";

/** The Validate tab's switch "Issues | Map | Charts". */
export function ViewSwitch({ view, onChange }: { view: ValidateView; onChange: (view: ValidateView) => void }) {
  const o = overviewStrings(usePane().lang);
  return (
    <TabList size="small" selectedValue={view} onTabSelect={(_, d) => onChange(d.value as ValidateView)} aria-label={o.viewSwitch}>
      <Tab value="issues">{o.viewIssues}</Tab>
      <Tab value="map">{o.viewMap}</Tab>
      <Tab value="charts">{o.viewCharts}</Tab>
    </TabList>
  );
}

/** The Validate tab's map or charts of the records. */
export function OverviewScreen({ view, issues }: OverviewScreenProps) {
  const s = useStyles();
  const { strings, lang, host } = usePane();
  const dark = host.officeDark ?? (typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches);
  const o = overviewStrings(lang);
  const ov = useOverview(issues, true);
  const drawn = useMemo(() => ov.points.map((p) => dialogPoint(p, lang)), [ov.points, lang]);
  const running = ov.task.state.running;
  return (
    <div className={s.root}>
      <div className={s.row}>
        <Button size="small" icon={<ArrowClockwiseRegular />} disabled={running} onClick={() => void ov.load()}>
          {o.refresh}
        </Button>
        {view === "map" && ov.box && (
          <Button size="small" icon={<OpenRegular />} onClick={() => void ov.openLarge(dark)}>
            {o.openLarge}
          </Button>
        )}
      </div>
      {ov.error && <Notice intent="error" title={strings.errorTitle} text={ov.error} dismissLabel={strings.dismiss} onDismiss={ov.dismiss} />}
      {ov.message && <Notice intent="success" text={ov.message} dismissLabel={strings.dismiss} onDismiss={ov.dismiss} />}
      {running && (
        <TaskProgress label={o.reading} detail={progressDetail(ov.task.state.progress, strings)} progress={ov.task.state.progress} cancelLabel={strings.cancel} onCancel={ov.task.cancel} />
      )}
      {ov.data && !running && view === "map" && (
        <>
          {ov.box ? (
            <>
              <Caption1 role="status">{o.onMap(ov.points.length)}</Caption1>
              <OverviewMap
                points={drawn}
                outlines={ov.outlines}
                box={ov.box}
                metadataBox={ov.metadataBox}
                strings={o}
                width={300}
                height={220}
                onSelect={(sheet, row) => void ov.selectRecord(sheet, row)}
              />
            </>
          ) : (
            <Notice intent="info" text={o.noPoints} />
          )}
          {ov.unplaced > 0 && <Notice intent="warning" text={o.unplaced(ov.unplaced)} />}
        </>
      )}
      {ov.data && !running && view === "charts" && ov.counts && (
        ov.counts.records === 0 ? <Notice intent="info" text={o.noRecords} /> : <OverviewCharts counts={ov.counts} strings={o} onBar={(b) => void ov.selectBar(b)} />
      )}
    </div>
  );
}
