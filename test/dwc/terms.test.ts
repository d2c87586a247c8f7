import { DWC_RELEASE, getTerm, terms } from "../../src/dwc";
import { readShared, termVersions } from "./shared";

const current = termVersions().filter((r) => r.status === "recommended");

describe("terms", () => {
  it("holds every current term of term_versions.csv (status recommended), classes included", () => {
    expect(terms).toHaveLength(current.length);
    expect(terms.map((t) => t.iri)).toEqual(current.map((r) => r.term_iri));
    const classes = current.filter((r) => r.rdf_type.endsWith("#Class")).length;
    expect(terms.filter((t) => t.rdfType === "class")).toHaveLength(classes);
    expect(terms.filter((t) => t.rdfType === "property")).toHaveLength(current.length - classes);
  });

  it("flags Simple Darwin Core terms as the csv does, covering every name of simple_dwc_vertical.csv", () => {
    const simpleInCsv = current.filter((r) => r.flags.split(/[\s;]+/).includes("simple")).length;
    expect(terms.filter((t) => t.simple)).toHaveLength(simpleInCsv);
    const names = readShared("tdwg-dwc/simple_dwc_vertical.csv").split(/\r?\n/).filter(Boolean);
    for (const n of names) expect({ n, simple: getTerm(n)?.simple }).toEqual({ n, simple: true });
  });

  it("records the newest release date of the term list", () => {
    const newest = current
      .map((r) => r.issued)
      .sort()
      .pop();
    expect(DWC_RELEASE).toBe(newest);
    expect(DWC_RELEASE).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("keeps the standard's texts and splits examples without back-ticks", () => {
    const eventDate = getTerm("eventDate");
    const row = current.find((r) => r.term_iri === "http://rs.tdwg.org/dwc/terms/eventDate");
    expect(eventDate?.definition).toBe(row?.definition);
    expect(eventDate?.comments).toBe(row?.comments);
    expect(eventDate?.examples.length).toBe((row?.examples.match(/`[^`]*`/g) ?? []).length);
    expect(eventDate?.examples.some((e) => e.startsWith("1963-03-08T14:07-06:00"))).toBe(true);
    expect(eventDate?.examples.join("")).not.toContain("`");
  });

  it("puts terms in blocks by class", () => {
    expect(getTerm("basisOfRecord")?.block).toBe("RECORD");
    expect(getTerm("type")?.block).toBe("RECORD");
    expect(getTerm("occurrenceID")?.block).toBe("OCCURRENCE");
    expect(getTerm("organismID")?.block).toBe("ORGANISM");
    expect(getTerm("preparations")?.block).toBe("MATERIAL");
    expect(getTerm("eventDate")?.block).toBe("EVENT");
    expect(getTerm("decimalLatitude")?.block).toBe("LOCATION");
    expect(getTerm("bed")?.block).toBe("GEOLOGY");
    expect(getTerm("dateIdentified")?.block).toBe("IDENTIFICATION");
    expect(getTerm("scientificName")?.block).toBe("TAXON");
    expect(getTerm("measurementType")?.block).toBe("MEASUREMENT");
    expect(getTerm("relatedResourceID")?.block).toBe("RELATIONSHIP");
    expect(getTerm("http://rs.tdwg.org/dwc/iri/recordedBy")?.block).toBe("OCCURRENCE");
    expect(getTerm("Occurrence")?.rdfType).toBe("class");
  });

  describe("getTerm", () => {
    it("prefers the Simple DwC term among namesakes: dc:language over dcterms:language, dwc: over dwciri:", () => {
      expect(getTerm("language")?.iri).toBe("http://purl.org/dc/elements/1.1/language");
      expect(getTerm("type")?.iri).toBe("http://purl.org/dc/elements/1.1/type");
      expect(getTerm("recordedBy")?.iri).toBe("http://rs.tdwg.org/dwc/terms/recordedBy");
    });

    it("finds by IRI, by prefixed name and case-insensitively", () => {
      expect(getTerm("http://purl.org/dc/terms/language")?.simple).toBe(false);
      expect(getTerm("dcterms:language")?.iri).toBe("http://purl.org/dc/terms/language");
      expect(getTerm("dwciri:recordedBy")?.iri).toBe("http://rs.tdwg.org/dwc/iri/recordedBy");
      expect(getTerm(" EventDate ")?.name).toBe("eventDate");
    });

    it("does not know deprecated or invented terms", () => {
      expect(getTerm("http://purl.org/dc/terms/type")).toBeUndefined();
      expect(getTerm("elevation")).toBeUndefined();
      expect(getTerm("elevationAccuracy")).toBeUndefined();
    });
  });
});
