/**
 * The Validate tab's map and charts: reads the records once the map or the charts are first shown (again on
 * request), loads the basemap, colours the points by the validation's current findings, selects rows in Excel and
 * opens the large map.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Issue } from "../../validate/types";
import { usePane } from "../context";
import { errorMessage } from "../errors";
import { chartCounts, findingsByRow, mapPoints, pointsBox, type Bar, type ChartCounts, type GeoBox, type MapPoint } from "../overview/aggregate";
import { dialogPoint, encodeMap, parseSelect } from "../overview/dialogProtocol";
import type { Outline } from "../overview/projection";
import type { OverviewData } from "../overview/read";
import { overviewStrings } from "../strings/overview";
import { useTask, type Task } from "./useTask";

export interface OverviewState {
  task: Task;
  data?: OverviewData;
  outlines?: Outline[];
  points: MapPoint[];
  unplaced: number;
  /** The box around the points (and their fixes' targets). */
  box?: GeoBox;
  /** The bounding box of the metadata: the Metadata sheet's when it has one, else the one derived from the data. */
  metadataBox?: GeoBox;
  counts?: ChartCounts;
  message?: string;
  error?: string;
  /** Reads the records (again). */
  load(): Promise<void>;
  selectRecord(sheet: string, row: number): Promise<void>;
  selectBar(bar: Bar): Promise<void>;
  openLarge(dark: boolean): Promise<void>;
  dismiss(): void;
}

const boxOf = (g: { west: number | null; east: number | null; north: number | null; south: number | null } | undefined): GeoBox | undefined =>
  g && g.west !== null && g.east !== null && g.north !== null && g.south !== null ? { west: g.west, east: g.east, north: g.north, south: g.south } : undefined;

/** State of the map and charts; `active` starts the first read (when the user opens the map or the charts). */
export function useOverview(issues: readonly Issue[] | undefined, active: boolean): OverviewState {
  const { services, lang } = usePane();
  const o = overviewStrings(lang);
  const task = useTask();
  const [data, setData] = useState<OverviewData | undefined>(undefined);
  const [outlines, setOutlines] = useState<Outline[] | undefined>(undefined);
  const [storedBox, setStoredBox] = useState<GeoBox | undefined>(undefined);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const started = useRef(false);

  const load = useCallback(async () => {
    setError(undefined);
    services.loadBasemap().then(setOutlines, (e: unknown) => console.warn(`Basemap: ${errorMessage(e)}`));
    services.loadMetadata().then(
      (m) => setStoredBox(boxOf(m?.coverage.geographic)),
      () => setStoredBox(undefined)
    );
    const result = await task.run((opts) => services.readOverview(opts, lang));
    if (result) setData(result);
  }, [services, task, lang]);

  useEffect(() => {
    if (active && !started.current) {
      started.current = true;
      void load();
    }
  }, [active, load]);

  const findings = useMemo(() => findingsByRow(issues ?? []), [issues]);
  const { points, unplaced } = useMemo(() => (data ? mapPoints(data.sheets, findings) : { points: [], unplaced: 0 }), [data, findings]);
  const box = useMemo(() => pointsBox(points), [points]);
  const counts = useMemo(() => (data ? chartCounts(data.sheets) : undefined), [data]);
  const metadataBox = storedBox ?? data?.derivedBox;

  const selectRecord = useCallback(
    async (sheet: string, row: number) => {
      setError(undefined);
      try {
        await services.selectRows(sheet, [row]);
      } catch (e) {
        setError(errorMessage(e));
      }
    },
    [services]
  );

  const selectBar = useCallback(
    async (bar: Bar) => {
      setError(undefined);
      const sheet = bar.rows[0]?.sheet;
      if (sheet === undefined) return;
      const rows = bar.rows.filter((r) => r.sheet === sheet).map((r) => r.row);
      try {
        const n = await services.selectRows(sheet, rows);
        setMessage(n < rows.length ? o.selectedSome(n, rows.length, sheet) : o.selectedRows(n, sheet));
      } catch (e) {
        setError(errorMessage(e));
      }
    },
    [services, o]
  );

  const openLarge = useCallback(
    async (dark: boolean) => {
      setError(undefined);
      const messages = encodeMap({ lang, dark, points: points.map((p) => dialogPoint(p, lang)), metadataBox });
      try {
        await services.openMapDialog(messages, (m) => {
          const s = parseSelect(m);
          if (s) void selectRecord(s.sheet, s.row);
        });
      } catch (e) {
        setError(o.dialogFailed(errorMessage(e)));
      }
    },
    [services, points, metadataBox, lang, selectRecord, o]
  );

  return {
    task,
    data,
    outlines,
    points,
    unplaced,
    box,
    metadataBox,
    counts,
    message,
    error: error ?? task.state.error,
    load,
    selectRecord,
    selectBar,
    openLarge,
    dismiss: () => {
      setMessage(undefined);
      setError(undefined);
      task.clearError();
    },
  };
}
