/**
 * Export benchmark (issue 4, section 6): 1,000,000 rows x 30 columns, generated on the fly in chunks (the input
 * is never held in memory), through `exportArchive`, against a baseline in the same run: the same rows joined
 * with tabs and newlines and compressed with fflate's deflate at level 6 (streamed chunk by chunk as well, so
 * that it measures the same generation + deflate work without holding 250 MB of text).
 * Prints the time ratio (goal <= 1.2) and the export's peak RSS against 2 x zip size + 256 MB.
 * Run: npm run bench -- export   (ROWS=100000 for a quick look; VALIDATE=1 to include the workbook validation;
 * JS_CRC=1 for the JavaScript CRC-32 the browser worker uses instead of Node's zlib.crc32)
 */
import * as zlib from "zlib";
import { Deflate, strToU8 } from "fflate";
import type { CellValue, RowChunk } from "../src/dwc/table";
import type { SheetRole } from "../src/dwc/types";
import { exportArchive } from "../src/archive";
import { HEADERS, occurrenceCells } from "./occurrences";
import { prng } from "./prng";

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const CHUNK = 2000;
const ROLE = { rowTypeId: "occurrence", kind: "core", datasetClass: "occurrence", idTerm: "occurrenceID" } as SheetRole;

const GENERAL = "General";
const DATE = "yyyy-mm-dd";
const FORMATS: string[] = HEADERS.map((h) => (h === "eventDate" ? DATE : GENERAL));

/** Rows 2.. of the synthetic sheet, chunk by chunk, as the Excel adapter delivers them (values + formats). */
function* generate(rows: number): Generator<RowChunk> {
  const random = prng(42);
  for (let start = 0; start < rows; start += CHUNK) {
    const n = Math.min(CHUNK, rows - start);
    const values: CellValue[][] = new Array(n);
    const numberFormats: (string | null)[][] = new Array(n);
    for (let r = 0; r < n; r++) {
      values[r] = occurrenceCells(start + r, random);
      numberFormats[r] = FORMATS;
    }
    yield { startRow: start + 2, values, numberFormats };
  }
}

/** The baseline: the same rows, cells joined with tabs and newlines, deflated at level 6 by fflate. */
function baseline(rows: number): { size: number; raw: number } {
  let size = 0;
  let raw = 0;
  const deflate = new Deflate({ level: 6 }, (chunk) => {
    size += chunk.length;
  });
  for (const chunk of generate(rows)) {
    const text = chunk.values.map((row) => row.map((v) => (v === null ? "" : String(v))).join("\t")).join("\n") + "\n";
    const bytes = strToU8(text);
    raw += bytes.length;
    deflate.push(bytes);
  }
  deflate.push(new Uint8Array(0), true);
  return { size, raw };
}

const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`;
const sec = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const cpuMs = (usage: NodeJS.CpuUsage): number => (usage.user + usage.system) / 1000;

async function exportRows(rows: number) {
  return exportArchive({
    sheets: [{ name: "Occurrence", role: ROLE, headers: HEADERS, rows: generate(rows), rowCount: rows + 1 }],
    facts: { date1904: false },
    emlXml: '<?xml version="1.0" encoding="UTF-8"?><eml:eml xmlns:eml="https://eml.ecoinformatics.org/eml-2.2.0"/>',
    // The validation that runs with a real export has its own benchmark (bench/validate.ts); VALIDATE=1 adds it.
    ...(process.env.VALIDATE === "1" ? {} : { validation: false as const }),
    // The Node pipeline (CLI) uses the platform's CRC-32; JS_CRC=1 measures the one the browser worker uses.
    ...(process.env.JS_CRC === "1" ? {} : { crc32: (previous: number, bytes: Uint8Array) => zlib.crc32(bytes, previous) }),
  });
}

/** Runs the benchmark and prints its figures. */
export async function benchExport(): Promise<void> {
  // Warm both code paths up (JIT) on a small run, so neither side pays for compilation in the measurement.
  await exportRows(20_000);
  baseline(20_000);
  (globalThis as { gc?: () => void }).gc?.();
  const rssBefore = process.resourceUsage().maxRSS * 1024;
  let zipSize = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await exportRows(ROWS);
  const exportMs = performance.now() - t0;
  const exportCpu = cpuMs(process.cpuUsage(c0));
  for (const c of result.zip) zipSize += c.length;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  if (!result.ok) {
    const { blockers, errors, errorCount } = result.summary;
    throw new Error(`export blocked: ${JSON.stringify([...blockers, ...errors].slice(0, 3))} (${errorCount} validation errors)`);
  }
  const records = result.summary.files[0].records;
  if (process.env.VALIDATE === "1") {
    const byRule = new Map<string, number>();
    for (const w of result.summary.warnings) byRule.set(w.ruleId, (byRule.get(w.ruleId) ?? 0) + 1);
    const top = [...byRule].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([id, n]) => `${id} ${n}`);
    console.log(`validation              ${result.summary.errorCount} errors, ${result.summary.warningCount} warnings/infos (listed first: ${top.join(", ")})`);
  }
  const rawBytes = result.summary.files[0].bytes;
  result.zip.length = 0;

  const c1 = process.cpuUsage();
  const t1 = performance.now();
  const base = baseline(ROWS);
  const baselineMs = performance.now() - t1;
  const baselineCpu = cpuMs(process.cpuUsage(c1));

  const budget = 2 * zipSize + 256 * 1048576;
  console.log(`rows x columns          ${records} x ${HEADERS.length} (data file ${mb(rawBytes)})`);
  console.log(`export                  ${sec(exportMs)} wall, ${sec(exportCpu)} CPU, zip ${mb(zipSize)}`);
  console.log(`baseline (join+deflate) ${sec(baselineMs)} wall, ${sec(baselineCpu)} CPU, ${mb(base.raw)} deflated to ${mb(base.size)}`);
  console.log(
    `time ratio              ${(exportMs / baselineMs).toFixed(2)} wall, ${(exportCpu / baselineCpu).toFixed(2)} CPU (goal <= 1.2; CPU time is steadier on a busy machine)`
  );
  console.log(
    `peak RSS                ${mb(peakRss)} (before: ${mb(rssBefore)}) vs budget 2 x zip + 256 MB = ${mb(budget)}: ${peakRss <= budget ? "within" : "OVER"}`
  );
}

/** For tuning: alternates export and baseline runs of ROWS rows and prints the best CPU time of each. */
export async function benchParts(rounds = 3): Promise<void> {
  let bestExport = Infinity;
  let bestBaseline = Infinity;
  for (let r = 0; r < rounds; r++) {
    const c0 = process.cpuUsage();
    await exportRows(ROWS);
    bestExport = Math.min(bestExport, cpuMs(process.cpuUsage(c0)));
    const c1 = process.cpuUsage();
    baseline(ROWS);
    bestBaseline = Math.min(bestBaseline, cpuMs(process.cpuUsage(c1)));
  }
  console.log(`best CPU: export ${sec(bestExport)}, baseline ${sec(bestBaseline)}, ratio ${(bestExport / bestBaseline).toFixed(2)}`);
}

if (require.main === module) {
  benchExport().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
