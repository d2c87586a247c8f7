/**
 * The pane's side of the export: feeds sheet chunks to the export worker on request and returns the result.
 * Falls back to building in this thread where `Worker` does not exist (jsdom tests).
 */
import type { DatasetExportResult } from "../../archive/dataset-export";
import type { ExportProgress } from "../../archive/export";
import type { RowChunk } from "../../dwc/table";
import type { ArchiveJob, FromWorker, ToWorker } from "./protocol";

/** The rows of a sheet to export, parallel to `ArchiveJob.sheets` (rows 2.. as chunks, read lazily from Excel). */
export interface SheetInput {
  rows: AsyncIterable<RowChunk>;
}

/** Options of `buildArchive`. */
export interface BuildOptions {
  signal: AbortSignal;
  onProgress: (p: ExportProgress) => void;
  /** URL of the worker script; default `export-worker.js` beside the page. */
  workerUrl?: string;
}

const abortError = (): Error => Object.assign(new Error("Export cancelled"), { name: "AbortError" });

/** Builds the archive of `job` from `sheets` in a Web Worker (or in this thread without Worker support). */
export async function buildArchive(job: ArchiveJob, sheets: SheetInput[], options: BuildOptions): Promise<DatasetExportResult> {
  const iterators = sheets.map((s) => s.rows[Symbol.asyncIterator]());
  const next = async (sheet: number): Promise<RowChunk | null> => {
    if (options.signal.aborted) return null;
    const r = await iterators[sheet].next();
    return r.done ? null : r.value;
  };
  if (typeof Worker === "undefined") {
    const { runArchiveJob } = await import(/* webpackChunkName: "archive" */ "./pipeline");
    const result = await runArchiveJob(job, next, options.signal, options.onProgress);
    if (result.cancelled) throw abortError();
    return result;
  }
  const url = options.workerUrl ?? new URL("export-worker.js", document.baseURI).href;
  const worker = new Worker(url);
  const send = (m: ToWorker): void => worker.postMessage(m);
  try {
    return await new Promise<DatasetExportResult>((resolve, reject) => {
      const onAbort = (): void => {
        send({ type: "cancel" });
        reject(abortError());
      };
      options.signal.addEventListener("abort", onAbort, { once: true });
      worker.onerror = (e) => reject(new Error(`Export worker failed: ${e.message || "could not load " + url}`));
      worker.onmessage = (e: MessageEvent<FromWorker>) => {
        const m = e.data;
        if (m.type === "pull") {
          next(m.sheet).then(
            (chunk) => send({ type: "chunk", sheet: m.sheet, chunk }),
            (err: unknown) => {
              send({ type: "cancel" });
              reject(err);
            }
          );
        } else if (m.type === "progress") {
          options.onProgress(m.progress);
        } else if (m.type === "done") {
          options.signal.removeEventListener("abort", onAbort);
          if (m.result.cancelled) reject(abortError());
          else resolve(m.result);
        } else if (m.type === "error") {
          options.signal.removeEventListener("abort", onAbort);
          reject(new Error(`Export failed: ${m.message}`));
        }
      };
      send({ type: "start", job });
    });
  } finally {
    worker.terminate();
    await Promise.all(iterators.map((it) => it.return?.().catch(() => undefined)));
  }
}
