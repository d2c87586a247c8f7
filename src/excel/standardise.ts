/**
 * Standardising a data holder's own sheet inside Excel: read it in chunks, propose Darwin Core terms, apply a
 * mapping (the pure `src/standardise` core) and write the result to a NEW sheet inserted as a template (header
 * fills, dropdowns, role in the registry), with every column text-formatted before any value goes in. The source
 * sheet is only read. Mappings the user applied are kept in the workbook's settings, like the sheet registry.
 */
import { buildTemplate, columnFor, createCellConverter } from "../dwc";
import type { DatasetClass, Lang, SheetRole, SheetTemplate, TemplateColumn } from "../dwc/types";
import { METADATA_SHEET_NAME } from "../metadata";
import {
  applyMapping,
  parseSavedMapping,
  proposeMapping,
  type MappingProposal,
  type SavedMapping,
  type StandardiseSummary,
} from "../standardise";
import { throwIfAborted } from "./errors";
import { approxBytes, chunksOf, readSheetExtent, readWorkbookFacts, TARGET_REQUEST_BYTES, type ChunkOptions } from "./read";
import { listWorkbookSheets } from "./sheets";
import { loadRegistry, registryFrom, saveRegistry } from "./registry";
import { TEMPLATE_LAST_ROW } from "./style";
import { columnsForHeaders, formatExistingSheet, insertTemplate } from "./template";

/** Rows the proposal looks at (as the CLI): enough to see every kind of value a column holds, few enough to be instant. */
export const PROPOSAL_SAMPLE_ROWS = 500;
/** Rows per read or write request at most ("a few thousand"), whatever their size. */
export const STANDARDISE_CHUNK_ROWS = 5000;
/** The settings key of the saved mappings. */
export const MAPPINGS_KEY = "dwc-excel.standardise-mappings";
/** Saved mappings kept in a workbook (oldest dropped first): a settings value should stay small. */
export const MAX_SAVED_MAPPINGS = 20;

/** A sheet that can be standardised: visible, not a Darwin Core sheet, not the Metadata sheet, with a header row. */
export interface StandardiseCandidate {
  name: string;
  /** Columns from A to the last used one. */
  columns: number;
  /** Rows under the header. */
  records: number;
}

/** A sheet's table as text (dates shown as dates become ISO, numbers plain), as wide as its used range. */
export interface SourceTable {
  sheet: string;
  headers: string[];
  rows: string[][];
  /** Data rows of the whole sheet (more than `rows.length` when only a sample was read). */
  records: number;
}

/**
 * The sheets worth standardising and the active sheet's name (when it is one of them).
 *
 * @example await listStandardiseCandidates() // { sheets: [{ name: "Лист1", columns: 10, records: 6 }], active: "Лист1" }
 */
export async function listStandardiseCandidates(): Promise<{ sheets: StandardiseCandidate[]; active?: string }> {
  const { others } = await listWorkbookSheets();
  const sheets = others
    .filter((s) => s.visible && s.name.toLowerCase() !== METADATA_SHEET_NAME.toLowerCase())
    .filter((s) => s.headers.some((h) => h.trim() !== ""))
    .map((s) => ({ name: s.name, columns: s.columnCount, records: Math.max(0, s.rowCount - 1) }));
  const active = await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getActiveWorksheet();
    ws.load("name");
    await context.sync();
    return ws.name;
  });
  return { sheets, active: sheets.some((s) => s.name === active) ? active : undefined };
}

/**
 * Reads a sheet's header and data rows as text, in chunks of at most {@link STANDARDISE_CHUNK_ROWS} rows (each
 * request under the 5 MB limit, see `chunksOf`); `maxRows` stops after that many data rows (a sample).
 *
 * @throws ExcelAdapterError SHEET_NOT_FOUND, CANCELLED
 */
export async function readSourceTable(
  sheetName: string,
  options: ChunkOptions & { maxRows?: number } = {},
): Promise<SourceTable> {
  const facts = await readWorkbookFacts();
  const extent = await readSheetExtent(sheetName);
  const width = extent.columnCount;
  const headers = [...extent.headers, ...new Array<string>(Math.max(0, width - extent.headers.length)).fill("")];
  const records = Math.max(0, extent.rowCount - 1);
  const last = options.maxRows === undefined ? extent.rowCount : Math.min(extent.rowCount, 1 + options.maxRows);
  const text = createCellConverter(facts);
  const rows: string[][] = [];
  const chunks = chunksOf({ ...extent, rowCount: last }, { chunkRows: STANDARDISE_CHUNK_ROWS, ...options });
  for await (const chunk of chunks) {
    chunk.values.forEach((values, r) => {
      const row = new Array<string>(width);
      for (let c = 0; c < width; c++) row[c] = text(values[c] ?? null, chunk.numberFormats?.[r]?.[c] ?? null);
      rows.push(row);
    });
  }
  return { sheet: extent.name, headers, rows, records };
}

/** The proposal for a sheet from its header and first rows, with the sample it was made from. */
export interface SheetProposal {
  table: SourceTable;
  proposal: MappingProposal;
}

/**
 * Proposes a Darwin Core term for each column of a sheet from its header and first {@link PROPOSAL_SAMPLE_ROWS}
 * rows (`datasetClass` given, or guessed). Reads only.
 */
export async function proposeForSheet(sheetName: string, datasetClass?: DatasetClass, signal?: AbortSignal): Promise<SheetProposal> {
  const table = await readSourceTable(sheetName, { maxRows: PROPOSAL_SAMPLE_ROWS, signal });
  return { table, proposal: proposeMapping(table.headers, table.rows, datasetClass) };
}

/**
 * The template of the new sheet: one column per Darwin Core header of the standardised table, each with the
 * level, block, type and vocabulary the core's template gives it (a term outside the core: optional, plain text).
 */
export function standardisedTemplate(headers: readonly string[], datasetClass: DatasetClass): SheetTemplate {
  const base = buildTemplate(datasetClass, "minimal")[0];
  const known = columnsForHeaders(base.role, headers);
  const columns = headers.map((term, i): TemplateColumn => {
    const column = known[i];
    if (column) return column;
    try {
      return columnFor(base.role.rowTypeId, term, "optional");
    } catch {
      // Not a Darwin Core term at all (a saved mapping cannot hold one; kept for safety): a plain text column.
      return { term, iri: term, level: "optional", block: "OTHER", type: "string" } as unknown as TemplateColumn;
    }
  });
  return { role: base.role, title: base.title, columns };
}

/** What {@link writeStandardisedSheet} wrote. */
export interface WrittenSheet {
  name: string;
  id: string;
  role: SheetRole;
  /** Write requests for the values (each under the request limit). */
  requests: number;
}

/** Row blocks of `rows` each under `targetBytes` and {@link STANDARDISE_CHUNK_ROWS} rows. */
export function rowBlocks(rows: readonly string[][], targetBytes = TARGET_REQUEST_BYTES): [number, number][] {
  const blocks: [number, number][] = [];
  let start = 0;
  let bytes = 0;
  rows.forEach((row, i) => {
    const size = approxBytes(row) + 1;
    if (i > start && (bytes + size > targetBytes || i - start >= STANDARDISE_CHUNK_ROWS)) {
      blocks.push([start, i]);
      start = i;
      bytes = 0;
    }
    bytes += size;
  });
  if (start < rows.length) blocks.push([start, rows.length]);
  return blocks;
}

/**
 * Writes a standardised table to a new sheet next to `sourceSheet`: inserted as the core's template (free name,
 * term names in a frozen, filled header row, dropdowns, role registered), then, in one request, the whole data area
 * text-formatted (so that `0012`, `55.10` or `2012-06` stay as written), then the values in row blocks each under
 * `targetBytes`. A table longer than the template gets its dropdowns extended below the data. No other sheet changes.
 */
export async function writeStandardisedSheet(
  sourceSheet: string,
  headers: readonly string[],
  rows: string[][],
  datasetClass: DatasetClass,
  lang: Lang,
  options: { signal?: AbortSignal; targetBytes?: number } = {},
): Promise<WrittenSheet> {
  const template = standardisedTemplate(headers, datasetClass);
  const [inserted] = await insertTemplate([template], lang);
  const blocks = rowBlocks(rows, options.targetBytes);
  try {
    await fillStandardisedSheet(inserted.id, sourceSheet, headers, rows, blocks, options.signal, inserted.name);
  } catch (e) {
    // Cancelled or failed: the half-written sheet goes, so the workbook is as it was (the original never changed).
    await removeSheet(inserted.id).catch(() => undefined);
    throw e;
  }
  if (rows.length + 1 > TEMPLATE_LAST_ROW) await formatExistingSheet(inserted.name, inserted.role, lang);
  return { ...inserted, requests: blocks.length };
}

/** Deletes a sheet the add-in created and forgets its role. */
async function removeSheet(sheetId: string): Promise<void> {
  await Excel.run(async (context) => {
    const registryItem = loadRegistry(context);
    await context.sync();
    const registry = registryFrom(registryItem);
    if (registry.sheets[sheetId]) {
      delete registry.sheets[sheetId];
      saveRegistry(context, registry);
    }
    context.workbook.worksheets.getItem(sheetId).delete();
    await context.sync();
  });
}

async function fillStandardisedSheet(
  sheetId: string,
  sourceSheet: string,
  headers: readonly string[],
  rows: string[][],
  blocks: [number, number][],
  signal: AbortSignal | undefined,
  name: string
): Promise<void> {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetId);
    const source = context.workbook.worksheets.getItemOrNullObject(sourceSheet);
    source.load("position");
    await context.sync();
    if (!source.isNullObject) sheet.position = source.position + 1;
    if (rows.length > 0 && headers.length > 0) {
      // Text before values: a value written into a General cell is typed by Excel (55.10 → 55.1, 0012 → 12).
      sheet.getRangeByIndexes(1, 0, rows.length, headers.length).numberFormat = "@" as unknown as string[][];
    }
    await context.sync();
  });
  for (const [from, to] of blocks) {
    throwIfAborted(signal, name);
    await writeBlock(sheetId, from, rows.slice(from, to), headers.length);
  }
}

/** One block of data rows (`from`: 0-based data row) in its own request. */
async function writeBlock(sheetId: string, from: number, block: string[][], width: number): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem(sheetId).getRangeByIndexes(1 + from, 0, block.length, width).values = block;
    await context.sync();
  });
}

/** What {@link standardiseSheet} did. */
export interface StandardiseResult {
  /** The new sheet's name. */
  sheet: string;
  source: string;
  headers: string[];
  rows: number;
  summary: StandardiseSummary;
}

/**
 * Standardises a sheet with a mapping: reads every row in chunks, applies the mapping (converted values, verbatim
 * copies, countryCode from country names) and writes the Darwin Core table to a new sheet beside the original.
 *
 * @example await standardiseSheet("Лист1", mapping, "ru") // { sheet: "Находки", rows: 6, summary: { columns: […] } }
 */
export async function standardiseSheet(
  sourceSheet: string,
  mapping: SavedMapping | MappingProposal,
  lang: Lang,
  options: { signal?: AbortSignal; targetBytes?: number } = {},
): Promise<StandardiseResult> {
  const table = await readSourceTable(sourceSheet, { signal: options.signal, targetBytes: options.targetBytes });
  const result = applyMapping(mapping, table.headers, table.rows);
  throwIfAborted(options.signal, sourceSheet);
  const written = await writeStandardisedSheet(table.sheet, result.headers, result.rows, mapping.datasetClass, lang, options);
  return { sheet: written.name, source: table.sheet, headers: result.headers, rows: result.rows.length, summary: result.summary };
}

/** A mapping kept in the workbook, under a name (the sheet it was applied to). */
export interface StoredMapping {
  name: string;
  /** When it was saved, ISO 8601. */
  savedAt: string;
  mapping: SavedMapping;
}

function storedFrom(value: unknown): StoredMapping[] {
  let v = value;
  if (typeof v === "string") {
    try {
      v = JSON.parse(v);
    } catch {
      // A corrupt value is treated as no saved mapping (the user can still import one).
      return [];
    }
  }
  const list = (v as { mappings?: unknown } | null)?.mappings;
  if (!Array.isArray(list)) return [];
  const out: StoredMapping[] = [];
  for (const item of list) {
    try {
      const m = item as { name?: unknown; savedAt?: unknown; mapping?: unknown };
      if (typeof m.name !== "string") continue;
      out.push({ name: m.name, savedAt: typeof m.savedAt === "string" ? m.savedAt : "", mapping: parseSavedMapping(m.mapping) });
    } catch {
      // One unusable entry (written by a newer version) does not hide the others.
    }
  }
  return out;
}

/** The mappings saved in the workbook, newest first. */
export async function loadSavedMappings(): Promise<StoredMapping[]> {
  return Excel.run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(MAPPINGS_KEY);
    item.load("value");
    await context.sync();
    return item.isNullObject ? [] : storedFrom(item.value);
  });
}

/**
 * Saves a mapping in the workbook's settings under `name`, replacing one of that name; keeps the newest
 * {@link MAX_SAVED_MAPPINGS}. Resolves to the saved list, newest first.
 */
export async function saveMapping(name: string, mapping: SavedMapping, savedAt: string): Promise<StoredMapping[]> {
  return Excel.run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(MAPPINGS_KEY);
    item.load("value");
    await context.sync();
    const old = item.isNullObject ? [] : storedFrom(item.value);
    const list = [{ name, savedAt, mapping }, ...old.filter((m) => m.name !== name)].slice(0, MAX_SAVED_MAPPINGS);
    context.workbook.settings.add(MAPPINGS_KEY, { version: 1, mappings: list });
    await context.sync();
    return list;
  });
}
