import * as fs from "fs";
import * as path from "path";
import { LICENSES, MetadataError, buildEmlXml, fixInvalidXmlChars, taxonCountsText } from "../../src/metadata";
import type { DatasetMetadata, LicenseId } from "../../src/metadata";
import { agent, exampleMetadata, minimalMetadata } from "./fixtures";
import { PROFILE_DIR, SHARED, validateEml, xpath } from "./helpers";

const OPTIONS = {
  packageId: "urn:uuid:5f0e6f2c-1b7e-4d0e-9a55-3a1f2b7c9d10/v1.0",
  pubDate: "2026-11-21",
  dateStamp: "2026-11-21T12:30:00Z",
};

function expectValid(xml: string): void {
  const result = validateEml(xml);
  if (!result.ok) throw new Error(`eml.xml is not valid against ${PROFILE_DIR}:\n${result.output}\n${xml}`);
}

/** Text of the first node an XPath selects (xmllint decodes entities for us, an independent reader). */
function text(xml: string, expr: string): string {
  return xpath(xml, `string(${expr})`);
}

describe("the XSD check itself", () => {
  it("accepts the IPT's own profile-1.3 test document", () => {
    const ipt = fs.readFileSync(path.join(SHARED, "dwc/examples/gbif-ipt-test-res1_occurrence/eml.xml"), "utf8");
    expectValid(ipt);
  });

  it("rejects a document without its required title", () => {
    const xml = buildEmlXml(minimalMetadata(), OPTIONS).replace(/<title[^>]*>.*<\/title>\n/, "");
    const result = validateEml(xml);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/creator.*Expected is.*title|title/);
  });
});

describe("buildEmlXml", () => {
  it("writes the example dataset as a valid profile-1.3 document in IPT layout", () => {
    const xml = buildEmlXml(exampleMetadata(), OPTIONS);
    expectValid(xml);
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<eml:eml xmlns:eml="https://eml.ecoinformatics.org/eml-2.2.0"'
      )
    ).toBe(true);
    expect(xml).toContain(
      'xsi:schemaLocation="https://eml.ecoinformatics.org/eml-2.2.0 https://rs.gbif.org/schema/eml-gbif-profile/1.3/eml.xsd"'
    );
    expect(xml).toContain('system="http://gbif.org" scope="system" xml:lang="eng"');
    expect(text(xml, "/*/@packageId")).toBe(OPTIONS.packageId);
    expect(text(xml, "//dataset/language")).toBe("rus");
    expect(text(xml, "//dataset/pubDate")).toBe("2026-11-21");
    expect(text(xml, "//additionalMetadata/metadata/gbif/dateStamp")).toBe("2026-11-21T12:30:00Z");
    expect(text(xml, "//additionalMetadata/metadata/gbif/hierarchyLevel")).toBe("dataset");
    expect(text(xml, "//additionalMetadata/metadata/gbif/citation")).toMatch(
      /^Ivanova M\. A\., Korolev P\. S\. \(2026\)/
    );
    expect(text(xml, "count(//dataset/creator)")).toBe("2");
    expect(text(xml, "//dataset/creator[1]/userId[@directory='https://orcid.org/']")).toBe("0000-0002-1825-0097");
    expect(text(xml, "//dataset/maintenance/maintenanceUpdateFrequency")).toBe("annually");
    expect(
      text(
        xml,
        "//keywordSet[keywordThesaurus='GBIF Dataset Type Vocabulary: http://rs.gbif.org/vocabulary/gbif/dataset_type_2015-07-10.xml']/keyword"
      )
    ).toBe("Occurrence");
    expect(text(xml, "count(//methods/methodStep)")).toBe("3");
    expect(text(xml, "//project/personnel/role")).toBe("principalInvestigator");
    expect(text(xml, "count(//dataset/abstract/para)")).toBe("2");
    expect(text(xml, "//coverage/geographicCoverage/boundingCoordinates/westBoundingCoordinate")).toBe("29.9");
    expect(text(xml, "//coverage/temporalCoverage/rangeOfDates/beginDate/calendarDate")).toBe("1991");
  });

  it.each(LICENSES.map((l) => l.id))(
    "writes the IPT's intellectualRights sentence and licensed element for %s",
    (id) => {
      // The IPT's drop-down: licence text with an HTML anchor, which it writes as a DocBook ulink.
      const props = fs.readFileSync(path.join(SHARED, "dwc/gbif-ipt/licenses.properties"), "utf8");
      const key = { "CC0-1.0": "cczero", "CC-BY-4.0": "ccby", "CC-BY-NC-4.0": "ccbync" }[id as LicenseId];
      const line = props.split("\n").find((l) => l.startsWith(`license.text.${key}=`)) as string;
      const ipt = /=(.*)<a href="([^"]+)">([^<]+)<\/a>(.*)$/.exec(line) as RegExpExecArray;
      const meta = minimalMetadata();
      meta.license = id as LicenseId;
      const xml = buildEmlXml(meta, OPTIONS);
      expectValid(xml);
      expect(text(xml, "//intellectualRights/para")).toBe(`${ipt[1]}${ipt[3]}${ipt[4]}`);
      expect(text(xml, "//intellectualRights/para/ulink/@url")).toBe(ipt[2]);
      expect(text(xml, "//intellectualRights/para/ulink/citetitle")).toBe(ipt[3]);
      expect(text(xml, "//licensed/identifier")).toBe(id);
      expect(text(xml, "//licensed/url")).toBe(`https://spdx.org/licenses/${id}.html`);
    }
  );

  it("writes the minimal metadata GBIF accepts", () => {
    const xml = buildEmlXml(minimalMetadata(), OPTIONS);
    expectValid(xml);
    expect(text(xml, "//dataset/contact/organizationName")).toBe("Oka State Nature Reserve");
    expect(text(xml, "//keywordSet/keyword")).toBe("Samplingevent");
    expect(text(xml, "//maintenance/maintenanceUpdateFrequency")).toBe("unknown");
    expect(xml).not.toContain("<coverage>");
    expect(xml).not.toContain("<methods>");
    expect(xml).not.toContain("<project");
  });

  it("escapes markup characters, keeps emoji, Cyrillic, CR and tabs, and stays valid", () => {
    const meta = exampleMetadata();
    const hostile = `Fish & <chips> "quoted" 'single' ]]> 🦋🌲 Ёжик\ttab\r\nCRLF &amp; &#x41;`;
    meta.title = hostile;
    meta.description = `${hostile} — description`;
    meta.keywords = ["a&b", "<tag>", "🦉"];
    meta.creators[0].organization = hostile;
    meta.creators[0].email = "o'brien+test@example.org";
    meta.coverage.taxonomic = {
      description: "Taxa & <more>",
      taxa: [{ rank: "family", name: "Rosaceae", commonName: "Розоцветные & <co>", count: 3 }],
      source: "user",
    };
    meta.project.funding = "Grant <№ 1> & 🙂";
    const xml = buildEmlXml(meta, { ...OPTIONS, packageId: 'id&"<>\t1', alternateIdentifiers: ["doi:10.1/a&b<c>"] });
    expectValid(xml);
    expect(text(xml, "//dataset/title")).toBe(hostile);
    expect(text(xml, "//dataset/creator[1]/organizationName")).toBe(hostile);
    expect(text(xml, "/*/@packageId")).toBe('id&"<>\t1');
    expect(text(xml, "//alternateIdentifier")).toBe("doi:10.1/a&b<c>");
    expect(text(xml, "//keywordSet[1]/keyword[3]")).toBe("🦉");
    expect(text(xml, "//taxonomicClassification/commonName")).toBe("Розоцветные & <co>");
    expect(text(xml, "//project/funding/para")).toBe("Grant <№ 1> & 🙂");
  });

  it("refuses control characters XML cannot hold, naming the field, and the listed fix makes it valid", () => {
    const meta = exampleMetadata();
    meta.description = "Line one\u000bline two (a Word line break) and a NUL\u0000.";
    meta.creators[1].organization = "Reserve\u0007";
    meta.keywords = ["ok", "bad\ud800"];
    let error: unknown;
    try {
      buildEmlXml(meta, OPTIONS);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MetadataError);
    const me = error as MetadataError;
    expect(me.code).toBe("METADATA_INVALID");
    expect(me.problems.map((p) => p.field)).toEqual(["description", "keywords", "creator.2.organization"]);
    expect(me.message).toContain("creator.2.organization");
    expect(me.problems[0].message.en).toContain("U+000B, U+0000");
    expect(me.problems[0].message.ru).toContain("управляющие символы");

    const { meta: fixed, changes } = fixInvalidXmlChars(meta);
    expect(changes).toEqual([
      { field: "description", characters: ["U+000B", "U+0000"] },
      { field: "creator.2.organization", characters: ["U+0007"] },
      { field: "keywords", characters: ["U+D800"] },
    ]);
    expect(fixed.description).toBe("Line one\nline two (a Word line break) and a NUL.");
    expect(meta.description).toContain("\u000b"); // the original is not touched
    const xml = buildEmlXml(fixed, OPTIONS);
    expectValid(xml);
  });

  it("refuses options that cannot be written", () => {
    const meta = minimalMetadata();
    expect(() => buildEmlXml(meta, { ...OPTIONS, pubDate: "21.11.2026" })).toThrow(/pubDate/);
    expect(() => buildEmlXml(meta, { ...OPTIONS, packageId: " " })).toThrow(/packageId/);
    expect(() => buildEmlXml(meta, { ...OPTIONS, packageId: "a\u0001" })).toThrow(/packageId.*U\+0001/);
    expect(() => buildEmlXml(meta, { ...OPTIONS, dateStamp: "yesterday" })).toThrow(/dateStamp/);
    try {
      buildEmlXml(meta, { ...OPTIONS, pubDate: "2026-02-30" });
    } catch (e) {
      expect((e as MetadataError).code).toBe("EML_OPTION_INVALID");
    }
  });

  it("writes a single date, a box across the antimeridian and taxa with record counts", () => {
    const meta: DatasetMetadata = minimalMetadata();
    meta.metadataLanguage = "rus";
    meta.coverage.geographic = {
      description: "Чукотка",
      west: 176.5,
      east: -172.25,
      north: 71.5,
      south: 64.0,
      source: "user",
    };
    meta.coverage.temporal = { begin: "2021-07-14", end: "", source: "user" };
    meta.coverage.taxonomic = {
      description: "",
      taxa: [
        { rank: "kingdom", name: "Animalia", commonName: "", count: 12 },
        { rank: "family", name: "Anatidae", commonName: "Утиные", count: 7 },
        { rank: "family", name: "Laridae", commonName: "", count: 5 },
      ],
      source: "data",
    };
    const xml = buildEmlXml(meta, OPTIONS);
    expectValid(xml);
    expect(text(xml, "//westBoundingCoordinate")).toBe("176.5");
    expect(text(xml, "//eastBoundingCoordinate")).toBe("-172.25");
    expect(text(xml, "//temporalCoverage/singleDateTime/calendarDate")).toBe("2021-07-14");
    expect(text(xml, "count(//taxonomicClassification)")).toBe("3");
    expect(text(xml, "//taxonomicClassification[2]/taxonRankName")).toBe("family");
    expect(text(xml, "//generalTaxonomicCoverage")).toBe(
      "Число записей по таксонам (3 таксона): Царство: Animalia (12). Семейство: Anatidae (7), Laridae (5)."
    );
  });
});

describe("taxonCountsText", () => {
  it("lists counts by rank in English", () => {
    expect(
      taxonCountsText(
        [
          { rank: "family", name: "Poaceae", commonName: "", count: 1 },
          { rank: "kingdom", name: "Plantae", commonName: "", count: 1 },
          { rank: "family", name: "Juncaceae", commonName: "", count: null },
        ],
        "eng"
      )
    ).toBe("Number of records per taxon (2 taxa): Kingdom: Plantae (1). Family: Poaceae (1).");
  });
});

describe("bounding coordinates", () => {
  it("are written without exponent (xs:decimal has none)", () => {
    const meta = minimalMetadata();
    meta.coverage.geographic = {
      description: "Near the origin",
      west: -2.5e-8,
      east: 1e-7,
      north: 0.5,
      south: -0,
      source: "user",
    };
    const xml = buildEmlXml(meta, OPTIONS);
    expectValid(xml);
    expect(text(xml, "//westBoundingCoordinate")).toBe("-0.000000025");
    expect(text(xml, "//eastBoundingCoordinate")).toBe("0.0000001");
    expect(text(xml, "//southBoundingCoordinate")).toBe("0");
  });
});

describe("agents", () => {
  it("writes organisation-only and position-only agents", () => {
    const meta = minimalMetadata();
    meta.creators = [
      agent({ position: "Data manager" }),
      agent({ organization: "Зоомузей МГУ", email: "zm@example.org" }),
    ];
    const xml = buildEmlXml(meta, OPTIONS);
    expectValid(xml);
    expect(text(xml, "//creator[1]/positionName")).toBe("Data manager");
    expect(text(xml, "//creator[2]/organizationName")).toBe("Зоомузей МГУ");
  });
});
