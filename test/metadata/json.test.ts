import * as fs from "fs";
import { buildEmlXml, checkMetadata, metadataToJson, parseMetadataJson } from "../../src/metadata";
import { exampleMetadata } from "./fixtures";
import { EXAMPLE_METADATA, validateEml } from "./helpers";

describe("examples/metadata.json", () => {
  it("parses without problems and passes checkMetadata with no error and no warning", () => {
    const { meta, problems } = parseMetadataJson(fs.readFileSync(EXAMPLE_METADATA, "utf8"));
    expect(problems).toEqual([]);
    expect(checkMetadata(meta)).toEqual([]);
    expect(meta.creators).toHaveLength(2);
    expect(meta.creators[0].orcid).toBe("0000-0002-1825-0097");
    expect(meta.dataLanguage).toBe("rus");
    expect(meta.coverage.geographic.source).toBe("user");
    expect(meta.coverage.taxonomic.source).toBe("data");
  });

  it("gives a valid eml.xml", () => {
    const result = validateEml(buildEmlXml(exampleMetadata(), { packageId: "example/v1", pubDate: "2026-11-21" }));
    expect(result.output).toBe("- validates\n");
    expect(result.ok).toBe(true);
  });
});

describe("parseMetadataJson", () => {
  it("names the field of every problem by its JSON path", () => {
    const { problems } = parseMetadataJson(
      JSON.stringify({
        title: 42,
        description: ["not", "text"],
        licence: "CC0",
        license: "CC BY-SA 4.0",
        datasetType: "specimens",
        updateFrequency: "sometimes",
        keywords: "one, two",
        creators: [{ surName: "Ok" }, { surname: "Typo", emial: "x@example.org" }, "Ivanov"],
        coverage: {
          geographic: { west: "30,5", source: "mine" },
          taxonomic: { taxa: [{ name: "Rosaceae", count: 2.5 }] },
        },
      })
    );
    expect(problems.map((p) => p.field)).toEqual([
      "licence",
      "description",
      "license",
      "datasetType",
      "updateFrequency",
      "keywords",
      "creators[1].surname",
      "creators[1].emial",
      "creators[2]",
      "coverage.geographic.west",
      "coverage.geographic.source",
      "coverage.taxonomic.taxa[0].count",
    ]);
    expect(
      problems.every(
        (p) => p.severity === "error" && p.message.en.startsWith(p.field) && p.message.ru.startsWith(p.field)
      )
    ).toBe(true);
    expect(problems[0].message.en).toContain("unknown field (known: format, title, description,");
  });

  it("reads numbers given as text and a title given as a number", () => {
    const { meta, problems } = parseMetadataJson(
      '{"title": 2024, "coverage": {"geographic": {"west": "30.5", "east": 31}}}'
    );
    expect(problems).toEqual([]);
    expect(meta.title).toBe("2024");
    expect([meta.coverage.geographic.west, meta.coverage.geographic.east]).toEqual([30.5, 31]);
  });

  it("reports a JSON syntax error with its position", () => {
    const { problems } = parseMetadataJson('{\n  "title": "x",\n}');
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe("(file)");
    expect(problems[0].message.en).toMatch(/^\(file\): not valid JSON \(line 3, column 1\): /);
    expect(problems[0].message.ru).toMatch(/^\(file\): не является корректным JSON \(строка 3, столбец 1\): /);
  });

  it("rejects a document that is not an object", () => {
    expect(parseMetadataJson("[]").problems[0].message.en).toBe("(top level): must be an object { … }.");
    expect(parseMetadataJson("null").problems[0].field).toBe("(top level)");
  });

  it("accepts a UTF-8 BOM and comment keys", () => {
    const { meta, problems } = parseMetadataJson('\uFEFF{"$comment": "x", "// note": 1, "title": "Лишайники"}');
    expect(problems).toEqual([]);
    expect(meta.title).toBe("Лишайники");
  });

  it("reads the packageId, and a document without one (older files) as having none", () => {
    const given = parseMetadataJson('{"title": "Mosses", "packageId": "  urn:uuid:0b1c5c1e-8d3f-4c56-9a0e-2f6b7d4e9a11 "}');
    expect(given.problems).toEqual([]);
    expect(given.meta.packageId).toBe("urn:uuid:0b1c5c1e-8d3f-4c56-9a0e-2f6b7d4e9a11");
    const absent = parseMetadataJson('{"title": "Mosses"}');
    expect(absent.problems).toEqual([]);
    expect(absent.meta.packageId).toBe("");
    const wrong = parseMetadataJson('{"packageId": ["a"]}');
    expect(wrong.problems.map((p) => [p.field, p.message.en])).toEqual([["packageId", "packageId: must be text."]]);
  });

  it("round-trips through metadataToJson", () => {
    const meta = exampleMetadata();
    meta.packageId = "https://ipt.example.org/resource?id=mosses";
    meta.coverage.taxonomic = {
      description: "",
      taxa: [{ rank: "family", name: "Rosaceae", commonName: "", count: 3 }],
      source: "data",
    };
    meta.project.personnel[0].role = "author";
    const { meta: back, problems } = parseMetadataJson(metadataToJson(meta));
    expect(problems).toEqual([]);
    expect(back).toEqual(meta);
  });
});
