import * as fs from "fs";
import type { CellValue, RowChunk, SheetInfo } from "../dwc/table";
import { cellRef, columnLetters } from "./address";
import { DEFAULT_CHUNK_ROWS, FileError, type SourceNote, type TableSource } from "./source";
import { hiddenRowsNote, mergedCellsNote, noResultNote, nulCharacterNote } from "./notes";
import { XLSX_LIMITS, XlsxPackage, elementCutter, packageError, type XlsxLimits } from "./xlsx-package";

/**
 * A streaming .xlsx reader for big workbooks: the sheet XML is inflated and parsed piece by piece (fflate's `Unzip`),
 * so memory holds the shared strings and one chunk of rows, never the sheet. ExcelJS's full reader keeps every cell
 * as an object (about 8 KB per row of 11 cells); its streaming `WorkbookReader` loses what validation needs (a
 * formula's error result becomes NaN, boolean results become numbers, hidden rows and merged ranges are not read).
 *
 * It reads what SpreadsheetML sheets hold (ECMA-376 Part 1, 18.3): rows `<row r hidden>`, cells `<c r s t>` with
 * `<v>`, `<f>` (shared formulas are reported with their master's text) and inline strings `<is>`; shared strings
 * (rich text joined); number formats from `styles.xml` (`cellXfs` -> `numFmts` or the built-in ids); `date1904`
 * from `workbook.xml`; merged ranges. Excel's `_xHHHH_` escapes in strings are decoded.
 *
 * Hostile files are refused, not obeyed: parts are inflated under limits with sizes and CRCs checked
 * (./xlsx-package.ts), a sheet is read by its cells (never by its declared `<dimension>`) and refused when its
 * filled cells span more than `MAX_SHEET_CELLS`.
 */

/** Built-in number formats (ECMA-376 Part 1, 18.8.30) that matter for reading: dates, times and text. */
const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

const ENTITY: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML text to string: entities, character references and Excel's `_xHHHH_` escapes (`_x000D_` is a CR). */
export function decodeXmlText(s: string): string {
  if (s.indexOf("&") < 0 && s.indexOf("_x") < 0) return s;
  return s
    .replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) => {
      if (e[0] !== "#") return ENTITY[e] ?? m;
      const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      // A reference past U+10FFFF is not a character (String.fromCodePoint would throw): keep it as written.
      return code <= 0x10ffff ? String.fromCodePoint(code) : m;
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

function attr(tag: string, name: string): string | undefined {
  let re = ATTRIBUTE_PATTERNS.get(name);
  if (!re) {
    re = new RegExp(`\\s${name.replace(":", "\\:")}="([^"]*)"`);
    ATTRIBUTE_PATTERNS.set(name, re);
  }
  const m = re.exec(tag);
  return m ? decodeXmlText(m[1]) : undefined;
}

/** The text of an `<si>` or `<is>`: its `<t>` runs joined (phonetic `<rPh>` runs left out). */
function runsText(xml: string): string {
  const clean = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let out = "";
  for (const m of clean.matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)) out += decodeXmlText(m[1] ?? "");
  return out;
}

/** 0-based column of a cell reference's letters (`C12` -> 2). */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** What the small parts of the package say: sheets, date system, styles' number formats, shared strings. */
export interface PackageParts {
  sheets: { name: string; state: string; part: string }[];
  date1904: boolean;
  /** Number format per `cellXfs` index (null for General). */
  styleFormats: (string | null)[];
  sharedStrings: string[];
}

/**
 * The shared strings, parsed as the part inflates (the XML is never held whole); refused when the table would
 * take more memory than `limits.maxSharedStringsMemory`.
 */
function readSharedStrings(pkg: XlsxPackage, name: string): string[] {
  const strings: string[] = [];
  if (!pkg.has(name)) return strings;
  const { maxPendingXmlChars, maxSharedStringsMemory } = pkg.limits;
  const cutter = elementCutter("si", maxPendingXmlChars, () => `shared string ${strings.length + 1} of ${name}`);
  let memory = 0;
  const parse = (xml: string): void => {
    for (const m of xml.matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)) {
      const text = runsText(m[1] ?? "");
      memory += 40 + 2 * text.length;
      if (memory > maxSharedStringsMemory) {
        throw new FileError(
          "FILE_TOO_LARGE",
          pkg.path,
          `part ${name}: the shared strings table needs more than the ${Math.round(maxSharedStringsMemory / 2 ** 20)} MiB of memory this tool gives it (${strings.length} strings so far)`
        );
      }
      strings.push(text);
    }
  };
  try {
    for (const text of pkg.textPieces(name)) parse(cutter.feed(text));
    parse(cutter.end());
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw new FileError("FILE_UNREADABLE", pkg.path, `part ${name}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return strings;
}

/** Reads workbook.xml, its relationships, styles.xml and the shared strings. */
export function readParts(pkg: XlsxPackage): PackageParts {
  const path = pkg.path;
  const workbook = pkg.text("xl/workbook.xml");
  if (!workbook) throw new FileError("FILE_UNREADABLE", path, "not a readable .xlsx workbook (no xl/workbook.xml)");
  const targets = new Map<string, string>();
  for (const m of pkg.text("xl/_rels/workbook.xml.rels").matchAll(/<Relationship\b[^>]*>/g)) {
    const target = attr(m[0], "Target") ?? "";
    targets.set(attr(m[0], "Id") ?? "", target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => ({
    name: attr(m[0], "name") ?? "",
    state: attr(m[0], "state") ?? "visible",
    part: targets.get(attr(m[0], "r:id") ?? "") ?? "",
  }));
  const pr = /<workbookPr\b[^>]*>/.exec(workbook)?.[0] ?? "";
  const date1904 = /^(1|true)$/i.test(attr(pr, "date1904") ?? "");

  const styles = pkg.text("xl/styles.xml");
  const custom = new Map<number, string>();
  // Backslash escapes (`yyyy\-mm\-dd`) are unescaped as ExcelJS's full reader does, so both readers hand the core
  // the same format text.
  for (const m of styles.matchAll(/<numFmt\b[^>]*>/g)) {
    custom.set(Number(attr(m[0], "numFmtId")), (attr(m[0], "formatCode") ?? "").replace(/\\(.)/g, "$1"));
  }
  const xfs = /<cellXfs\b[\s\S]*?<\/cellXfs>/.exec(styles)?.[0] ?? "";
  const styleFormats = [...xfs.matchAll(/<xf\b[^>]*>/g)].map((m) => {
    const id = Number(attr(m[0], "numFmtId") ?? "0");
    const f = custom.get(id) ?? BUILTIN_FORMATS[id];
    return f && f !== "General" ? f : null;
  });
  const sharedStrings = readSharedStrings(pkg, "xl/sharedStrings.xml");
  return { sheets, date1904, styleFormats, sharedStrings };
}

/** One cell as the file holds it. */
export interface ParsedCell {
  value: CellValue;
  format: string | null;
  formula: string | null;
  /** A formula saved without its computed value. */
  noResult: boolean;
  /** The cell's type attribute (`s`, `n`, `b`, `e`, `str`, `inlineStr`, `d`). */
  type: string;
}

/** One parsed row. */
export interface ParsedRow {
  row: number;
  hidden: boolean;
  values: Map<number, ParsedCell>;
}

/**
 * Streams one part of the package to `onText` in pieces (see {@link XlsxPackage.textPieces}); `onText` returns
 * rows to yield.
 */
async function* streamPart(
  pkg: XlsxPackage,
  part: string,
  onText: (text: string, last: boolean) => ParsedRow[]
): AsyncGenerator<ParsedRow[]> {
  for (const text of pkg.textPieces(part)) {
    const rows = onText(text, false);
    if (rows.length > 0) yield rows;
  }
  yield onText("", true);
}

/**
 * A parser for one sheet's XML that keeps only the unparsed tail between pieces (at most
 * `limits.maxPendingXmlChars` characters: one row).
 */
export function sheetParser(parts: PackageParts, limits: XlsxLimits, onTail?: (tail: string) => void) {
  let nextRow = 1;
  const cutter = elementCutter("row", limits.maxPendingXmlChars, () => `row ${nextRow}`);
  const sharedFormulas = new Map<string, string>();
  return (text: string, last: boolean): ParsedRow[] => {
    const out: ParsedRow[] = [];
    const body = last ? cutter.feed(text) + cutter.end() : cutter.feed(text);
    if (!body) return out;
    const rowRe = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
    let lastIndex = 0;
    for (let m = rowRe.exec(body); m; m = rowRe.exec(body)) {
      lastIndex = rowRe.lastIndex;
      const rAttr = attr(` ${m[1]}`, "r");
      const row = rAttr ? Number(rAttr) : nextRow;
      nextRow = row + 1;
      const hidden = /^(1|true)$/i.test(attr(` ${m[1]}`, "hidden") ?? "");
      const values: ParsedRow["values"] = new Map();
      let nextCol = 0;
      for (const c of (m[2] ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const tag = ` ${c[1]}`;
        const ref = attr(tag, "r");
        const col = ref ? columnOf(ref) : nextCol;
        nextCol = col + 1;
        const cell = parseCell(tag, c[2] ?? "", parts, sharedFormulas);
        if (cell) values.set(col, cell);
      }
      out.push({ row, hidden, values });
    }
    if (onTail && lastIndex < body.length) onTail(body.slice(lastIndex));
    return out;
  };
}

/** One `<c>` element: its value by type, number format and formula; undefined for a cell with none of them. */
function parseCell(
  tag: string,
  inner: string,
  parts: PackageParts,
  sharedFormulas: Map<string, string>
): ParsedCell | undefined {
  const type = attr(tag, "t") ?? "n";
  const format = parts.styleFormats[Number(attr(tag, "s") ?? "0")] ?? null;
  const f = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(inner);
  let formula: string | null = null;
  if (f) {
    const fTag = ` ${f[1]}`;
    const text = decodeXmlText(f[2] ?? "");
    const si = attr(fTag, "si");
    if (attr(fTag, "t") === "shared" && si !== undefined) {
      if (text) sharedFormulas.set(si, text);
      formula = `=${text || sharedFormulas.get(si) || ""}`;
    } else formula = `=${text}`;
  }
  const v = /<v>([\s\S]*?)<\/v>|<v\/>/.exec(inner);
  const raw = v ? decodeXmlText(v[1] ?? "") : undefined;
  let value: CellValue = null;
  if (type === "inlineStr") value = runsText(/<is>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? "");
  else if (raw !== undefined) {
    if (type === "s") value = parts.sharedStrings[Number(raw)] ?? "";
    else if (type === "b") value = raw === "1" || raw === "true";
    else if (type === "e" || type === "str" || type === "d") value = raw;
    else value = raw === "" ? null : Number(raw);
  }
  if (value === "") value = null;
  if (value === null && format === null && formula === null) return undefined;
  return { value, format, formula, noResult: formula !== null && raw === undefined && type !== "inlineStr", type };
}

/** A merged range, 1-based rows and 0-based columns inclusive. */
export interface MergedRange {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** Merged ranges by their `A1:B2` references (others skipped). */
export function parseMergedRanges(refs: readonly string[]): MergedRange[] {
  const out: MergedRange[] = [];
  for (const ref of refs) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
    if (m) out.push({ c1: columnOf(m[1]), r1: Number(m[2]), c2: columnOf(m[3]), r2: Number(m[4]) });
  }
  return out;
}

/**
 * A test for "this cell is a merged cell other than its range's top-left one", by ranges rather than by listing
 * their cells (a crafted `A1:XFD1048576` would be 17 billion of them).
 */
export function mergeSlaveTest(ranges: readonly MergedRange[]): (row: number, column: number) => boolean {
  if (ranges.length === 0) return () => false;
  const byRow = new Map<number, MergedRange[]>();
  const wide: MergedRange[] = [];
  for (const r of ranges) {
    if (r.r2 - r.r1 > 64) wide.push(r);
    else for (let row = r.r1; row <= r.r2; row++) byRow.set(row, [...(byRow.get(row) ?? []), r]);
  }
  const inside = (r: MergedRange, row: number, col: number) =>
    row >= r.r1 && row <= r.r2 && col >= r.c1 && col <= r.c2 && (row !== r.r1 || col !== r.c1);
  return (row, col) => (byRow.get(row) ?? []).some((r) => inside(r, row, col)) || wide.some((r) => inside(r, row, col));
}

/**
 * Refuses a sheet whose filled cells span more than `maxCells` (from A1 to the last filled row and column),
 * naming the file, the sheet and the far cells.
 */
export function checkSheetSpan(
  path: string,
  sheet: string,
  span: { rows: number; width: number; filled: number; lastRowCell: string; widestCell: string },
  maxCells: number
): void {
  const cells = span.rows * span.width;
  if (cells <= maxCells) return;
  const n = (x: number) => x.toLocaleString("en-US");
  throw new FileError(
    "FILE_TOO_LARGE",
    path,
    `sheet "${sheet}" spans ${n(span.rows)} rows x ${n(span.width)} columns (A1:${columnLetters(span.width - 1)}${span.rows}, ${n(cells)} cells), more than the ${n(maxCells)} cells this tool reads, though only ${n(span.filled)} cells are filled; the farthest are ${span.lastRowCell} and ${span.widestCell}. Delete the stray cells (Ctrl+End in Excel goes to the last one) and save.`
  );
}

/**
 * One empty row of `width` cells, frozen: rows a sparse sheet leaves out all share it, so a stray cell a million
 * rows down costs no memory for the rows between (consumers only read rows).
 */
export function emptyRowOf(width: number): readonly null[] {
  return Object.freeze(new Array<null>(width).fill(null));
}

/**
 * At most `chunkRows` rows, and few enough that a chunk of a very wide sheet stays small (about 2 million cells).
 */
export function rowsPerChunk(chunkRows: number, width: number): number {
  return Math.max(1, Math.min(chunkRows, Math.floor((1 << 21) / Math.max(1, width))));
}

interface StreamScan {
  info: SheetInfo;
  part: string;
  width: number;
  isSlave: (row: number, column: number) => boolean;
}

/** Options of {@link openXlsxStreaming}. */
export interface XlsxReadOptions {
  /** The file's bytes, when the caller has read them already. */
  bytes?: Uint8Array;
  /** Lower limits (tests); the documented ones by default. */
  limits?: XlsxLimits;
}

/** Reads a file's bytes, or throws the {@link FileError} for why not. */
export async function readFileBytes(path: string): Promise<Uint8Array> {
  try {
    return await fs.promises.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new FileError("FILE_NOT_FOUND", path, "file not found");
    throw new FileError("FILE_UNREADABLE", path, `cannot read the file (${code ?? String(e)})`);
  }
}

/** Wraps a failure while reading a sheet as a FileError naming the file and the sheet. */
function sheetError(path: string, sheet: string, e: unknown): FileError {
  if (e instanceof FileError) {
    if (e.message.includes(`sheet "${sheet}"`)) return e;
    return new FileError(e.code, path, `sheet "${sheet}": ${e.message.slice(path.length + 2)}`);
  }
  return new FileError(
    "FILE_UNREADABLE",
    path,
    `sheet "${sheet}" cannot be read (${e instanceof Error ? e.message : String(e)})`
  );
}

/**
 * Opens an .xlsx file with the streaming reader: one pass over every sheet finds headers, the last filled row and
 * the notes; `readRows` then streams one sheet again. Same results as {@link openXlsx}, for a fraction of the memory.
 * @throws FileError naming the file (and the part or sheet) when the file is damaged, empty or past the limits.
 */
export async function openXlsxStreaming(path: string, options: XlsxReadOptions = {}): Promise<TableSource> {
  const bytes = options.bytes ?? (await readFileBytes(path));
  const limits = options.limits ?? XLSX_LIMITS;
  const pkg = new XlsxPackage(path, bytes, limits);
  let parts: PackageParts;
  try {
    parts = readParts(pkg);
  } catch (e) {
    throw packageError(path, e);
  }
  const notes: SourceNote[] = [];
  const scans: StreamScan[] = [];
  for (const sheet of parts.sheets) {
    let lastRow = 0;
    let width = 0;
    let filled = 0;
    let lastRowCell = "";
    let widestCell = "";
    let hiddenRows = 0;
    let headerRow: ParsedRow | undefined;
    const merges: string[] = [];
    const parse = sheetParser(parts, limits, (tail) => {
      for (const m of tail.matchAll(/<mergeCell\b[^>]*>/g)) merges.push(attr(m[0], "ref") ?? "");
    });
    const cellNotes: SourceNote[] = [];
    try {
      for await (const rows of streamPart(pkg, sheet.part, parse)) {
        for (const r of rows) {
          if (r.row === 1) headerRow = r;
          let rowFilled = false;
          for (const [col, cell] of r.values) {
            if (cell.noResult) cellNotes.push(noResultNote(sheet.name, r.row, col));
            if (cell.value === null) continue;
            if (typeof cell.value === "string" && cell.value.includes("\u0000")) {
              cellNotes.push(nulCharacterNote(sheet.name, r.row, col));
            }
            rowFilled = true;
            filled++;
            if (col + 1 > width) {
              width = col + 1;
              widestCell = cellRef(sheet.name, r.row, col);
            }
            lastRowCell = cellRef(sheet.name, r.row, col);
          }
          if (rowFilled) {
            lastRow = r.row;
            if (r.hidden && r.row > 1) hiddenRows++;
          }
        }
      }
    } catch (e) {
      throw sheetError(path, sheet.name, e);
    }
    checkSheetSpan(path, sheet.name, { rows: lastRow, width, filled, lastRowCell, widestCell }, limits.maxSheetCells);
    const headers: string[] = [];
    const isSlave = mergeSlaveTest(parseMergedRanges(merges));
    for (let c = 0; c < width; c++) {
      const v = isSlave(1, c) ? null : (headerRow?.values.get(c)?.value ?? null);
      headers.push(v === null ? "" : String(v));
    }
    if (merges.length > 0) notes.push(mergedCellsNote(sheet.name, merges));
    if (hiddenRows > 0) notes.push(hiddenRowsNote(sheet.name, hiddenRows));
    notes.push(...cellNotes);
    scans.push({
      info: { name: sheet.name, headers, rowCount: lastRow, visible: sheet.state === "visible" },
      part: sheet.part,
      width,
      isSlave,
    });
  }
  if (scans.every((s) => s.info.rowCount === 0))
    throw new FileError("FILE_EMPTY", path, "the workbook has no filled cells in any sheet");

  async function* readRows(scan: StreamScan, chunkRows: number): AsyncIterable<RowChunk> {
    const { width, info, isSlave } = scan;
    if (info.rowCount < 2) return;
    const perChunk = rowsPerChunk(chunkRows, width);
    let chunk: RowChunk | undefined;
    let expected = 2;
    const flush = function* () {
      if (chunk && chunk.values.length > 0) yield chunk;
      chunk = undefined;
    };
    const newRow = (): [CellValue[], (string | null)[], (string | null)[]] => [
      new Array(width).fill(null),
      new Array(width).fill(null),
      new Array(width).fill(null),
    ];
    const blank = emptyRowOf(width) as null[];
    const push = (values: CellValue[], formats: (string | null)[], formulas: (string | null)[], row: number) => {
      if (!chunk) chunk = { startRow: row, values: [], numberFormats: [], formulas: [] };
      chunk.values.push(values);
      chunk.numberFormats!.push(formats);
      chunk.formulas!.push(formulas);
    };
    let done = false;
    try {
      for await (const rows of streamPart(pkg, scan.part, sheetParser(parts, limits))) {
        for (const r of rows) {
          if (r.row < 2) continue;
          if (r.row > info.rowCount) {
            done = true;
            break;
          }
          // Rows the file leaves out are empty rows: keep the numbering continuous.
          for (; expected < r.row; expected++) {
            push(blank, blank, blank, expected);
            if (chunk!.values.length >= perChunk) yield* flush();
          }
          const [values, formats, formulas] = newRow();
          for (const [col, cell] of r.values) {
            if (col >= width || isSlave(r.row, col)) continue;
            values[col] = cell.value;
            formats[col] = cell.format;
            formulas[col] = cell.formula;
          }
          push(values, formats, formulas, r.row);
          expected = r.row + 1;
          if (chunk!.values.length >= perChunk) yield* flush();
        }
        if (done) break;
      }
    } catch (e) {
      throw sheetError(path, info.name, e);
    }
    yield* flush();
  }

  const byName = new Map(scans.map((s) => [s.info.name, s]));
  return {
    path,
    kind: "xlsx",
    facts: { date1904: parts.date1904 },
    sheets: scans.map((s) => s.info),
    veryHidden: new Set(parts.sheets.filter((s) => s.state === "veryHidden").map((s) => s.name)),
    notes,
    readRows(sheet: string, chunkRows = DEFAULT_CHUNK_ROWS) {
      const scan = byName.get(sheet);
      if (!scan) throw new FileError("SHEET_NOT_FOUND", path, `no sheet named "${sheet}"`);
      return readRows(scan, chunkRows);
    },
  };
}
