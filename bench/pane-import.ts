/**
 * Pane import benchmark (issue 12): a generated archive of 100,000 occurrences x 30 terms (bench/import.ts writes
 * it) opened as the task pane opens it: the import worker's reading (`openForImport`, here in this thread) and the
 * Excel adapter's `importSheets` into the strict Excel fake, which counts round trips and measures each request.
 * Prints the number of requests, the largest request (it must stay under Excel on the web's 5 MB) and the time
 * relative to a baseline in the same process: papaparse parsing the same TSV text.
 * Run: npm run bench -- pane-import   (ROWS=20000 for a quick look)
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import Papa from "papaparse";
import { strFromU8, unzipSync } from "fflate";
import { importSheets } from "../src/excel/import";
import { openForImport } from "../src/taskpane/import/pipeline";
import { createFakeExcel } from "../test/excel/fake";
import { writeArchive } from "./import";

const ROWS = Number(process.env.ROWS ?? 100_000);
const LIMIT = 5 * 1024 * 1024;

const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(2)} MB`;

/** Runs the benchmark and prints its figures. */
export async function benchPaneImport(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dwc-bench-pane-import-"));
  try {
    const file = path.join(dir, "occurrence-dwca.zip");
    writeArchive(file, ROWS);
    const bytes = new Uint8Array(fs.readFileSync(file));
    const tsv = strFromU8(unzipSync(bytes, { filter: (f) => f.name === "occurrence.txt" })["occurrence.txt"]);

    // Baseline: papaparse splits the same text (no unzip, no Excel).
    let t0 = performance.now();
    const parsed = Papa.parse<string[]>(tsv, { delimiter: "\t", quoteChar: "\u0000" });
    const baseline = performance.now() - t0;
    if (parsed.data.length < ROWS) throw new Error(`papaparse read ${parsed.data.length} rows`);

    const fake = createFakeExcel([{ name: "Sheet1" }]);
    const uninstall = fake.install();
    try {
      t0 = performance.now();
      const archive = openForImport(bytes);
      const read = performance.now() - t0;
      const t1 = performance.now();
      const result = await importSheets(
        archive.head.sheets.map((s, i) => ({
          name: s.name,
          headers: s.headers,
          role: s.role,
          records: s.records,
          rows: {
            async *[Symbol.asyncIterator]() {
              for (let b = archive.next(i); b; b = archive.next(i)) yield b;
            },
          },
        })),
        { lang: "en", metadata: archive.head.metadata }
      );
      const write = performance.now() - t1;
      const records = result.sheets.reduce((n, s) => n + s.records, 0);
      const maxBytes = Math.max(...fake.syncLog.map((r) => r.bytes));
      const valueRequests = fake.syncLog.filter((r) => r.what.includes("set Range.values")).length;
      console.log(`archive: ${records.toLocaleString("en")} rows x ${archive.head.sheets[0].headers.length} columns, zip ${mb(bytes.length)}, TSV ${mb(tsv.length)}`);
      console.log(`requests (sync round trips): ${fake.syncCount} (${valueRequests} carrying values)`);
      console.log(`largest request: ${mb(maxBytes)} ${maxBytes < LIMIT ? "(under 5 MB)" : "OVER 5 MB"}`);
      console.log(`baseline papaparse of the TSV: ${baseline.toFixed(0)} ms`);
      console.log(`read (worker's part): ${read.toFixed(0)} ms = ${(read / baseline).toFixed(1)} x baseline`);
      console.log(`write into the fake (adapter's part): ${write.toFixed(0)} ms = ${(write / baseline).toFixed(1)} x baseline`);
      if (maxBytes >= LIMIT) throw new Error("a request exceeded 5 MB");
    } finally {
      uninstall();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
