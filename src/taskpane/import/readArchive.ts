/**
 * The pane's side of reading an archive for import: hands the zip to the import worker, returns the head and the
 * sheets' rows as async iterables of blocks (each block asked for when the previous one is written). Falls back to
 * reading in this thread where `Worker` does not exist (jsdom tests).
 */
import type { FromImportWorker, ImportHead, ToImportWorker } from "./protocol";

/** An archive being read: its head, each sheet's rows, and `close` to stop the worker. */
export interface OpenedArchive {
  head: ImportHead;
  /** Rows of sheet `sheet` (index in `head.sheets`) in blocks; iterate each sheet once, in any order. */
  rows(sheet: number): AsyncIterable<string[][]>;
  close(): void;
}

/** The archive cannot be read: `code` is the archive reader's (`NOT_A_ZIP`, `MISSING_FILE`…), when it has one. */
export class ArchiveReadError extends Error {
  constructor(
    message: string,
    readonly code?: string
  ) {
    super(message);
    this.name = "ArchiveReadError";
  }
}

/** Options of {@link readArchiveForImport}. */
export interface ReadOptions {
  signal?: AbortSignal;
  /** URL of the worker script; default `import-worker.js` beside the page. */
  workerUrl?: string;
}

const abortError = (): Error => Object.assign(new Error("Import cancelled"), { name: "AbortError" });

async function inThread(bytes: Uint8Array): Promise<OpenedArchive> {
  const [{ openForImport }, { ArchiveError }] = await Promise.all([
    import(/* webpackChunkName: "archive-import" */ "./pipeline"),
    import(/* webpackChunkName: "archive-import" */ "../../archive/errors"),
  ]);
  let archive: ReturnType<typeof openForImport>;
  try {
    archive = openForImport(bytes);
  } catch (e) {
    if (e instanceof ArchiveError) throw new ArchiveReadError(e.message, e.code);
    throw e;
  }
  return {
    head: archive.head,
    rows: (sheet) => ({
      async *[Symbol.asyncIterator]() {
        for (let block = archive.next(sheet); block; block = archive.next(sheet)) yield block;
      },
    }),
    close: () => undefined,
  };
}

/**
 * Reads the archive's head in a Web Worker (or in this thread without Worker support).
 *
 * @throws ArchiveReadError when the bytes are not a readable archive; an AbortError when `signal` aborts.
 */
export async function readArchiveForImport(bytes: Uint8Array, options: ReadOptions = {}): Promise<OpenedArchive> {
  if (options.signal?.aborted) throw abortError();
  if (typeof Worker === "undefined") return inThread(bytes);
  const url = options.workerUrl ?? new URL("import-worker.js", document.baseURI).href;
  const worker = new Worker(url);
  const send = (m: ToImportWorker): void => worker.postMessage(m);
  // One answer awaited at a time: the head, then each pulled block.
  let waiting: { resolve: (m: FromImportWorker) => void; reject: (e: Error) => void } | undefined;
  let failed: Error | undefined;
  const fail = (e: Error): void => {
    failed ??= e;
    waiting?.reject(e);
    waiting = undefined;
  };
  worker.onmessage = (e: MessageEvent<FromImportWorker>) => {
    const m = e.data;
    if (m.type === "error") fail(new ArchiveReadError(m.message, m.code));
    else {
      waiting?.resolve(m);
      waiting = undefined;
    }
  };
  worker.onerror = (e) => fail(new Error(`Import worker failed: ${e.message || "could not load " + url}`));
  const onAbort = (): void => fail(abortError());
  options.signal?.addEventListener("abort", onAbort, { once: true });
  const ask = (m: ToImportWorker): Promise<FromImportWorker> =>
    new Promise((resolve, reject) => {
      if (failed) return reject(failed);
      waiting = { resolve, reject };
      send(m);
    });
  const close = (): void => {
    options.signal?.removeEventListener("abort", onAbort);
    worker.terminate();
  };
  try {
    // A copy goes to the worker (no transfer): the caller may read the same bytes again (Replace/Keep answer).
    const first = await ask({ type: "open", bytes });
    if (first.type !== "head") throw new Error("Import worker: expected the archive's head");
    return {
      head: first.head,
      rows: (sheet) => ({
        async *[Symbol.asyncIterator]() {
          for (;;) {
            const m = await ask({ type: "pull", sheet });
            if (m.type !== "rows" || m.sheet !== sheet) throw new Error("Import worker: unexpected answer");
            if (m.done) return;
            yield m.rows;
          }
        },
      }),
      close,
    };
  } catch (e) {
    close();
    throw e;
  }
}
