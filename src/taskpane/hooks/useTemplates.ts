/** The Templates screen's state: class, preset, added and removed columns, and the Excel actions. */
import { useCallback, useMemo, useState } from "react";
import type { DatasetClass, Lang, Preset, SheetTemplate, TemplateColumn } from "../../dwc/types";
import { usePane } from "../context";
import { errorMessage } from "../errors";
import type { ModelApi } from "../model";

/** A term that can be added to a sheet, with what the search matches. */
export interface TermCandidate {
  column: TemplateColumn;
  label: string;
  definition: string;
  labelRu: string;
  definitionRu: string;
}

/** Terms of a sheet's core or extension definition that are not columns yet. */
export function candidatesFor(model: ModelApi, sheet: SheetTemplate): TermCandidate[] {
  const rowType = model.getRowType(sheet.role.rowTypeId);
  if (!rowType) return [];
  const present = new Set<string>(sheet.columns.map((c) => c.term));
  const out: TermCandidate[] = [];
  for (const p of rowType.properties) {
    if (present.has(p.name)) continue;
    const en = model.termHelp(p.name, "en");
    const ru = model.termHelp(p.name, "ru");
    out.push({
      column: {
        term: p.name,
        iri: p.iri,
        level: "optional",
        block: model.getTerm(p.iri)?.block ?? model.getTerm(p.name)?.block ?? "OTHER",
        type: p.type,
        vocabulary: p.vocabulary ?? model.vocabularyIdFor(sheet.role.rowTypeId, p.name),
      },
      label: en?.label ?? p.name,
      definition: en?.definition ?? "",
      labelRu: ru?.label ?? "",
      definitionRu: ru?.definition ?? "",
    });
  }
  return out;
}

/**
 * Candidates matching a query in names, labels and definitions of both languages (case-insensitive). Matches
 * in the name or a label come first; at most `limit`.
 */
export function searchTerms(candidates: readonly TermCandidate[], query: string, limit = 25): TermCandidate[] {
  const q = query.trim().toLocaleLowerCase();
  if (q === "") return [];
  const strong: TermCandidate[] = [];
  const weak: TermCandidate[] = [];
  for (const c of candidates) {
    const names = [c.column.term, c.label, c.labelRu].map((s) => s.toLocaleLowerCase());
    if (names.some((s) => s.includes(q))) strong.push(c);
    else if ([c.definition, c.definitionRu].some((s) => s.toLocaleLowerCase().includes(q))) weak.push(c);
  }
  return [...strong, ...weak].slice(0, limit);
}

/** Which button a message answers: it is shown next to that button. */
export type TemplatesAction = "insert" | "format" | "extension";

/** The outcome of a Templates action: done, refused (nothing changed: a warning, never a success), or failed. */
export interface TemplatesFeedback {
  action: TemplatesAction;
  intent: "success" | "warning" | "error";
  text: string;
}

export interface TemplatesState {
  datasetClass: DatasetClass;
  preset: Preset;
  /** The sheets as they will be inserted (preset plus added minus removed columns). */
  sheets: SheetTemplate[];
  /** Index of the sheet the term search adds to. */
  target: number;
  busy: boolean;
  /** What the last action did, shown next to its button. */
  feedback?: TemplatesFeedback;
  /**
   * The workbook's core sheets when inserting the chosen template would add a second core: the pane asks first
   * (a dataset has exactly one core; a second one blocks the export).
   */
  confirmCore?: string[];
  setDatasetClass(c: DatasetClass): void;
  setPreset(p: Preset): void;
  setTarget(i: number): void;
  addColumn(sheetIndex: number, column: TemplateColumn): void;
  removeColumn(sheetIndex: number, term: string): void;
  /** Inserts the template, or asks first (`confirmCore`) when the workbook has a core sheet already. */
  insert(): Promise<void>;
  /** Inserts after the user confirmed a second core. */
  confirmInsert(): Promise<void>;
  cancelInsert(): void;
  formatActive(): Promise<void>;
  addExtension(rowTypeId: string): Promise<void>;
  dismiss(): void;
}

type Edits = Record<number, { added: TemplateColumn[]; removed: string[] }>;

/** State of the Templates screen for a loaded model. */
export function useTemplates(model: ModelApi, lang: Lang): TemplatesState {
  const { services, strings } = usePane();
  const [datasetClass, setClass] = useState<DatasetClass>("occurrence");
  const [preset, setPresetRaw] = useState<Preset>("minimal");
  const [edits, setEdits] = useState<Edits>({});
  const [target, setTarget] = useState(0);
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<TemplatesFeedback | undefined>(undefined);
  const [confirmCore, setConfirmCore] = useState<string[] | undefined>(undefined);

  const base = useMemo(() => model.buildTemplate(datasetClass, preset), [model, datasetClass, preset]);
  const sheets = useMemo(
    () =>
      base.map((sheet, i) => {
        const e = edits[i];
        if (!e) return sheet;
        const columns = [...sheet.columns, ...e.added].filter((c) => !e.removed.includes(c.term));
        return { ...sheet, columns };
      }),
    [base, edits]
  );

  const reset = (): void => {
    setEdits({});
    setTarget(0);
    setFeedback(undefined);
  };

  const act = async (action: TemplatesAction, fn: () => Promise<Omit<TemplatesFeedback, "action">>): Promise<void> => {
    setBusy(true);
    setFeedback(undefined);
    try {
      setFeedback({ action, ...(await fn()) });
    } catch (e) {
      setFeedback({ action, intent: "error", text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const insertNow = (): Promise<void> =>
    act("insert", async () => {
      const r = await services.insertTemplate(sheets, lang);
      return { intent: "success", text: strings.inserted(r.sheets.join(", ")) };
    });

  const insert = async (): Promise<void> => {
    setConfirmCore(undefined);
    if (sheets.some((sheet) => sheet.role.kind === "core")) {
      setBusy(true);
      let cores: string[] = [];
      try {
        cores = (await services.listDatasetSheets()).filter((d) => d.role.kind === "core").map((d) => d.name);
      } catch (e) {
        // Not knowing the sheets is no reason to refuse: the validation reports a second core anyway.
        console.warn(`Templates: could not list the sheets: ${errorMessage(e)}`);
      } finally {
        setBusy(false);
      }
      if (cores.length > 0) {
        setFeedback(undefined);
        setConfirmCore(cores);
        return;
      }
    }
    await insertNow();
  };

  const addColumn = useCallback((sheetIndex: number, column: TemplateColumn) => {
    setEdits((e) => {
      const cur = e[sheetIndex] ?? { added: [], removed: [] };
      return {
        ...e,
        [sheetIndex]: {
          added: cur.added.some((c) => c.term === column.term) ? cur.added : [...cur.added, column],
          removed: cur.removed.filter((t) => t !== column.term),
        },
      };
    });
  }, []);

  const removeColumn = useCallback((sheetIndex: number, term: string) => {
    setEdits((e) => {
      const cur = e[sheetIndex] ?? { added: [], removed: [] };
      return {
        ...e,
        [sheetIndex]: { added: cur.added.filter((c) => c.term !== term), removed: [...cur.removed, term] },
      };
    });
  }, []);

  return {
    datasetClass,
    preset,
    sheets,
    target,
    busy,
    feedback,
    confirmCore,
    setDatasetClass: (c) => {
      setClass(c);
      reset();
    },
    setPreset: (p) => {
      setPresetRaw(p);
      reset();
    },
    setTarget,
    addColumn,
    removeColumn,
    insert,
    confirmInsert: async () => {
      setConfirmCore(undefined);
      await insertNow();
    },
    cancelInsert: () => setConfirmCore(undefined),
    formatActive: () =>
      act("format", async () => {
        const r = await services.formatActiveSheet(lang);
        // A sheet that is not Darwin Core is left alone: a refusal, not a success.
        return r.role
          ? { intent: "success", text: strings.formatted(r.sheet, r.formattedColumns) }
          : { intent: "warning", text: strings.notDwcSheet(r.sheet) };
      }),
    addExtension: (rowTypeId) =>
      act("extension", async () => {
        const r = await services.insertTemplate([model.extensionTemplate(rowTypeId, datasetClass)], lang);
        return { intent: "success", text: strings.inserted(r.sheets.join(", ")) };
      }),
    dismiss: () => setFeedback(undefined),
  };
}
