/**
 * Chunked reads against the fake's 5 MB request limit, the 1904 date system and date formats (issue 4 §5).
 */
import { cellToText } from "../../src/dwc";
import type { RowChunk } from "../../src/dwc";
import { readSheetInChunks, readWorkbookFacts } from "../../src/excel/read";
import type { FakeValue } from "./fake";
import { installFake, uninstallFakes } from "./helpers";

afterEach(uninstallFakes);

/** A sheet of `rows` data rows × `cols` columns of ~`width`-character text, with a header. */
function bigSheet(rows: number, cols: number, width: number): FakeValue[][] {
  const header = Array.from({ length: cols }, (_, c) => `term${c}`);
  const pad = "x".repeat(Math.max(0, width - 8));
  return [header, ...Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => `${r + 2}:${c}${pad}`))];
}

describe("readSheetInChunks", () => {
  it("reads every data row once, in order, in requests under the 5 MB limit", async () => {
    const fake = installFake([{ name: "Big", values: bigSheet(16000, 20, 24) }]);
    const seen: number[] = [];
    const sizes: number[] = [];
    const extent = await readSheetInChunks(
      "Big",
      (chunk) => {
        chunk.values.forEach((row, i) => {
          if (row[0] === `${chunk.startRow + i}:0${"x".repeat(16)}`) seen.push(chunk.startRow + i);
        });
      },
      { onRequest: (bytes) => sizes.push(bytes) },
    );
    expect(extent.rowCount).toBe(16001);
    expect(extent.headers[3]).toBe("term3");
    expect(seen).toHaveLength(16000);
    expect(seen[0]).toBe(2);
    expect(seen[seen.length - 1]).toBe(16001);
    expect(new Set(seen).size).toBe(16000);
    // Data: 16000 x 20 x ~27 bytes x (values + formulas) + formats, i.e. well over 5 MB in total.
    expect(sizes.reduce((a, b) => a + b, 0)).toBeGreaterThan(5 * 1024 * 1024);
    for (const s of fake.syncLog) expect(s.bytes).toBeLessThan(5 * 1024 * 1024);
    // One request for the extent, then one per chunk.
    expect(fake.syncCount).toBe(2 + sizes.length);
  });

  it("sizes chunks by measured bytes so that a lower target means more, smaller requests", async () => {
    installFake([{ name: "Big", values: bigSheet(4000, 10, 40) }]);
    const sizes: number[] = [];
    await readSheetInChunks("Big", () => undefined, { targetBytes: 200_000, onRequest: (b) => sizes.push(b) });
    expect(sizes.length).toBeGreaterThan(10);
    // The first request is a small probe; every later one is near the target and never far above it.
    for (const s of sizes.slice(1)) expect(s).toBeLessThanOrEqual(200_000 * 1.05);
  });

  it("splits a block the host refuses for its size and still reads every row", async () => {
    const fake = installFake([{ name: "Wide", values: bigSheet(400, 10, 1000) }], { payloadLimit: 300_000 });
    let rows = 0;
    await readSheetInChunks("Wide", (c) => void (rows += c.values.length), { targetBytes: 10_000_000 });
    expect(rows).toBe(400);
    expect(fake.syncLog.some((s) => s.bytes > 300_000)).toBe(true); // refused ones are logged too
  });

  it("hands number formats and formulas with the values, empty cells as null", async () => {
    installFake([
      {
        name: "S",
        values: [["eventDate", "n", "f"], [41083, 5, 10], [null, "", 3]],
        numberFormats: [[null, null, null], ["yyyy-mm-dd", "0.00", null], [null, null, null]],
        formulas: [[null, null, null], [null, null, "=B2*2"], [null, null, null]],
      },
    ]);
    const chunks: RowChunk[] = [];
    await readSheetInChunks("S", (c) => void chunks.push(c));
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toEqual({
      startRow: 2,
      values: [[41083, 5, 10], [null, null, 3]],
      numberFormats: [["yyyy-mm-dd", "0.00", "General"], ["General", "General", "General"]],
      formulas: [[null, null, "=B2*2"], [null, null, null]],
    });
  });

  it("stops with CANCELLED when the signal is aborted", async () => {
    installFake([{ name: "Big", values: bigSheet(3000, 5, 10) }]);
    const controller = new AbortController();
    let chunks = 0;
    await expect(
      readSheetInChunks(
        "Big",
        () => {
          chunks++;
          controller.abort();
        },
        { signal: controller.signal, chunkRows: 100 },
      ),
    ).rejects.toMatchObject({ code: "CANCELLED" });
    expect(chunks).toBe(1);
  });

  it("fails with SHEET_NOT_FOUND for a missing sheet", async () => {
    installFake();
    await expect(readSheetInChunks("Nope", () => undefined)).rejects.toMatchObject({ code: "SHEET_NOT_FOUND", sheet: "Nope" });
  });
});

describe("readWorkbookFacts", () => {
  it.each([
    [false, "2012-06-23"],
    [true, "2016-06-24"],
  ])("reads the date system (1904: %s) so that serial 41083 becomes %s", async (date1904, iso) => {
    installFake([{ name: "S", values: [["eventDate"], [41083]], numberFormats: [[null], ["dd.mm.yyyy"]] }], { date1904 });
    const facts = await readWorkbookFacts();
    expect(facts).toEqual({ date1904 });
    let text = "";
    await readSheetInChunks("S", (c) => void (text = cellToText(c.values[0][0], c.numberFormats![0][0], facts)));
    expect(text).toBe(iso);
  });
});
