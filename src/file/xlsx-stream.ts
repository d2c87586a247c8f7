import * as fs from "fs";
import { Unzip, UnzipInflate, unzipSync } from "fflate";
import type { CellValue, RowChunk, SheetInfo } from "../dwc/table";
import { cellRef } from "./address";
import { DEFAULT_CHUNK_ROWS, FileError, type SourceNote, type TableSource } from "./source";
import { hiddenRowsNote, mergedCellsNote, noResultNote } from "./notes";

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
      return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
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
interface PackageParts {
  sheets: { name: string; state: string; part: string }[];
  date1904: boolean;
  /** Number format per `cellXfs` index (null for General). */
  styleFormats: (string | null)[];
  sharedStrings: string[];
}

function readParts(path: string, bytes: Uint8Array): PackageParts {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|styles\.xml|sharedStrings\.xml)$/i.test(f.name),
    });
  } catch (e) {
    throw new FileError(
      "FILE_UNREADABLE",
      path,
      `not a readable .xlsx workbook (${e instanceof Error ? e.message : String(e)})`
    );
  }
  const text = (name: string): string => {
    const key = Object.keys(files).find((k) => k.toLowerCase() === name.toLowerCase());
    return key ? new TextDecoder().decode(files[key]) : "";
  };
  const workbook = text("xl/workbook.xml");
  if (!workbook) throw new FileError("FILE_UNREADABLE", path, "not a readable .xlsx workbook (no xl/workbook.xml)");
  const targets = new Map<string, string>();
  for (const m of text("xl/_rels/workbook.xml.rels").matchAll(/<Relationship\b[^>]*>/g)) {
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

  const styles = text("xl/styles.xml");
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
  const sharedStrings = [...text("xl/sharedStrings.xml").matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)].map((m) =>
    runsText(m[1] ?? "")
  );
  return { sheets, date1904, styleFormats, sharedStrings };
}

/** One parsed row. */
interface ParsedRow {
  row: number;
  hidden: boolean;
  values: Map<number, { value: CellValue; format: string | null; formula: string | null; noResult: boolean }>;
}

/**
 * Inflates one part of the package and hands its text to `onText` in pieces (UTF-8 decoded across piece
 * boundaries); `onText` returns rows to yield. Pieces come from a 64 KB window over the file's bytes.
 */
async function* streamPart(
  bytes: Uint8Array,
  part: string,
  onText: (text: string, last: boolean) => ParsedRow[]
): AsyncGenerator<ParsedRow[]> {
  const decoder = new TextDecoder();
  const pending: ParsedRow[][] = [];
  let found = false;
  let failure: unknown;
  const unzip = new Unzip((file) => {
    if (file.name.toLowerCase() !== part.toLowerCase()) return;
    found = true;
    file.ondata = (err, data, final) => {
      if (err) {
        failure = err;
        return;
      }
      try {
        pending.push(onText(decoder.decode(data, { stream: !final }), final));
      } catch (e) {
        failure = e;
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  // 64 KB of compressed input inflates to about 1 MB of sheet XML: a few thousand rows held at a time.
  const WINDOW = 1 << 16;
  for (let i = 0; i < bytes.length; i += WINDOW) {
    unzip.push(bytes.subarray(i, Math.min(bytes.length, i + WINDOW)), i + WINDOW >= bytes.length);
    if (failure) throw failure;
    while (pending.length > 0) yield pending.shift() as ParsedRow[];
  }
  if (!found) throw new Error(`part ${part} is missing`);
}

/** A parser for one sheet's XML that keeps only the unparsed tail between pieces. */
function sheetParser(parts: PackageParts, onTail?: (tail: string) => void) {
  let buffer = "";
  let nextRow = 1;
  const sharedFormulas = new Map<string, string>();
  return (text: string, last: boolean): ParsedRow[] => {
    buffer += text;
    const out: ParsedRow[] = [];
    const end = last ? buffer.length : buffer.lastIndexOf("</row>") + 6;
    if (end <= 5 && !last) return out;
    const body = buffer.slice(0, end);
    buffer = buffer.slice(end);
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
        const inner = c[2] ?? "";
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
        if (value !== null || format !== null || formula !== null) {
          values.set(col, { value, format, formula, noResult: formula !== null && raw === undefined });
        }
      }
      out.push({ row, hidden, values });
    }
    if (last) onTail?.(body.slice(lastIndex));
    else if (onTail && lastIndex < body.length) onTail(body.slice(lastIndex));
    return out;
  };
}

interface StreamScan {
  info: SheetInfo;
  part: string;
  width: number;
  /** `row:col` of merged cells other than each range's first. */
  mergedSlaves: Set<string>;
}

/**
 * Opens an .xlsx file with the streaming reader: one pass over every sheet finds headers, the last filled row and
 * the notes; `readRows` then streams one sheet again. Same results as {@link openXlsx}, for a fraction of the memory.
 */
export async function openXlsxStreaming(path: string): Promise<TableSource> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.promises.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new FileError("FILE_NOT_FOUND", path, "file not found");
    throw new FileError("FILE_UNREADABLE", path, `cannot read the file (${code ?? String(e)})`);
  }
  const parts = readParts(path, bytes);
  const notes: SourceNote[] = [];
  const scans: StreamScan[] = [];
  for (const sheet of parts.sheets) {
    let lastRow = 0;
    let width = 0;
    let hiddenRows = 0;
    let noResult: string | undefined;
    let headerRow: ParsedRow | undefined;
    const merges: string[] = [];
    const parse = sheetParser(parts, (tail) => {
      for (const m of tail.matchAll(/<mergeCell\b[^>]*>/g)) merges.push(attr(m[0], "ref") ?? "");
    });
    try {
      for await (const rows of streamPart(bytes, sheet.part, parse)) {
        for (const r of rows) {
          if (r.row === 1) headerRow = r;
          let filled = false;
          for (const [col, cell] of r.values) {
            if (cell.noResult && noResult === undefined) noResult = cellRef(sheet.name, r.row, col);
            if (cell.value === null) continue;
            filled = true;
            if (col + 1 > width) width = col + 1;
          }
          if (filled) {
            lastRow = r.row;
            if (r.hidden && r.row > 1) hiddenRows++;
          }
        }
      }
    } catch (e) {
      throw new FileError(
        "FILE_UNREADABLE",
        path,
        `sheet "${sheet.name}" cannot be read (${e instanceof Error ? e.message : String(e)})`
      );
    }
    const headers: string[] = [];
    const mergedSlaves = slaveCells(merges);
    for (let c = 0; c < width; c++) {
      const v = mergedSlaves.has(`1:${c}`) ? null : (headerRow?.values.get(c)?.value ?? null);
      headers.push(v === null ? "" : String(v));
    }
    if (merges.length > 0) notes.push(mergedCellsNote(sheet.name, merges));
    if (hiddenRows > 0) notes.push(hiddenRowsNote(sheet.name, hiddenRows));
    if (noResult !== undefined) notes.push(noResultNote(sheet.name, noResult));
    scans.push({
      info: { name: sheet.name, headers, rowCount: lastRow, visible: sheet.state === "visible" },
      part: sheet.part,
      width,
      mergedSlaves,
    });
  }
  if (scans.every((s) => s.info.rowCount === 0))
    throw new FileError("FILE_EMPTY", path, "the workbook has no filled cells in any sheet");

  async function* readRows(scan: StreamScan, chunkRows: number): AsyncIterable<RowChunk> {
    const { width, info, mergedSlaves: slaves } = scan;
    if (info.rowCount < 2) return;
    let chunk: RowChunk | undefined;
    let expected = 2;
    const flush = function* () {
      if (chunk && chunk.values.length > 0) yield chunk;
      chunk = undefined;
    };
    const emptyRow = (): [CellValue[], (string | null)[], (string | null)[]] => [
      new Array(width).fill(null),
      new Array(width).fill(null),
      new Array(width).fill(null),
    ];
    const push = (values: CellValue[], formats: (string | null)[], formulas: (string | null)[], row: number) => {
      if (!chunk) chunk = { startRow: row, values: [], numberFormats: [], formulas: [] };
      chunk.values.push(values);
      chunk.numberFormats!.push(formats);
      chunk.formulas!.push(formulas);
    };
    let done = false;
    for await (const rows of streamPart(bytes, scan.part, sheetParser(parts))) {
      for (const r of rows) {
        if (r.row < 2) continue;
        if (r.row > info.rowCount) {
          done = true;
          break;
        }
        // Rows the file leaves out are empty rows: keep the numbering continuous.
        for (; expected < r.row; expected++) {
          push(...emptyRow(), expected);
          if (chunk!.values.length >= chunkRows) yield* flush();
        }
        const [values, formats, formulas] = emptyRow();
        for (const [col, cell] of r.values) {
          if (col >= width || slaves.has(`${r.row}:${col}`)) continue;
          values[col] = cell.value;
          formats[col] = cell.format;
          formulas[col] = cell.formula;
        }
        push(values, formats, formulas, r.row);
        expected = r.row + 1;
        if (chunk!.values.length >= chunkRows) yield* flush();
      }
      if (done) break;
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

/** `row:col` keys of every merged cell other than the top-left one of its range. */
function slaveCells(ranges: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const ref of ranges) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
    if (!m) continue;
    const [c1, r1, c2, r2] = [columnOf(m[1]), Number(m[2]), columnOf(m[3]), Number(m[4])];
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) if (r !== r1 || c !== c1) out.add(`${r}:${c}`);
  }
  return out;
}
