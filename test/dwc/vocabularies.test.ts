import { getTerm, getVocabulary, vocabularies } from "../../src/dwc";
import { readShared } from "./shared";

/** dc:identifier values of a thesaurus file, read with a regex (independent of the generator's parser). */
const identifiers = (file: string) =>
  [...readShared(`gbif-rs/vocabulary/${file}`).matchAll(/<(?:\w+:)?concept\s[^>]*?dc:identifier=(["'])(.*?)\1/gs)].map(
    (m) => m[2]
  );

const values = (id: string) => getVocabulary(id)?.concepts.map((c) => c.value);

describe("vocabularies", () => {
  it.each([
    ["basisOfRecord", "dwc/basis_of_record_2024-02-19.xml"],
    ["type", "dcterms/type.xml"],
    ["occurrenceStatus", "gbif/occurrence_status_2020-07-15.xml"],
    ["sex", "gbif/sex.xml"],
    ["establishmentMeans", "dwc/establishment_means_2025-07-10.xml"],
    ["degreeOfEstablishment", "dwc/degree_of_establishment_2025-07-10.xml"],
    ["pathway", "dwc/pathway_2025-07-10.xml"],
    ["taxonRank", "gbif/rank_2015-04-24.xml"],
    ["taxonomicStatus", "gbif/taxonomic_status_2022-02-02.xml"],
    ["nomenclaturalStatus", "gbif/nomenclatural_status_2019-02-08.xml"],
    ["nomenclaturalCode", "gbif/nomenclatural_code.xml"],
    ["typeStatus", "gbif/type_status_2021-01-18.xml"],
    ["organismQuantityType", "gbif/quantity_type_2015-07-10.xml"],
    ["sampleSizeUnit", "gbif/unit_of_measurement_2015-07-10.xml"],
    ["language", "iso/639-1.xml"],
    ["agentRole", "gbif/agent_role.xml"],
    ["datasetType", "gbif/dataset_type.xml"],
    ["distributionStatus", "gbif/distribution_status_2020-07-15.xml"],
  ])("%s has exactly the values of %s", (id, file) => {
    expect(values(id)).toEqual(identifiers(file));
  });

  it("countryCode: the GBIF ISO 3166-1 list plus ZZ (unknown) and XZ (high seas), sorted", () => {
    const gbif = identifiers("iso/3166-1_alpha2.xml");
    expect(values("countryCode")).toEqual([...gbif, "XZ", "ZZ"].sort());
    expect(values("countryCode")).toContain("XK");
    // DwC's countryCode comment is the reason for ZZ and XZ.
    expect(getTerm("countryCode")?.comments).toMatch(/ZZ/);
    expect(getTerm("countryCode")?.comments).toMatch(/XZ/);
  });

  it("drops the misspelt `unkown` update frequency as a value but accepts it as an alternative of `unknown`", () => {
    const file = identifiers("eml/update_frequency_2_2.xml");
    expect(file).toContain("unkown");
    expect(values("updateFrequency")).toEqual(file.filter((v) => v !== "unkown"));
    expect(getVocabulary("updateFrequency")?.concepts.find((c) => c.value === "unknown")?.alternatives).toContain(
      "unkown"
    );
  });

  it("trims the trailing space of the IUCN `NE ` identifier", () => {
    expect(identifiers("iucn/threat_status.xml")).toContain("NE ");
    expect(values("threatStatus")).toEqual(identifiers("iucn/threat_status.xml").map((v) => v.trim()));
  });

  it("lifeStage: the GBIF thesaurus first, then the vocabulary server's other stages in lower case", () => {
    const thesaurus = identifiers("gbif/life_stage.xml");
    const server = (
      JSON.parse(readShared("gbif-vocabulary-server/LifeStage_export.json")) as { concepts: { name: string }[] }
    ).concepts.map((c) => c.name.toLowerCase());
    const v = values("lifeStage") ?? [];
    expect(v.slice(0, thesaurus.length)).toEqual(thesaurus);
    expect(new Set(v)).toEqual(new Set([...thesaurus, ...server]));
    expect(v).toEqual(expect.arrayContaining(["seedling", "flowering", "fruiting", "subadult"]));
  });

  it("keeps the value distinct from the label and the IPT's alternatives", () => {
    const unit = getVocabulary("sampleSizeUnit")?.concepts.find((c) => c.value === "square_metre");
    expect(unit?.label).toBe("square metre");
    expect(unit?.alternatives).toContain("m2");
    const bor = getVocabulary("basisOfRecord")?.concepts.find((c) => c.value === "HumanObservation");
    expect(bor?.label).toBe("Human Observation");
    expect(getVocabulary("sex")?.concepts.find((c) => c.value === "male")?.alternatives).toContain("♂");
  });

  it("license: the three licences GBIF accepts, as the legalcode URLs the DwC license examples use", () => {
    const props = readShared("gbif-ipt/licenses.properties");
    const urls = [...props.matchAll(/^license\.url\.\w+=(.*)$/gm)].map((m) => `http://${m[1].trim()}/legalcode`);
    expect(values("license")).toEqual(urls);
    for (const example of getTerm("license")?.examples ?? []) {
      if (example.includes("creativecommons.org")) expect(values("license")).toContain(example.split(" ")[0]);
    }
    const ccby = getVocabulary("license")?.concepts[1];
    expect(ccby?.label).toBe("CC BY 4.0");
    expect(ccby?.alternatives).toEqual(
      expect.arrayContaining(["CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/legalcode"])
    );
  });

  it("closes the vocabularies whose value set is complete and leaves suggestion lists open", () => {
    for (const id of [
      "basisOfRecord",
      "type",
      "occurrenceStatus",
      "license",
      "countryCode",
      "nomenclaturalCode",
      "language",
    ])
      expect({ id, closed: getVocabulary(id)?.closed }).toEqual({ id, closed: true });
    for (const id of ["sex", "lifeStage", "typeStatus", "taxonRank", "organismQuantityType", "sampleSizeUnit"])
      expect({ id, closed: getVocabulary(id)?.closed }).toEqual({ id, closed: false });
  });

  it("has a Russian label for every value of every vocabulary", () => {
    for (const v of Object.values(vocabularies))
      for (const c of v.concepts)
        expect({ v: v.id, value: c.value, ru: /[а-яё]/i.test(c.labelRu ?? "") }).toEqual({
          v: v.id,
          value: c.value,
          ru: true,
        });
    expect(getVocabulary("countryCode")?.concepts.find((c) => c.value === "RU")?.labelRu).toBe("Российская Федерация");
    expect(getVocabulary("language")?.concepts.find((c) => c.value === "ru")?.labelRu).toBe("русский");
  });

  it("returns undefined for an unknown id, including Object.prototype names", () => {
    expect(getVocabulary("nosuch")).toBeUndefined();
    expect(getVocabulary("toString")).toBeUndefined();
  });
});
