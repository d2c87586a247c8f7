/**
 * A fake `AddinServices` for component tests: the real Darwin Core model, scripted answers for Excel, and a log
 * of every call so tests can assert what the pane asked for.
 */
import type { Issue } from "../../src/validate/types";
import type {
  AddinServices,
  DatasetSheetInfo,
  ExportOutcome,
  GeorefSelection,
  GeorefWriteResult,
  ImportOutcome,
  SelectionContext,
  TaskOptions,
} from "../../src/taskpane/services";
import { asModelApi } from "../../src/taskpane/model";
import type { Coverage, DatasetMetadata } from "../../src/metadata/types";
import { applyMapping, parseSavedMapping, proposeMapping, recheckMapping, type SavedMapping } from "../../src/standardise";
import { buildTemplate } from "../../src/dwc";
import { firstValues } from "../../src/taskpane/services/standardiseTools";

/** A plain sheet of the fake workbook, for standardisation: headers and rows of text. */
export interface FakeTable {
  headers: string[];
  rows: string[][];
}
import type { OverviewData } from "../../src/taskpane/overview/read";
import type { Outline } from "../../src/taskpane/overview/projection";

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
  /**
   * The selected rows readGeorefSelection reports; writeGeoref writes into them as the adapter does (empty cells,
   * or cells still holding what the user saw when replacing; missing columns only when allowed).
   */
  georef?: GeorefSelection;
  /** Plain (non Darwin Core) sheets by name, for "Standardise this sheet". */
  tables: Record<string, FakeTable>;
  /** The active sheet's name. */
  activeSheet?: string;
  /** Mappings saved in the workbook, newest first. */
  savedMappings: { name: string; savedAt: string; mapping: SavedMapping }[];
  /** Sheets written by applyStandardise: name -> headers and rows. */
  written: Record<string, FakeTable>;
  /** What readOverview returns (empty sheets when unset). */
  overview?: OverviewData;
  /** What loadBasemap returns (no outlines when unset). */
  outlines?: Outline[];
  /**
   * What importArchive answers: a function of the Metadata choice (undefined on the first call). With `hang`, it
   * reports progress and waits until cancelled.
   */
  importOutcome?: (choice: "replace" | "keep" | undefined) => ImportOutcome;
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
    tables: {},
    savedMappings: [],
    written: {},
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
    async readGeorefSelection() {
      f.calls.push({ method: "readGeorefSelection", args: [] });
      if (f.failWith) throw f.failWith;
      return f.georef && { ...f.georef, rows: f.georef.rows.map((r) => ({ row: r.row, cells: { ...r.cells } })) };
    },
    async writeGeoref(request) {
      f.calls.push({ method: "writeGeoref", args: [request] });
      const sel = f.georef;
      if (!sel || sel.sheet !== request.sheet) throw new Error(`no sheet named "${request.sheet}"`);
      const result: GeorefWriteResult = { written: 0, rows: 0, replaced: [], skipped: [], addedColumns: [], missingColumns: [] };
      const missing = new Set(sel.missingColumns);
      for (const term of new Set(request.cells.map((c) => c.term))) {
        if (!missing.has(term)) continue;
        if (request.addColumns) result.addedColumns.push(term);
        else result.missingColumns.push(term);
      }
      if (request.addColumns) sel.missingColumns = sel.missingColumns.filter((t) => !result.addedColumns.includes(t));
      const rows = new Set<number>();
      for (const c of request.cells) {
        if (result.missingColumns.includes(c.term)) continue;
        let row = sel.rows.find((r) => r.row === c.row);
        if (!row) sel.rows.push((row = { row: c.row, cells: {} }));
        const there = row.cells[c.term] ?? "";
        if (there !== "" && !(request.replace && there === c.expected)) {
          if (there !== c.value) result.skipped.push({ row: c.row, term: c.term, current: there });
          continue;
        }
        if (there !== "") result.replaced.push({ row: c.row, term: c.term, from: there, to: c.value });
        row.cells = { ...row.cells, [c.term]: c.value };
        result.written++;
        rows.add(c.row);
      }
      result.rows = rows.size;
      return result;
    },
    async listStandardiseSheets() {
      f.calls.push({ method: "listStandardiseSheets", args: [] });
      const sheets = Object.entries(f.tables).map(([name, t]) => ({ name, columns: t.headers.length, records: t.rows.length }));
      return { sheets, active: f.activeSheet && f.tables[f.activeSheet] ? f.activeSheet : undefined };
    },
    async startStandardise(sheet, datasetClass) {
      f.calls.push({ method: "startStandardise", args: [sheet, datasetClass] });
      const t = f.tables[sheet];
      if (!t) throw new Error(`There is no sheet named "${sheet}"`);
      const saved = f.savedMappings.map((m) => ({ ...m, recheck: recheckMapping(m.mapping, t.headers) }));
      return {
        sheet,
        headers: t.headers,
        records: t.rows.length,
        samples: firstValues(t.rows, t.headers.length, 3),
        proposal: proposeMapping(t.headers, t.rows.slice(0, 500), datasetClass),
        saved,
      };
    },
    async readMapping(json, headers) {
      f.calls.push({ method: "readMapping", args: [json, headers] });
      const mapping = parseSavedMapping(JSON.parse(json));
      return { mapping, recheck: recheckMapping(mapping, headers) };
    },
    async applyStandardise(sheet, mapping, lang, o) {
      f.calls.push({ method: "applyStandardise", args: [sheet, mapping, lang] });
      if (f.failWith) throw f.failWith;
      o.onProgress({ phase: "read", done: 0, total: 0, sheet });
      const t = f.tables[sheet];
      const result = applyMapping(mapping, t.headers, t.rows);
      const title = buildTemplate(mapping.datasetClass, "minimal")[0].title[lang];
      let name = title;
      for (let n = 2; f.tables[name] || f.written[name]; n++) name = `${title} (${n})`;
      f.written[name] = { headers: result.headers, rows: result.rows };
      f.savedMappings = [{ name: sheet, savedAt: "2024-05-01T00:00:00Z", mapping }, ...f.savedMappings.filter((m) => m.name !== sheet)];
      return { sheet: name, source: sheet, rows: result.rows.length, columns: result.headers.length, summary: result.summary };
    },
    async readOverview(o, lang) {
      f.calls.push({ method: "readOverview", args: [lang] });
      o.onProgress({ phase: "read", done: 1, total: 1 });
      return f.overview ?? { sheets: [] };
    },
    async loadBasemap() {
      f.calls.push({ method: "loadBasemap", args: [] });
      return f.outlines ?? [];
    },
    async selectRows(sheet, rows) {
      f.calls.push({ method: "selectRows", args: [sheet, [...rows]] });
      return rows.length;
    },
    async openMapDialog(messages) {
      f.calls.push({ method: "openMapDialog", args: [messages] });
      return () => f.calls.push({ method: "closeMapDialog", args: [] });
    },
    async importArchive(bytes, o, lang, choice) {
      f.calls.push({ method: "importArchive", args: [bytes, lang, choice] });
      if (f.hang) {
        o.onProgress({ phase: "import", done: 2000, total: 5000, sheet: "Occurrence" });
        return new Promise<never>((_, reject) =>
          o.signal.addEventListener("abort", () => reject(Object.assign(new Error("cancelled"), { name: "AbortError" })))
        );
      }
      if (f.failWith) throw f.failWith;
      if (!f.importOutcome) throw new Error("no import outcome scripted");
      return f.importOutcome(choice);
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
