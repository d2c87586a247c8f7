/**
 * Archive -> sheets (src/archive/sheets.ts) on the sample archives: names, headers, defaults, columns without a term,
 * shared data files; and the streaming layout (`sheetLayouts`) gives the same sheets as `archiveSheets`.
 */
import * as fs from "fs";
import * as path from "path";
import { archiveSheets, readArchive, type ArchiveContents } from "../../src/archive";
import { headerForTerm, sheetLayouts } from "../../src/archive/sheets";

const SAMPLES = path.resolve(__dirname, "../../../shared/samples");

function folder(dir: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const n of fs.readdirSync(dir)) files.set(n, new Uint8Array(fs.readFileSync(path.join(dir, n))));
  return files;
}
function read(rel: string): ArchiveContents {
  const file = path.join(SAMPLES, rel);
  return readArchive(rel.endsWith(".zip") ? new Uint8Array(fs.readFileSync(file)) : folder(file));
}

describe("archiveSheets on the samples", () => {
  it("keeps a column without a term under its own header, made unique, and says so", () => {
    const media = archiveSheets(read("dwca/dwcaio__archive-dwc")).find((s) => s.location === "media.txt")!;
    // media.txt: `id url type`; only url is mapped (dc:identifier) and dc:type comes from a default.
    expect(media.headers).toEqual(["taxonID", "identifier", "type (column 3)", "type"]);
    expect(media.notes).toEqual([
      'type: a column added with the default "StillImage" from meta.xml',
      "type (column 3): column 3 of media.txt has no term in meta.xml; kept under its own header, not published data unless the header is a term",
    ]);
  });

  it("gives a column of a shared data file to the row type that maps it (hominidae: isExtinct)", () => {
    const [taxon, profile] = archiveSheets(read("real/hominidae-checklist"));
    expect(taxon.headers).not.toContain("isExtinct");
    expect(profile).toMatchObject({ name: "SpeciesProfile", headers: ["taxonID", "isExtinct"] });
    expect(profile.rows.length).toBe(taxon.rows.length);
  });

  it("writes meta.xml defaults into their column (dna-barcodes basisOfRecord)", () => {
    const [core] = archiveSheets(read("real/dna-barcodes-old-types"));
    const c = core.headers.indexOf("basisOfRecord");
    expect(new Set(core.rows.map((r) => r[c]))).toEqual(new Set(["MaterialSample"]));
  });

  it("names a column by its IRI when two properties of the row type share its name (Audubon dc:format)", () => {
    expect(headerForTerm("http://purl.org/dc/terms/format", "audiovisual")).toBe("http://purl.org/dc/terms/format");
    const media = archiveSheets(read("real/mica-camtrap-sample"))[1];
    expect(media.headers).toContain("http://purl.org/dc/terms/format");
  });

  it("gives the same sheets through the streaming layouts", () => {
    for (const rel of [
      "real/quicama-birds.zip",
      "real/hominidae-checklist",
      "dwca/dwcaio__archive-dwc",
      "real/bdj-spiders-checklist-980.zip",
    ]) {
      const archive = read(rel);
      const files = [archive.core, ...archive.extensions];
      const layouts = sheetLayouts(
        archive.descriptor,
        files.map((f) => ({ headerLines: f.headerLines, width: Math.max(0, ...f.rows.map((r) => r.length)) }))
      );
      const sheets = archiveSheets(archive);
      layouts.forEach((l, i) => {
        expect({ name: l.name, headers: l.headers }).toEqual({ name: sheets[i].name, headers: sheets[i].headers });
        expect(files[i].rows.map(l.row)).toEqual(sheets[i].rows);
      });
    }
  });
});

describe("a sheet is its layout with the rows mapped", () => {
  it("carries every field of the layout the streaming import uses, and the rows the layout's row() gives", () => {
    const archive = read("dwca/dwcaio__archive-dwc");
    const files = [archive.core, ...archive.extensions];
    const layouts = sheetLayouts(
      archive.descriptor,
      files.map((f) => ({ headerLines: f.headerLines, width: f.rows.reduce((w, r) => Math.max(w, r.length), 0) }))
    );
    archiveSheets(archive).forEach((sheet, i) => {
      const { row, ...layout } = layouts[i];
      expect(sheet).toEqual({ ...layout, rows: files[i].rows.map(row) });
    });
  });
});
