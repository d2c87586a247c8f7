/**
 * The export reading path: dataset sheets handed to the archive writer in chunks, values as the user means them
 * (leading zeros, long ids, 1904 date serials, formulas' values, Cyrillic), and the Metadata sheet round trip.
 */
import { exportArchive, readArchive, recordsOf } from "../../src/archive";
import { emptyAgent, emptyMetadata } from "../../src/metadata";
import { collectExportSources, readMetadataSheet, writeMetadataSheet } from "../../src/excel/export";
import { installFake, uninstallFakes } from "./helpers";

afterEach(uninstallFakes);

const DWC = "http://rs.tdwg.org/dwc/terms/";

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

describe("collectExportSources", () => {
  it("hands each dataset sheet's rows to the archive writer with the workbook's 1904 dates", async () => {
    const fake = installFake(
      [
        {
          name: "Находки",
          values: [
            ["occurrenceID", "basisOfRecord", "scientificName", "eventDate", "individualCount", "my notes"],
            ["007", "HumanObservation", "Парус большой", 41083, 4, "x"],
            ["123456789012345678", "PreservedSpecimen", 'Pica "pica"', "2012-06-23", 8, ""],
          ],
          numberFormats: [[], ["@", null, null, "dd.mm.yyyy", null], ["@", null, null, "@", null]],
          formulas: [[], [null, null, null, null, "=2*2"], [null, null, null, null, null]],
        },
        { name: "Notes", values: [["anything"]] },
      ],
      { date1904: true },
    );
    const sources = await collectExportSources({ chunkRows: 1 });
    expect(sources.facts).toEqual({ date1904: true });
    expect(sources.otherSheets).toEqual(["Notes"]);
    expect(sources.sheets.map((s) => [s.name, s.role.rowTypeId, s.role.kind])).toEqual([["Находки", "occurrence", "core"]]);
    fake.resetCounters();
    const result = await exportArchive({ sheets: sources.sheets, facts: sources.facts, emlXml: "<eml/>", mtime: new Date(Date.UTC(2020, 0, 1)) });
    expect(result.ok).toBe(true);
    // chunkRows 1: one request per data row.
    expect(fake.syncCount).toBe(2);
    const archive = readArchive(concat(result.zip));
    const records = recordsOf(archive.core).map((r) => r.values);
    expect(records.map((r) => r[`${DWC}occurrenceID`])).toEqual(["007", "123456789012345678"]);
    expect(records.map((r) => r[`${DWC}eventDate`])).toEqual(["2016-06-24", "2012-06-23"]);
    expect(records.map((r) => r[`${DWC}scientificName`])).toEqual(["Парус большой", 'Pica "pica"']);
    expect(records.map((r) => r[`${DWC}individualCount`])).toEqual(["4", "8"]);
    expect(result.summary.leftOutColumns.map((c) => c.header)).toEqual(["my notes"]);
  });
});

describe("Metadata sheet", () => {
  it("writes the metadata to its own sheet and reads it back unchanged, touching no other sheet", async () => {
    const fake = installFake([{ name: "Data", values: [["x"]] }]);
    const before = fake.snapshot("Data");
    const meta = emptyMetadata();
    meta.title = "Птицы заповедника «Кивач», 2012";
    meta.description = "Учёты & наблюдения <2012>";
    meta.license = "CC-BY-4.0";
    meta.creators = [{ ...emptyAgent(), givenName: "Анна", surName: "Иванова", email: "anna@example.org", orcid: "0000-0002-1825-0097" }];
    meta.keywords = ["birds", "птицы"];
    await writeMetadataSheet(meta, "ru");
    expect(fake.sheetNames()).toEqual(["Data", "Metadata"]);
    expect(fake.snapshot("Data")).toBe(before);
    const read = await readMetadataSheet();
    expect(read?.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(read?.meta.title).toBe(meta.title);
    expect(read?.meta.description).toBe(meta.description);
    expect(read?.meta.license).toBe("CC-BY-4.0");
    expect(read?.meta.creators[0]).toMatchObject({ givenName: "Анна", surName: "Иванова", email: "anna@example.org" });
    expect(read?.meta.keywords).toEqual(["birds", "птицы"]);
    // Writing again replaces the old contents.
    meta.keywords = [];
    await writeMetadataSheet(meta, "en");
    expect((await readMetadataSheet())?.meta.keywords).toEqual([]);
  });

  it("returns undefined when the workbook has no Metadata sheet", async () => {
    installFake();
    expect(await readMetadataSheet()).toBeUndefined();
  });
});
