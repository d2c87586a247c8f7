import {
  METADATA_SHEET_FORMAT,
  isMetadataSheet,
  checkMetadata,
  emptyMetadata,
  metadataFromSheetRows,
  metadataToSheetRows,
} from "../../src/metadata";
import type { DatasetMetadata } from "../../src/metadata";
import type { CellValue } from "../../src/dwc/table";
import { agent, exampleMetadata, minimalMetadata } from "./fixtures";

/** The example with every kind of field filled in, including derived taxa. */
function fullMetadata(): DatasetMetadata {
  const meta = exampleMetadata();
  meta.citationIdentifier = "https://doi.org/10.15468/abcd12";
  meta.packageId = "urn:uuid:0b1c5c1e-8d3f-4c56-9a0e-2f6b7d4e9a11";
  meta.project.identifier = "BID-AF2020-140-REG";
  meta.project.designDescription = "Permanent routes.\n\nTwo visits per summer.";
  meta.coverage.taxonomic = {
    description: "Vascular plants / Сосудистые растения",
    taxa: [
      { rank: "kingdom", name: "Plantae", commonName: "Растения", count: 1520 },
      { rank: "family", name: "Rosaceae", commonName: "", count: 120 },
      { rank: "family", name: "Poaceae", commonName: "Злаки", count: null },
      { rank: "", name: "Tracheophyta", commonName: "", count: null },
    ],
    source: "data",
  };
  meta.project.personnel.push(agent({ organization: "Karelian Research Centre", role: "contentProvider" }));
  return meta;
}

/** What Excel hands back: empty cells as "", text as text, numbers as numbers. */
function asExcelReturns(rows: CellValue[][]): CellValue[][] {
  return rows.map((r) => r.map((v) => (v === null ? "" : v)));
}

describe("Metadata sheet rows", () => {
  it("round-trips complete metadata through the sheet layout", () => {
    const meta = fullMetadata();
    for (const lang of ["en", "ru"] as const) {
      const { meta: back, problems } = metadataFromSheetRows(asExcelReturns(metadataToSheetRows(meta, lang)));
      expect(problems).toEqual([]);
      expect(back).toEqual(meta);
    }
  });

  it("round-trips empty metadata, writing one blank block per list so users see the keys", () => {
    const rows = metadataToSheetRows(emptyMetadata(), "en");
    expect(rows.map((r) => r[0])).toEqual(
      expect.arrayContaining(["creator.1.surName", "contact.1.email", "methods.step.1", "project.personnel.1.role"])
    );
    const { meta, problems } = metadataFromSheetRows(rows);
    expect(problems).toEqual([]);
    expect(meta).toEqual(emptyMetadata());
  });

  it("lays out keys in column A, values in B and help in the interface language in C", () => {
    const rows = metadataToSheetRows(minimalMetadata(), "ru");
    expect(rows[0][0]).toBe("key");
    expect(rows[1]).toEqual(["format", METADATA_SHEET_FORMAT, "Версия формата листа"]);
    const title = rows.find((r) => r[0] === "title") as CellValue[];
    expect(title).toEqual([
      "title",
      "Birds of the Oka reserve",
      "Название * — Краткое информативное название набора данных.",
    ]);
    expect(rows.find((r) => r[0] === "creator.1.surName")).toEqual([
      "creator.1.surName",
      "Smirnov",
      "Автор (creator) 1: фамилия *",
    ]);
    expect(rows.every((r) => r.length === 3)).toBe(true);
    const en = metadataToSheetRows(minimalMetadata(), "en");
    expect(en.map((r) => [r[0], r[1]])).toEqual(rows.map((r) => [r[0], r[1]]));
  });

  it("keeps the packageId in the citation section, after citationIdentifier", () => {
    const rows = metadataToSheetRows(fullMetadata(), "en");
    const keys = rows.map((r) => r[0]);
    expect(keys.indexOf("packageId")).toBe(keys.indexOf("citationIdentifier") + 1);
    expect(keys.indexOf("packageId")).toBeGreaterThan(keys.indexOf("# Citation and maintenance"));
    expect(rows.find((r) => r[0] === "packageId")?.[1]).toBe("urn:uuid:0b1c5c1e-8d3f-4c56-9a0e-2f6b7d4e9a11");
    // no id yet: an empty value cell, so the first export has a row to fill
    expect(metadataToSheetRows(minimalMetadata(), "ru").find((r) => r[0] === "packageId")?.[1]).toBeNull();
  });

  it("reads a sheet written before the packageId row existed as having no packageId, without a problem", () => {
    const meta = fullMetadata();
    const old = metadataToSheetRows(meta, "en").filter((r) => r[0] !== "packageId");
    const { meta: back, problems } = metadataFromSheetRows(asExcelReturns(old));
    expect(problems).toEqual([]);
    expect(back).toEqual({ ...meta, packageId: "" });
  });

  it("writes bounding-box values as numbers and taxa as 'rank | name | records | common name'", () => {
    const rows = metadataToSheetRows(fullMetadata(), "en");
    expect(rows.find((r) => r[0] === "coverage.west")?.[1]).toBe(29.9);
    expect(rows.filter((r) => String(r[0]).startsWith("coverage.taxon.")).map((r) => r[1])).toEqual([
      "kingdom | Plantae | 1520 | Растения",
      "family | Rosaceae | 120",
      "family | Poaceae |  | Злаки",
      " | Tracheophyta",
    ]);
  });

  it("reads what a user typed: other licence spellings, 2-letter languages, dates as date cells, renumbered people", () => {
    const rows: CellValue[][] = [
      ["key", "value", "help"],
      ["title", "  Mosses of the Pinega reserve  ", ""],
      ["license", "CC BY 4.0", ""],
      ["metadataLanguage", "RU", ""],
      ["dataLanguage", "", ""],
      ["datasetType", "event", ""],
      ["keywords", "mosses; bryophytes | Arkhangelsk\nkarst", ""],
      ["updateFrequency", "unkown", ""],
      ["creator.3.surName", "Petrova", ""],
      ["creator.1.organization", "Pinega reserve", ""],
      ["creator.1.orcid", "https://orcid.org/0000-0002-1825-0097", ""],
      ["# comment row", "ignored", ""],
      ["coverage.beginDate", 36161, ""],
      ["coverage.endDate", 2005, ""],
      ["coverage.west", "43.1", ""],
      ["coverage.taxon.1", "Bryophyta", ""],
      ["methods.step.2", "Second", ""],
      ["methods.step.1", "First", ""],
      [null, null, null],
    ];
    const { meta, problems } = metadataFromSheetRows(rows);
    expect(problems).toEqual([]);
    expect(meta.title).toBe("Mosses of the Pinega reserve");
    expect(meta.license).toBe("CC-BY-4.0");
    expect([meta.metadataLanguage, meta.dataLanguage]).toEqual(["rus", "eng"]);
    expect(meta.datasetType).toBe("samplingevent");
    expect(meta.keywords).toEqual(["mosses", "bryophytes", "Arkhangelsk", "karst"]);
    expect(meta.updateFrequency).toBe("unknown");
    expect(meta.creators.map((c) => [c.organization, c.surName, c.orcid])).toEqual([
      ["Pinega reserve", "", "0000-0002-1825-0097"],
      ["", "Petrova", ""],
    ]);
    expect(meta.coverage.temporal).toEqual({ begin: "1999-01-01", end: "2005", source: "user" });
    expect(meta.coverage.geographic.west).toBe(43.1);
    expect(meta.coverage.geographic.source).toBe("user");
    expect(meta.coverage.taxonomic.taxa).toEqual([{ rank: "", name: "Bryophyta", commonName: "", count: null }]);
    expect(meta.methods.steps).toEqual(["First", "Second"]);
  });

  it("reports unknown keys, unreadable values and duplicates with their row, in both languages", () => {
    const rows: CellValue[][] = [
      ["key", "value", "help"],
      ["format", "dwc-excel-metadata/9", ""],
      ["titel", "Typo", ""],
      ["license", "CC BY-SA 4.0", ""],
      ["coverage.north", "55,7", ""],
      ["coverage.taxon.1", "family | Rosaceae | many", ""],
      ["creator.1.role", "author", ""],
      ["title", "First", ""],
      ["title", "Second", ""],
      ["updateFrequency", "yearly", ""],
    ];
    const { meta, problems } = metadataFromSheetRows(rows);
    expect(problems.map((p) => [p.row, p.severity, p.code, p.field])).toEqual([
      [2, "warning", "format", "format"],
      [3, "warning", "unknownKey", "titel"],
      [4, "error", "license", "license"],
      [5, "error", "number", "coverage.north"],
      [6, "error", "taxon", "coverage.taxon.1"],
      [7, "warning", "unknownKey", "creator.1.role"],
      [9, "warning", "duplicateKey", "title"],
      [10, "error", "vocabulary", "updateFrequency"],
    ]);
    expect(problems[2].message.en).toBe(
      'Metadata row 4: licence "CC BY-SA 4.0" is not CC0-1.0, CC-BY-4.0 or CC-BY-NC-4.0.'
    );
    expect(problems[2].message.ru).toBe(
      "Лист метаданных, строка 4: лицензия «CC BY-SA 4.0» — не CC0-1.0, CC-BY-4.0 или CC-BY-NC-4.0."
    );
    expect(meta.title).toBe("Second");
    // The unreadable licence leaves the field empty, so the publishing check blocks the export too.
    expect(checkMetadata(meta).some((p) => p.field === "license" && p.severity === "error")).toBe(true);
  });

  it("keeps an unknown language code as typed so that the check names it", () => {
    const { meta } = metadataFromSheetRows([["metadataLanguage", "Русский"]]);
    expect(meta.metadataLanguage).toBe("Русский");
    expect(checkMetadata(meta).find((p) => p.field === "metadataLanguage")?.code).toBe("language");
  });
});

describe("isMetadataSheet", () => {
  it("knows the sheet by its name in any case, or by its key/value layout under another name", () => {
    const [header] = metadataToSheetRows(emptyMetadata(), "ru");
    expect(isMetadataSheet("Metadata")).toBe(true);
    expect(isMetadataSheet("METADATA", [])).toBe(true);
    expect(isMetadataSheet("Метаданные", header)).toBe(true);
    expect(isMetadataSheet("Occurrence", ["occurrenceID", "basisOfRecord"])).toBe(false);
    expect(isMetadataSheet("Notes", ["key", "note"])).toBe(false);
  });
});
