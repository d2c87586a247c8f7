/**
 * Text decoding of archive files (src/archive/text-decoding.ts): the code-page tables against Node's own decoders
 * (ICU, independent of ours), piece-by-piece decoding against whole-file decoding at every split, and archives in
 * windows-1251, KOI8-R and UTF-16 read by the in-memory reader and by `dwc-excel import`'s streaming reader with the
 * same values as their UTF-8 original.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { zipSync, strToU8 } from "fflate";
import { readArchive, recordsOf } from "../../src/archive";
import { decodeText, decodeXml, isSupportedEncoding, textDecoder } from "../../src/archive/text-decoding";
import { openArchiveSource, readArchiveHead, writeArchiveWorkbook } from "../../src/file/archive-workbook";
import { tempDir } from "../cli/helpers";

jest.setTimeout(60_000);

/** Encodes text in a single-byte code page by inverting Node's decoder for that page. */
function encodeWith(encoding: string, text: string): Uint8Array {
  const decoder = new TextDecoder(encoding);
  const byChar = new Map<string, number>();
  for (let b = 0; b < 256; b++) byChar.set(decoder.decode(Uint8Array.of(b)), b);
  return Uint8Array.from([...text].map((c) => {
    const b = byChar.get(c);
    if (b === undefined) throw new Error(`${c} is not in ${encoding}`);
    return b;
  }));
}

function utf16(text: string, little: boolean, bom: boolean): Uint8Array {
  const out: number[] = bom ? (little ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (little) out.push(u & 0xff, u >> 8);
    else out.push(u >> 8, u & 0xff);
  }
  return Uint8Array.from(out);
}

const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, b) => b);

describe("code pages", () => {
  it.each(["windows-1251", "koi8-r"])("%s: every byte as Node's decoder reads it", (encoding) => {
    expect(decodeText(ALL_BYTES, encoding, "t.txt")).toBe(new TextDecoder(encoding).decode(ALL_BYTES));
  });

  it("windows-1252: 0x80–0x9F are the code page's letters and signs (Node's decoder reads them as ISO-8859-1)", () => {
    const text = decodeText(ALL_BYTES, "cp1252", "t.txt");
    expect([text[0x80], text[0x8a], text[0x9f], text[0x81], text[0xe9]]).toEqual(["€", "Š", "Ÿ", "\u0081", "é"]);
    expect(text.slice(0xa0)).toBe(Buffer.from(ALL_BYTES.subarray(0xa0)).toString("latin1"));
  });

  it("ISO-8859-1 is itself, not windows-1252", () => {
    expect(decodeText(ALL_BYTES, "ISO-8859-1", "t.txt")).toBe(Buffer.from(ALL_BYTES).toString("latin1"));
  });

  it("knows the names meta.xml writers use, and refuses others by name", () => {
    for (const name of ["UTF-8", "utf8", "CP1251", "Windows-1251", "KOI8-R", "UTF-16", "UTF-16LE", "utf_16be", "latin1"]) {
      expect(isSupportedEncoding(name)).toBe(true);
    }
    expect(() => textDecoder("EBCDIC-37", "archive", "data.txt")).toThrow(/encoding "EBCDIC-37" is not supported/);
  });
});

describe("piece by piece", () => {
  const sample = "occurrenceID\tlocality\n1\tЗвенигород, «Лесное» — 55°45′ N 😀\r\n2\tMüller's ÿ\n";
  const encodings: [string, Uint8Array][] = [
    ["UTF-8", strToU8("\uFEFF" + sample)],
    ["UTF-16", utf16(sample, true, true)],
    ["UTF-16", utf16(sample, false, true)],
    ["UTF-16LE", utf16(sample, true, false)],
    ["UTF-16", utf16(sample, true, false)],
    ["UTF-16", utf16(sample, false, false)],
  ];

  it.each(encodings)("%s decodes the same at every split", (encoding, bytes) => {
    expect(decodeText(bytes, encoding, "t.txt")).toBe(sample);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 6 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const decode = textDecoder(encoding, "t.txt");
        let out = "";
        let from = 0;
        for (const p of [...points, bytes.length]) {
          out += decode(bytes.subarray(from, p));
          from = p;
        }
        out += decode(undefined);
        expect(out).toBe(sample);
      })
    );
  });

  it("a UTF-16 file cut on an odd byte ends in U+FFFD, not silently short", () => {
    const bytes = utf16("ab", true, true).subarray(0, 5);
    expect(decodeText(bytes, "UTF-16", "t.txt")).toBe("a\uFFFD");
  });

  it("reads a UTF-16 XML document by its first bytes", () => {
    const xml = '<?xml version="1.0" encoding="UTF-16"?><archive>Ёж</archive>';
    expect(decodeXml(utf16(xml, true, true), "meta.xml")).toBe(xml);
    expect(decodeXml(utf16(xml, true, false), "meta.xml")).toBe(xml);
    expect(decodeXml(utf16(xml, false, false), "meta.xml")).toBe(xml);
  });
});

describe("archives in Russian code pages and UTF-16", () => {
  const rows = [
    ["occurrenceID", "basisOfRecord", "scientificName", "locality", "recordedBy"],
    ["msu-1", "PreservedSpecimen", "Picea abies (L.) H.Karst.", "Московская обл., Звенигородская биостанция", "Иванов И.И."],
    ["msu-2", "HumanObservation", "Lynx lynx", 'Карелия, заповедник "Кивач"; 2 км к С от кордона', "Петрова А.В.; Ёлкин Ю."],
  ];
  const text = rows.map((r) => r.join("\t")).join("\r\n") + "\r\n";
  const meta = (encoding: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>
<archive xmlns="http://rs.tdwg.org/dwc/text/">
  <core encoding="${encoding}" fieldsTerminatedBy="\\t" linesTerminatedBy="\\r\\n" fieldsEnclosedBy="" ignoreHeaderLines="1" rowType="http://rs.tdwg.org/dwc/terms/Occurrence">
    <files><location>occurrence.txt</location></files>
    <id index="0"/>
    <field index="0" term="http://rs.tdwg.org/dwc/terms/occurrenceID"/>
    <field index="1" term="http://rs.tdwg.org/dwc/terms/basisOfRecord"/>
    <field index="2" term="http://rs.tdwg.org/dwc/terms/scientificName"/>
    <field index="3" term="http://rs.tdwg.org/dwc/terms/locality"/>
    <field index="4" term="http://rs.tdwg.org/dwc/terms/recordedBy"/>
  </core>
</archive>`;
  const cases: [string, Uint8Array][] = [
    ["windows-1251", encodeWith("windows-1251", text)],
    ["KOI8-R", encodeWith("koi8-r", text)],
    ["UTF-16", utf16(text, true, true)],
  ];
  const dir = tempDir("encodings");

  it.each(cases)("%s: the reader and the import give the UTF-8 original's values", async (encoding, data) => {
    const zip = zipSync({ "meta.xml": strToU8(meta(encoding)), "occurrence.txt": data });
    const archive = readArchive(zip);
    const locality = recordsOf(archive.core).map((r) => r.values["http://rs.tdwg.org/dwc/terms/locality"]);
    expect(locality).toEqual([rows[1][3], rows[2][3]]);

    const zipPath = path.join(dir, `${encoding}.zip`);
    fs.writeFileSync(zipPath, zip);
    const output = path.join(dir, `${encoding}.xlsx`);
    const head = readArchiveHead(openArchiveSource(zipPath));
    await writeArchiveWorkbook(head, output, { metadataRows: [] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    const sheet = wb.getWorksheet("Occurrence")!;
    const read = [1, 2, 3].map((r) => rows[0].map((_, c) => sheet.getRow(r).getCell(c + 1).text));
    expect(read).toEqual(rows);
  });
});
