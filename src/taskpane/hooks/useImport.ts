/**
 * "Open a Darwin Core Archive…": reads the picked file's bytes, runs the import with progress and Cancel, asks
 * before replacing a Metadata sheet that holds entries, and keeps the result (sheets, notes) for the pane to show.
 */
import { useCallback, useRef, useState } from "react";
import { usePane } from "../context";
import { errorMessage } from "../errors";
import type { ImportOutcome, MetadataChoice } from "../services";
import { IMPORT_STRINGS } from "../strings/import";
import { useTask, type Task } from "./useTask";

/** A finished import, with the file it came from. */
export type ImportDone = Extract<ImportOutcome, { kind: "done" }> & { fileName: string };

export interface ImportState {
  task: Task;
  /** The last finished import (until the next one starts or it is dismissed). */
  result?: ImportDone;
  /** The "Replace the Metadata sheet?" question is open. */
  asking: boolean;
  /** Imports a picked file. */
  open(file: File): Promise<void>;
  /** Answers the question: replace, keep, or (undefined) import nothing. */
  answer(choice: MetadataChoice | undefined): Promise<void>;
  dismiss(): void;
}

/** Words for the archive reader's codes that mean "this is not an archive" (others keep the reader's message). */
function friendly(e: unknown, lang: "en" | "ru"): Error {
  const code = (e as { code?: string }).code;
  const s = IMPORT_STRINGS[lang];
  if (code === "NOT_A_ZIP") return new Error(s.notAZip);
  if (code === "NO_DATA_FILE") return new Error(s.notAnArchive);
  return e instanceof Error ? e : new Error(errorMessage(e));
}

/** State and actions of "Open a Darwin Core Archive…". */
export function useImport(onImported?: () => void): ImportState {
  const { services, lang } = usePane();
  const task = useTask();
  const { run, clearError } = task;
  const [result, setResult] = useState<ImportDone | undefined>(undefined);
  const [asking, setAsking] = useState(false);
  const pending = useRef<{ bytes: Uint8Array; fileName: string } | undefined>(undefined);

  const start = useCallback(
    async (bytes: Uint8Array, fileName: string, choice?: MetadataChoice) => {
      setResult(undefined);
      const outcome = await run(async (o) => {
        try {
          return await services.importArchive(bytes, o, lang, choice);
        } catch (e) {
          throw friendly(e, lang);
        }
      });
      if (!outcome) return;
      if (outcome.kind === "metadataExists") {
        pending.current = { bytes, fileName };
        setAsking(true);
        return;
      }
      pending.current = undefined;
      setResult({ ...outcome, fileName });
      onImported?.();
    },
    [services, lang, run, onImported]
  );

  const open = useCallback(
    async (file: File) => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      await start(bytes, file.name);
    },
    [start]
  );

  const answer = useCallback(
    async (choice: MetadataChoice | undefined) => {
      setAsking(false);
      const p = pending.current;
      pending.current = undefined;
      if (p && choice) await start(p.bytes, p.fileName, choice);
    },
    [start]
  );

  const dismiss = useCallback(() => {
    setResult(undefined);
    clearError();
  }, [clearError]);

  return { task, result, asking, open, answer, dismiss };
}
