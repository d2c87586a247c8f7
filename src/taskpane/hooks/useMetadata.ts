/** The metadata form's state: loaded from the workbook, edited, saved back; coverage derived from the data. */
import { useCallback, useEffect, useState } from "react";
import { mergeCoverage } from "../../metadata/coverage";
import { emptyMetadata } from "../../metadata/empty";
import type { DatasetMetadata } from "../../metadata/types";
import { datasetTypeFor } from "../../metadata/vocabularies";
import { usePane } from "../context";
import { errorMessage } from "../errors";
import { cleanSteps } from "../metadata/form";
import { useTask, type Task } from "./useTask";

export interface MetadataState {
  draft: DatasetMetadata;
  loaded: boolean;
  saving: boolean;
  message?: string;
  error?: string;
  coverageTask: Task;
  /**
   * The dataset type the workbook's core sheet implies (registered or recognised from its headers), used when the
   * metadata name none: the export does the same, so the form never asks for a core sheet that is there.
   */
  derivedDatasetType: DatasetMetadata["datasetType"];
  /** Looks at the workbook's sheets again for the core (the form does when it is shown). */
  detectDatasetType(): Promise<void>;
  /** Replaces the draft (the form edits by field key and passes the new object). */
  update(next: DatasetMetadata): void;
  /** Reads the Metadata sheet again, dropping the draft (after an import wrote the sheet). */
  reload(): void;
  /** Sets the packageId an export used (other edits in the draft are kept). */
  setPackageId(packageId: string): void;
  save(): Promise<void>;
  refreshCoverage(): Promise<void>;
  dismiss(): void;
}

/** New metadata for a user of this interface language: metadata and data language default to it. */
export function initialMetadata(lang: "en" | "ru"): DatasetMetadata {
  const m = emptyMetadata();
  return lang === "ru" ? { ...m, metadataLanguage: "rus", dataLanguage: "rus" } : m;
}

/** Loads the workbook's metadata once; keeps edits in memory until saved (export uses the edited draft). */
export function useMetadata(): MetadataState {
  const { services, lang, strings } = usePane();
  const [draft, setDraft] = useState<DatasetMetadata>(() => initialMetadata(lang));
  const [loaded, setLoaded] = useState(false);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const coverageTask = useTask();
  const [derivedDatasetType, setDerived] = useState<DatasetMetadata["datasetType"]>("");

  const detectDatasetType = useCallback(async () => {
    try {
      const core = (await services.listDatasetSheets()).find((d) => d.role.kind === "core");
      setDerived(core ? datasetTypeFor(core.role.datasetClass) : "");
    } catch (e) {
      console.warn(`Metadata: could not list the sheets: ${errorMessage(e)}`);
    }
  }, [services]);

  // Bumped by reload(): the workbook's Metadata sheet was written by something else (an archive was opened).
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    let live = true;
    services.loadMetadata().then(
      (d) => {
        if (!live) return;
        if (d) setDraft(d);
        setLoaded(true);
      },
      (e) => {
        if (!live) return;
        setError(errorMessage(e));
        setLoaded(true);
      }
    );
    return () => {
      live = false;
    };
  }, [services, generation]);

  const update = useCallback((next: DatasetMetadata) => {
    setDraft(next);
    setMessage(undefined);
  }, []);

  const setPackageId = useCallback((packageId: string) => setDraft((d) => ({ ...d, packageId })), []);

  const save = useCallback(async () => {
    setSaving(true);
    setError(undefined);
    try {
      await services.saveMetadata(cleanSteps(draft), lang);
      setMessage(strings.saved);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }, [services, draft, strings, lang]);

  const refreshCoverage = useCallback(async () => {
    setError(undefined);
    setMessage(undefined);
    const derived = await coverageTask.run((o) => services.deriveCoverage(o, lang));
    if (derived) setDraft((d) => ({ ...d, coverage: mergeCoverage(d.coverage, derived) }));
  }, [services, coverageTask, lang]);

  return {
    draft,
    loaded,
    saving,
    message,
    error: error ?? coverageTask.state.error,
    coverageTask,
    derivedDatasetType,
    detectDatasetType,
    update,
    reload,
    setPackageId,
    save,
    refreshCoverage,
    dismiss: () => {
      setMessage(undefined);
      setError(undefined);
      coverageTask.clearError();
    },
  };
}
