/**
 * The export worker (dist/export-worker.js): converts and compresses off the task pane's thread, so that a big
 * workbook never blocks Excel (which restarts add-ins that block for 5 s).
 */
import type { RowChunk } from "../../dwc/table";
import { runArchiveJob } from "./pipeline";
import type { FromWorker, ToWorker } from "./protocol";

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
};

const waiting = new Map<number, (chunk: RowChunk | null) => void>();
const cancelled = { aborted: false };

const post = (m: FromWorker, transfer?: Transferable[]): void => scope.postMessage(m, transfer);

scope.onmessage = (e) => {
  const m = e.data;
  if (m.type === "cancel") {
    cancelled.aborted = true;
    for (const [sheet, resolve] of waiting) {
      waiting.delete(sheet);
      resolve(null);
    }
  } else if (m.type === "chunk") {
    const resolve = waiting.get(m.sheet);
    waiting.delete(m.sheet);
    resolve?.(m.chunk);
  } else if (m.type === "start") {
    const pull = (sheet: number): Promise<RowChunk | null> =>
      new Promise((resolve) => {
        if (cancelled.aborted) return resolve(null);
        waiting.set(sheet, resolve);
        post({ type: "pull", sheet });
      });
    runArchiveJob(m.job, pull, cancelled, (progress) => post({ type: "progress", progress })).then(
      (result) => post({ type: "done", result }, result.zip.map((z) => z.buffer as ArrayBuffer)),
      (err: unknown) => post({ type: "error", message: err instanceof Error ? err.message : String(err) })
    );
  }
};
