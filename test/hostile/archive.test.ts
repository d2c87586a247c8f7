import { zipSync, strToU8 } from "fflate";
import { ArchiveError, readArchive, recordsOf } from "../../src/archive";
import { HELD_LIMITS, MAX_HELD_TOTAL_BYTES } from "../../src/archive/zip-entry";
import { archiveZip, bombZip, entryCrc, metaXml, patchZipEntry } from "./generate";

const DATA = "occurrenceID\tscientificName\no1\tParus major\no2\tPica pica\n";

/** The ArchiveError `f` throws (fails the test when it throws something else or nothing). */
function archiveError(f: () => unknown): ArchiveError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ArchiveError);
    return e as ArchiveError;
  }
  throw new Error("expected an ArchiveError");
}

describe("hostile archives are refused with an ArchiveError naming the file", () => {
  it("reads the well-formed archive the others are made from", () => {
    const archive = readArchive(archiveZip(metaXml(), { "occurrence.txt": DATA }));
    expect(recordsOf(archive.core).map((r) => r.id)).toEqual(["o1", "o2"]);
  });

  it('refuses fieldsTerminatedBy="" in meta.xml (it ran out of memory), naming meta.xml and the core', () => {
    const e = archiveError(() =>
      readArchive(archiveZip(metaXml({ fieldsTerminatedBy: "" }), { "occurrence.txt": DATA }))
    );
    expect(e.code).toBe("BAD_META_XML");
    expect(e.message).toBe('meta.xml > core: fieldsTerminatedBy="" is empty: fields need a separator');
  });

  it("refuses a data file declaring 2.2 GB before inflating it (the real limit), naming the entry", () => {
    const parts = { "meta.xml": strToU8(metaXml()) };
    const e = archiveError(() => readArchive(bombZip(parts, "occurrence.txt", 1000, 2_200_000_000)));
    expect(e.code).toBe("ZIP_LIMIT");
    expect(e.message).toBe(
      "archive > occurrence.txt: inflates to 2.05 GiB, more than the 256 MiB this tool reads of one entry"
    );
  });

  it("refuses a data file inflating past its declared size (a bomb behind a small header), in bounded memory", () => {
    const parts = { "meta.xml": strToU8(metaXml()) };
    const before = process.memoryUsage().rss;
    const e = archiveError(() => readArchive(bombZip(parts, "occurrence.txt", 30_000_000, 5000)));
    expect(e.code).toBe("BAD_ZIP");
    expect(e.message).toBe(
      "archive > occurrence.txt: inflates to more than the 5000 bytes its header declares (damaged or crafted zip)"
    );
    expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 * 1024);
  });

  it("refuses entries that together pass a lowered total limit", () => {
    const zip = archiveZip(metaXml(), { "occurrence.txt": DATA, "eml.xml": "<eml/>".padEnd(5000, " ") });
    const e = archiveError(() => readArchive(zip, { limits: { ...HELD_LIMITS, maxTotalBytes: 4000 } }));
    expect(e.code).toBe("ZIP_LIMIT");
    expect(e.message).toMatch(/^archive: the entries inflate to \d+ bytes together, more than the 4000 bytes/);
    expect(MAX_HELD_TOTAL_BYTES).toBe(1024 ** 3);
  });

  it("refuses a wrong size field (it truncated silently) and a wrong CRC, naming the entry", () => {
    const zip = archiveZip(metaXml(), { "occurrence.txt": DATA });
    const shorter = archiveError(() => readArchive(patchZipEntry(zip, "occurrence.txt", { size: DATA.length - 10 })));
    expect(shorter.message).toMatch(
      /^archive > occurrence\.txt: inflates to more than the \d+ bytes its header declares/
    );
    const longer = archiveError(() => readArchive(patchZipEntry(zip, "occurrence.txt", { size: DATA.length + 10 })));
    expect(longer.message).toBe(
      `archive > occurrence.txt: inflates to ${DATA.length} bytes, not the ${DATA.length + 10} its header declares (damaged zip)`
    );
    const crc = archiveError(() =>
      readArchive(patchZipEntry(zip, "occurrence.txt", { crc: entryCrc(zip, "occurrence.txt") ^ 0xff }))
    );
    expect(crc.message).toBe("archive > occurrence.txt: the CRC-32 check fails: the entry is damaged");
  });

  it("refuses &#x110000; in meta.xml (a RangeError before) naming meta.xml and the line", () => {
    const xml = metaXml({}, ' default="&#x110000;"');
    const e = archiveError(() => readArchive(archiveZip(xml, { "occurrence.txt": DATA })));
    expect(e.code).toBe("BAD_META_XML");
    expect(e.message).toMatch(/^meta\.xml > line \d+: character reference &#x110000; is not a character$/);
    const control = archiveError(() =>
      readArchive(archiveZip(metaXml({}, ' default="&#1;"'), { "occurrence.txt": DATA }))
    );
    expect(control.message).toMatch(/character reference &#1; names a character XML 1\.0 does not allow/);
  });

  it("refuses a zip without a central directory and one with an unsupported compression method", () => {
    const zip = zipSync({ "meta.xml": strToU8(metaXml()), "occurrence.txt": strToU8(DATA) });
    const truncated = archiveError(() => readArchive(zip.subarray(0, zip.length - 30)));
    expect(truncated.message).toMatch(/^archive: the zip's central directory is missing/);
    const method = zip.slice();
    // Change occurrence.txt's method (central directory copy) to 12 (bzip2).
    const view = new DataView(method.buffer);
    for (let p = 0; p < method.length - 4; p++) {
      if (
        view.getUint32(p, true) === 0x02014b50 &&
        new TextDecoder().decode(method.subarray(p + 46, p + 60)) === "occurrence.txt"
      ) {
        view.setUint16(p + 10, 12, true);
      }
    }
    expect(archiveError(() => readArchive(method)).message).toBe(
      "archive > occurrence.txt: compression method 12 is not supported (only stored and deflated entries)"
    );
  });
});
