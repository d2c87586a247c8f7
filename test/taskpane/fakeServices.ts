/**
 * A fake `AddinServices` for component tests: the real Darwin Core model, scripted answers for Excel, and a log
 * of every call so tests can assert what the pane asked for.
 */
import type { Issue } from "../../src/validate/types";
import type { AddinServices, DatasetSheetInfo, ExportOutcome, SelectionContext, TaskOptions } from "../../src/taskpane/services";
import { asModelApi } from "../../src/taskpane/model";
import type { Coverage, DatasetMetadata } from "../../src/metadata/types";

export interface FakeServices extends AddinServices {
  calls: { method: string; args: unknown[] }[];
  /** Sends a selection change to the pane's listener. */
  select(ctx: SelectionContext | undefined): void;
  /** Sends a live-validation update (after an edit) to the pane's listener. */
  liveUpdate(issues: Issue[]): void;
  issues: Issue[];
  /** The workbook's dataset sheets as listDatasetSheets reports them (insertTemplate adds to them). */
  sheets: DatasetSheetInfo[];
  outcome?: ExportOutcome;
  coverage?: Coverage;
  stored?: DatasetMetadata;
  /** When set, validateWorkbook waits until cancelled (to test Cancel). */
  hang: boolean;
  failWith?: Error;
  /** When set, loadGeography waits for this promise (to test what the pane shows meanwhile). */
  geography?: Promise<void>;
}

/** Resolves when the signal is aborted; rejects like Office.js code does on cancel. */
const untilAborted = (o: TaskOptions): Promise<never> =>
  new Promise((_, reject) => {
    o.onProgress({ phase: "read", done: 1, total: 4, sheet: "Occurrence" });
    o.signal.addEventListener("abort", () => reject(Object.assign(new Error("cancelled"), { name: "AbortError" })));
  });

export function fakeServices(): FakeServices {
  let listener: ((ctx: SelectionContext | undefined) => void) | undefined;
  let issuesListener: ((issues: Issue[]) => void) | undefined;
  const f: FakeServices = {
    calls: [],
    issues: [],
    sheets: [],
    hang: false,
    select(ctx) {
      listener?.(ctx);
    },
    liveUpdate(issues) {
      issuesListener?.(issues);
    },
    async watchIssues(l) {
      f.calls.push({ method: "watchIssues", args: [] });
      issuesListener = l;
      return async () => {
        f.calls.push({ method: "unwatchIssues", args: [] });
        issuesListener = undefined;
      };
    },
    loadModel: () => import("../../src/dwc").then(asModelApi),
    async insertTemplate(templates, lang) {
      f.calls.push({ method: "insertTemplate", args: [templates, lang] });
      if (f.failWith) throw f.failWith;
      const taken = new Set(f.sheets.map((s) => s.name));
      const names = templates.map((t) => {
        let name = t.title[lang];
        for (let n = 2; taken.has(name); n++) name = `${t.title[lang]} (${n})`;
        taken.add(name);
        f.sheets.push({ name, role: t.role, records: 0 });
        return name;
      });
      return { sheets: names };
    },
    async formatActiveSheet(lang) {
      f.calls.push({ method: "formatActiveSheet", args: [lang] });
      return { sheet: "Sheet1", formattedColumns: 3, role: { rowTypeId: "occurrence", kind: "core", datasetClass: "occurrence", idTerm: "occurrenceID" as never } };
    },
    async watchSelection(l) {
      f.calls.push({ method: "watchSelection", args: [] });
      listener = l;
      return async () => {
        f.calls.push({ method: "unwatchSelection", args: [] });
        listener = undefined;
      };
    },
    async validateWorkbook(o) {
      f.calls.push({ method: "validateWorkbook", args: [] });
      if (f.hang) return untilAborted(o);
      o.onProgress({ phase: "validate", done: 1, total: 1 });
      return f.issues;
    },
    async validateSheet(sheet, o) {
      f.calls.push({ method: "validateSheet", args: [sheet] });
      if (f.hang) return untilAborted(o);
      o.onProgress({ phase: "validate", done: 1, total: 1, sheet });
      return f.issues.filter((i) => i.sheet === sheet);
    },
    async selectCell(sheet, row, column) {
      f.calls.push({ method: "selectCell", args: [sheet, row, column] });
    },
    async applyChanges(changes) {
      f.calls.push({ method: "applyChanges", args: [changes] });
      return { applied: changes, outOfDate: [] };
    },
    async removeMarks() {
      f.calls.push({ method: "removeMarks", args: [] });
    },
    async writeReport(name, header, rows) {
      f.calls.push({ method: "writeReport", args: [name, header, rows] });
      return name;
    },
    async listDatasetSheets() {
      f.calls.push({ method: "listDatasetSheets", args: [] });
      return f.sheets;
    },
    async loadMetadata() {
      f.calls.push({ method: "loadMetadata", args: [] });
      return f.stored;
    },
    async saveMetadata(m, lang) {
      f.calls.push({ method: "saveMetadata", args: [m, lang] });
      f.stored = m;
    },
    async deriveCoverage(_o, lang) {
      f.calls.push({ method: "deriveCoverage", args: [lang] });
      if (!f.coverage) throw new Error("no coverage scripted");
      return f.coverage;
    },
    async loadGeography() {
      f.calls.push({ method: "loadGeography", args: [] });
      await f.geography;
    },
    async exportArchive(m, o, lang) {
      f.calls.push({ method: "exportArchive", args: [m, lang] });
      if (f.hang) return untilAborted(o);
      if (!f.outcome) throw new Error("no outcome scripted");
      return f.outcome;
    },
  };
  return f;
}

/** Calls of one method. */
export const callsOf = (f: FakeServices, method: string): unknown[][] => f.calls.filter((c) => c.method === method).map((c) => c.args);
