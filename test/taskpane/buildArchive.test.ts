/* The pane's export pipeline without a Worker (the in-thread fallback runs the same job code as the worker):
   metadata becomes eml.xml, sheet chunks pulled one at a time become data files, Cancel stops it. */
import { strFromU8, unzipSync } from "fflate";
import type { RowChunk } from "../../src/dwc/table";
import { termName } from "../../src/dwc/types";
import { emptyAgent, emptyMetadata } from "../../src/metadata/empty";
import { buildArchive } from "../../src/taskpane/export/buildArchive";
import type { ArchiveJob } from "../../src/taskpane/export/protocol";

const role = { rowTypeId: "occurrence", kind: "core" as const, datasetClass: "occurrence" as const, idTerm: termName("occurrenceID") };
const headers = ["occurrenceID", "basisOfRecord", "scientificName", "eventDate", "individualCount", "decimalLatitude"];

/** The zip's chunks as one array, for unzipping in the test. */
function joined(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  chunks.reduce((at, c) => (out.set(c, at), at + c.length), 0);
  return out;
}

function job(): ArchiveJob {
  const metadata = emptyMetadata();
  metadata.title = "Птицы «Кандалакши» & co";
  metadata.description = "Учёты птиц на островах.";
  metadata.license = "CC-BY-4.0";
  metadata.datasetType = "occurrence";
  metadata.creators = [{ ...emptyAgent(), surName: "Иванова" }];
  metadata.contacts = [{ ...emptyAgent(), organization: "Кандалакшский заповедник" }];
  return { sheets: [{ name: "Находки", role, headers, rowCount: 5 }], facts: { date1904: false }, metadata, packageId: "urn:uuid:00000000-0000-4000-8000-000000000001", pubDate: "2026-11-21" };
}

/** Rows in chunks of two, recording how far the consumer has pulled. */
function rows(pulled: number[]): AsyncIterable<RowChunk> {
  const all: RowChunk[] = [
    { startRow: 2, values: [["007", "HumanObservation", "Somateria mollissima", "2023-06-14", 12, 67], ["008", "HumanObservation", "Larus argentatus", 45092, 3, 67.1]], numberFormats: [["@", "@", "@", "@", "General", "General"], ["@", "@", "@", "yyyy-mm-dd", "General", "General"]] },
    { startRow: 4, values: [["009", "PreservedSpecimen", "Mergus serrator", "2023-06", 1, 0.1 + 0.2]] },
  ];
  return (async function* () {
    for (const c of all) {
      pulled.push(c.startRow);
      yield c;
    }
  })();
}

describe("buildArchive (in-thread fallback)", () => {
  it("writes meta.xml, eml.xml and the data file from pulled chunks", async () => {
    expect(typeof Worker).toBe("undefined");
    const pulled: number[] = [];
    const progress: number[] = [];
    const result = await buildArchive(job(), [{ rows: rows(pulled) }], { signal: new AbortController().signal, onProgress: (p) => progress.push(p.rowsDone) });
    expect([result.summary.blockers, result.summary.errors, result.cancelled]).toEqual([[], [], false]);
    expect(result.ok).toBe(true);
    expect(pulled).toEqual([2, 4]);
    expect(progress[progress.length - 1]).toBe(3);
    const zip = unzipSync(joined(result.zip));
    expect(Object.keys(zip).sort()).toEqual(["eml.xml", "meta.xml", "occurrence.txt"]);
    const data = strFromU8(zip["occurrence.txt"]).split(/\r?\n/).filter((l) => l !== "").map((l) => l.split("\t"));
    expect(data[0]).toEqual(headers);
    expect(data.slice(1).map((r) => [r[0], r[3], r[4], r[5]])).toEqual([
      ["007", "2023-06-14", "12", "67"],
      ["008", "2023-06-15", "3", "67.1"],
      ["009", "2023-06", "1", "0.3"],
    ]);
    const eml = strFromU8(zip["eml.xml"]);
    expect(eml).toContain("Птицы «Кандалакши» &amp; co");
    expect(eml).toContain('packageId="urn:uuid:00000000-0000-4000-8000-000000000001"');
    expect(strFromU8(zip["meta.xml"])).toContain('rowType="http://rs.tdwg.org/dwc/terms/Occurrence"');
  });

  it("stops pulling rows when cancelled and reports the cancellation", async () => {
    const pulled: number[] = [];
    const ctrl = new AbortController();
    const p = buildArchive(job(), [{ rows: rows(pulled) }], {
      signal: ctrl.signal,
      onProgress: () => ctrl.abort(),
    });
    await expect(p).rejects.toMatchObject({ name: "AbortError" });
    expect(pulled).toEqual([2]);
  });

});
