/**
 * The "Standardise my table" screen's state: which sheet, the column-by-column choices (term and action, proposed or
 * chosen), the dataset class, saved and imported mappings, and Apply with its summary and the new sheet's
 * validation. Everything that touches Excel goes through the services.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { DatasetClass, Text2 } from "../../dwc/types";
import type { ColumnAction, Confidence, MappingRecheck, SavedMapping } from "../../standardise/types";
import { usePane } from "../context";
import { errorMessage } from "../errors";
import { saveBlob } from "../export/download";
import type { SavedMappingInfo, StandardiseDone, StandardiseSheetChoice, StandardiseStart } from "../services";
import { useTask, type Task } from "./useTask";

/** One column of the sheet as the screen shows it. */
export interface StandardiseColumn {
  index: number;
  header: string;
  /** Up to three filled values. */
  samples: string[];
  term: string | null;
  action: ColumnAction;
  confidence: Confidence;
  reason: Text2;
  alternatives: string[];
  /** The user (or a mapping they loaded) decided this column: a new proposal does not change it. */
  chosen: boolean;
  /** The choice came from a saved or imported mapping. */
  fromMapping: boolean;
}

/** Validation of the new sheet after Apply. */
export interface NewSheetValidation {
  running: boolean;
  errors: number;
  warnings: number;
  error?: string;
}

export interface StandardiseState {
  /** Sheets that can be standardised (undefined while listing). */
  sheets?: StandardiseSheetChoice[];
  sheet?: string;
  records: number;
  headers: string[];
  datasetClass: DatasetClass;
  classReason?: Text2;
  columns: StandardiseColumn[];
  saved: SavedMappingInfo[];
  /** How the last loaded mapping fitted the headers. */
  recheck?: MappingRecheck;
  loading: boolean;
  error?: string;
  importError?: string;
  done?: StandardiseDone;
  validation?: NewSheetValidation;
}

export interface Standardise {
  state: StandardiseState;
  task: Task;
  chooseSheet(name: string): void;
  setClass(datasetClass: DatasetClass): void;
  setTerm(index: number, term: string): void;
  setAction(index: number, action: ColumnAction): void;
  takeMapping(mapping: SavedMapping, recheck: MappingRecheck): void;
  importMapping(text: string): Promise<void>;
  /** The current choices as the JSON the CLI's --mapping reads. */
  mappingJson(): string;
  apply(): Promise<void>;
  selectCell(row: number, column: number): void;
  /** Back to choosing a sheet (after a result). */
  reset(): void;
}

/** The columns of a proposal, keeping the columns the user already decided (by position and header). */
export function columnsFrom(start: StandardiseStart, previous: readonly StandardiseColumn[] = []): StandardiseColumn[] {
  return start.proposal.columns.map((p) => {
    const before = previous.find((c) => c.index === p.index && c.header === p.header && c.chosen);
    if (before) return before;
    return {
      index: p.index,
      header: p.header,
      samples: start.samples[p.index] ?? [],
      term: p.term,
      action: p.action,
      confidence: p.confidence,
      reason: p.reason,
      alternatives: p.alternatives,
      chosen: false,
      fromMapping: false,
    };
  });
}

/**
 * The columns with a saved mapping laid over them: the n-th column headed `Примечание` takes the mapping's n-th
 * `Примечание` (as the core pairs them when applying); columns the mapping does not know keep their proposal.
 */
export function withMapping(columns: readonly StandardiseColumn[], mapping: SavedMapping): StandardiseColumn[] {
  const used = new Set<number>();
  return columns.map((c) => {
    const k = mapping.columns.findIndex((m, i) => !used.has(i) && m.header.trim() === c.header.trim());
    if (k < 0) return { ...c, chosen: false, fromMapping: false };
    used.add(k);
    const m = mapping.columns[k];
    return { ...c, term: m.term, action: m.term ? m.action : "leave-out", chosen: true, fromMapping: true };
  });
}

/** The choices as a saved mapping: every header, its term (or null) and action. */
export function mappingOf(datasetClass: DatasetClass, columns: readonly StandardiseColumn[]): SavedMapping {
  return {
    version: 1,
    datasetClass,
    columns: columns.map((c) => ({ header: c.header, term: c.term, action: c.term ? c.action : "leave-out" })),
  };
}

/**
 * Saves text as a file (as the archive download does): the mapping JSON the user keeps next to their data, for the
 * next season's table or for the CLI's --mapping.
 */
export function saveTextFile(text: string, fileName: string): void {
  saveBlob(new Blob([text], { type: "application/json" }), fileName);
}

const EMPTY: StandardiseState = {
  records: 0,
  headers: [],
  datasetClass: "occurrence",
  columns: [],
  saved: [],
  loading: false,
};

/** The standardise screen's state and actions. */
export function useStandardise(): Standardise {
  const { services, lang } = usePane();
  const task = useTask();
  const [state, setState] = useState<StandardiseState>({ ...EMPTY, loading: true });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const update = useCallback((f: (s: StandardiseState) => StandardiseState) => {
    if (mounted.current) setState(f);
  }, []);

  const start = useCallback(
    async (name: string, datasetClass?: DatasetClass, keep: readonly StandardiseColumn[] = []) => {
      update((s) => ({ ...s, sheet: name, loading: true, error: undefined, done: undefined, validation: undefined }));
      try {
        const st = await services.startStandardise(name, datasetClass);
        update((s) => ({
          ...s,
          sheet: st.sheet,
          records: st.records,
          headers: st.headers,
          datasetClass: st.proposal.datasetClass,
          classReason: datasetClass ? undefined : st.proposal.datasetClassReason,
          columns: columnsFrom(st, keep),
          saved: st.saved,
          recheck: keep.length > 0 ? s.recheck : undefined,
          loading: false,
        }));
      } catch (e) {
        update((s) => ({ ...s, loading: false, error: errorMessage(e) }));
      }
    },
    [services, update],
  );

  const list = useCallback(async () => {
    try {
      const { sheets, active } = await services.listStandardiseSheets();
      update((s) => ({ ...EMPTY, saved: s.saved, sheets, loading: false }));
      const first = active ?? (sheets.length === 1 ? sheets[0].name : undefined);
      if (first) await start(first);
    } catch (e) {
      update((s) => ({ ...s, loading: false, error: errorMessage(e) }));
    }
  }, [services, start, update]);

  useEffect(() => {
    void list();
  }, [list]);

  const chooseSheet = useCallback((name: string) => void start(name), [start]);

  const setClass = useCallback(
    (datasetClass: DatasetClass) => {
      if (!state.sheet) return;
      void start(state.sheet, datasetClass, state.columns);
    },
    [start, state.sheet, state.columns],
  );

  const change = useCallback(
    (index: number, f: (c: StandardiseColumn) => StandardiseColumn) =>
      update((s) => ({ ...s, columns: s.columns.map((c) => (c.index === index ? { ...f(c), chosen: true } : c)) })),
    [update],
  );
  const setTerm = useCallback(
    (index: number, term: string) => change(index, (c) => ({ ...c, term, action: c.action === "leave-out" ? "map" : c.action })),
    [change],
  );
  const setAction = useCallback((index: number, action: ColumnAction) => change(index, (c) => ({ ...c, action })), [change]);

  const takeMapping = useCallback(
    (mapping: SavedMapping, recheck: MappingRecheck) =>
      update((s) => ({
        ...s,
        datasetClass: mapping.datasetClass,
        classReason: undefined,
        columns: withMapping(s.columns, mapping),
        recheck,
        importError: undefined,
      })),
    [update],
  );

  const importMapping = useCallback(
    async (text: string) => {
      try {
        const { mapping, recheck } = await services.readMapping(text, state.headers);
        takeMapping(mapping, recheck);
      } catch (e) {
        update((s) => ({ ...s, importError: errorMessage(e) }));
      }
    },
    [services, state.headers, takeMapping, update],
  );

  const mappingJson = useCallback(
    () => JSON.stringify(mappingOf(state.datasetClass, state.columns), null, 2) + "\n",
    [state.datasetClass, state.columns],
  );

  const apply = useCallback(async () => {
    const sheet = state.sheet;
    if (!sheet) return;
    const mapping = mappingOf(state.datasetClass, state.columns);
    const done = await task.run((o) => services.applyStandardise(sheet, mapping, lang, o));
    if (!done) return;
    update((s) => ({ ...s, done, validation: { running: true, errors: 0, warnings: 0 } }));
    // The new sheet is a registered dataset sheet: the workbook's validation covers it and marks its cells.
    const controller = new AbortController();
    try {
      const issues = await services.validateWorkbook({ signal: controller.signal, onProgress: () => undefined });
      const mine = issues.filter((i) => i.sheet === done.sheet);
      update((s) => ({
        ...s,
        validation: {
          running: false,
          errors: mine.filter((i) => i.severity === "error" || i.severity === "blocker").length,
          warnings: mine.filter((i) => i.severity === "warning").length,
        },
      }));
    } catch (e) {
      update((s) => ({ ...s, validation: { running: false, errors: 0, warnings: 0, error: errorMessage(e) } }));
    }
  }, [services, lang, task, state.sheet, state.datasetClass, state.columns, update]);

  const selectCell = useCallback(
    (row: number, column: number) => {
      const sheet = state.done?.source;
      if (sheet) services.selectCell(sheet, row, column).catch((e) => update((s) => ({ ...s, error: errorMessage(e) })));
    },
    [services, state.done, update],
  );

  const reset = useCallback(() => {
    update((s) => ({ ...s, done: undefined, validation: undefined, loading: true }));
    void list();
  }, [list, update]);

  return { state, task, chooseSheet, setClass, setTerm, setAction, takeMapping, importMapping, mappingJson, apply, selectCell, reset };
}
