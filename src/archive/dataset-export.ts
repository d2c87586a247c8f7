/**
 * Validate and export, orchestrated once for every face: the task pane's export worker and the command line hand
 * over the `DatasetSources` their adapter made (Excel: `collectExportSources`, a file: `collectFileSources`) and
 * the dataset metadata; this module checks the metadata, builds eml.xml, and runs `exportArchive` with the
 * workbook validation in the same pass. `validateDataset` is the same validation without an archive.
 */
import type { Lang, SheetRole } from "../dwc/types";
import { checkMetadata } from "../metadata/check";
import { buildEmlXml } from "../metadata/eml";
import type { DatasetMetadata, MetadataProblem } from "../metadata/types";
import { createWorkbookValidator, type WorkbookValidator } from "../validate";
import type { Issue } from "../validate/types";
import {
  emptySummary,
  exportArchive,
  tallyIssues,
  type DatasetSources,
  type ExportOptions,
  type ExportProgress,
  type ExportResult,
  type ExportValidation,
} from "./export";

/** Options of {@link validateDataset}. */
export interface ValidateDatasetOptions {
  /** Preferred language of the validation (messages carry both). Default `en`. */
  lang?: Lang;
  /** Cancel: checked before each chunk; the issues found so far are returned. */
  signal?: { readonly aborted: boolean };
  /** Progress, reported after each chunk (without `location`: no data file is written). */
  onProgress?: (progress: ExportProgress) => void;
}

/** Options of {@link exportDataset}. */
export interface DatasetExportOptions extends ValidateDatasetOptions {
  /** The dataset metadata (eml.xml), with the dataset type and coverage the face filled in. */
  metadata: DatasetMetadata;
  /**
   * Problems met while reading the metadata (a Metadata sheet's or a JSON file's reader): an error among them
   * blocks like one of `checkMetadata`'s. Default none.
   */
  readProblems?: readonly MetadataProblem[];
  /** eml.xml packageId (the metadata's own, or a new one the face made: see src/metadata `exportPackageId`). */
  packageId: string;
  /** eml.xml pubDate, `YYYY-MM-DD`. */
  pubDate: string;
  /** Refuse on validation errors too, not only on blockers (the CLI's `--strict`). */
  strict?: boolean;
  onProgress?: (progress: ExportProgress) => void;
  /** Receive the zip in chunks as it is made (only valid if the result is ok); never called when check-only. */
  onData?: (chunk: Uint8Array) => void;
  /** Entry time in the zip (default now); fix it for byte-identical archives. */
  mtime?: Date;
  /** A native CRC-32 where there is one (Node: `zlib.crc32`); see `ArchiveWriterOptions.crc32`. */
  crc32?: ExportOptions["crc32"];
}

/** What {@link exportDataset} did: the export's result and what the metadata lack. */
export interface DatasetExportResult extends ExportResult {
  /**
   * True when the metadata have an error (no eml.xml can be written): the data were only validated, every row of
   * every dataset sheet, so that every blocker is listed; `ok` is false, `zip`, `files` and `leftOutColumns` empty.
   */
  checkOnly: boolean;
  /** The reader's problems, then `checkMetadata`'s (errors block, warnings do not), in that order. */
  metadataProblems: MetadataProblem[];
}

/** The validation of a dataset: the adapter's sheets told to the engine in workbook order, roles as given. */
function validatorFor(sources: DatasetSources, lang: Lang | undefined): WorkbookValidator {
  const specs: readonly { name: string; headers: readonly string[]; role?: SheetRole; rowCount?: number }[] =
    sources.validationSheets ?? sources.sheets;
  return createWorkbookValidator({
    sheets: specs.map((s) => ({ name: s.name, headers: [...s.headers], role: s.role, rowCount: s.rowCount })),
    facts: sources.facts,
    lang,
    // The adapters decided the roles (the pane's registry, --core): the engine must not guess others.
    recognise: false,
  });
}

/**
 * Validates every dataset sheet of `sources` (row chunks straight from the adapter into the engine) and returns
 * the engine's issues: each sheet's row issues in sheet order, then the sheet- and dataset-level ones. What the
 * CLI's `validate` prints (after the file's own notes) and what `exportDataset` finds in the same pass.
 *
 * @example
 * const issues = await validateDataset(await collectExportSources(), { lang: "ru" });
 * issues.filter((i) => i.severity === "blocker"); // what the export would refuse
 */
export async function validateDataset(sources: DatasetSources, options: ValidateDatasetOptions = {}): Promise<Issue[]> {
  const validator = validatorFor(sources, options.lang);
  const issues: Issue[] = [];
  const sheetCount = sources.sheets.length;
  for (let sheetIndex = 0; sheetIndex < sheetCount; sheetIndex++) {
    const sheet = sources.sheets[sheetIndex];
    let rowsDone = 0;
    for await (const chunk of sheet.rows) {
      if (options.signal?.aborted) return issues;
      issues.push(...validator.addChunk(sheet.name, chunk));
      rowsDone += chunk.values.length;
      options.onProgress?.({
        sheet: sheet.name,
        sheetIndex,
        sheetCount,
        rowsDone,
        ...(sheet.rowCount !== undefined ? { rowsTotal: Math.max(0, sheet.rowCount - 1) } : {}),
      });
    }
  }
  if (options.signal?.aborted) return issues;
  issues.push(...validator.finish());
  return issues;
}

/**
 * Validates and exports a dataset: checks the metadata, builds eml.xml, and writes the archive while validating
 * every chunk in the same single pass. When the metadata have an error the run is check-only: the data are still
 * read and validated (`validateDataset`) so that the user sees every blocker at once; no archive is made.
 *
 * @example
 * const sources = collectFileSources(await openTableFile("birds.xlsx"));
 * const { packageId } = exportPackageId(meta, randomUUID);
 * const r = await exportDataset(sources, { metadata: meta, packageId, pubDate: "2026-11-21", onData: write });
 * r.ok; // archive complete; else r.summary.blockers, r.metadataProblems (r.checkOnly: the metadata blocked it)
 */
export async function exportDataset(sources: DatasetSources, options: DatasetExportOptions): Promise<DatasetExportResult> {
  const metadataProblems = [...(options.readProblems ?? []), ...checkMetadata(options.metadata)];
  if (metadataProblems.some((p) => p.severity === "error")) {
    // No eml.xml can be written: validate alone, so that every row is read and every blocker listed (the export
    // stops at a sheet it cannot plan; the validation goes on).
    const issues = await validateDataset(sources, options);
    const summary = emptySummary();
    tallyIssues(summary, issues);
    return { ok: false, cancelled: options.signal?.aborted === true, zip: [], summary, checkOnly: true, metadataProblems };
  }
  const validator = validatorFor(sources, options.lang);
  const validation: ExportValidation = {
    addChunk: (sheet, chunk) => validator.addChunk(sheet, chunk),
    finish: () => validator.finish(),
  };
  const result = await exportArchive({
    sheets: sources.sheets,
    facts: sources.facts,
    emlXml: buildEmlXml(options.metadata, { packageId: options.packageId, pubDate: options.pubDate }),
    validation,
    strict: options.strict,
    signal: options.signal,
    onProgress: options.onProgress,
    onData: options.onData,
    mtime: options.mtime,
    crc32: options.crc32,
  });
  return { ...result, checkOnly: false, metadataProblems };
}
