import { getProperty, getRowType, rowTypes, vocabularyIdFor } from "../../src/dwc";
import { readShared, xmlFilesUnder } from "./shared";

/** Independent count of the file's <property> elements (a regex, not the generator's parser). */
const propertyTags = (xml: string) => xml.match(/<property\s/g) ?? [];
const attr = (tag: string, name: string) => new RegExp(`\\s${name}=(['"])(.*?)\\1`, "s").exec(tag)?.[2];

const files = [...xmlFilesUnder("gbif-rs/core"), ...xmlFilesUnder("gbif-rs/extension")];

describe("rowTypes", () => {
  it("has one definition per core and extension file, with the brief's ids", () => {
    expect(rowTypes).toHaveLength(files.length);
    expect(rowTypes.map((r) => r.id).sort()).toEqual(
      [
        "occurrence",
        "event",
        "taxon",
        "measurementorfact",
        "extendedmeasurementorfact",
        "multimedia",
        "vernacularname",
        "references",
        "resourcerelationship",
        "identification",
        "distribution",
        "description",
        "speciesprofile",
        "typesandspecimen",
        "identifier",
        "audiovisual",
      ].sort()
    );
  });

  it.each(files)("%s: rowType, property count, names, IRIs, required flags and types match the file", (file) => {
    const xml = readShared(file);
    const rowType = /<extension[^>]*?\srowType=(['"])(.*?)\1/s.exec(xml)?.[2];
    const def = rowTypes.find((r) => r.rowType === rowType);
    expect(def).toBeDefined();
    expect(def?.core).toBe(file.startsWith("gbif-rs/core"));
    const tags = [...xml.matchAll(/<property\s[^>]*>/gs)].map((m) => m[0]);
    expect(tags).toHaveLength(propertyTags(xml).length);
    expect(def?.properties).toHaveLength(tags.length);
    tags.forEach((tag, i) => {
      const p = def?.properties[i];
      expect([p?.name, p?.iri, p?.required, p?.type]).toEqual([
        attr(tag, "name"),
        attr(tag, "qualName"),
        attr(tag, "required") === "true",
        attr(tag, "type") ?? "string",
      ]);
    });
  });

  it("gives the occurrence core 198 properties with basisOfRecord required (README §1.3)", () => {
    const occ = getRowType("occurrence");
    expect(occ?.properties).toHaveLength(198);
    expect(occ?.properties.filter((p) => p.required).map((p) => p.name)).toEqual(["basisOfRecord"]);
    expect(
      getRowType("resourcerelationship")
        ?.properties.filter((p) => p.required)
        .map((p) => p.name)
    ).toEqual(["resourceID", "relatedResourceID"]);
  });

  it("types numeric and date properties as the definitions do", () => {
    expect(getProperty("occurrence", "decimalLatitude")?.type).toBe("decimal");
    expect(getProperty("occurrence", "individualCount")?.type).toBe("integer");
    expect(getProperty("event", "modified")?.type).toBe("date");
    expect(getProperty("taxon", "references")?.type).toBe("uri");
    expect(getProperty("event", "eventDate")?.type).toBe("string");
    expect(getProperty("occurrence", "type")?.iri).toBe("http://purl.org/dc/elements/1.1/type");
  });
});

describe("vocabularyIdFor", () => {
  it("follows every GBIF thesaurus binding of the three cores", () => {
    for (const id of ["occurrence", "event", "taxon"]) {
      const xml = readShared(files.find((f) => f.includes(`dwc_${id}_`)) as string);
      for (const m of xml.matchAll(/<property\s[^>]*>/gs)) {
        const thesaurus = attr(m[0], "thesaurus");
        if (!thesaurus) continue;
        expect({
          term: attr(m[0], "name"),
          bound: vocabularyIdFor(id, attr(m[0], "name") as string) !== undefined,
        }).toEqual({
          term: attr(m[0], "name"),
          bound: true,
        });
      }
    }
  });

  it("binds each term to its own vocabulary", () => {
    const expected: [string, string, string][] = [
      ["occurrence", "basisOfRecord", "basisOfRecord"],
      ["occurrence", "type", "type"],
      ["event", "type", "type"],
      ["occurrence", "occurrenceStatus", "occurrenceStatus"],
      ["occurrence", "organismQuantityType", "organismQuantityType"],
      ["occurrence", "establishmentMeans", "establishmentMeans"],
      ["occurrence", "degreeOfEstablishment", "degreeOfEstablishment"],
      ["occurrence", "pathway", "pathway"],
      ["occurrence", "sampleSizeUnit", "sampleSizeUnit"],
      ["event", "sampleSizeUnit", "sampleSizeUnit"],
      ["taxon", "taxonRank", "taxonRank"],
      ["taxon", "nomenclaturalCode", "nomenclaturalCode"],
      ["taxon", "nomenclaturalStatus", "nomenclaturalStatus"],
      ["vernacularname", "language", "language"],
      ["distribution", "occurrenceStatus", "distributionStatus"],
      ["distribution", "threatStatus", "threatStatus"],
      ["multimedia", "type", "type"],
      // ours, where GBIF binds nothing
      ["occurrence", "sex", "sex"],
      ["occurrence", "lifeStage", "lifeStage"],
      ["occurrence", "countryCode", "countryCode"],
      ["event", "countryCode", "countryCode"],
      ["occurrence", "typeStatus", "typeStatus"],
      ["taxon", "taxonomicStatus", "taxonomicStatus"],
      ["occurrence", "license", "license"],
      ["taxon", "license", "license"],
      ["occurrence", "language", "language"],
    ];
    for (const [rowType, term, vocabulary] of expected)
      expect({ rowType, term, v: vocabularyIdFor(rowType, term) }).toEqual({ rowType, term, v: vocabulary });
  });

  it("binds nothing to free-text terms nor the licence of a media file", () => {
    expect(vocabularyIdFor("occurrence", "locality")).toBeUndefined();
    expect(vocabularyIdFor("occurrence", "disposition")).toBeUndefined();
    expect(vocabularyIdFor("multimedia", "license")).toBeUndefined();
    expect(vocabularyIdFor("nosuch", "locality")).toBeUndefined();
  });

  it("matches terms by name case-insensitively or by IRI", () => {
    expect(vocabularyIdFor("occurrence", "BASISOFRECORD")).toBe("basisOfRecord");
    expect(vocabularyIdFor("occurrence", "http://rs.tdwg.org/dwc/terms/basisOfRecord")).toBe("basisOfRecord");
  });
});
