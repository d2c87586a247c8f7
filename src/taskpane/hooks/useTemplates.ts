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

export interface TemplatesState {
  datasetClass: DatasetClass;
  preset: Preset;
  /** The sheets as they will be inserted (preset plus added minus removed columns). */
  sheets: SheetTemplate[];
  /** Index of the sheet the term search adds to. */
  target: number;
  busy: boolean;
  message?: string;
  error?: string;
  setDatasetClass(c: DatasetClass): void;
  setPreset(p: Preset): void;
  setTarget(i: number): void;
  addColumn(sheetIndex: number, column: TemplateColumn): void;
  removeColumn(sheetIndex: number, term: string): void;
  insert(): Promise<void>;
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
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

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
    setMessage(undefined);
  };

  const act = async (fn: () => Promise<string>): Promise<void> => {
    setBusy(true);
    setMessage(undefined);
    setError(undefined);
    try {
      setMessage(await fn());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
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
    message,
    error,
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
    insert: () =>
      act(async () => {
        const r = await services.insertTemplate(sheets, lang);
        return strings.inserted(r.sheets.join(", "));
      }),
    formatActive: () =>
      act(async () => {
        const r = await services.formatActiveSheet(lang);
        return r.role ? strings.formatted(r.sheet, r.formattedColumns) : strings.notDwcSheet(r.sheet);
      }),
    addExtension: (rowTypeId) =>
      act(async () => {
        const r = await services.insertTemplate([model.extensionTemplate(rowTypeId, datasetClass)], lang);
        return strings.inserted(r.sheets.join(", "));
      }),
    dismiss: () => {
      setMessage(undefined);
      setError(undefined);
    },
  };
}
