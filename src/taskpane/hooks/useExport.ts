/** One-click export: validate, build the archive, hand it to the browser as a download. */
import { useCallback, useState } from "react";
import { usePane } from "../context";
import { downloadZip, toDataUrl } from "../export/download";
import type { DatasetMetadata } from "../../metadata/types";
import type { Issue } from "../../validate/types";
import { errorMessage } from "../errors";
import { cleanSteps } from "../metadata/form";
import type { ExportOutcome } from "../services";
import { useTask, type Task } from "./useTask";

export interface ExportState {
  outcome?: ExportOutcome;
  task: Task;
  /** Downloads cannot work here (Excel for Mac desktop). */
  downloadBlocked: boolean;
  copyMessage?: string;
  run(metadata: DatasetMetadata): Promise<ExportOutcome | undefined>;
  download(): void;
  copyDataUrl(): Promise<void>;
  /** Selects an issue's cell in Excel. */
  selectIssue(issue: Issue): Promise<void>;
  selectError?: string;
}

/**
 * State and actions of the Export screen. `onPackageId` receives the eml.xml packageId of a built archive when it
 * differs from the metadata's (made by this export, or found in the Metadata sheet), so the pane's copy of the
 * metadata takes it and a later Save keeps it.
 */
export function useExport(onPackageId?: (packageId: string) => void): ExportState {
  const { services, host, strings, lang } = usePane();
  const task = useTask();
  const [outcome, setOutcome] = useState<ExportOutcome | undefined>(undefined);
  const [copyMessage, setCopyMessage] = useState<string | undefined>(undefined);
  const [selectError, setSelectError] = useState<string | undefined>(undefined);
  const downloadBlocked = host.platform === "Mac";

  const run = useCallback(
    async (metadata: DatasetMetadata) => {
      setOutcome(undefined);
      setCopyMessage(undefined);
      const result = await task.run((o) => services.exportArchive(cleanSteps(metadata), o, lang));
      if (result) {
        setOutcome(result);
        if (result.kind === "done" && result.packageId !== metadata.packageId) onPackageId?.(result.packageId);
        if (result.kind === "done" && !downloadBlocked) downloadZip(result.zip, result.fileName);
      }
      return result;
    },
    [services, task, downloadBlocked, lang, onPackageId]
  );

  const download = useCallback(() => {
    if (outcome?.kind === "done") downloadZip(outcome.zip, outcome.fileName);
  }, [outcome]);

  const copyDataUrl = useCallback(async () => {
    if (outcome?.kind !== "done") return;
    try {
      await navigator.clipboard.writeText(toDataUrl(outcome.zip));
      setCopyMessage(strings.copied);
    } catch {
      setCopyMessage(strings.copyFailed);
    }
  }, [outcome, strings]);

  const selectIssue = useCallback(
    async (issue: Issue) => {
      setSelectError(undefined);
      try {
        await services.selectCell(issue.sheet, Math.max(issue.row, 1), Math.max(issue.column, 0));
      } catch (e) {
        setSelectError(errorMessage(e));
      }
    },
    [services]
  );

  return { outcome, task, downloadBlocked, copyMessage, run, download, copyDataUrl, selectIssue, selectError };
}
