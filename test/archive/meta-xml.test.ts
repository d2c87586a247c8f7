import type { ArchiveDescriptor } from "../../src/archive/descriptor";
import { WRITE_LAYOUT } from "../../src/archive/descriptor";
import { buildMetaXml, parseMetaXml } from "../../src/archive/meta-xml";
import { dwcTextSchema, xmllint } from "./helpers";

const DWC = "http://rs.tdwg.org/dwc/terms/";

const eventArchive: ArchiveDescriptor = {
  metadata: "eml.xml",
  core: {
    rowType: `${DWC}Event`,
    location: "event.txt",
    idIndex: 0,
    ...WRITE_LAYOUT,
    fields: [
      { index: 0, term: `${DWC}eventID` },
      { index: 1, term: `${DWC}eventDate` },
      { term: `${DWC}countryCode`, default: "RU" },
    ],
  },
  extensions: [
    {
      rowType: `${DWC}Occurrence`,
      location: "occurrence.txt",
      idIndex: 0,
      ...WRITE_LAYOUT,
      fields: [
        { index: 0, term: `${DWC}eventID` },
        { index: 1, term: `${DWC}occurrenceID` },
      ],
    },
    {
      rowType: "http://rs.tdwg.org/dwc/terms/MeasurementOrFact",
      location: "measurementorfact.txt",
      idIndex: 0,
      ...WRITE_LAYOUT,
      fields: [{ index: 1, term: `${DWC}measurementType`, vocabulary: "http://example.org/a?b=1&c=<2>" }],
    },
  ],
};

describe("buildMetaXml", () => {
  it("writes every file attribute explicitly, with separators as escapes", () => {
    const xml = buildMetaXml(eventArchive);
    expect(xml).toContain(
      '<core encoding="UTF-8" fieldsTerminatedBy="\\t" linesTerminatedBy="\\n" fieldsEnclosedBy="&quot;" ignoreHeaderLines="1" rowType="http://rs.tdwg.org/dwc/terms/Event">'
    );
    expect(xml).toContain('<coreid index="0"/>');
    expect(xml).toContain('<field term="http://rs.tdwg.org/dwc/terms/countryCode" default="RU"/>');
  });

  it("escapes XML special characters in attribute values", () => {
    const xml = buildMetaXml(eventArchive);
    expect(xml).toContain('vocabulary="http://example.org/a?b=1&amp;c=&lt;2&gt;"');
  });

  it("is valid against the Darwin Core text guide schema (xmllint)", () => {
    const result = xmllint(buildMetaXml(eventArchive), dwcTextSchema());
    expect(result.output).toContain("validates");
    expect(result.valid).toBe(true);
  });

  it("the schema check can fail: an extension without coreid is rejected by xmllint", () => {
    const broken = buildMetaXml(eventArchive).replace('    <coreid index="0"/>\n', "");
    expect(xmllint(broken, dwcTextSchema()).valid).toBe(false);
  });

  it("refuses an extension without a coreid column", () => {
    const noCoreid = { ...eventArchive, extensions: [{ ...eventArchive.extensions[0], idIndex: undefined }] };
    expect(() => buildMetaXml(noCoreid)).toThrow(/occurrence\.txt: an extension needs a coreid column/);
  });

  it("writes &, <, quotes and emoji in a default value so that the schema check passes and the value reads back", () => {
    const value = 'Tom & Jerry <"cats"> 🐈 Ёж\tтаб';
    const withDefault: ArchiveDescriptor = {
      ...eventArchive,
      core: { ...eventArchive.core, fields: [...eventArchive.core.fields, { term: `${DWC}locality`, default: value }] },
    };
    const xml = buildMetaXml(withDefault);
    expect(xmllint(xml, dwcTextSchema()).valid).toBe(true);
    expect(parseMetaXml(xml).core.fields[3].default).toBe(value);
  });

  it("refuses a control character XML 1.0 cannot hold, naming it", () => {
    const bad: ArchiveDescriptor = {
      ...eventArchive,
      core: { ...eventArchive.core, fields: [{ term: `${DWC}locality`, default: "a\u0001b" }] },
    };
    expect(() => buildMetaXml(bad)).toThrow(/character U\+0001 at position 1 of "a\u0001b" cannot be written in XML 1\.0/);
  });

  it("reads back what it wrote", () => {
    expect(parseMetaXml(buildMetaXml(eventArchive))).toEqual(eventArchive);
  });
});

describe("parseMetaXml", () => {
  it("applies the schema defaults to missing attributes", () => {
    const d = parseMetaXml(
      `<archive xmlns="http://rs.tdwg.org/dwc/text/"><core rowType="${DWC}Occurrence"><files><location>o.csv</location></files><field index="0" term="${DWC}occurrenceID"/></core></archive>`
    );
    expect(d.core).toMatchObject({
      encoding: "UTF-8",
      fieldsTerminatedBy: ",",
      linesTerminatedBy: "\n",
      fieldsEnclosedBy: '"',
      ignoreHeaderLines: 0,
    });
    expect(d.core.idIndex).toBeUndefined();
    expect(d.metadata).toBeUndefined();
  });

  it("reads literal separators, character references and an empty enclosing character", () => {
    const d = parseMetaXml(
      `<?xml version='1.0'?><!-- c --><archive xmlns="http://rs.tdwg.org/dwc/text/"><core fieldsTerminatedBy="&#9;" linesTerminatedBy="\\r\\n" fieldsEnclosedBy='' rowType="${DWC}Taxon"><files><location> t.txt </location></files><id index="2"/><field default="a &amp; b" term="${DWC}kingdom"/></core></archive>`
    );
    expect(d.core.fieldsTerminatedBy).toBe("\t");
    expect(d.core.linesTerminatedBy).toBe("\r\n");
    expect(d.core.fieldsEnclosedBy).toBe("");
    expect(d.core.location).toBe("t.txt");
    expect(d.core.idIndex).toBe(2);
    expect(d.core.fields[0]).toEqual({ term: `${DWC}kingdom`, default: "a & b" });
  });

  it("names the problem when meta.xml cannot be used", () => {
    expect(() => parseMetaXml("<archive><extension/></archive>")).toThrow(/meta\.xml: expected exactly one <core>, found 0/);
    expect(() =>
      parseMetaXml(`<archive><core rowType="x"><files><location>a</location></files><field term="t"/></core></archive>`)
    ).toThrow(/meta\.xml > core: field t has neither index nor default/);
    expect(() => parseMetaXml("<archive><core>")).toThrow(/BAD|not closed/);
  });
});

describe("parseMetaXml refusals", () => {
  const meta = (coreAttrs: string, fieldAttrs = "") =>
    `<archive xmlns="http://rs.tdwg.org/dwc/text/"><core rowType="http://rs.tdwg.org/dwc/terms/Occurrence"${coreAttrs}>` +
    `<files><location>occurrence.txt</location></files><id index="0"/>` +
    `<field index="0" term="http://rs.tdwg.org/dwc/terms/occurrenceID"${fieldAttrs}/></core></archive>`;

  it('refuses fieldsTerminatedBy="" naming meta.xml and the core', () => {
    expect(() => parseMetaXml(meta(' fieldsTerminatedBy=""'))).toThrow(
      'meta.xml > core: fieldsTerminatedBy="" is empty: fields need a separator'
    );
  });

  it("refuses character references past U+10FFFF, to surrogates and to control characters, naming the line", () => {
    for (const ref of ["&#x110000;", "&#xD800;", "&#1;", "&#99999999999;"]) {
      expect(() => parseMetaXml(meta("", ` default="${ref}"`))).toThrow(/^meta\.xml > line 1: character reference/);
    }
    expect(parseMetaXml(meta("", ' default="&#x10FFFF;&#x1F426;"')).core.fields[0].default).toBe("\u{10FFFF}🐦");
  });
});
