/**
 * The exact bytes of meta.xml and the data file for a small sheet, against test/fixtures/archive/occurrence-export
 * (see test/fixtures/archive/README.md). A change in the output format shows up here as a readable diff.
 */
import * as fs from "fs";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";
import { exportArchive } from "../../src/archive";
import { role } from "./workbooks";

const FIXTURE = path.resolve(__dirname, "../fixtures/archive/occurrence-export");

describe("exported file format", () => {
  it("matches the committed meta.xml and occurrence.txt", async () => {
    const general = Array(7).fill("General");
    const result = await exportArchive({
      sheets: [
        {
          name: "Occurrence",
          role: role("occurrence", "core", "occurrence", "occurrenceID"),
          headers: ["occurrenceID", "basisOfRecord", "scientificName", "eventDate", "individualCount", "occurrenceRemarks", "Заметки"],
          rows: [
            {
              startRow: 2,
              values: [
                ["001", "PreservedSpecimen", "Parus major Linnaeus, 1758", 45078, 2, 'label: "Умба"\tверх', "x"],
                ["002", "HumanObservation", "Cyanistes caeruleus", "2023-06-01/2023-06-05", 0.1 + 0.2, "two\nlines", null],
              ],
              numberFormats: [["General", "General", "General", "dd.mm.yyyy", "General", "General", "General"], general],
            },
          ],
        },
      ],
      facts: { date1904: false },
      emlXml: "<eml/>",
      validation: false,
    });
    expect(result.ok).toBe(true);
    const out = new Uint8Array(result.zip.reduce((n, c) => n + c.length, 0));
    result.zip.reduce((at, c) => (out.set(c, at), at + c.length), 0);
    const files = unzipSync(out);
    for (const name of ["meta.xml", "occurrence.txt"]) {
      expect([name, strFromU8(files[name])]).toEqual([name, fs.readFileSync(path.join(FIXTURE, name), "utf8")]);
    }
    expect(result.summary.leftOutColumns.map((c) => c.header)).toEqual(["Заметки"]);
  });
});
