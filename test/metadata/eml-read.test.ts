/**
 * eml.xml -> metadata model (src/metadata/eml-read.ts) on the real eml.xml files of ../shared/samples, and the
 * verbatim elements it keeps written back by buildEmlXml and valid against the GBIF profile 1.3 XSD.
 */
import * as fs from "fs";
import * as path from "path";
import { readArchive } from "../../src/archive";
import {
  buildEmlXml,
  metadataFromSheetRows,
  metadataToJson,
  metadataToSheetRows,
  parseMetadataJson,
  readEml,
  XmlSyntaxError,
} from "../../src/metadata";
import { SHARED, validateEml } from "./helpers";

const REAL = path.join(SHARED, "samples/real");
const OPTIONS = { packageId: "urn:uuid:x", pubDate: "2024-01-01", dateStamp: "2024-01-01T00:00:00Z" };

function emlOf(zipOrFolder: string): string {
  const file = path.join(REAL, zipOrFolder);
  if (file.endsWith(".zip")) return readArchive(new Uint8Array(fs.readFileSync(file))).metadata!.text!;
  return fs.readFileSync(path.join(file, "eml.xml"), "utf8");
}

describe("readEml on published eml.xml", () => {
  it("reads an IPT 2.x document (quicama-birds) into the model, keeping what the model has no field for", () => {
    const { meta, pubDate } = readEml(emlOf("quicama-birds.zip"));
    expect(meta.title).toBe("Avifauna do Parque Nacional da Quiçama");
    expect(meta.packageId).toBe("35f47748-8f91-4cca-9d2c-573ab66078cc/v1.3");
    expect(pubDate).toBe("2018-10-15");
    expect(meta.license).toBe("CC-BY-4.0");
    expect(meta.metadataLanguage).toBe("eng");
    expect(meta.creators.map((c) => [c.givenName, c.surName, c.organization])).toEqual([
      ["Sango", "Sá", "INBAC"],
      ["Sara", "Fernandes", "RWCP Angola"],
      ["David", "Elizalde", "RWCP Angola"],
    ]);
    expect(meta.contacts[0].email).toBe("bigsango11@gmail.com");
    expect(meta.description.split("\n\n")).toHaveLength(5);
    expect(meta.coverage.geographic).toMatchObject({
      west: 13.19,
      east: 14.21,
      north: -9.18,
      south: -10.39,
      source: "user",
    });
    expect(meta.coverage.temporal).toMatchObject({ begin: "2017-06-15", end: "2017-10-07" });
    expect(meta.coverage.taxonomic.taxa).toEqual([{ rank: "class", name: "aves", commonName: "", count: null }]);
    expect(meta.updateFrequency).toBe("asNeeded");
    expect(meta.methods.steps).toEqual(["N/A"]);
    expect(meta.project).toMatchObject({
      title: expect.stringContaining("Strengthening"),
      identifier: "BID-AF2015-0122-NAC",
    });
    expect(meta.citation).toMatch(/^Sá S, Fernandes S/);
    const kept = (meta.keep ?? []).map((k) => `${k.parent} ${k.xml.slice(0, k.xml.indexOf(">") + 1)}`);
    expect(kept).toEqual(
      expect.arrayContaining([
        "dataset <alternateIdentifier>",
        "dataset/creator/1 <address>",
        "dataset/creator/1 <phone>",
        "dataset <associatedParty>",
        "dataset <keywordSet>",
        "additionalMetadata/metadata/gbif <dc:replaces>",
      ])
    );
  });

  it("writes kept elements back in their place: valid against the profile 1.3 XSD", () => {
    for (const name of ["quicama-birds.zip", "bryoquel-checklist", "vampire-moths-symbiota"]) {
      const { meta } = readEml(emlOf(name));
      meta.datasetType = "occurrence";
      const xml = buildEmlXml(meta, OPTIONS);
      const result = validateEml(xml);
      if (!result.ok) throw new Error(`${name}: ${result.output}`);
      const again = readEml(xml).meta;
      expect(again.keep?.length).toBe(meta.keep?.length);
      expect(again.creators).toEqual(meta.creators);
    }
    const xml = buildEmlXml({ ...readEml(emlOf("quicama-birds.zip")).meta, datasetType: "occurrence" }, OPTIONS);
    // The creator's address between positionName and electronicMailAddress, as agentType orders them.
    expect(xml).toMatch(
      /<positionName>Chief of Department<\/positionName>\s*<address>[\s\S]*?<\/address>\s*<phone>\+244924175953<\/phone>\s*<electronicMailAddress>/
    );
  });

  it("normalises what the profile refuses, and names what it leaves out", () => {
    const { meta, notes } = readEml(emlOf("vampire-moths-symbiota"));
    // Symbiota's <individualName>Jennifer Zaspel</individualName>: a surName.
    expect(meta.contacts[0].surName).toBe("Jennifer Zaspel");
    expect(meta.license).toBe("CC0-1.0");
    expect(notes).toContain(
      "additionalMetadata/metadata/symbiota: not in the GBIF metadata profile 1.3; left out of eml.xml"
    );
    const party = meta.keep!.find((k) => k.xml.includes("Collection Manager"))!.xml;
    expect(party).toMatch(
      /<positionName>Collection Manager<\/positionName><electronicMailAddress>zaspelj@mpm.edu<\/electronicMailAddress><role>CONTENT_PROVIDER<\/role>/
    );
    expect(party).not.toContain("<phone>");
  });

  it("keeps a licence GBIF does not accept as written and says so", () => {
    const { meta, notes } = readEml(emlOf("dna-barcodes-old-types"));
    expect(meta.license).toBe("");
    expect(notes.join("\n")).toMatch(
      /licence "This work is free of known copyright restrictions\. Public Domain Mark" is not one GBIF accepts/
    );
    expect(meta.keep!.some((k) => k.parent === "dataset" && k.xml.startsWith("<intellectualRights>"))).toBe(true);
    // Once a licence is chosen, the old statement gives way (one intellectualRights only).
    const xml = buildEmlXml(
      { ...meta, license: "CC0-1.0", datasetType: "occurrence", contacts: meta.creators },
      OPTIONS
    );
    expect(xml.match(/<intellectualRights>/g)).toHaveLength(1);
    expect(validateEml(xml).ok).toBe(true);
  });

  it("refuses what is not eml.xml", () => {
    expect(() => readEml("<archive/>")).toThrow(XmlSyntaxError);
    expect(() => readEml("<eml:eml><dataset>")).toThrow(XmlSyntaxError);
  });
});

describe("kept elements on the Metadata sheet and in the JSON", () => {
  const { meta } = readEml(emlOf("bryoquel-checklist"));

  it("round-trips through the sheet rows (eml.keep.N = place, line break, element)", () => {
    const rows = metadataToSheetRows(meta, "en");
    const keepRows = rows.filter((r) => typeof r[0] === "string" && r[0].startsWith("eml.keep."));
    expect(keepRows.length).toBe(meta.keep!.length);
    expect(String(keepRows[0][1]).split("\n")[0]).toBe(meta.keep![0].parent);
    const back = metadataFromSheetRows(rows);
    expect(back.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(back.meta.keep).toEqual(meta.keep);
    expect(back.meta.creators).toEqual(meta.creators);
  });

  it("splits an element longer than a cell and joins it back", () => {
    const long = {
      ...meta,
      keep: [{ parent: "dataset", xml: `<additionalInfo><para>${"x".repeat(70000)}</para></additionalInfo>` }],
    };
    const rows = metadataToSheetRows(long, "en");
    expect(rows.filter((r) => String(r[0]).startsWith("eml.keep.1")).map((r) => r[0])).toEqual([
      "eml.keep.1",
      "eml.keep.1.2",
      "eml.keep.1.3",
    ]);
    expect(metadataFromSheetRows(rows).meta.keep).toEqual(long.keep);
  });

  it("reports a kept row that is not a place and an element", () => {
    const rows = metadataToSheetRows(meta, "en");
    const at = rows.findIndex((r) => r[0] === "eml.keep.1");
    rows[at] = ["eml.keep.1", "dataset\n<associatedParty><role>x</associatedParty>", null];
    rows.push(["eml.keep.99", "nowhere\n<a/>", null]);
    const { problems } = metadataFromSheetRows(rows);
    expect(problems.filter((p) => p.code === "format").map((p) => [p.field, p.row])).toEqual([
      ["eml.keep.1", at + 1],
      ["eml.keep.99", rows.length],
    ]);
  });

  it("round-trips through the --metadata JSON", () => {
    const { meta: back, problems } = parseMetadataJson(metadataToJson(meta));
    expect(problems).toEqual([]);
    expect(back.keep).toEqual(meta.keep);
  });
});
