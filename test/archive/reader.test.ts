/**
 * The reader against every sample archive in ../shared/samples/dwca (see its README for the quirk of each),
 * asserting values actually in the files.
 */
import * as fs from "fs";
import { zipSync, strToU8 } from "fflate";
import { ArchiveError, readArchive, recordsOf } from "../../src/archive";
import { SAMPLES, loadSample } from "./helpers";

const DWC = "http://rs.tdwg.org/dwc/terms/";
const DC = "http://purl.org/dc/terms/";

describe("readArchive on the sample archives", () => {
  it("reads every sample archive (none is rejected)", () => {
    const names = fs.readdirSync(SAMPLES);
    expect(names.length).toBe(17);
    for (const name of names) {
      const archive = readArchive(loadSample(name));
      expect(archive.core.rows.length).toBeGreaterThan(0);
    }
  });

  it("checklist_980: ';' separator, quotes, BOM, coreid in the last column", () => {
    const a = readArchive(loadSample("dwcaio__checklist_980.zip"));
    expect(a.core.descriptor.fieldsTerminatedBy).toBe(";");
    expect(a.core.rows).toHaveLength(356);
    expect(a.core.headerLines[0][0]).toBe("taxonID"); // BOM dropped
    const taxa = recordsOf(a.core);
    expect(taxa[1].id).toBe("980-sp2");
    expect(taxa[1].values[`${DWC}genus`]).toBe("Agelena");
    expect(taxa[1].values[`${DWC}namePublishedIn`]).toMatch(/^Čandek K, Gregorič M, Kostanjšek R/);
    const references = a.extensions.find((e) => e.descriptor.location === "references.csv")!;
    expect(references.descriptor.idIndex).toBe(18);
    expect(references.headerLines[0]).toHaveLength(18);
    // The coreid column (index 18) is declared past the last column of the file: the id is absent, not invented.
    expect(references.rows[0]).toHaveLength(18);
    expect(references.rows[0][17]).toBe("");
    expect(recordsOf(references)[0].id).toBeUndefined();
    const occurrences = a.extensions.find((e) => e.descriptor.location === "occurrences.csv")!;
    expect(occurrences.rows).toHaveLength(740);
    expect(recordsOf(occurrences)[0].values[`${DWC}typeStatus`]).toBe("Other material");
  });

  it("6632D8…: CRLF rows under a LF declaration, defaults without index, missing metadata.xml", () => {
    const a = readArchive(loadSample("dwcaio__6632D8151686A3F8C71D4B5A5B1181A4.zip"));
    expect(a.core.rows).toHaveLength(10);
    const taxon = recordsOf(a.core)[0];
    expect(taxon.id).toBe("DD313985288F551F7861D9CD5EE60824.taxon");
    expect(Object.values(taxon.values).some((v) => v.includes("\r"))).toBe(false);
    const occurrences = a.extensions[0];
    expect(recordsOf(occurrences)[0].values[`${DWC}basisOfRecord`]).toBe("PreservedSpecimen"); // constant default
    expect(a.metadata?.location).toBe("eml.xml");
    expect(a.notes.join("\n")).toMatch(/metadata file "metadata\.xml", which is missing; eml\.xml read instead/);
    expect(a.notes.join("\n")).toMatch(/taxa\.txt: lines end with CR LF/);
  });

  it("multiline-header: ignoreHeaderLines=5", () => {
    const a = readArchive(loadSample("dwcaio__multiline-header"));
    expect(a.core.headerLines).toHaveLength(5);
    expect(a.core.headerLines[4][0]).toBe("# Fifth line");
    expect(recordsOf(a.core).map((r) => [r.id, r.values[`${DWC}scientificName`]])).toEqual([
      ["1", "Quercus alba"],
      ["2", "Quercus alba"],
    ]);
  });

  it("utf8-eol-test: a value holding U+0085 (NEL) stays one value, without a final newline", () => {
    const a = readArchive(loadSample("pydwca__dwca-utf8-eol-test.zip"));
    expect(a.core.rows).toHaveLength(1);
    expect(a.core.rows[0]).toHaveLength(64);
    const record = recordsOf(a.core)[0];
    expect(record.values[`${DWC}identifiedBy`]).toBe("\u00C3\u0085hlander, E");
    expect(a.metadata?.location).toBe("metadata.xml");
  });

  it("ipt dwca-inside-parent: every file inside a parent folder", () => {
    const a = readArchive(loadSample("ipt__dwca-inside-parent.zip"));
    expect(a.core.rows).toHaveLength(2);
    expect(recordsOf(a.core)[0].values[`${DWC}scientificName`]).toBe("Batis crypta");
    expect(recordsOf(a.extensions[0])[0].values[`${DC}description`]).toBe("Habitus-Dorsal");
    expect(a.metadata?.text).toMatch(/<eml:eml/);
  });

  it("ipt event-dwca-1.0: event core with occurrence extension", () => {
    const a = readArchive(loadSample("ipt__event-dwca-1.0.zip"));
    expect(recordsOf(a.core)[0].values[`${DWC}samplingProtocol`]).toBe("mist net");
    const occ = recordsOf(a.extensions[0]);
    expect(occ.map((r) => r.id)).toEqual(["1", "2"]);
    expect(occ[0].values[`${DWC}basisOfRecord`]).toBe("occurrence");
  });

  it("archive-occ: legacy DarwinCore rowType, ',' and '\"', files in a sub-folder next to __MACOSX", () => {
    const a = readArchive(loadSample("dwcaio__archive-occ.zip"));
    expect(a.core.descriptor.rowType).toBe(`${DWC}DarwinCore`);
    expect(a.core.rows).toHaveLength(1534);
    const first = recordsOf(a.core)[0];
    expect(first.id).toBe("3170b210-6254-43d3-9740-de18b261b594");
    expect(first.values[`${DWC}ScientificName`]).toBe("Ballota acetabulosa (L.) Benth.");
    expect(a.metadata?.text).toMatch(/<eml/);
  });

  it("archive-dwc: ragged rows, delimitedBy, non-DwC headers", () => {
    const a = readArchive(loadSample("dwcaio__archive-dwc"));
    expect(a.core.rows).toHaveLength(3248);
    expect(a.core.descriptor.fields.find((f) => f.delimitedBy)?.delimitedBy).toBe(";");
    expect(a.core.headerLines[0][0]).toBe("TaxonID");
    expect(recordsOf(a.core)[0].values[`${DWC}scientificName`]).toBe("Globicephala melaena melaena Traill");
    expect(a.extensions[0].rows).toHaveLength(1057);
  });

  it("csv-json-escaped-quotes: JSON with doubled quotes comes back as JSON", () => {
    const a = readArchive(loadSample("dwcaio__csv-json-escaped-quotes"));
    const json = recordsOf(a.core)[0].values[`${DWC}dynamicProperties`];
    expect(JSON.parse(json).cataloguedescription).toBe('Very worn vertebra. Old catalogue says "fragments of bone".');
    expect(a.extensions[0].rows).toHaveLength(4);
  });

  it("dwca-2extensions: small star archive", () => {
    const a = readArchive(loadSample("pydwca__dwca-2extensions.zip"));
    expect(recordsOf(a.core)[0].values[`${DWC}genus`]).toBe("Struthio");
    expect(a.extensions.map((e) => e.rows.length)).toEqual([3, 4]);
  });

  it("csv-quote-dir: a quoted value with a comma", () => {
    const a = readArchive(loadSample("pydwca__dwca-csv-quote-dir"));
    expect(recordsOf(a.core)[0].values[`${DWC}basisOfRecord`]).toBe("Observation, something");
  });

  it("meta-default-values: no delimiters in meta.xml, tab-separated file: read as tabs and said so", () => {
    const a = readArchive(loadSample("pydwca__dwca-meta-default-values"));
    expect(a.core.descriptor.fieldsTerminatedBy).toBe("\t");
    expect(a.notes[0]).toMatch(/fieldsTerminatedBy is "," \(the schema default\).*read as tab-separated/);
    const r = recordsOf(a.core);
    expect(r[0].values[`${DWC}family`]).toBe("Tetraodontidae");
    expect(r[1].values[`${DWC}locality`]).toBe("Mumbai");
  });

  it("metadata-windows1252-encoding: eml.xml decoded as windows-1252", () => {
    const a = readArchive(loadSample("pydwca__dwca-metadata-windows1252-encoding"));
    expect(a.metadata?.text).toContain("é");
    expect(a.metadata?.text).not.toContain("\uFFFD");
    expect(a.core.rows).toHaveLength(4);
  });

  it("partial-default: ignoreHeaderLines=0, empty id, a field with both index and default", () => {
    const a = readArchive(loadSample("pydwca__dwca-partial-default.zip"));
    expect(a.core.headerLines).toEqual([]);
    const r = recordsOf(a.core);
    expect(r[0].id).toBe("");
    expect(r[0].line).toBe(1);
    expect(r[0].values[`${DWC}country`]).toBe("France"); // the cell wins
    expect(r[1].values[`${DWC}country`]).toBe("Belgium"); // empty cell: the default
  });

  it("simple-csv-dos: no meta.xml, tab-delimited .csv with CRLF, headers matched case-insensitively", () => {
    const a = readArchive(loadSample("pydwca__dwca-simple-csv-dos.zip"));
    expect(a.derived).toBe(true);
    expect(a.core.descriptor.fieldsTerminatedBy).toBe("\t");
    expect(a.core.rows).toHaveLength(3);
    const r = recordsOf(a.core)[0];
    expect(r.values[`${DWC}kingdom`]).toBe("Animalia");
    expect(r.values.gbifid).toBe("699220990"); // not a term: kept under its header
    expect(a.notes[0]).toMatch(/no meta\.xml/);
  });

  it("gbif-results: no header line, Java-style dates kept as text", () => {
    const a = readArchive(loadSample("pydwca__gbif-results.zip"));
    expect(a.core.rows).toHaveLength(158);
    expect(recordsOf(a.core)[0].values[`${DWC}eventDate`]).toBe("Tue Apr 01 00:00:00 CET 1930");
  });

  it("validator duplicate occurrenceIds: reads the duplicates as they are", () => {
    const a = readArchive(loadSample("validator__dwca-event-duplicate-occurrenceId"));
    const ids = recordsOf(a.extensions[0]).map((r) => r.values[`${DWC}occurrenceID`]);
    expect(ids.filter((id) => id === "SDA:AVE:PEDH:TIB:21")).toHaveLength(2);
  });
});

describe("readArchive rejections", () => {
  const meta = (location: string) =>
    `<archive xmlns="http://rs.tdwg.org/dwc/text/"><core rowType="${DWC}Occurrence" encoding="EBCDIC-037"><files><location>${location}</location></files><field index="0" term="${DWC}occurrenceID"/></core></archive>`;

  it("rejects bytes that are not a zip", () => {
    expect(() => readArchive(strToU8("id,name"))).toThrow(ArchiveError);
    expect(() => readArchive(strToU8("id,name"))).toThrow(/not a zip file/);
  });

  it("names a data file that meta.xml declares but the archive lacks", () => {
    const zip = zipSync({ "meta.xml": strToU8(meta("occ.txt").replace(' encoding="EBCDIC-037"', "")) });
    expect(() => readArchive(zip)).toThrow(/archive > occ\.txt: meta\.xml names this data file/);
  });

  it("names an encoding it cannot read", () => {
    const files = new Map([["meta.xml", strToU8(meta("o.txt"))], ["o.txt", strToU8("1\n")]]);
    expect(() => readArchive(files)).toThrow(/o\.txt: encoding "EBCDIC-037" is not supported/);
  });

  it("refuses several text files without meta.xml, naming them", () => {
    const files = new Map([["a.txt", strToU8("occurrenceID\n1\n")], ["b.txt", strToU8("taxonID\n1\n")]]);
    expect(() => readArchive(files)).toThrow(/no meta\.xml and 2 text files \(a\.txt, b\.txt\)/);
  });
});
