/**
 * The import worker (dist/import-worker.js): unzips, decodes and splits the archive off the task pane's thread, so
 * that a big archive never blocks Excel (which restarts add-ins that block for 5 s).
 */
import { ArchiveError } from "../../archive/errors";
import { openForImport, type ArchiveForImport } from "./pipeline";
import type { FromImportWorker, ToImportWorker } from "./protocol";

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ToImportWorker>) => void) | null;
  postMessage(message: FromImportWorker): void;
};

let archive: ArchiveForImport | undefined;

scope.onmessage = (e) => {
  const m = e.data;
  try {
    if (m.type === "open") {
      archive = openForImport(m.bytes);
      scope.postMessage({ type: "head", head: archive.head });
    } else if (m.type === "pull" && archive) {
      const rows = archive.next(m.sheet);
      scope.postMessage({ type: "rows", sheet: m.sheet, rows: rows ?? [], done: rows === undefined });
    }
  } catch (err) {
    scope.postMessage({
      type: "error",
      code: err instanceof ArchiveError ? err.code : undefined,
      message: err instanceof Error ? err.message : String(err),
    });
  }
};
