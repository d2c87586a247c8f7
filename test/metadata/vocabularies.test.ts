import * as fs from "fs";
import * as path from "path";
import {
  LANGUAGES,
  LICENSES,
  UPDATE_FREQUENCIES,
  datasetTypeFor,
  normalizeLanguage,
  parseDatasetType,
  parseLicense,
  parseUpdateFrequency,
} from "../../src/metadata";
import { getVocabulary } from "../../src/dwc";
import { PROFILE_DIR, SHARED } from "./helpers";

const VOCABULARY = path.join(SHARED, "dwc/gbif-rs/vocabulary");

describe("LANGUAGES", () => {
  it("pairs each ISO 639-1 code with the ISO 639-2 code GBIF's 639-2 vocabulary gives it", () => {
    const xml = fs.readFileSync(path.join(VOCABULARY, "iso/639-2.xml"), "utf8");
    for (const l of LANGUAGES) {
      const concept = new RegExp(`<concept dc:identifier="${l.code}"[\\s\\S]*?</concept>`).exec(xml);
      expect(concept).not.toBeNull();
      expect((concept as RegExpExecArray)[0]).toContain(`<term dc:title="${l.iso1}" />`);
    }
  });

  it("normalises 2-letter codes, keeps 3-letter codes, refuses names", () => {
    expect(normalizeLanguage("RU")).toBe("rus");
    expect(normalizeLanguage("de")).toBe("ger");
    expect(normalizeLanguage("Eng")).toBe("eng");
    expect(normalizeLanguage("")).toBe("");
    expect(normalizeLanguage("Russian")).toBeUndefined();
    expect(normalizeLanguage("xx")).toBeUndefined();
  });
});

describe("UPDATE_FREQUENCIES", () => {
  it("are the profile's MaintUpFreqType values except the misspelt legacy one, with GBIF's Russian labels", () => {
    const xsd = fs.readFileSync(path.join(PROFILE_DIR, "eml-gbif-profile.xsd"), "utf8");
    const type = /<xs:simpleType name="MaintUpFreqType">([\s\S]*?)<\/xs:simpleType>/.exec(xsd) as RegExpExecArray;
    const values = [...type[1].matchAll(/<xs:enumeration value="([^"]+)"/g)]
      .map((m) => m[1])
      .filter((v) => v !== "unkown");
    expect(UPDATE_FREQUENCIES.map((f) => f.value).sort()).toEqual(values.sort());
    const thesaurus = fs.readFileSync(path.join(VOCABULARY, "eml/update_frequency_2_2.xml"), "utf8");
    for (const f of UPDATE_FREQUENCIES) {
      const concept = new RegExp(`dc:identifier="${f.value}"[\\s\\S]*?</concept>`).exec(thesaurus) as RegExpExecArray;
      expect(concept[0]).toContain(`<term dc:title="${f.label.ru}" xml:lang="ru"/>`);
      expect(concept[0]).toContain(`<term dc:title="${f.label.en}" xml:lang="en"/>`);
    }
  });

  it("reads values case-insensitively and the legacy spelling", () => {
    expect(parseUpdateFrequency("AsNeeded")).toBe("asNeeded");
    expect(parseUpdateFrequency("unkown")).toBe("unknown");
    expect(parseUpdateFrequency("yearly")).toBeUndefined();
  });
});

describe("licences", () => {
  it("are the three licences of the IPT's licenses.properties, with its URLs", () => {
    const props = fs.readFileSync(path.join(SHARED, "dwc/gbif-ipt/licenses.properties"), "utf8");
    const active = props.split("\n").filter((l) => l.startsWith("license.text."));
    expect(active).toHaveLength(LICENSES.length);
    for (const l of LICENSES) expect(active.some((line) => line.includes(`<a href="${l.legalCode}">`))).toBe(true);
  });

  it.each([
    ["CC0-1.0", "CC0-1.0"],
    ["cc0", "CC0-1.0"],
    ["Public Domain (CC0 1.0)", "CC0-1.0"],
    ["https://creativecommons.org/publicdomain/zero/1.0/", "CC0-1.0"],
    ["CC BY 4.0", "CC-BY-4.0"],
    ["http://creativecommons.org/licenses/by/4.0/legalcode", "CC-BY-4.0"],
    ["ccbync", "CC-BY-NC-4.0"],
    ["CC-BY-NC 4.0", "CC-BY-NC-4.0"],
    ["https://creativecommons.org/licenses/by-nc/4.0/legalcode.ru", "CC-BY-NC-4.0"],
    ["CC BY 3.0", undefined],
    ["CC BY-SA 4.0", undefined],
    ["http://creativecommons.org/licenses/by-sa/4.0/", undefined],
    ["", undefined],
  ])("reads %p as %p", (text, id) => {
    expect(parseLicense(text)).toBe(id);
  });
});

describe("dataset type", () => {
  it("follows the core sheet's dataset class", () => {
    expect(datasetTypeFor("event")).toBe("samplingevent");
    expect(datasetTypeFor("checklist")).toBe("checklist");
    expect(datasetTypeFor("occurrence")).toBe("occurrence");
    expect(parseDatasetType("Sampling event")).toBe("samplingevent");
    expect(parseDatasetType("metadata")).toBeUndefined();
  });
});

describe("agreement with the Darwin Core model's vocabularies", () => {
  it("uses the update frequencies and licence URLs of src/dwc", () => {
    const freq = getVocabulary("updateFrequency");
    expect(freq?.concepts.map((c) => c.value).sort()).toEqual(UPDATE_FREQUENCIES.map((f) => f.value).sort());
    const licence = getVocabulary("license");
    expect(licence?.concepts.map((c) => c.value).sort()).toEqual(LICENSES.map((l) => l.legalCode).sort());
    // A record-level `license` value reads as the same dataset licence.
    for (const c of licence?.concepts ?? []) expect(parseLicense(c.value)).toBeDefined();
  });
});
