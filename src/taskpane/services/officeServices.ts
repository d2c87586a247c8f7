/**
 * The real `AddinServices`: the Excel adapter (`src/excel`), the Darwin Core model, the validation engine, the
 * metadata model and the archive writer. The adapter and the model are imported lazily (their own chunks), so the
 * pane's first script stays small; conversion and compression run in the export worker.
 */
import type { ExportProgress } from "../../archive/export";
import type { Lang, SheetTemplate } from "../../dwc/types";
import { exportPackageId } from "../../metadata/packageId";
import type { DatasetMetadata } from "../../metadata/types";
import { buildArchive } from "../export/buildArchive";
import { asModelApi, type ModelApi } from "../model";
import { readArchiveForImport } from "../import/readArchive";
import type {
  AddinServices,
  ExportDone,
  ExportOutcome,
  FormatResult,
  ImportOutcome,
  InsertResult,
  NewPackageId,
  Progress,
  StandardiseStart,
  TaskOptions,
} from "../services";
import { firstValues } from "./standardiseTools";

const excel = () => import(/* webpackChunkName: "excel" */ "../../excel");
const model = (): Promise<ModelApi> => import(/* webpackChunkName: "model" */ "../../dwc").then(asModelApi);
const standardise = () => import(/* webpackChunkName: "excel" */ "../../standardise");
const archiveTools = () => import(/* webpackChunkName: "archive-tools" */ "./archiveTools");
const overviewReader = () => import(/* webpackChunkName: "overview" */ "../overview/read");
const geometry = () => import("../../validate/bdq/geometry");

const abortError = (): Error => Object.assign(new Error("Cancelled"), { name: "AbortError" });

/** Today as `YYYY-MM-DD` (UTC). */
const today = (): string => new Date().toISOString().slice(0, 10);

/** A random RFC 4122 UUID (crypto.randomUUID where it exists). */
function uuid(): string {
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

type ExcelAdapter = Awaited<ReturnType<typeof excel>>;

/**
 * Keeps a packageId the export made in the Metadata sheet. A stored sheet gets only its packageId changed (the
 * pane's unsaved edits stay unsaved), unless it holds entries the reader reported as problems: rewriting it from the
 * model would drop them, so it is left alone. Without a sheet, the exported metadata create it.
 */
async function savePackageId(x: ExcelAdapter, packageId: string, exported: DatasetMetadata, lang: Lang): Promise<NewPackageId> {
  try {
    const stored = await x.readMetadataSheet();
    if (stored && stored.problems.length > 0) return { saved: false, reason: "sheetProblems" };
    await x.writeMetadataSheet({ ...(stored?.meta ?? exported), packageId }, lang);
    return { saved: true };
  } catch (e) {
    return { saved: false, reason: "error", message: e instanceof Error ? e.message : String(e) };
  }
}

/** Export progress from the archive writer (which validates as it converts) as the pane's Progress. */
function exportProgress(p: ExportProgress): Progress {
  return { phase: "convert", done: p.rowsDone, total: p.rowsTotal ?? 0, sheet: p.sheet };
}

/** Options of `createOfficeServices`. */
export interface OfficeServicesOptions {
  /** URL of the export worker script (default: `export-worker.js` beside the page). */
  workerUrl?: string;
  /** URL of the import worker script (default: `import-worker.js` beside the page). */
  importWorkerUrl?: string;
}

/** Creates the services backed by Office.js. */
export function createOfficeServices(options: OfficeServicesOptions = {}): AddinServices {
  const validate = async (o: TaskOptions) => {
    const x = await excel();
    const issues = await x.validateWorkbook(
      (p) => o.onProgress({ phase: "validate", done: p.rowsDone, total: p.rowsTotal, sheet: p.sheet }),
      o.signal
    );
    if (o.signal.aborted) throw abortError();
    return issues;
  };

  return {
    loadModel: model,

    async insertTemplate(templates: SheetTemplate[], lang: Lang): Promise<InsertResult> {
      const x = await excel();
      const sheets = await x.excelWorkbook.writeTemplate(templates, lang);
      return { sheets: sheets.map((s) => s.name) };
    },

    async formatActiveSheet(lang: Lang): Promise<FormatResult> {
      const x = await excel();
      const sel = await x.readSelection();
      if (!sel) throw new Error("No worksheet is active.");
      if (!sel.role) return { sheet: sel.sheet, formattedColumns: 0 };
      const r = await x.formatExistingSheet(sel.sheet, sel.role, lang);
      return { sheet: r.name, role: sel.role, formattedColumns: r.formatted.length };
    },

    async watchSelection(listener) {
      const x = await excel();
      const toContext = (s: Awaited<ReturnType<typeof x.readSelection>>) =>
        s && { sheet: s.sheet, row: s.row, column: s.column, header: s.header, role: s.role };
      const stop = await x.watchSelection(
        (s) => listener(toContext(s)),
        (e) => console.warn(`Term help: could not read the selection: ${e instanceof Error ? e.message : String(e)}`)
      );
      listener(toContext(await x.readSelection()));
      return stop;
    },

    validateWorkbook: validate,

    async validateSheet(sheet, o) {
      const x = await excel();
      const issues = await x.validateSheet(
        sheet,
        (p) => o.onProgress({ phase: "validate", done: p.rowsDone, total: p.rowsTotal, sheet: p.sheet }),
        o.signal
      );
      if (o.signal.aborted) throw abortError();
      return issues;
    },

    async watchIssues(listener) {
      const x = await excel();
      const unsubscribe = x.subscribeIssues((issues) => listener([...issues]));
      try {
        const live = await x.startLiveValidation({
          onError: (e) => console.warn(`Live validation: ${e instanceof Error ? e.message : String(e)}`),
        });
        return async () => {
          unsubscribe();
          await live.stop();
        };
      } catch (e) {
        unsubscribe();
        throw e;
      }
    },

    async selectCell(sheet, row, column) {
      const x = await excel();
      await x.selectCell(sheet, row, column);
    },

    async applyChanges(changes) {
      const x = await excel();
      const r = await x.applyFix({ label: { en: "Fix", ru: "Исправление" }, changes });
      return { applied: r.applied, outOfDate: r.outOfDate };
    },

    async removeMarks() {
      const x = await excel();
      await x.clearValidationMarks();
    },

    async writeReport(name, header, rows) {
      const x = await excel();
      return (await x.excelWorkbook.writeSheet(name, header, rows)).name;
    },

    async listDatasetSheets() {
      const x = await excel();
      const { datasets } = await x.listWorkbookSheets();
      return datasets.map((d) => ({ name: d.name, role: d.role, records: Math.max(0, d.rowCount - 1) }));
    },

    async loadMetadata() {
      const x = await excel();
      return (await x.readMetadataSheet())?.meta;
    },

    async saveMetadata(metadata, lang) {
      const x = await excel();
      await x.writeMetadataSheet(metadata, lang);
    },

    async deriveCoverage(o, lang) {
      const [x, tools] = await Promise.all([excel(), archiveTools()]);
      const sources = await x.excelWorkbook.collectSources({ signal: o.signal });
      return tools.coverageOf(sources, lang, o);
    },

    async exportArchive(metadata: DatasetMetadata, o: TaskOptions, lang: Lang): Promise<ExportOutcome> {
      const [x, tools] = await Promise.all([excel(), archiveTools()]);
      // Listing the sheets is one round trip; their rows are read only when the worker asks for them.
      const sources = await x.excelWorkbook.collectSources({ signal: o.signal });
      let meta = tools.withDatasetType(metadata, sources.sheets);
      if (meta.packageId.trim() === "") {
        // The pane's copy may predate an id written to the sheet since (another export, the user): use the sheet's.
        const stored = (await x.readMetadataSheet())?.meta.packageId ?? "";
        meta = { ...meta, packageId: stored };
      }
      const { packageId, created } = exportPackageId(meta, uuid);

      // One pass: the worker runs the core's exportDataset, validating every chunk as it converts it (no validation
      // before it, so each finding is found and counted once). With metadata missing it still reads the data, to
      // list every blocker at once, and builds nothing.
      o.onProgress({ phase: "read", done: 0, total: 0 });
      const job = {
        sheets: sources.sheets.map((s) => ({ name: s.name, role: s.role, headers: [...s.headers], rowCount: s.rowCount })),
        facts: sources.facts,
        metadata: meta,
        packageId,
        pubDate: today(),
        geography: true,
      };
      const result = await buildArchive(job, sources.sheets, {
        signal: o.signal,
        onProgress: (p) => o.onProgress(exportProgress(p)),
        workerUrl: options.workerUrl,
      });
      const metadataProblems = result.metadataProblems.filter((p) => p.severity === "error");
      if (!result.ok || result.checkOnly) return { kind: "blocked", summary: result.summary, metadataProblems };
      o.onProgress({ phase: "zip", done: 1, total: 1 });
      let handedOver: Promise<ExportDone> | undefined;
      const handOver = (): Promise<ExportDone> =>
        (handedOver ??= (async () => {
          const newPackageId = created ? await savePackageId(x, packageId, meta, lang) : undefined;
          return {
            kind: "done",
            packageId,
            newPackageId,
            fileName: tools.archiveFileName(meta.title),
            zip: result.zip,
            summary: result.summary,
          };
        })());
      if (result.summary.errorCount > 0) return { kind: "errors", summary: result.summary, proceed: handOver };
      return handOver();
    },

    async listStandardiseSheets() {
      const x = await excel();
      return x.listStandardiseCandidates();
    },

    async startStandardise(sheet, datasetClass): Promise<StandardiseStart> {
      const [x, core] = await Promise.all([excel(), standardise()]);
      const [{ table, proposal }, stored] = await Promise.all([x.proposeForSheet(sheet, datasetClass), x.loadSavedMappings()]);
      const saved = stored
        .map((m) => ({ ...m, recheck: core.recheckMapping(m.mapping, table.headers) }))
        .map((m, order) => ({ m, order, misfit: m.recheck.missing.length + m.recheck.unmapped.length }))
        .sort((a, b) => a.misfit - b.misfit || a.order - b.order)
        .map(({ m }) => m);
      return { sheet: table.sheet, headers: table.headers, records: table.records, samples: firstValues(table.rows, table.headers.length, 3), proposal, saved };
    },

    async readMapping(json, headers) {
      const core = await standardise();
      let parsed: unknown;
      try {
        parsed = JSON.parse(json.replace(/^\uFEFF/, ""));
      } catch (e) {
        throw new Error(`Not JSON: ${e instanceof Error ? e.message : String(e)}`);
      }
      const mapping = core.parseSavedMapping(parsed);
      return { mapping, recheck: core.recheckMapping(mapping, headers) };
    },

    async applyStandardise(sheet, mapping, lang, o) {
      const x = await excel();
      o.onProgress({ phase: "read", done: 0, total: 0, sheet });
      const r = await x.standardiseSheet(sheet, mapping, lang, { signal: o.signal });
      if (o.signal.aborted) throw abortError();
      await x.saveMapping(r.source, mapping, new Date().toISOString());
      return { sheet: r.sheet, source: r.source, rows: r.rows, columns: r.headers.length, summary: r.summary };
    },

    async readOverview(o, lang) {
      const [x, reader] = await Promise.all([excel(), overviewReader()]);
      const workbook = await x.listWorkbookSheets();
      return reader.readOverview(workbook, (sheet, columns) => x.columnChunks(sheet, columns, { signal: o.signal }), o, lang);
    },

    async loadBasemap() {
      const g = await geometry();
      await g.loadBdqGeometry();
      return g.countryOutlines();
    },

    async selectRows(sheet, rows) {
      const x = await excel();
      return x.selectRows(sheet, rows);
    },

    async openMapDialog(messages, onMessage) {
      const x = await excel();
      return x.openDialog(messages, onMessage);
    },

    async loadGeography() {
      // Through the adapter: the boundaries go into the same module instance its validator reads.
      const x = await excel();
      await x.loadGeography();
    },

    async readGeorefSelection() {
      const x = await excel();
      return x.readGeorefSelection();
    },

    async writeGeoref(request) {
      const x = await excel();
      return x.writeGeoref(request);
    },

    async importArchive(bytes, o, lang, choice): Promise<ImportOutcome> {
      const x = await excel();
      o.onProgress({ phase: "open", done: 0, total: 0 });
      const archive = await readArchiveForImport(bytes, { signal: o.signal, workerUrl: options.importWorkerUrl });
      try {
        const { head } = archive;
        // The Metadata sheet: a filled one is replaced or kept only as the user says; an archive without eml.xml
        // never replaces one (it would only bring the dataset type).
        let metadata: DatasetMetadata | undefined = head.metadata;
        let kept = choice === "keep";
        if (choice === undefined) {
          const state = await x.metadataSheetState();
          if (state === "filled" && head.metadataRead) return { kind: "metadataExists" };
          if (state === "filled") kept = true;
        }
        if (kept) metadata = undefined;
        const result = await x.importSheets(
          head.sheets.map((s, i) => ({ name: s.name, headers: s.headers, role: s.role, records: s.records, rows: archive.rows(i) })),
          {
            lang,
            signal: o.signal,
            metadata,
            replaceMetadata: choice === "replace",
            onProgress: (done, total, sheet) => o.onProgress({ phase: "import", done, total, sheet }),
          }
        );
        return {
          kind: "done",
          sheets: result.sheets.map((s, i) => ({
            name: s.name,
            location: head.sheets[i].location,
            records: s.records,
            columns: head.sheets[i].headers.length,
            registered: s.role !== undefined,
            remarks: head.sheets[i].remarks,
          })),
          metadata: result.metadata === "untouched" ? "kept" : result.metadata,
          packageId: head.metadata.packageId,
          metadataRead: head.metadataRead,
          notes: head.notes,
        };
      } catch (e) {
        if (o.signal.aborted || (e as { code?: string }).code === "CANCELLED") throw abortError();
        throw e;
      } finally {
        archive.close();
      }
    },
  };
}
