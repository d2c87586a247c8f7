/**
 * Property-based tests: hostile text in metadata either gives eml.xml that is valid against the GBIF profile and
 * holds the same text, or is refused with the field named; the Metadata sheet gives back what it was given.
 */
import fc from "fast-check";
import {
  MetadataError,
  buildEmlXml,
  findInvalidXmlChars,
  metadataFromSheetRows,
  metadataToSheetRows,
} from "../../src/metadata";
import type { Agent, DatasetMetadata } from "../../src/metadata";
import type { CellValue } from "../../src/dwc/table";
import { agent, minimalMetadata } from "./fixtures";
import { validateEml, xpath } from "./helpers";

/** Strings made of the characters that break writers, plus arbitrary code points. */
const hostile = fc.oneof(
  fc.string({ unit: "binary", maxLength: 12 }),
  fc
    .array(
      fc.constantFrom(
        "&",
        "<",
        ">",
        '"',
        "'",
        "]]>",
        "\r",
        "\n",
        "\t",
        "\r\n",
        " ",
        "\u000b",
        "\u0000",
        "\ud800",
        "\udc00",
        "\ufffe",
        "🦋",
        "Ё",
        "ж",
        "a",
        "1",
        "&amp;",
        "<!--",
        "\u00a0",
        "\u2028"
      ),
      { maxLength: 10 }
    )
    .map((parts) => parts.join(""))
);

describe("eml.xml with hostile text", () => {
  it("is valid and keeps the text, or is refused naming the fields that hold characters XML cannot hold", () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, hostile, (title, organization, keyword, taxon) => {
        const meta = minimalMetadata();
        meta.title = title;
        meta.creators = [agent({ surName: "Smirnov", organization })];
        meta.keywords = [keyword];
        meta.coverage.taxonomic = {
          description: "",
          taxa: [{ rank: "family", name: taxon, commonName: "", count: 1 }],
          source: "user",
        };
        const bad = [
          ["title", title],
          ["creator.1.organization", organization],
          ["keywords", keyword],
          ["coverage.taxon.1", taxon],
        ]
          .filter(([, v]) => findInvalidXmlChars(v).length > 0)
          .map(([k]) => k);
        let xml: string;
        try {
          xml = buildEmlXml(meta, { packageId: "p/1", pubDate: "2026-11-21", dateStamp: "2026-11-21T00:00:00Z" });
        } catch (e) {
          if (!(e instanceof MetadataError)) throw e;
          const invalid = e.problems.filter((p) => p.code === "invalidXmlChar").map((p) => p.field);
          expect(invalid.sort()).toEqual([...bad].sort());
          // Any other refusal is for a required field left blank (title of spaces, taxon name of spaces).
          for (const p of e.problems.filter((q) => q.code !== "invalidXmlChar")) {
            expect(["required:title", "taxa:coverage.taxon.1"]).toContain(`${p.code}:${p.field}`);
          }
          return;
        }
        expect(bad).toEqual([]);
        const result = validateEml(xml);
        if (!result.ok) throw new Error(`${result.output}\n${xml}`);
        expect(xpath(xml, "string(//dataset/title)")).toBe(title.trim());
        expect(xpath(xml, "string(//creator/organizationName)")).toBe(organization.trim());
        expect(xpath(xml, "string(//taxonomicClassification/taxonRankValue)")).toBe(taxon.trim());
        if (keyword.trim() !== "") expect(xpath(xml, "string(//keywordSet[1]/keyword)")).toBe(keyword.trim());
      }),
      { numRuns: 60 }
    );
  });
});

describe("Metadata sheet", () => {
  /** Text as the sheet keeps it: trimmed (cells are read trimmed). */
  const text = fc.string({ unit: "grapheme", maxLength: 20 }).map((s) => s.trim());
  /** List items cannot hold the list separators. */
  const item = text.map((s) => s.replace(/[|;\n]/g, "").trim()).filter((s) => s !== "");
  const person: fc.Arbitrary<Agent> = fc
    .record({
      givenName: text,
      surName: item,
      organization: text,
      position: text,
      email: text,
      orcid: fc.constantFrom("", "0000-0002-1825-0097"),
    })
    .map((a) => ({ ...a, role: "" }));
  const degrees = (limit: number) => fc.double({ min: -limit, max: limit, noNaN: true });

  it("gives back the metadata it was given", () => {
    fc.assert(
      fc.property(
        fc.record({
          title: text,
          description: fc.string({ unit: "grapheme", maxLength: 60 }).map((s) => s.trim()),
          keywords: fc.array(item, { maxLength: 4 }),
          creators: fc.array(person, { maxLength: 3 }),
          contacts: fc.array(person, { maxLength: 2 }),
          steps: fc.array(item, { maxLength: 3 }),
          box: fc.option(fc.tuple(degrees(180), degrees(180), degrees(90), degrees(90)), { nil: undefined }),
          taxa: fc.array(
            fc.record({ rank: item, name: item, commonName: item, count: fc.option(fc.nat(), { nil: null }) }),
            { maxLength: 4 }
          ),
          packageId: fc.oneof(text, fc.uuid().map((u) => `urn:uuid:${u}`)),
          lang: fc.constantFrom("en" as const, "ru" as const),
        }),
        (r) => {
          const meta: DatasetMetadata = minimalMetadata();
          meta.title = r.title;
          meta.description = r.description;
          meta.keywords = r.keywords;
          meta.creators = r.creators;
          meta.contacts = r.contacts;
          meta.methods.steps = r.steps;
          meta.packageId = r.packageId;
          if (r.box) {
            const [west, east, north, south] = r.box;
            meta.coverage.geographic = { description: "Box", west, east, north, south, source: "user" };
          }
          meta.coverage.taxonomic = { description: "", taxa: r.taxa, source: r.taxa.length > 0 ? "user" : "data" };
          const rows: CellValue[][] = metadataToSheetRows(meta, r.lang).map((row) =>
            row.map((v) => (v === null ? "" : v))
          );
          const { meta: back, problems } = metadataFromSheetRows(rows);
          expect(problems).toEqual([]);
          expect(back).toEqual(meta);
        }
      ),
      { numRuns: 200 }
    );
  });
});
