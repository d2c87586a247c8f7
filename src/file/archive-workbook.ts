/**
 * A Darwin Core Archive (zip or unzipped folder) written as a workbook with ExcelJS's streaming writer: one sheet
 * per data file (src/archive/sheets.ts names the sheets and columns), every column formatted as text before its
 * values and every value written as a string, then the Metadata sheet. The data files are inflated, decoded and
 * split piece by piece, so memory stays bounded whatever the archive's size: the zip itself is held, never its
 * inflated data files.
 *
 * A data file is read twice: once for its header lines and widest row (the sheet's header row must come first),
 * once to write its rows.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { ArchiveError } from "../archive/errors";
import { parseDelimited, type DelimitedLayout } from "../archive/delimited";
import type { ArchiveDescriptor, DataFileDescriptor } from "../archive/descriptor";
import { parseMetaXml } from "../archive/meta-xml";
import { crLfNote, dataFilePath, findMeta, fixMissingSeparator, folderOf, locateMetadata } from "../archive/locate";
import { readArchive } from "../archive/reader";
import { sheetLayouts, type SheetLayout } from "../archive/sheets";
import { decodeXml, textDecoder } from "../archive/text-decoding";
import {
  inflateEntry,
  listZipEntries,
  MAX_STREAMED_ENTRY_BYTES,
  readZipEntry,
  type ZipEntryInfo,
} from "../archive/zip-entry";
import { getRowType } from "../dwc/rowTypes";
import { getVocabulary } from "../dwc/vocabularies";
import { LEVEL_COLOURS, templateLastRow } from "../dwc";
import type { CellValue } from "../dwc/table";
import type { Lang } from "../dwc/types";
import { columnLetters, quoteSheetName } from "./address";
import { FileError } from "./source";
import { vocabularyRangeName, vocabularySheetName } from "./template-writer";

/** A file of the archive: its bytes, whole (small files) or as pieces (data files). */
interface ArchiveFile {
  /** Bytes at once (meta.xml, eml.xml). */
  read(): Uint8Array;
  /** The bytes as pieces. */
  pieces(): AsyncIterable<Uint8Array>;
}

/** An archive opened for streaming: its files by path (relative to the zip or folder), without reading them. */
export interface ArchiveSource {
  /** The zip file or folder, for messages. */
  path: string;
  /** Paths of the archive's files (`meta.xml`, `data/occurrence.txt`), folders and macOS debris left out. */
  files: Map<string, ArchiveFile>;
}

/** What the archive holds besides its data: descriptor, metadata text, and the reader's notes. */
export interface ArchiveHead {
  source: ArchiveSource;
  descriptor: ArchiveDescriptor;
  /** meta.xml's folder inside the archive (`""` or `dwca/`). */
  base: string;
  /** True when there was no meta.xml: the single data file was read whole by the in-memory reader. */
  derived: boolean;
  /** The metadata document (eml.xml) text, and where it was. */
  metadata?: { location: string; text?: string };
  notes: string[];
  /** For an archive without meta.xml: its sheets, already read (such an archive is one small text file). */
  derivedLayouts?: { layout: SheetLayout; rows: string[][] }[];
}

const skipped = (name: string): boolean =>
  name.endsWith("/") || name.startsWith("__MACOSX/") || /(^|\/)\._/.test(name) || /(^|\/)\.DS_Store$/.test(name);

/** Lists the files of a zip (held in memory: its compressed bytes) or a folder (read on demand). */
export function openArchiveSource(file: string): ArchiveSource {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new FileError(
      code === "ENOENT" ? "FILE_NOT_FOUND" : "FILE_UNREADABLE",
      file,
      code === "ENOENT" ? "file not found" : `cannot read (${code})`
    );
  }
  const files = new Map<string, ArchiveFile>();
  if (stat.isDirectory()) {
    const walk = (rel: string): void => {
      for (const entry of fs.readdirSync(path.join(file, rel), { withFileTypes: true })) {
        const name = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isDirectory()) walk(name);
        else if (!skipped(name)) {
          const full = path.join(file, name);
          files.set(name, {
            read: () => new Uint8Array(fs.readFileSync(full)),
            pieces: () => fs.createReadStream(full, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>,
          });
        }
      }
    };
    walk("");
    return { path: file, files };
  }
  const bytes = new Uint8Array(fs.readFileSync(file));
  if (bytes.length === 0) throw new FileError("FILE_EMPTY", file, "the file is empty");
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    throw new FileError(
      "FILE_UNSUPPORTED",
      file,
      "not a zip file (a Darwin Core Archive is a .zip, or its unzipped folder)"
    );
  }
  let entries: ZipEntryInfo[];
  try {
    entries = listZipEntries(bytes);
  } catch (e) {
    throw new FileError("FILE_MALFORMED", file, `the zip cannot be read: ${(e as Error).message}`);
  }
  for (const entry of entries) {
    const name = entry.name.replace(/\\/g, "/").replace(/^\.?\//, "");
    if (skipped(name)) continue;
    files.set(name, {
      read: () => readZipEntry(bytes, entry),
      pieces: () =>
        (async function* () {
          yield* inflateEntry(bytes, entry, MAX_STREAMED_ENTRY_BYTES);
        })(),
    });
  }
  return { path: file, files };
}

/**
 * Reads meta.xml and the metadata document; the data files are not read yet. An archive without meta.xml (one
 * delimited text file whose header holds term names) is read whole by the in-memory reader instead.
 * @throws ArchiveError as {@link readArchive} does.
 */
export function readArchiveHead(source: ArchiveSource): ArchiveHead {
  const metaPath = findMeta(source.files.keys());
  const notes: string[] = [];
  if (!metaPath) {
    const files = new Map<string, Uint8Array>();
    for (const [name, f] of source.files) files.set(name, f.read());
    const archive = readArchive(files);
    const all = [archive.core, ...archive.extensions];
    const layouts = sheetLayouts(
      archive.descriptor,
      all.map((f) => ({ headerLines: f.headerLines, width: f.rows.reduce((w, r) => Math.max(w, r.length), 0) }))
    );
    const head: ArchiveHead = {
      source,
      descriptor: archive.descriptor,
      base: "",
      derived: true,
      notes: archive.notes,
      derivedLayouts: layouts.map((layout, i) => ({ layout, rows: all[i].rows })),
    };
    if (archive.metadata) head.metadata = archive.metadata;
    return head;
  }
  const base = folderOf(metaPath);
  const descriptor = parseMetaXml(decodeXml(source.files.get(metaPath)!.read(), metaPath));
  const head: ArchiveHead = { source, descriptor, base, derived: false, notes };
  const found = locateMetadata(descriptor, base, (p) => source.files.has(p), notes);
  if (found) head.metadata = found.path ? { location: found.location, text: decodeXml(source.files.get(found.path)!.read(), found.location) } : { location: found.location };
  return head;
}

/**
 * End of the last complete record of `text` (0 when none), by the rules of `parseDelimited`: a field starting with
 * the quote runs to its closing quote; a line end outside quotes ends the record. A record cut off by the end of the
 * text (an open quote, a CR whose LF may follow) is not complete.
 */
export function completeRecordsEnd(text: string, layout: DelimitedLayout): number {
  const sep = layout.fieldsTerminatedBy;
  const quote = layout.fieldsEnclosedBy;
  const lineEnd = layout.linesTerminatedBy;
  const lf = lineEnd === "\n" || lineEnd === "\r\n";
  const n = text.length;
  const lineEndAt = (p: number): number => {
    if (lf) {
      const c = text.charCodeAt(p);
      if (c === 0x0a) return 1;
      if (c === 0x0d && p + 1 < n && text.charCodeAt(p + 1) === 0x0a) return 2;
      return 0;
    }
    return text.startsWith(lineEnd, p) ? lineEnd.length : 0;
  };
  let last = 0;
  let i = 0;
  while (i < n) {
    let p = i;
    if (quote && text.startsWith(quote, p)) {
      p += quote.length;
      for (;;) {
        const q = text.indexOf(quote, p);
        if (q < 0 || q + quote.length >= n) return last;
        if (text.startsWith(quote, q + quote.length)) {
          p = q + 2 * quote.length;
          continue;
        }
        p = q + quote.length;
        break;
      }
    }
    while (p < n && !text.startsWith(sep, p) && !lineEndAt(p)) {
      if (lf && text.charCodeAt(p) === 0x0d && p + 1 === n) return last;
      p++;
    }
    if (p >= n) return last;
    if (text.startsWith(sep, p)) {
      i = p + sep.length;
      continue;
    }
    i = p + lineEndAt(p);
    last = i;
  }
  return last;
}

/** Bytes of text gathered before splitting records off. */
const SPLIT_AT = 1 << 18;

/**
 * The rows of a data file (all its locations), header lines included, in blocks, split as the in-memory reader
 * splits them. Calls `onNote` for what was tolerated (CR LF under a declared LF).
 */
async function* dataFileRows(
  head: ArchiveHead,
  d: DataFileDescriptor,
  onNote: (note: string) => void
): AsyncGenerator<string[][], void, undefined> {
  let first = true;
  for (const location of [d.location, ...(d.moreLocations ?? [])]) {
    const file = head.source.files.get(dataFilePath((p) => head.source.files.has(p), head.base, location))!;
    const decode = textDecoder(d.encoding, "archive", location);
    let pending = "";
    let started = false;
    let skip = first ? 0 : d.ignoreHeaderLines;
    let checkedCrLf = false;
    const emit = (text: string): string[][] => {
      let rows = parseDelimited(text, d, location);
      if (skip > 0) {
        const cut = Math.min(skip, rows.length);
        rows = rows.slice(cut);
        skip -= cut;
      }
      return rows;
    };
    const take = (final: boolean): string[][] => {
      if (!started) {
        if (pending.charCodeAt(0) === 0xfeff) pending = pending.slice(1);
        if (first) fixMissingSeparator(pending, d, onNote);
        started = true;
      }
      if (!checkedCrLf) {
        checkedCrLf = true;
        const crLf = crLfNote(pending, d, location);
        if (crLf) onNote(crLf);
      }
      const end = final ? pending.length : completeRecordsEnd(pending, d);
      if (end === 0) return [];
      const text = pending.slice(0, end);
      pending = pending.slice(end);
      return emit(text);
    };
    try {
      for await (const piece of file.pieces()) {
        pending += decode(piece);
        if (pending.length >= SPLIT_AT) {
          const rows = take(false);
          if (rows.length) yield rows;
        }
      }
      pending += decode(undefined);
      const rows = take(true);
      if (rows.length) yield rows;
    } catch (e) {
      if (e instanceof ArchiveError) throw e;
      const err = e as NodeJS.ErrnoException;
      throw new ArchiveError("BAD_DATA_FILE", `cannot be read (${err.code ?? err.message})`, ["archive", location]);
    }
    first = false;
  }
}

/**
 * A value as Excel stores text in a cell: characters XML cannot hold raw (controls, and CR, which XML would turn
 * into LF) as Excel's `_xHHHH_` escapes, and a literal `_xHHHH_` protected by `_x005F_` (the readers decode both).
 */
export function excelText(value: string): string {
  if (!/[\u0000-\u0008\u000b-\u001f]|_x[0-9A-Fa-f]{4}_/.test(value)) return value;
  return value
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(
      /[\u0000-\u0008\u000b-\u001f]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
    );
}

/** Bytes ExcelJS's zip and output stream may hold before the writer waits for them to be written. */
const MAX_BACKLOG = 16 << 20;

/** A Node stream, or one of the `readable-stream` package that archiver uses (no `writableLength` getter). */
interface Backlogged {
  _readableState?: { length?: number };
  _writableState?: { length?: number };
  pipes?: Backlogged[];
}

const held = (s: Backlogged | undefined): number => (s?._readableState?.length ?? 0) + (s?._writableState?.length ?? 0);

/**
 * Waits until ExcelJS's zip has compressed and written most of what the sheet wrote: the streaming writer commits
 * rows synchronously and its sheet stream passes them on without back-pressure, so without waiting they pile up in
 * memory (as Buffers) until the end.
 */
async function drained(workbook: ExcelJS.stream.xlsx.WorkbookWriter, ws: ExcelJS.Worksheet): Promise<void> {
  const w = workbook as unknown as { zip?: Backlogged; stream?: Backlogged };
  const sheet = (ws as unknown as { stream?: Backlogged }).stream;
  const backlog = (): number => held(w.zip) + held(w.stream) + (sheet?.pipes ?? []).reduce((n, p) => n + held(p), 0);
  await new Promise((resolve) => setImmediate(resolve));
  for (let i = 0; i < 30_000 && backlog() > MAX_BACKLOG; i++) await new Promise((resolve) => setTimeout(resolve, 2));
}

/** One sheet as written. */
export interface WrittenSheet {
  name: string;
  rowType: string;
  location: string;
  kind: "core" | "extension";
  records: number;
  columns: number;
  notes: string[];
}

/** Options of {@link writeArchiveWorkbook}. */
export interface ArchiveWorkbookOptions {
  /** Rows of the Metadata sheet (key, value, help), written last. */
  metadataRows?: CellValue[][];
  metadataSheetName?: string;
  /** Language of the vocabulary sheet's name and the dropdowns' messages; English when not given. */
  lang?: Lang;
  /** Called after each block of rows (for progress). */
  onProgress?: (sheet: string, rows: number) => void;
}

/** Header look as in the templates: bold, and the terms the core or extension requires filled dark green. */
function styleHeader(cell: ExcelJS.Cell, layout: SheetLayout, header: string): void {
  const def = layout.rowTypeId ? getRowType(layout.rowTypeId) : undefined;
  const required = def?.properties.find((p) => p.name === header)?.required ?? false;
  cell.font = { bold: true };
  const fill = required ? LEVEL_COLOURS.required : undefined;
  if (fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${fill}` } };
}

/**
 * Writes the workbook: the sheets of the archive in order (core first), then the Metadata sheet, then a very hidden
 * vocabulary sheet for the dropdowns of vocabulary columns, named in `options.lang` ("DwC vocabularies", "DwC
 * словари"). Refuses to overwrite: the caller checks first; the file is written to a temporary name and renamed
 * when complete.
 * @throws ArchiveError (a data file cannot be read), FileError `WRITE_FAILED`.
 */
export async function writeArchiveWorkbook(
  head: ArchiveHead,
  output: string,
  options: ArchiveWorkbookOptions = {}
): Promise<{ sheets: WrittenSheet[]; notes: string[] }> {
  const notes = [...head.notes];
  const lang = options.lang ?? "en";
  const vocabularySheet = vocabularySheetName(lang);
  const descriptors = [head.descriptor.core, ...head.descriptor.extensions];
  // Pass 1: header lines and widest row of each data file (a file read by two row types is read once).
  let layouts: SheetLayout[];
  const preset = head.derivedLayouts;
  if (preset) layouts = preset.map((p) => p.layout);
  else {
    const shapes = new Map<string, { headerLines: string[][]; width: number }>();
    for (const d of descriptors) {
      if (shapes.has(d.location)) continue;
      const shape = { headerLines: [] as string[][], width: 0 };
      for await (const block of dataFileRows(head, d, (n) => notes.push(n))) {
        for (const row of block) {
          if (shape.headerLines.length < d.ignoreHeaderLines) shape.headerLines.push(row);
          else if (row.length > shape.width) shape.width = row.length;
        }
      }
      shapes.set(d.location, shape);
    }
    layouts = sheetLayouts(
      head.descriptor,
      descriptors.map((d) => shapes.get(d.location)!)
    );
  }
  const temp = path.join(path.dirname(path.resolve(output)), `.${path.basename(output)}.${process.pid}.part`);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useStyles: true, useSharedStrings: false });
  workbook.creator = "dwc-excel";
  const written: WrittenSheet[] = [];
  const vocabularies = new Map<string, string[]>();
  let finished = false;
  try {
    for (const [i, layout] of layouts.entries()) {
      const ws = workbook.addWorksheet(layout.name, { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
      ws.columns = layout.headers.map((h) => ({
        key: h,
        width: Math.min(60, Math.max(12, h.length + 3)),
        style: { numFmt: "@" },
      }));
      const header = ws.getRow(1);
      layout.headers.forEach((h, c) => {
        const cell = header.getCell(c + 1);
        cell.value = { richText: [{ text: excelText(h) }] };
        cell.numFmt = "@";
        styleHeader(cell, layout, h);
      });
      header.commit();
      const def = layout.rowTypeId ? getRowType(layout.rowTypeId) : undefined;
      // Dropdowns go in once the rows are written (ExcelJS's stream writes them at commit), over the template rows
      // or, for more data, the rows below it.
      const dropdowns = (lastDataRow: number): void =>
        layout.headers.forEach((h, c) => {
          const vocabulary = def?.properties.find((p) => p.name === h)?.vocabulary;
          const concepts = vocabulary ? getVocabulary(vocabulary)?.concepts : undefined;
          if (!vocabulary || !concepts || concepts.length === 0) return;
          vocabularies.set(
            vocabulary,
            concepts.map((x) => x.value)
          );
          const letters = columnLetters(c);
          (
            ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
          ).dataValidations.add(`${letters}2:${letters}${templateLastRow(lastDataRow)}`, {
            type: "list",
            allowBlank: true,
            formulae: [vocabularyRangeName(vocabulary)],
            showErrorMessage: true,
            errorStyle: "warning",
            errorTitle: h,
            error: lang === "ru" ? `Значение не из словаря ${vocabulary}.` : `Not in the ${vocabulary} vocabulary.`,
          });
        });
      let records = 0;
      let rowNumber = 2;
      const writeRows = (rows: readonly (readonly string[])[]): void => {
        for (const raw of rows) {
          const values = layout.row(raw);
          const row = ws.getRow(rowNumber++);
          for (let c = 0; c < values.length; c++) {
            if (values[c] === "") continue;
            // An inline string (rich text of one run): ExcelJS writes a plain string without shared strings as a
            // formula result (`t="str"`), which readers need not decode; shared strings would hold every value.
            row.getCell(c + 1).value = { richText: [{ text: excelText(values[c]) }] };
          }
          row.commit();
          records++;
        }
        options.onProgress?.(layout.name, records);
      };
      if (preset) writeRows(preset[i].rows);
      else {
        const d = descriptors[i];
        let headerLeft = d.ignoreHeaderLines;
        for await (const block of dataFileRows(head, d, () => undefined)) {
          const skip = Math.min(headerLeft, block.length);
          headerLeft -= skip;
          writeRows(skip ? block.slice(skip) : block);
          // Let ExcelJS's zip stream take the committed rows: without a turn of the event loop they pile up in
          // memory until the end.
          await drained(workbook, ws);
        }
      }
      dropdowns(rowNumber - 1);
      ws.commit();
      written.push({
        name: layout.name,
        rowType: layout.rowType,
        location: layout.location,
        kind: layout.kind,
        records,
        columns: layout.headers.length,
        notes: layout.notes,
      });
    }
    if (options.metadataRows) {
      const ws = workbook.addWorksheet(options.metadataSheetName ?? "Metadata");
      ws.columns = [{ width: 28 }, { width: 60, style: { numFmt: "@" } }, { width: 60 }];
      options.metadataRows.forEach((values, r) => {
        const row = ws.getRow(r + 1);
        values.forEach((v, c) => {
          if (v === null || v === undefined) return;
          const cell = row.getCell(c + 1);
          cell.value = typeof v === "string" ? { richText: [{ text: excelText(v) }] } : (v as ExcelJS.CellValue);
          if (c === 1) cell.numFmt = "@";
        });
        if (r === 0) row.font = { bold: true };
        row.commit();
      });
      ws.commit();
    }
    if (vocabularies.size > 0) {
      const ws = workbook.addWorksheet(vocabularySheet, { state: "veryHidden" });
      const ids = [...vocabularies.keys()];
      const longest = Math.max(...ids.map((id) => vocabularies.get(id)!.length));
      for (let r = 0; r <= longest; r++) {
        const row = ws.getRow(r + 1);
        ids.forEach((id, c) => {
          const value = r === 0 ? id : vocabularies.get(id)![r - 1];
          if (value !== undefined) row.getCell(c + 1).value = { richText: [{ text: value }] };
        });
        row.commit();
      }
      ids.forEach((id, c) => {
        const letters = columnLetters(c);
        workbook.definedNames.add(
          `${quoteSheetName(vocabularySheet)}!$${letters}$2:$${letters}$${vocabularies.get(id)!.length + 1}`,
          vocabularyRangeName(id)
        );
      });
      ws.commit();
    }
    await workbook.commit();
    fs.renameSync(temp, output);
    finished = true;
  } catch (e) {
    if (e instanceof ArchiveError) throw e;
    const reason = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
    throw new FileError("WRITE_FAILED", output, `cannot write the workbook (${reason})`);
  } finally {
    if (!finished) fs.rmSync(temp, { force: true });
  }
  return { sheets: written, notes };
}
