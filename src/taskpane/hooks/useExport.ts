/**
 * One-click export: build the archive (validated in the same pass), ask before handing over an archive with
 * errors, download it.
 */
import { useCallback, useState } from "react";
import { usePane } from "../context";
import { downloadZip, toDataUrl } from "../export/download";
import type { DatasetMetadata } from "../../metadata/types";
import type { Issue } from "../../validate/types";
import { errorMessage } from "../errors";
import { cleanSteps } from "../metadata/form";
import type { ExportDone, ExportOutcome } from "../services";
import { useTask, type Task } from "./useTask";

export interface ExportState {
  outcome?: ExportOutcome;
  task: Task;
  /** Downloads cannot work here (Excel for Mac desktop). */
  downloadBlocked: boolean;
  copyMessage?: string;
  /** The "Export with N errors?" question is open (the outcome is `errors`). */
  asking: boolean;
  run(metadata: DatasetMetadata): Promise<ExportOutcome | undefined>;
  /** "Export anyway": hands over the archive already built (nothing is read or validated again) and downloads it. */
  exportAnyway(): Promise<ExportDone | undefined>;
  /** Closes the question without exporting. */
  closeQuestion(): void;
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
  const [asking, setAsking] = useState(false);
  const [copyMessage, setCopyMessage] = useState<string | undefined>(undefined);
  const [selectError, setSelectError] = useState<string | undefined>(undefined);
  const [sentPackageId, setSentPackageId] = useState("");
  const downloadBlocked = host.platform === "Mac";

  const handOver = useCallback(
    (done: ExportDone, metadataPackageId: string) => {
      setOutcome(done);
      if (done.packageId !== metadataPackageId) onPackageId?.(done.packageId);
      if (!downloadBlocked) downloadZip(done.zip, done.fileName);
    },
    [downloadBlocked, onPackageId]
  );

  const run = useCallback(
    async (metadata: DatasetMetadata) => {
      setOutcome(undefined);
      setAsking(false);
      setCopyMessage(undefined);
      const result = await task.run((o) => services.exportArchive(cleanSteps(metadata), o, lang));
      if (result?.kind === "done") handOver(result, metadata.packageId);
      else if (result) {
        setOutcome(result);
        setSentPackageId(metadata.packageId);
        setAsking(result.kind === "errors");
      }
      return result;
    },
    [services, task, lang, handOver]
  );

  const exportAnyway = useCallback(async () => {
    setAsking(false);
    if (outcome?.kind !== "errors") return undefined;
    const done = await task.run((o) => {
      o.onProgress({ phase: "zip", done: 1, total: 1 });
      return outcome.proceed();
    });
    if (done) handOver(done, sentPackageId);
    return done;
  }, [outcome, task, handOver, sentPackageId]);

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

  return {
    outcome,
    task,
    downloadBlocked,
    copyMessage,
    asking,
    run,
    exportAnyway,
    closeQuestion: () => setAsking(false),
    download,
    copyDataUrl,
    selectIssue,
    selectError,
  };
}
