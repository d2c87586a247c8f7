import { checkMetadata, emptyMetadata, isValidOrcid, metadataIsPublishable } from "../../src/metadata";
import type { MetadataProblem } from "../../src/metadata";
import { agent, exampleMetadata, minimalMetadata } from "./fixtures";

const errors = (problems: MetadataProblem[]): string[] =>
  problems.filter((p) => p.severity === "error").map((p) => `${p.code}:${p.field}`);
const warnings = (problems: MetadataProblem[]): string[] =>
  problems.filter((p) => p.severity === "warning").map((p) => `${p.code}:${p.field}`);

describe("checkMetadata: what GBIF requires blocks the export", () => {
  it("lists every missing required item of empty metadata", () => {
    const problems = checkMetadata(emptyMetadata());
    expect(errors(problems)).toEqual([
      "required:title",
      "required:description",
      "required:license",
      "required:datasetType",
      "required:creator",
      "required:contact",
    ]);
    expect(metadataIsPublishable(problems)).toBe(false);
  });

  it("accepts the minimal metadata and the example dataset", () => {
    expect(errors(checkMetadata(minimalMetadata()))).toEqual([]);
    expect(checkMetadata(exampleMetadata())).toEqual([]);
  });

  it("gives every message in English and Russian, naming the field", () => {
    const title = checkMetadata(emptyMetadata()).find((p) => p.field === "title") as MetadataProblem;
    expect(title.message).toEqual({ en: "Title is required.", ru: "Заполните поле «Название»." });
  });

  it("needs a description of at least 5 characters, not counting tags and spaces", () => {
    const meta = minimalMetadata();
    meta.description = "  <p>Bird</p>  ";
    expect(errors(checkMetadata(meta))).toEqual(["required:description"]);
    meta.description = "Birds";
    expect(errors(checkMetadata(meta))).toEqual([]);
  });

  it("needs a last name, organisation or position for each creator and contact", () => {
    const meta = minimalMetadata();
    meta.creators = [agent({ surName: "Smirnov" }), agent({ email: "x@example.org" })];
    meta.contacts = [agent({ givenName: "Olga" })];
    expect(errors(checkMetadata(meta))).toEqual([
      "agentName:creator.2",
      "agentName:contact.1",
      "agentName:contact.1.surName",
    ]);
    const msg = checkMetadata(meta).find((p) => p.field === "creator.2") as MetadataProblem;
    expect(msg.message.en).toBe("Creator 2: give a last name, an organisation or a position.");
    expect(msg.message.ru).toBe("Автор (creator) 2: укажите фамилию, организацию или должность.");
  });

  it("ignores blank agent rows, so a list of blank agents is still missing", () => {
    const meta = minimalMetadata();
    meta.contacts = [agent({})];
    expect(errors(checkMetadata(meta))).toEqual(["required:contact"]);
  });

  it("accepts only the three GBIF licences", () => {
    const meta = minimalMetadata();
    (meta as { license: string }).license = "CC-BY-3.0";
    expect(errors(checkMetadata(meta))).toEqual(["required:license"]);
  });

  it("warns about e-mail and ORCID format without blocking", () => {
    const meta = minimalMetadata();
    meta.creators = [agent({ surName: "Smirnov", email: "smirnov at mail.ru", orcid: "0000-0002-1825-0098" })];
    meta.contacts = [
      agent({ surName: "Lee", email: "lee@example.org", orcid: "https://orcid.org/0000-0002-1825-0097" }),
    ];
    const problems = checkMetadata(meta);
    expect(errors(problems)).toEqual([]);
    expect(warnings(problems)).toEqual(expect.arrayContaining(["email:creator.1.email", "orcid:creator.1.orcid"]));
    expect(warnings(problems).filter((w) => w.includes("contact"))).toEqual([]);
  });

  it("warns about what GBIF's data quality page asks for beyond the IPT", () => {
    expect(warnings(checkMetadata(minimalMetadata()))).toEqual([
      "recommended:metadataProvider",
      "recommended:publishingOrganization",
      "recommended:citation",
    ]);
  });

  it("rejects a language that is not an ISO 639-2 code", () => {
    const meta = minimalMetadata();
    meta.dataLanguage = "Russian";
    expect(errors(checkMetadata(meta))).toEqual(["language:dataLanguage"]);
  });

  it("requires whole coverage parts: four bounds, a description, a start date, real dates", () => {
    const meta = minimalMetadata();
    meta.coverage.geographic = { description: "", west: 30, east: null, north: 95, south: 64, source: "user" };
    meta.coverage.temporal = { begin: "2023-02-30", end: "2020", source: "user" };
    expect(errors(checkMetadata(meta))).toEqual([
      "boundingBox:coverage.east",
      "boundingBox:coverage.north",
      "required:coverage.geographicDescription",
      "date:coverage.beginDate",
    ]);
    meta.coverage.geographic = { description: "Oka", west: 41, east: 40, north: 54, south: 55, source: "user" };
    meta.coverage.temporal = { begin: "2021", end: "2020-12-31", source: "user" };
    expect(errors(checkMetadata(meta))).toEqual(["boundingBox:coverage.south", "date:coverage.endDate"]);
  });

  it("requires taxa when a taxonomic description is given", () => {
    const meta = minimalMetadata();
    meta.coverage.taxonomic = { description: "Birds", taxa: [], source: "user" };
    expect(errors(checkMetadata(meta))).toEqual(["taxa:coverage.taxonomicDescription"]);
  });

  it("requires a method step, and both study extent and sampling, once methods are filled in", () => {
    const meta = minimalMetadata();
    meta.methods.studyExtent = "The reserve";
    expect(errors(checkMetadata(meta))).toEqual(["methods:methods.step.1", "required:methods.samplingDescription"]);
  });

  it("requires a project title and a person once a project is filled in", () => {
    const meta = minimalMetadata();
    meta.project.funding = "RSF grant 22-00-00000";
    expect(errors(checkMetadata(meta))).toEqual(["required:project.title", "required:project.personnel"]);
  });

  it("reports text that an Excel cell cannot hold", () => {
    const meta = minimalMetadata();
    meta.description = "x".repeat(40000);
    expect(warnings(checkMetadata(meta))).toContain("tooLong:description");
  });
});

describe("isValidOrcid", () => {
  it("checks the ISO 7064 11-2 check digit, including X", () => {
    expect(isValidOrcid("0000-0002-1825-0097")).toBe(true);
    expect(isValidOrcid("0000-0001-5109-3700")).toBe(true);
    expect(isValidOrcid("0000-0002-1694-233X")).toBe(true);
    expect(isValidOrcid("0000-0002-1694-2339")).toBe(false);
    expect(isValidOrcid("0000000218250097")).toBe(false);
  });
});
