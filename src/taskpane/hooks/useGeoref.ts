/**
 * The georeferencing calculator's state: the selected rows (read through the services), the user's answers, each
 * row's result from the core (src/georef), what a write would set, keep or replace, and the write itself on the
 * user's click — asking first when the sheet lacks columns.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  georeferenceRows,
  parseMapScale,
  planGeorefWrite,
  PRECISION_CHOICES,
  type CoordinateSource,
  type GeorefOutputTerm,
  type GeorefSettings,
  type GeorefWritePlan,
  type RowGeoreference,
} from "../../georef";
import { usePane } from "../context";
import { errorMessage } from "../errors";
import type { GeorefSelection, GeorefWriteResult } from "../services";

/** Names the pane's calculator in georeferenceSources (the values are Darwin Core data: English). */
export const PANE_GEOREFERENCE_TOOL =
  "Darwin Core for Excel georeferencing calculator (point-radius calculation after the Georeferencing Calculator, Wieczorek & Wieczorek 2020)";

/** The answers as typed (text fields stay text until they parse). */
export interface GeorefForm {
  source: CoordinateSource;
  mapScale: string;
  gpsAccuracy: string;
  /** "auto" (as written in each row) or a {@link PRECISION_CHOICES} id. */
  precision: string;
  datum: GeorefSettings["datum"];
  extent: string;
  georeferencedBy: string;
  replace: boolean;
}

export const INITIAL_FORM: GeorefForm = {
  source: "description",
  mapScale: "",
  gpsAccuracy: "",
  precision: "auto",
  datum: "per-row",
  extent: "",
  georeferencedBy: "",
  replace: false,
};

/** Fields whose text cannot be used. */
export interface FormProblems {
  mapScale?: boolean;
  gpsAccuracy?: boolean;
  extent?: boolean;
}

/** A distance typed in metres ("" → undefined; "12,5" → 12.5); NaN when it is not one. */
function metres(text: string): number | undefined {
  const t = text.trim().replace(",", ".").replace(/\s/g, "");
  if (t === "") return undefined;
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
}

/** The core's settings from the form, or the fields that stop it. */
export function settingsOf(form: GeorefForm): { settings?: GeorefSettings; problems: FormProblems } {
  const problems: FormProblems = {};
  const mapScale = form.source === "map" ? parseMapScale(form.mapScale) : undefined;
  if (form.source === "map" && mapScale === undefined) problems.mapScale = true;
  const gps = form.source === "gps" ? metres(form.gpsAccuracy) : undefined;
  if (Number.isNaN(gps)) problems.gpsAccuracy = true;
  const extent = metres(form.extent);
  if (Number.isNaN(extent)) problems.extent = true;
  if (Object.keys(problems).length > 0) return { problems };
  const precision = PRECISION_CHOICES.find((c) => c.id === form.precision);
  return {
    problems,
    settings: {
      source: form.source,
      mapScale,
      gpsAccuracyMeters: gps,
      precisionDegrees: precision?.degrees,
      datum: form.datum,
      radialMeters: extent,
      georeferencedBy: form.georeferencedBy.trim() || undefined,
      tool: PANE_GEOREFERENCE_TOOL,
    },
  };
}

export interface GeorefState {
  /** The rows read; undefined while reading the first time or when the active sheet is not a dataset sheet. */
  selection?: GeorefSelection;
  reading: boolean;
  error?: string;
  form: GeorefForm;
  setForm: (patch: Partial<GeorefForm>) => void;
  problems: FormProblems;
  outcomes: RowGeoreference[];
  plan?: GeorefWritePlan;
  /** Columns the write needs that the sheet lacks; non-empty while the pane asks whether to add them. */
  asking: GeorefOutputTerm[];
  writing: boolean;
  result?: GeorefWriteResult;
  /** Reads the current selection again. */
  reload: () => void;
  /** The "Write to N rows" click: writes, or asks first when columns are missing. */
  write: () => void;
  /** The answer to the question: add the columns, write without them, or cancel. */
  answer: (choice: "add" | "without" | "cancel") => void;
}

/** The calculator for the rows selected in the active sheet, read when mounted and on `reload`. */
export function useGeoref(): GeorefState {
  const { services } = usePane();
  const [selection, setSelection] = useState<GeorefSelection>();
  const [reading, setReading] = useState(true);
  const [error, setError] = useState<string>();
  const [form, setFormState] = useState<GeorefForm>(INITIAL_FORM);
  const [asking, setAsking] = useState<GeorefOutputTerm[]>([]);
  const [writing, setWriting] = useState(false);
  const [result, setResult] = useState<GeorefWriteResult>();
  const [date] = useState(() => new Date());
  const live = useRef(true);

  const read = useCallback(async () => {
    setReading(true);
    setError(undefined);
    try {
      const s = await services.readGeorefSelection();
      if (live.current) setSelection(s);
    } catch (e) {
      if (live.current) setError(errorMessage(e));
    } finally {
      if (live.current) setReading(false);
    }
  }, [services]);

  useEffect(() => {
    live.current = true;
    void read();
    return () => {
      live.current = false;
    };
  }, [read]);

  const setForm = useCallback((patch: Partial<GeorefForm>) => {
    setFormState((f) => ({ ...f, ...patch }));
    setResult(undefined);
  }, []);

  const { settings, problems } = useMemo(() => settingsOf(form), [form]);
  const outcomes = useMemo(
    () => (selection && settings ? georeferenceRows(selection.rows, settings, date) : []),
    [selection, settings, date]
  );
  const plan = useMemo(
    () => (selection && settings ? planGeorefWrite(outcomes, selection.rows, form.replace) : undefined),
    [outcomes, selection, settings, form.replace]
  );

  const doWrite = useCallback(
    async (addColumns: boolean) => {
      if (!selection || !plan) return;
      setAsking([]);
      setWriting(true);
      setError(undefined);
      try {
        const r = await services.writeGeoref({
          sheet: selection.sheet,
          cells: plan.writes.map((w) => ({ row: w.row, term: w.term, value: w.value, expected: w.current })),
          replace: form.replace,
          addColumns,
        });
        if (!live.current) return;
        // Read the rows again so that what is shown is what the sheet now holds; the result stays on screen.
        await read();
        setResult(r);
      } catch (e) {
        if (live.current) setError(errorMessage(e));
      } finally {
        if (live.current) setWriting(false);
      }
    },
    [services, selection, plan, form.replace, read]
  );

  const write = useCallback(() => {
    if (!selection || !plan || plan.writes.length === 0) return;
    const needed = new Set(plan.writes.map((w) => w.term));
    const missing = selection.missingColumns.filter((t) => needed.has(t));
    if (missing.length > 0) setAsking(missing);
    else void doWrite(false);
  }, [selection, plan, doWrite]);

  const answer = useCallback(
    (choice: "add" | "without" | "cancel") => {
      if (choice === "cancel") setAsking([]);
      else void doWrite(choice === "add");
    },
    [doWrite]
  );

  const reload = useCallback(() => {
    setResult(undefined);
    setAsking([]);
    void read();
  }, [read]);

  return { selection, reading, error, form, setForm, problems, outcomes, plan, asking, writing, result, reload, write, answer };
}
