/**
 * The eml.xml packageId of `dwc-excel export`: the metadata's own on every export (the same dataset each time), or
 * a new one that the CLI prints with where to keep it, never writing to its input.
 */
import * as fs from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import { readArchive } from "../../src/archive";
import { metadataToSheetRows } from "../../src/metadata";
import { goodMetadata, metadataJson, metadataSheet, OCCURRENCE_HEADERS, OCCURRENCE_ROWS, run, tempDir, writeWorkbook } from "./helpers";

jest.setTimeout(60_000);

const dir = tempDir("cli-package-id");
const ID = "urn:uuid:0b1c5c1e-8d3f-4c56-9a0e-2f6b7d4e9a11";
const occurrences = { name: "Occurrence", rows: [OCCURRENCE_HEADERS, ...OCCURRENCE_ROWS] };

/** The packageId attribute of the archive's eml.xml. */
function packageIdOf(zip: string): string {
  const eml = readArchive(new Uint8Array(fs.readFileSync(zip))).metadata?.text ?? "";
  const m = /<eml:eml[^>]*\spackageId="([^"]*)"/.exec(eml);
  if (!m) throw new Error(`${zip}: eml.xml has no packageId`);
  return m[1];
}

/** The id the CLI says it made, from its note. */
function announcedId(out: string): string | undefined {
  return /\(eml\.xml packageId\): (\S+)/.exec(out)?.[1] ?? /\(packageId в eml\.xml\): (\S+)/.exec(out)?.[1];
}

describe("dwc-excel export: packageId", () => {
  it("writes the Metadata sheet's packageId on every export and says nothing about it", async () => {
    const rows = metadataToSheetRows({ ...goodMetadata("Stored id"), packageId: ID }, "en") as ExcelJS.CellValue[][];
    const file = await writeWorkbook(dir, "stored.xlsx", [occurrences, { name: "Metadata", rows }]);
    for (const n of [1, 2]) {
      const zip = path.join(dir, `stored-${n}.zip`);
      const r = await run("export", file, "-o", zip);
      expect(r.code).toBe(0);
      expect(packageIdOf(zip)).toBe(ID);
      expect(r.out).not.toContain("packageId");
    }
  });

  it("makes a urn:uuid id when the sheet's packageId cell is empty, prints it with that cell, and leaves the file alone", async () => {
    const file = await writeWorkbook(dir, "empty-id.xlsx", [occurrences, metadataSheet("No id yet")]);
    const before = fs.readFileSync(file);
    const zip = path.join(dir, "empty-id.zip");
    const r = await run("export", file, "-o", zip);
    expect(r.code).toBe(0);
    const made = packageIdOf(zip);
    expect(made).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(announcedId(r.out)).toBe(made);
    const row = (metadataToSheetRows(goodMetadata("No id yet"), "en") as unknown[][]).findIndex((x) => x[0] === "packageId") + 1;
    expect(r.out).toContain(`Put it in Metadata!B${row} (row packageId) so that later exports keep it`);
    expect(fs.readFileSync(file).equals(before)).toBe(true);

    // once the user has put it there, the next export carries the same id
    const kept = metadataToSheetRows({ ...goodMetadata("No id yet"), packageId: made }, "en") as ExcelJS.CellValue[][];
    const again = await writeWorkbook(dir, "empty-id-kept.xlsx", [occurrences, { name: "Metadata", rows: kept }]);
    const zip2 = path.join(dir, "empty-id-kept.zip");
    const r2 = await run("export", again, "-o", zip2);
    expect(r2.code).toBe(0);
    expect(packageIdOf(zip2)).toBe(made);
    expect(announcedId(r2.out)).toBeUndefined();
  });

  it("asks for a new row on a Metadata sheet written before the packageId row existed (in Russian with --lang ru)", async () => {
    const rows = (metadataToSheetRows(goodMetadata("Old layout"), "ru") as ExcelJS.CellValue[][]).filter((r) => r[0] !== "packageId");
    const file = await writeWorkbook(dir, "old.xlsx", [occurrences, { name: "Metadata", rows }]);
    const zip = path.join(dir, "old.zip");
    const r = await run("export", file, "-o", zip, "--lang", "ru");
    expect(r.code).toBe(0);
    expect(announcedId(r.out)).toBe(packageIdOf(zip));
    expect(r.out).toContain("Добавьте на лист Metadata строку: packageId в столбце A, идентификатор в столбце B");
  });

  it("takes the packageId from --metadata JSON, or names the JSON field to add", async () => {
    const withId = path.join(dir, "with-id.json");
    fs.writeFileSync(withId, metadataJson("JSON id", { packageId: ID }));
    const zip = path.join(dir, "json-id.zip");
    const r = await run("export", (await writeWorkbook(dir, "json.xlsx", [occurrences])), "--metadata", withId, "-o", zip);
    expect(r.code).toBe(0);
    expect(packageIdOf(zip)).toBe(ID);
    expect(announcedId(r.out)).toBeUndefined();

    const noId = path.join(dir, "no-id.json");
    fs.writeFileSync(noId, metadataJson("JSON without id"));
    const before = fs.readFileSync(noId, "utf8");
    const zip2 = path.join(dir, "json-no-id.zip");
    const r2 = await run("export", path.join(dir, "json.xlsx"), "--metadata", noId, "-o", zip2);
    expect(r2.code).toBe(0);
    const made = packageIdOf(zip2);
    expect(r2.out).toContain(`Add "packageId": "${made}" to ${noId} so that later exports keep it`);
    expect(fs.readFileSync(noId, "utf8")).toBe(before);
  });
});
