import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { strFromU8, unzipSync } from "fflate";
import type { ArchiveDescriptor } from "../../src/archive";
import { ArchiveError, WRITE_LAYOUT, createArchiveWriter, readArchive } from "../../src/archive";

const DWC = "http://rs.tdwg.org/dwc/terms/";
const descriptor: ArchiveDescriptor = {
  metadata: "eml.xml",
  core: {
    rowType: `${DWC}Occurrence`,
    location: "occurrence.txt",
    idIndex: 0,
    ...WRITE_LAYOUT,
    fields: [
      { index: 0, term: `${DWC}occurrenceID` },
      { index: 1, term: `${DWC}scientificName` },
    ],
  },
  extensions: [],
};

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  chunks.reduce((at, c) => (out.set(c, at), at + c.length), 0);
  return out;
}

describe("createArchiveWriter", () => {
  it("streams compressed bytes while records are written, before the archive is finished", () => {
    const chunks: Uint8Array[] = [];
    const writer = createArchiveWriter({ descriptor, emlXml: "<eml/>", onData: (c) => chunks.push(c) });
    const file = writer.openFile("occurrence.txt", ["occurrenceID", "scientificName"]);
    const fields = ["", ""];
    let pseudo = 1;
    for (let i = 0; i < 200_000; i++) {
      pseudo = (pseudo * 48271) % 2147483647; // incompressible enough to fill deflate blocks
      fields[0] = `o${i}`;
      fields[1] = `Species ${pseudo.toString(36)}`;
      expect(file.writeRecord(fields)).toBe(-1);
    }
    const beforeClose = chunks.length;
    expect(beforeClose).toBeGreaterThan(5);
    file.close();
    expect(writer.finish()).toEqual([]);
    const archive = readArchive(concat(chunks));
    expect(archive.core.rows).toHaveLength(200_000);
    expect(archive.core.rows[199_999][0]).toBe("o199999");
    expect(file.records).toBe(200_000);
    expect(archive.metadata?.text).toBe("<eml/>");
  });

  it("passes Info-ZIP's integrity test (CRCs and sizes checked by an independent reader)", () => {
    const writer = createArchiveWriter({ descriptor, emlXml: "<eml>Птицы</eml>" });
    const file = writer.openFile("occurrence.txt", ["occurrenceID", "scientificName"]);
    for (let i = 0; i < 50_000; i++) file.writeRecord([`o${i}`, i % 3 ? "Parus major" : "Синица \"большая\"\t🐦"]);
    file.close();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dwca-"));
    const zipPath = path.join(dir, "archive.zip");
    fs.writeFileSync(zipPath, concat(writer.finish()));
    const test = spawnSync("unzip", ["-t", zipPath], { encoding: "utf8" });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(test.stdout).toMatch(/No errors detected/);
    expect(test.status).toBe(0);
  });

  it("writes a byte-identical archive for the same input and time", () => {
    const make = () => {
      const writer = createArchiveWriter({ descriptor, emlXml: "<eml/>", mtime: new Date(Date.UTC(2024, 5, 1)) });
      const file = writer.openFile("occurrence.txt", ["occurrenceID", "scientificName"]);
      file.writeRecord(["1", "Parus major"]);
      file.close();
      return concat(writer.finish());
    };
    expect(make()).toEqual(make());
    const files = unzipSync(make());
    expect(Object.keys(files).sort()).toEqual(["eml.xml", "meta.xml", "occurrence.txt"]);
    expect(strFromU8(files["occurrence.txt"])).toBe("occurrenceID\tscientificName\n1\tParus major\n");
  });

  it("writes the same bytes with a platform CRC-32 (Node's zlib.crc32) as with its own", () => {
    const make = (crc32?: (previous: number, bytes: Uint8Array) => number) => {
      const writer = createArchiveWriter({ descriptor, emlXml: "<eml/>", mtime: new Date(Date.UTC(2024, 5, 1)), crc32 });
      const file = writer.openFile("occurrence.txt", ["occurrenceID", "scientificName"]);
      for (let i = 0; i < 5000; i++) file.writeRecord([`o${i}`, "Синица"]);
      file.close();
      return concat(writer.finish());
    };
    expect(make((previous, bytes) => zlib.crc32(bytes, previous))).toEqual(make());
  });

  it("refuses misuse with the file named", () => {
    const writer = createArchiveWriter({ descriptor, emlXml: "" });
    expect(() => writer.openFile("other.txt", ["a"])).toThrow(/archive > other\.txt: the descriptor does not declare this file/);
    const file = writer.openFile("occurrence.txt", ["occurrenceID"]);
    expect(() => writer.finish()).toThrow(/occurrence\.txt is still open/);
    file.close();
    expect(() => writer.openFile("occurrence.txt", ["occurrenceID"])).toThrow(/written twice/);
  });

  it("refuses to finish before every declared file is written", () => {
    const writer = createArchiveWriter({ descriptor, emlXml: "" });
    expect(() => writer.finish()).toThrow(/declared data files not written: occurrence\.txt/);
  });

  it("after cancel every call fails with CANCELLED", () => {
    const writer = createArchiveWriter({ descriptor, emlXml: "" });
    const file = writer.openFile("occurrence.txt", ["occurrenceID"]);
    writer.cancel();
    let error: unknown;
    try {
      file.writeRecord(["1"]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ArchiveError);
    expect((error as ArchiveError).code).toBe("CANCELLED");
  });
});
