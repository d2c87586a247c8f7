/**
 * Writing an archive's sheets into the open workbook (the task pane's "Open a Darwin Core Archive"): new sheets
 * only (core first, each named by its class with a free name, never over an existing sheet), every column
 * text-formatted before any value is written (identifiers keep their leading zeros, dates stay as published), the
 * values in row blocks each sized by the bytes of its values so that one request stays under Excel on the web's
 * 5 MB, then header fills, vocabulary dropdowns and the sheets' roles as for inserted templates, then the Metadata
 * sheet (the same writer as the Metadata tab).
 *
 * All or nothing: when the user cancels or a write fails, the sheets made so far are deleted, and the registry, the
 * vocabulary names and the Metadata sheet are put back as they were. A Metadata sheet that holds entries is never
 * replaced unless the caller says so (`replaceMetadata`): it is set aside under another name while the new one is
 * written, and deleted only once everything else succeeded.
 */
import { METADATA_SHEET_NAME } from "../metadata/sheet";
import type { DatasetMetadata } from "../metadata/types";
import type { Lang, SheetRole } from "../dwc/types";
import { ExcelAdapterError, throwIfAborted } from "./errors";
import { writeMetadataSheet } from "./export";
import { TARGET_REQUEST_BYTES } from "./read";
import { REGISTRY_KEY, loadRegistry, registryFrom, saveRegistry } from "./registry";
import { EXCEL_MAX_ROWS, MARK_COLOURS, TEMPLATE_LAST_ROW, VOCABULARY_SHEET_NAMES, columnFormatting } from "./style";
import { columnsForHeaders, formatHeaderCell, freeSheetName } from "./template";
import { ensureVocabularies, loadVocabularyHeaders, probeVocabularies } from "./vocabularySheet";

/** One sheet to import: its wanted name, header row, role and rows in blocks (every cell a string). */
export interface ImportSheetInput {
  /** The name the archive asks for (`Occurrence`); a free one is taken when it is in use. */
  name: string;
  headers: readonly string[];
  /** The role to register (as for an inserted template); undefined leaves the sheet unregistered. */
  role?: SheetRole;
  /** Data rows to come (for the progress bar and the extent of the formats). */
  records: number;
  /** The data rows in blocks of any size, in order; each row as long as `headers`. */
  rows: AsyncIterable<readonly (readonly string[])[]>;
}

/** Options of {@link importSheets}. */
export interface ImportSheetsOptions {
  /** Language of the dropdowns' alerts and of the Metadata sheet's labels and help. */
  lang: Lang;
  signal?: AbortSignal;
  /** Called after each written block: rows written of all sheets, and the sheet being written. */
  onProgress?: (done: number, total: number, sheet: string) => void;
  /** The dataset's metadata for the Metadata sheet; undefined leaves the Metadata sheet alone. */
  metadata?: DatasetMetadata;
  /** Replace a Metadata sheet that holds entries (the user said so); otherwise such a sheet is refused. */
  replaceMetadata?: boolean;
  /** Bytes one request of values aims to stay under (default {@link TARGET_REQUEST_BYTES}). */
  targetBytes?: number;
}

/** A sheet as imported. */
export interface ImportedSheet {
  /** The name it got (the wanted one, or `Occurrence (2)`…). */
  name: string;
  id: string;
  records: number;
  role?: SheetRole;
}

/** What {@link importSheets} did. */
export interface ImportSheetsResult {
  sheets: ImportedSheet[];
  /** `written`: a new Metadata sheet; `replaced`: the old one replaced; `untouched`: no metadata given. */
  metadata: "written" | "replaced" | "untouched";
}

/** Whether the workbook has a Metadata sheet, and whether it holds anything. */
export type MetadataSheetState = "absent" | "empty" | "filled";

/**
 * Bytes a string takes in a request: its JSON text (quotes, escapes) in UTF-8 (Cyrillic and most accented
 * letters take 2 bytes, CJK 3; a surrogate pair 4).
 *
 * @example jsonBytes('Ива "А"') // 2 + 3 + 2*3 (Ива) + 2 (\") + 2 (А) + 2 (\")
 */
export function jsonBytes(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c === 0x22 || c === 0x5c || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x08 || c === 0x0c) n += 2;
      else n += c < 0x20 ? 6 : 1;
    } else n += c < 0x800 ? 2 : 3;
  }
  return n;
}

/** Bytes of a row of values in a request (`[…],`). */
function rowBytes(row: readonly string[]): number {
  let n = 3;
  for (const v of row) n += jsonBytes(v) + 1;
  return n;
}

/** Last row the formats and dropdowns of a sheet with `records` data rows cover: as "Format existing sheet". */
function formatsLastRow(records: number): number {
  return Math.min(EXCEL_MAX_ROWS, Math.max(TEMPLATE_LAST_ROW, records + 1 + 10000));
}

/** The Metadata sheet's state, in one round trip or two. */
export async function metadataSheetState(): Promise<MetadataSheetState> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(METADATA_SHEET_NAME);
    await context.sync();
    if (sheet.isNullObject) return "absent";
    const used = sheet.getUsedRangeOrNullObject(true);
    await context.sync();
    return used.isNullObject ? "empty" : "filled";
  });
}

/** Columns of the vocabulary sheet the adapter reads (A:ZZ, as `loadVocabularyHeaders`). */
const VOCABULARY_COLUMNS = 702;

/** What the workbook was before the import, and what the import has done so far: what a rollback undoes. */
interface Undo {
  /** Ids of the sheets the import added. */
  created: string[];
  /** The registry setting as it was (undefined: absent), once the import has saved a new one. */
  registrySaved: boolean;
  registryBefore?: unknown;
  /**
   * The vocabulary sheets that existed before, by name (lower-cased; any interface language's name), and the one
   * the import used; names that existed before (lower-cased). Undefined until the workbook was probed: a failure
   * before that has added nothing, so the rollback leaves vocabulary sheets and names alone.
   */
  vocabularySheetsBefore?: Set<string>;
  vocabularySheetUsed?: string;
  /** Columns of the existing vocabulary sheet before the import (the import may append after them). */
  vocabularyColumns: number;
  namesBefore: Set<string>;
  /** The old Metadata sheet's temporary name while it is set aside. */
  metadataAside?: string;
  /** The new Metadata sheet has been (or may have been) written. */
  metadataWritten: boolean;
}

/** Puts the workbook back as `undo` says it was. */
async function rollback(undo: Undo): Promise<void> {
  await Excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    const created = undo.created.map((id) => worksheets.getItemOrNullObject(id));
    const names = context.workbook.names;
    names.load("items/name");
    // The vocabulary sheet under any of its names: the import creates it in its language, or appends to the one there.
    const vocabulary = VOCABULARY_SHEET_NAMES.map((name) => ({ name, sheet: worksheets.getItemOrNullObject(name) }));
    const metadata = undo.metadataWritten ? worksheets.getItemOrNullObject(METADATA_SHEET_NAME) : undefined;
    const registry = context.workbook.settings.getItemOrNullObject(REGISTRY_KEY);
    await context.sync();
    for (const sheet of created) if (!sheet.isNullObject) sheet.delete();
    const before = undo.vocabularySheetsBefore;
    if (before) {
      for (const { name, sheet } of vocabulary) {
        if (sheet.isNullObject) continue;
        const lower = name.toLowerCase();
        if (!before.has(lower)) sheet.delete();
        else if (lower === undo.vocabularySheetUsed && undo.vocabularyColumns < VOCABULARY_COLUMNS) {
          // The vocabularies the import appended (a column each, a few hundred values at most).
          sheet.getRangeByIndexes(0, undo.vocabularyColumns, 10000, VOCABULARY_COLUMNS - undo.vocabularyColumns).clear("All");
        }
      }
      for (const n of names.items) if (!undo.namesBefore.has(n.name.toLowerCase())) n.delete();
    }
    if (undo.registrySaved) {
      if (undo.registryBefore === undefined) {
        if (!registry.isNullObject) registry.delete();
      } else context.workbook.settings.add(REGISTRY_KEY, undo.registryBefore);
    }
    if (metadata && !metadata.isNullObject) metadata.delete();
    if (undo.metadataAside) worksheets.getItem(undo.metadataAside).name = METADATA_SHEET_NAME;
    await context.sync();
  });
}

/**
 * Writes rows `rows` at 0-based sheet row `at`: one range, or for a row whose values alone exceed the budget,
 * that row in column pieces (a request each).
 */
async function writeRows(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  at: number,
  rows: (readonly string[])[],
  width: number,
  targetBytes: number
): Promise<void> {
  if (rows.length > 1 || rowBytes(rows[0]) <= targetBytes) {
    sheet.getRangeByIndexes(at, 0, rows.length, width).values = rows as string[][];
    await context.sync();
    return;
  }
  const row = rows[0];
  let from = 0;
  while (from < width) {
    let to = from;
    let bytes = 4;
    while (to < width && (to === from || bytes + jsonBytes(row[to]) + 1 <= targetBytes)) bytes += jsonBytes(row[to++]) + 1;
    sheet.getRangeByIndexes(at, from, 1, to - from).values = [row.slice(from, to)];
    // One request per piece is the point: together they would exceed the request limit.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    from = to;
  }
}

/** Header fills and borders as in templates; dropdown and highlight on vocabulary columns (rows 2..lastRow). */
function formatImported(
  sheet: Excel.Worksheet,
  role: SheetRole,
  headers: readonly string[],
  lang: Lang,
  vocabularies: Set<string>,
  lastRow: number
): void {
  columnsForHeaders(role, headers).forEach((column, index) => {
    if (!column) return;
    formatHeaderCell(sheet, column, index);
    if (!column.vocabulary) return;
    // Only the vocabulary parts of the template's column formatting: every column stays text (numbers too, as
    // published), so the numeric range rules, which would mark every text number, are left out.
    const f = columnFormatting(column, index, lang, vocabularies.has(column.vocabulary));
    if (!f.rule?.list) return;
    const data = sheet.getRangeByIndexes(1, index, lastRow - 1, 1);
    data.dataValidation.rule = f.rule;
    if (f.errorAlert) data.dataValidation.errorAlert = f.errorAlert;
    if (f.highlight) {
      const cf = data.conditionalFormats.add("Custom");
      cf.custom.rule.formula = f.highlight.formula;
      cf.custom.format.fill.color = MARK_COLOURS[f.highlight.severity].fill;
      cf.custom.format.font.color = MARK_COLOURS[f.highlight.severity].font;
    }
  });
}

/**
 * Imports the sheets (see the module comment). Round trips: 2 to look at the workbook, 1 to add the sheets with
 * their headers and text formats, 1 per block of values (each under `targetBytes`), 1 (or 2 when the vocabulary
 * sheet exists) for formats, dropdowns and roles, then the Metadata sheet's (2 to 4) and 1 to bring the core to
 * the front.
 *
 * @throws ExcelAdapterError METADATA_EXISTS (nothing written), TOO_MANY_ROWS (nothing written), CANCELLED (the
 *   workbook put back as it was); any other failure also puts the workbook back, then is rethrown.
 * @example await importSheets([{ name: "Occurrence", headers, role, records: 2, rows }], { lang: "en", metadata })
 */
export async function importSheets(sheets: readonly ImportSheetInput[], options: ImportSheetsOptions): Promise<ImportSheetsResult> {
  const tooBig = sheets.find((s) => s.records + 1 > EXCEL_MAX_ROWS);
  if (tooBig) {
    throw new ExcelAdapterError("TOO_MANY_ROWS", `${tooBig.records} rows do not fit in a worksheet (at most ${EXCEL_MAX_ROWS - 1})`, {
      sheet: tooBig.name,
    });
  }
  const targetBytes = options.targetBytes ?? TARGET_REQUEST_BYTES;
  const total = sheets.reduce((n, s) => n + s.records, 0);
  const undo: Undo = {
    created: [],
    registrySaved: false,
    vocabularyColumns: 0,
    namesBefore: new Set(),
    metadataWritten: false,
  };
  let metadataState: MetadataSheetState = "absent";
  try {
    const imported = await Excel.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      const metadataSheet = worksheets.getItemOrNullObject(METADATA_SHEET_NAME);
      const probe = probeVocabularies(context, options.lang);
      const registryItem = loadRegistry(context);
      await context.sync();
      const metadataUsed = metadataSheet.isNullObject ? undefined : metadataSheet.getUsedRangeOrNullObject(true);
      const vocabularyHeaders = loadVocabularyHeaders(probe);
      if (metadataUsed || vocabularyHeaders) await context.sync();
      metadataState = !metadataUsed ? "absent" : metadataUsed.isNullObject ? "empty" : "filled";
      if (options.metadata && metadataState === "filled" && !options.replaceMetadata) {
        throw new ExcelAdapterError("METADATA_EXISTS", "The Metadata sheet holds entries; the import would replace them", {
          sheet: METADATA_SHEET_NAME,
        });
      }
      const existingVocabularySheets = probe.candidates.filter((c) => !c.sheet.isNullObject).map((c) => c.name.toLowerCase());
      undo.vocabularySheetsBefore = new Set(existingVocabularySheets);
      undo.vocabularySheetUsed = existingVocabularySheets[0];
      undo.vocabularyColumns = (vocabularyHeaders?.values[0] ?? []).reduce<number>(
        (last, h, i) => (String(h ?? "").trim() !== "" ? i + 1 : last),
        0
      );
      undo.namesBefore = new Set(probe.names.items.map((n) => n.name.toLowerCase()));
      undo.registryBefore = registryItem.isNullObject ? undefined : registryItem.value;
      throwIfAborted(options.signal);

      // The sheets, their headers and text formats: one request, before any value.
      const taken = new Set([...worksheets.items.map((w) => w.name.toLowerCase()), METADATA_SHEET_NAME.toLowerCase()]);
      const added = sheets.map((input) => {
        const sheet = worksheets.add(freeSheetName(input.name, taken));
        const width = input.headers.length;
        const lastRow = formatsLastRow(input.records);
        if (width > 0) {
          // A single value applies to every cell of the range (Office.js): a tiny request for any number of rows.
          sheet.getRangeByIndexes(0, 0, lastRow, width).numberFormat = "@" as unknown as string[][];
          sheet.getRangeByIndexes(0, 0, 1, width).values = [[...input.headers]];
        }
        sheet.freezePanes.freezeRows(1);
        sheet.load("id,name");
        return { sheet, input, width, lastRow };
      });
      await context.sync();
      for (const a of added) undo.created.push(a.sheet.id);

      // The values, block by block, each request sized by the bytes of its values.
      let done = 0;
      for (const { sheet, input, width } of added) {
        if (width === 0) continue;
        let next = 1;
        let pending: (readonly string[])[] = [];
        let pendingBytes = 2;
        const flush = async (): Promise<void> => {
          if (pending.length === 0) return;
          throwIfAborted(options.signal, sheet.name);
          await writeRows(context, sheet, next, pending, width, targetBytes);
          next += pending.length;
          done += pending.length;
          pending = [];
          pendingBytes = 2;
          options.onProgress?.(done, total, sheet.name);
        };
        for await (const block of input.rows) {
          throwIfAborted(options.signal, sheet.name);
          for (const row of block) {
            const bytes = rowBytes(row);
            if (pending.length > 0 && pendingBytes + bytes > targetBytes) await flush();
            pending.push(row.length === width ? row : Array.from({ length: width }, (_, c) => row[c] ?? ""));
            pendingBytes += bytes;
          }
        }
        await flush();
      }

      // Header fills, dropdowns and roles, as for inserted templates.
      throwIfAborted(options.signal);
      const vocabularyIds = added.flatMap((a) =>
        a.input.role ? columnsForHeaders(a.input.role, a.input.headers).flatMap((c) => (c?.vocabulary ? [c.vocabulary] : [])) : []
      );
      const ready = ensureVocabularies(context, probe, vocabularyHeaders, vocabularyIds);
      const registry = registryFrom(registryItem);
      for (const { sheet, input, lastRow } of added) {
        if (!input.role) continue;
        formatImported(sheet, input.role, input.headers, options.lang, ready, lastRow);
        registry.sheets[sheet.id] = { name: sheet.name, role: input.role, lastRow };
      }
      if (added.some((a) => a.input.role)) {
        saveRegistry(context, registry);
        undo.registrySaved = true;
      }
      await context.sync();
      // The old Metadata sheet set aside (renamed), to be deleted only when everything else is done.
      if (options.metadata && metadataState !== "absent") {
        throwIfAborted(options.signal);
        const aside = freeSheetName(`${METADATA_SHEET_NAME} (old)`, taken);
        metadataSheet.name = aside;
        await context.sync();
        undo.metadataAside = aside;
      }
      return added.map(({ sheet, input }) => ({
        name: sheet.name,
        id: sheet.id,
        records: input.records,
        ...(input.role ? { role: input.role } : {}),
      }));
    });

    if (options.metadata) {
      throwIfAborted(options.signal);
      undo.metadataWritten = true;
      await writeMetadataSheet(options.metadata, options.lang);
    }
    await Excel.run(async (context) => {
      if (undo.metadataAside) context.workbook.worksheets.getItem(undo.metadataAside).delete();
      if (imported.length > 0) {
        const core = context.workbook.worksheets.getItem(imported[0].id);
        core.activate();
        core.getRange("A2").select();
      }
      await context.sync();
    });
    return {
      sheets: imported,
      metadata: !options.metadata ? "untouched" : metadataState === "absent" ? "written" : "replaced",
    };
  } catch (e) {
    if (e instanceof ExcelAdapterError && (e.code === "METADATA_EXISTS" || e.code === "TOO_MANY_ROWS")) throw e;
    try {
      await rollback(undo);
    } catch (r) {
      // Both failures are told: the user has to know the workbook was not put back.
      const why = r instanceof Error ? r.message : String(r);
      const what = e instanceof Error ? e.message : String(e);
      throw new Error(`${what} (and the sheets the import added could not all be removed: ${why})`);
    }
    throw e;
  }
}
