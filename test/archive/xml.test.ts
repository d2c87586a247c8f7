/**
 * One XML 1.0 character check and one XML reader for the archive's two XML files: meta.xml (src/archive/xml.ts)
 * and eml.xml (src/metadata) refuse and accept exactly the same characters, written or referenced.
 */
import { ArchiveError } from "../../src/archive";
import { escapeXml, parseXml } from "../../src/archive/xml";
import { buildEmlXml, checkMetadata, findInvalidXmlChars, readEml, XmlSyntaxError } from "../../src/metadata";
import { minimalMetadata } from "../metadata/fixtures";

const OPTIONS = { packageId: "urn:uuid:x", pubDate: "2024-01-01", dateStamp: "2024-01-01T00:00:00Z" };

/** Every C0 control, the edges of the allowed planes, a lone surrogate of each kind, and an emoji (a valid pair). */
const SAMPLES = [...Array.from({ length: 0x21 }, (_, c) => String.fromCharCode(c)), "\ud7ff", "\ud800", "\udc00", "\ue000", "\ufffd", "\ufffe", "\uffff", "🦉"];

function throws(f: () => unknown, type: new (...a: never[]) => Error): boolean {
  try {
    f();
    return false;
  } catch (e) {
    return e instanceof type;
  }
}

describe("the XML 1.0 character check", () => {
  it("refuses the same characters in meta.xml and in eml.xml, as XML 1.0's Char production says", () => {
    const refused = (s: string) => findInvalidXmlChars(`a${s}b`).length > 0;
    // The production: tab, LF, CR and everything from U+0020 but surrogates (unpaired) and U+FFFE/U+FFFF.
    expect(SAMPLES.filter(refused).map((s) => s.charCodeAt(0))).toEqual([
      ...Array.from({ length: 0x20 }, (_, c) => c).filter((c) => c !== 9 && c !== 10 && c !== 13),
      0xd800,
      0xdc00,
      0xfffe,
      0xffff,
    ]);
    for (const s of SAMPLES) {
      const title = `a${s}b`;
      const meta = () => escapeXml(title);
      const eml = () => buildEmlXml({ ...minimalMetadata(), title }, OPTIONS);
      const checked = checkMetadata({ ...minimalMetadata(), title }).some((p) => p.code === "invalidXmlChar");
      expect([s.codePointAt(0), throws(meta, ArchiveError), throws(eml, Error), checked]).toEqual([s.codePointAt(0), refused(s), refused(s), refused(s)]);
    }
  });

  it("refuses a character reference to such a character in meta.xml and in eml.xml alike", () => {
    for (const code of [0x01, 0x0b, 0xfffe, 0x09, 0x41, 0x1f989]) {
      const ref = `&#x${code.toString(16)};`;
      const bad = findInvalidXmlChars(String.fromCodePoint(code)).length > 0;
      const meta = () => parseXml(`<archive><core rowType="${ref}"/></archive>`, "meta.xml");
      const eml = () => readEml(`<eml:eml xmlns:eml="eml://ecoinformatics.org/eml-2.1.1"><dataset><title>${ref}</title></dataset></eml:eml>`);
      if (bad) {
        expect(meta).toThrow(ArchiveError);
        expect(meta).toThrow(/names a character XML 1\.0 does not allow/);
        expect(eml).toThrow(XmlSyntaxError);
      } else {
        expect(meta().children[0].attributes.rowType).toBe(String.fromCodePoint(code));
        expect(eml).not.toThrow();
      }
    }
  });

  it("names the file and line of a meta.xml that is not well-formed", () => {
    expect(() => parseXml("<archive>\n<core>\n</archive>", "meta.xml")).toThrow(/end tag <\/archive> does not match <core>/);
    try {
      parseXml("<archive>\n<core>\n</archive>", "meta.xml");
    } catch (e) {
      expect(String(e)).toMatch(/meta\.xml/);
      expect(String(e)).toMatch(/line 3/);
    }
  });
});
