/**
 * Builds hostile and broken inputs at test time (no committed binaries): .xlsx packages written part by part
 * with fflate, zips whose headers lie about sizes and checksums, Darwin Core archives with crafted meta.xml, and
 * CSV files with mixed line ends, open quotes and stray bytes.
 */
import * as fs from "fs";
import * as path from "path";
import { deflateSync, strToU8, zipSync, type Zippable } from "fflate";

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** One sheet of a hand-written workbook: its `<sheetData>` rows as XML, and what follows them. */
export interface RawSheet {
  name: string;
  rows: string;
  /** XML after `</sheetData>`, e.g. `<mergeCells>`. */
  after?: string;
  /** Content of `<dimension ref>`, to show it is not trusted. */
  dimension?: string;
}

/** What a hand-written workbook holds. */
export interface RawWorkbook {
  sheets: RawSheet[];
  /** Shared strings, as `<si>` inner XML (e.g. `<t>a</t>`). */
  sharedStrings?: string[];
  /** `<numFmt>` elements' codes by id and the `cellXfs` numFmtIds (style index = position). */
  numFmts?: Record<number, string>;
  cellXfs?: number[];
  /** Replace a part's text entirely (e.g. a huge sharedStrings.xml built separately). */
  extraParts?: Record<string, Uint8Array>;
}

/** The parts of an .xlsx package (as fflate's `Zippable`), written by hand. */
export function xlsxParts(wb: RawWorkbook): Zippable {
  const sheetParts: Zippable = {};
  wb.sheets.forEach((s, i) => {
    sheetParts[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      `${XML}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
        (s.dimension ? `<dimension ref="${s.dimension}"/>` : "") +
        `<sheetData>${s.rows}</sheetData>${s.after ?? ""}</worksheet>`
    );
  });
  const numFmts = Object.entries(wb.numFmts ?? {});
  const xfs = wb.cellXfs ?? [0];
  const parts: Zippable = {
    "[Content_Types].xml": strToU8(
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        wb.sheets
          .map(
            (_s, i) =>
              `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
          )
          .join("") +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        "</Types>"
    ),
    "_rels/.rels": strToU8(
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
    ),
    "xl/workbook.xml": strToU8(
      `${XML}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr/><sheets>` +
        wb.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
        "</sheets></workbook>"
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        wb.sheets
          .map(
            (_s, i) =>
              `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
          )
          .join("") +
        `<Relationship Id="rIdS" Type="${REL_NS}/styles" Target="styles.xml"/>` +
        `<Relationship Id="rIdT" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
        "</Relationships>"
    ),
    "xl/styles.xml": strToU8(
      `${XML}<styleSheet xmlns="${MAIN_NS}">` +
        (numFmts.length
          ? `<numFmts count="${numFmts.length}">${numFmts.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code}"/>`).join("")}</numFmts>`
          : "") +
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        `<cellXfs count="${xfs.length}">${xfs.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join("")}</cellXfs>` +
        "</styleSheet>"
    ),
    "xl/sharedStrings.xml": strToU8(
      `${XML}<sst xmlns="${MAIN_NS}" count="${wb.sharedStrings?.length ?? 0}" uniqueCount="${wb.sharedStrings?.length ?? 0}">` +
        (wb.sharedStrings ?? []).map((s) => `<si>${s}</si>`).join("") +
        "</sst>"
    ),
    ...sheetParts,
  };
  for (const [name, bytes] of Object.entries(wb.extraParts ?? {})) parts[name] = [bytes, { level: 6 }];
  return parts;
}

/** Writes a hand-made .xlsx and returns its path. */
export function writeRawXlsx(dir: string, name: string, wb: RawWorkbook): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, zipSync(xlsxParts(wb)));
  return file;
}

/** A cell's XML. */
export const cell = {
  str: (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`,
  shared: (ref: string, index: number) => `<c r="${ref}" t="s"><v>${index}</v></c>`,
  num: (ref: string, v: string, style = 0) => `<c r="${ref}"${style ? ` s="${style}"` : ""}><v>${v}</v></c>`,
  bool: (ref: string, v: boolean) => `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`,
  error: (ref: string, v: string) => `<c r="${ref}" t="e"><v>${v}</v></c>`,
  date: (ref: string, iso: string, style = 0) => `<c r="${ref}" t="d"${style ? ` s="${style}"` : ""}><v>${iso}</v></c>`,
  formula: (ref: string, f: string, cached?: { t?: string; v: string }) =>
    `<c r="${ref}"${cached?.t ? ` t="${cached.t}"` : ""}><f>${f}</f>${cached ? `<v>${cached.v}</v>` : ""}</c>`,
};

/** A row's XML. */
export const row = (r: number, cells: string[]) => `<row r="${r}">${cells.join("")}</row>`;

/** Entry fields of a zip to overwrite, in both its local header and its central directory record. */
export interface EntryPatch {
  size?: number;
  compressedSize?: number;
  crc?: number;
}

/** Rewrites the size or CRC fields of one entry of a zip (to make its headers lie). */
export function patchZipEntry(zip: Uint8Array, name: string, patch: EntryPatch): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const nameBytes = strToU8(name);
  const matches = (p: number) => nameBytes.every((b, i) => out[p + i] === b);
  let found = 0;
  for (let p = 0; p + 46 < out.length; p++) {
    const sig = view.getUint32(p, true);
    if (sig === 0x04034b50 && view.getUint16(p + 26, true) === nameBytes.length && matches(p + 30)) {
      if (patch.crc !== undefined) view.setUint32(p + 14, patch.crc >>> 0, true);
      if (patch.compressedSize !== undefined) view.setUint32(p + 18, patch.compressedSize, true);
      if (patch.size !== undefined) view.setUint32(p + 22, patch.size, true);
      found++;
    } else if (sig === 0x02014b50 && view.getUint16(p + 28, true) === nameBytes.length && matches(p + 46)) {
      if (patch.crc !== undefined) view.setUint32(p + 16, patch.crc >>> 0, true);
      if (patch.compressedSize !== undefined) view.setUint32(p + 20, patch.compressedSize, true);
      if (patch.size !== undefined) view.setUint32(p + 24, patch.size, true);
      found++;
    }
  }
  if (found !== 2) throw new Error(`patchZipEntry: ${name} found ${found} times`);
  return out;
}

/** The CRC-32 a zip records for an entry (to compute a wrong one). */
export function entryCrc(zip: Uint8Array, name: string): number {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const nameBytes = strToU8(name);
  for (let p = 0; p + 46 < zip.length; p++) {
    if (view.getUint32(p, true) !== 0x02014b50 || view.getUint16(p + 28, true) !== nameBytes.length) continue;
    if (nameBytes.every((b, i) => zip[p + 46 + i] === b)) return view.getUint32(p + 16, true);
  }
  throw new Error(`entryCrc: ${name} not found`);
}

/**
 * A zip with one entry whose deflate data inflates to `actualBytes` of `fill` (zeros deflate ~1000:1, so a few MB
 * of XML cost a few KB) and whose headers declare `declaredBytes`, with the other `parts` alongside.
 */
export function bombZip(
  parts: Zippable,
  entry: string,
  actualBytes: number,
  declaredBytes: number,
  fill = 0x20
): Uint8Array {
  const data = new Uint8Array(actualBytes).fill(fill);
  const zip = zipSync({ ...parts, [entry]: [data, { level: 1 }] });
  return declaredBytes === actualBytes ? zip : patchZipEntry(zip, entry, { size: declaredBytes });
}

/** A Darwin Core archive with the given meta.xml and files. */
export function archiveZip(metaXml: string, files: Record<string, string | Uint8Array>): Uint8Array {
  const parts: Zippable = { "meta.xml": strToU8(metaXml) };
  for (const [name, content] of Object.entries(files))
    parts[name] = typeof content === "string" ? strToU8(content) : content;
  return zipSync(parts);
}

/** A minimal meta.xml for an occurrence core, with attributes to override. */
export function metaXml(attrs: Record<string, string> = {}, extra = ""): string {
  const a = {
    encoding: "UTF-8",
    fieldsTerminatedBy: "\\t",
    linesTerminatedBy: "\\n",
    fieldsEnclosedBy: "",
    ignoreHeaderLines: "1",
    rowType: "http://rs.tdwg.org/dwc/terms/Occurrence",
    ...attrs,
  };
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<archive xmlns="http://rs.tdwg.org/dwc/text/">` +
    `<core ${Object.entries(a)
      .map(([k, v]) => `${k}="${v}"`)
      .join(" ")}>` +
    `<files><location>occurrence.txt</location></files><id index="0"/>` +
    `<field index="0" term="http://rs.tdwg.org/dwc/terms/occurrenceID"/>` +
    `<field index="1" term="http://rs.tdwg.org/dwc/terms/scientificName"${extra}/>` +
    `</core></archive>`
  );
}

/** Raw deflate of bytes (for sizing bombs in tests). */
export const deflated = (bytes: Uint8Array): Uint8Array => deflateSync(bytes, { level: 1 });

/** Windows-1251 bytes of Russian text (А-я, Ёё) and ASCII. */
export function cp1251(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) out[i] = c;
    else if (c >= 0x410 && c <= 0x44f) out[i] = c - 0x410 + 0xc0;
    else if (c === 0x401) out[i] = 0xa8;
    else if (c === 0x451) out[i] = 0xb8;
    else throw new Error(`cp1251: no byte for U+${c.toString(16)}`);
  }
  return out;
}
