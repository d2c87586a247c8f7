/**
 * Running the export in a Web Worker, so that converting and compressing a large workbook never blocks the
 * task pane (Excel restarts an add-in that blocks for 5 s). Everything here is plain data and functions; the
 * worker file itself (taskpane) only wires `self`:
 *
 * @example
 * // export.worker.ts (in src/taskpane)
 * const onMessage = createExportWorker((message, transfer) => self.postMessage(message, transfer));
 * self.onmessage = (event) => onMessage(event.data);
 *
 * The page sends `start`, then the rows of each sheet in `exportOrder` (core first), each sheet closed by `end`;
 * it should wait for the worker's `taken` before sending more than a couple of chunks ahead. The worker answers
 * with `progress`, `taken`, and finally `done` (zip chunks transferred, not copied) or `failed`.
 */
import type { RowChunk, WorkbookFacts } from "../dwc/table";
import type { SheetRole } from "../dwc/types";
import type { ChunkQueue } from "./chunk-queue";
import { createChunkQueue } from "./chunk-queue";
import { ArchiveError } from "./errors";
import type { ExportProgress, ExportSummary, SheetSource } from "./export";
import { exportArchive } from "./export";

/** A sheet as announced in `start` (its rows follow in `chunk` messages). */
export interface SheetAnnouncement {
  name: string;
  role: SheetRole;
  headers: string[];
  rowCount?: number;
}

/** Messages from the page to the worker. */
export type ToExportWorker =
  | { type: "start"; sheets: SheetAnnouncement[]; facts: WorkbookFacts; emlXml: string; validate?: boolean }
  | { type: "chunk"; sheet: string; chunk: RowChunk }
  | { type: "end"; sheet: string }
  | { type: "cancel" };

/** Messages from the worker to the page. */
export type FromExportWorker =
  | { type: "progress"; progress: ExportProgress }
  | { type: "taken"; sheet: string; startRow: number }
  | { type: "done"; ok: boolean; cancelled: boolean; zip: Uint8Array[]; summary: ExportSummary }
  | { type: "failed"; code: string; message: string };

/** The order in which `exportArchive` reads sheets, and the page must send them: the core first, then the rest. */
export function exportOrder<T extends { role: SheetRole }>(sheets: readonly T[]): T[] {
  return [...sheets.filter((s) => s.role.kind === "core"), ...sheets.filter((s) => s.role.kind !== "core")];
}

/**
 * Creates the worker side of the protocol.
 * @param post sends a message to the page; `transfer` lists the buffers to move rather than copy.
 * @returns the handler for messages from the page.
 */
export function createExportWorker(
  post: (message: FromExportWorker, transfer: ArrayBuffer[]) => void
): (message: ToExportWorker) => void {
  let queues: Map<string, ChunkQueue<RowChunk>> | undefined;
  /** After `done` or `failed`, rows still in flight from the page are dropped (the export no longer reads). */
  let finished = false;
  const signal = { aborted: false };
  const fail = (error: unknown): void => {
    finished = true;
    const code = error instanceof ArchiveError ? error.code : "INTERNAL";
    post({ type: "failed", code, message: error instanceof Error ? error.message : String(error) }, []);
  };
  return (message) => {
    switch (message.type) {
      case "start": {
        if (queues) return fail(new ArchiveError("WRITER_STATE", "an export is already running", ["worker"]));
        const started = new Map<string, ChunkQueue<RowChunk>>();
        queues = started;
        const sheets: SheetSource[] = message.sheets.map((sheet) => {
          const queue = createChunkQueue<RowChunk>((chunk) =>
            post({ type: "taken", sheet: sheet.name, startRow: chunk.startRow }, [])
          );
          started.set(sheet.name, queue);
          return { name: sheet.name, role: sheet.role, headers: sheet.headers, rows: queue.iterable, rowCount: sheet.rowCount };
        });
        exportArchive({
          sheets,
          facts: message.facts,
          emlXml: message.emlXml,
          signal,
          onProgress: (progress) => post({ type: "progress", progress }, []),
          ...(message.validate === false ? { validation: false as const } : {}),
        }).then(
          (result) => {
            finished = true;
            const transfer = [...new Set(result.zip.map((c) => c.buffer as ArrayBuffer))];
            post({ type: "done", ok: result.ok, cancelled: result.cancelled, zip: result.zip, summary: result.summary }, transfer);
          },
          fail
        );
        return;
      }
      case "chunk":
      case "end": {
        if (finished) return;
        const queue = queues?.get(message.sheet);
        if (!queue) return fail(new ArchiveError("WRITER_STATE", "rows for a sheet that was not announced", ["worker", message.sheet]));
        if (message.type === "chunk") queue.push(message.chunk);
        else queue.end();
        return;
      }
      case "cancel":
        signal.aborted = true;
        // Wake a consumer waiting for rows so that it sees the cancellation.
        for (const queue of queues?.values() ?? []) queue.end();
        return;
    }
  };
}
