import { buildEmlXml, exportPackageId, metadataFromSheetRows, metadataToSheetRows } from "../../src/metadata";
import { minimalMetadata } from "./fixtures";
import { xpath } from "./helpers";

describe("exportPackageId", () => {
  it("uses the metadata's own packageId, trimmed, and makes none", () => {
    const meta = { ...minimalMetadata(), packageId: " urn:uuid:0b1c5c1e-8d3f-4c56-9a0e-2f6b7d4e9a11 " };
    const made: string[] = [];
    const id = exportPackageId(meta, () => {
      made.push("x");
      return "never";
    });
    expect(id).toEqual({ packageId: "urn:uuid:0b1c5c1e-8d3f-4c56-9a0e-2f6b7d4e9a11", created: false });
    expect(made).toEqual([]);
  });

  it("makes a urn:uuid id when the metadata has none (empty or blank)", () => {
    for (const packageId of ["", "   "]) {
      const id = exportPackageId({ ...minimalMetadata(), packageId }, () => "4f7c0c3e-2b1a-4d5e-8f90-123456789abc");
      expect(id).toEqual({ packageId: "urn:uuid:4f7c0c3e-2b1a-4d5e-8f90-123456789abc", created: true });
    }
  });

  it("gives the same eml.xml packageId on the next export once the made id is stored in the Metadata sheet", () => {
    const first = minimalMetadata();
    const id = exportPackageId(first, () => "4f7c0c3e-2b1a-4d5e-8f90-123456789abc");
    const eml1 = buildEmlXml(first, { packageId: id.packageId, pubDate: "2026-11-21" });
    // the pane writes it back; the next session reads the sheet
    const stored = metadataFromSheetRows(metadataToSheetRows({ ...first, packageId: id.packageId }, "en")).meta;
    const again = exportPackageId(stored, () => "a-different-uuid");
    const eml2 = buildEmlXml(stored, { packageId: again.packageId, pubDate: "2026-12-01" });
    expect(again.created).toBe(false);
    expect(xpath(eml2, "string(/*/@packageId)")).toBe(xpath(eml1, "string(/*/@packageId)"));
    expect(xpath(eml1, "string(/*/@packageId)")).toBe("urn:uuid:4f7c0c3e-2b1a-4d5e-8f90-123456789abc");
  });
});
