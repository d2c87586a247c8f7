/**
 * Validation benchmarks (issue 3, section 7), printed as ratios measured in one run:
 * (a) full validation of a synthetic 200,000-row x 40-column occurrence sheet with ~1% bad cells, divided by
 *     papaparse's time to parse the same data as TSV;
 * (b) live validation of one edited cell with its record's rules: median compute time;
 * (c) a 1,000,000-row sheet validated chunk by chunk, generated on the fly: peak heap.
 * Run: npm run bench -- validate   ((a) and (b));   npm run bench -- validate-million   ((c), in a process of its own)
 */
import Papa from "papaparse";
import type { CellValue, RowChunk } from "../src/dwc/table";
import type { SheetRole } from "../src/dwc/types";
import { createWorkbookValidator, validateEdit, type BdqMode, type Issue } from "../src/validate";
import { prng } from "./prng";

const ROLE: SheetRole = { rowTypeId: "occurrence", kind: "core", datasetClass: "occurrence", idTerm: "occurrenceID" as SheetRole["idTerm"] };

const HEADERS = [
  "occurrenceID", "basisOfRecord", "scientificName", "eventDate", "year", "month", "day", "decimalLatitude",
  "decimalLongitude", "coordinateUncertaintyInMeters", "countryCode", "country", "stateProvince", "locality",
  "recordedBy", "identifiedBy", "individualCount", "sex", "lifeStage", "occurrenceStatus", "kingdom", "phylum",
  "class", "order", "family", "genus", "specificEpithet", "taxonRank", "scientificNameAuthorship",
  "institutionCode", "collectionCode", "catalogNumber", "geodeticDatum", "habitat", "occurrenceRemarks",
  "verbatimLocality", "minimumElevationInMeters", "maximumElevationInMeters", "datasetName", "dynamicProperties",
];


const SPECIES = [
  ["Parus major", "Linnaeus, 1758", "Paridae", "Parus", "major"],
  ["Picea abies", "(L.) H.Karst.", "Pinaceae", "Picea", "abies"],
  ["Vulpes vulpes", "(Linnaeus, 1758)", "Canidae", "Vulpes", "vulpes"],
  ["Betula pendula", "Roth", "Betulaceae", "Betula", "pendula"],
];
const PEOPLE = ["Ivanov I.I.", "Petrova A.S. | Sidorov K.M.", "M. P. Shashkov", "Chadin I.F."];
const REGIONS = ["Moscow Oblast", "Komi Republic", "Tver Oblast", "Leningrad Oblast"];

/** Bad values a curator's sheet really holds, one of which replaces ~1% of cells. */
function corrupt(v: CellValue, col: number, rnd: () => number): CellValue {
  const s = v === null ? "" : String(v);
  switch (Math.floor(rnd() * 8)) {
    case 0:
      return " " + s;
    case 1:
      return s + "\u00a0";
    case 2:
      return "#N/A";
    case 3:
      return col === 3 ? "23.06.2012" : col === 7 ? "55,75" : s.replace(/o/, "о");
    case 4:
      return col === 1 ? "preservedspecimen" : s + "\t";
    case 5:
      return col === 10 ? "ru" : col === 9 ? 0 : s + " ";
    case 6:
      return col === 14 ? "Ivanov I.I.; Petrov P.P." : "#ИМЯ?";
    default:
      return "";
  }
}

/** One synthetic occurrence record as Excel hands it over: numbers as numbers, the rest as text. */
function makeRow(i: number, rnd: () => number, badRate: number): CellValue[] {
  const sp = SPECIES[i % SPECIES.length];
  const y = 1990 + (i % 30);
  const m = 1 + (i % 12);
  const d = 1 + (i % 28);
  const date = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  const row: CellValue[] = [
    `urn:catalog:MW:${i}`, "PreservedSpecimen", sp[0], date, y, m, d, 55 + rnd() * 5, 35 + rnd() * 10,
    10 + (i % 500), "RU", "Russia", REGIONS[i % 4], `${REGIONS[i % 4]}, ${i % 97} km N of the village`,
    PEOPLE[i % 4], PEOPLE[(i + 1) % 4], 1 + (i % 9), i % 2 ? "male" : "female", "adult", "present", "Animalia",
    "Chordata", "Aves", "Passeriformes", sp[2], sp[3], sp[4], "species", sp[1], "MW", "Herbarium",
    `MW${String(i).padStart(7, "0")}`, "WGS84", "mixed forest", i % 5 ? "" : "under a stone", `окр. д. ${i % 50}`,
    100 + (i % 300), 150 + (i % 300), "Moscow University Herbarium", i % 7 ? "" : `{"weight":"${i % 90} g"}`,
  ];
  for (let c = 1; c < row.length; c++) if (rnd() < badRate) row[c] = corrupt(row[c], c, rnd);
  return row;
}

/** The synthetic occurrence rows (for profiling the engine outside the benchmark). */
export function syntheticOccurrenceRows(n: number, seed: number): CellValue[][] {
  return makeRows(n, seed);
}
/** The 40 headers of the synthetic occurrence sheet. */
export const SYNTHETIC_HEADERS: readonly string[] = HEADERS;

/**
 * Rows as an adapter delivers them: Office.js hands `range.values` over as JSON, so cells arrive as flat strings
 * (not the concatenation ropes the generator builds, which would cost a flattening on first read).
 */
function asDelivered(rows: CellValue[][]): CellValue[][] {
  return JSON.parse(JSON.stringify(rows)) as CellValue[][];
}

function makeRows(n: number, seed: number): CellValue[][] {
  const rnd = prng(seed);
  const rows: CellValue[][] = [];
  for (let start = 0; start < n; start += 10_000) {
    const part: CellValue[][] = [];
    for (let i = start; i < Math.min(n, start + 10_000); i++) part.push(makeRow(i, rnd, 0.01));
    for (const r of asDelivered(part)) rows.push(r);
  }
  return rows;
}

const toTsv = (rows: CellValue[][]): string =>
  [HEADERS.join("\t"), ...rows.map((r) => r.map((v) => (v === null ? "" : String(v).replace(/[\t\r\n]/g, " "))).join("\t"))].join("\n");

const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;
const gc = (): void => (global as { gc?: () => void }).gc?.();
const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`;

function validateAll(rows: CellValue[][], chunkRows: number, bdq: BdqMode = "default"): { issues: number; validator: ReturnType<typeof createWorkbookValidator> } {
  // The row count is known before reading, as Excel's used range and the file readers give it.
  const v = createWorkbookValidator({ sheets: [{ name: "Occurrence", headers: HEADERS, role: ROLE, rowCount: rows.length + 1 }], bdq });
  let issues = 0;
  for (let i = 0; i < rows.length; i += chunkRows) {
    const chunk: RowChunk = { startRow: 2 + i, values: rows.slice(i, i + chunkRows) };
    issues += v.addChunk("Occurrence", chunk).length;
  }
  issues += v.finish().length;
  return { issues, validator: v };
}

/** Runs validation benchmarks (a) and (b) and prints their figures. */
export async function benchValidate(): Promise<void> {
  benchFullAndLive();
}

/**
 * Runs benchmark (c). `npm run bench` runs it in a process of its own, so that its heap figures start from a heap
 * without the 200,000-row sheet of (a) and (b).
 */
export async function benchValidateMillion(): Promise<void> {
  benchMillion();
}

function benchFullAndLive(): void {
  const N = 200_000;
  console.log(`validate: generating ${N} x ${HEADERS.length} occurrence sheet (~1% bad cells)…`);
  const rows = makeRows(N, 42);
  const tsv = toTsv(rows);

  // (a) Full validation vs papaparse on the same data, after a warm-up. This kind of machine is noisy: slow spells
  // of a few seconds change any run's time by a third. So the runs alternate (papaparse, validation with the
  // default BDQ tests, the engine's own rules only, papaparse, …) and two figures are printed: the ratio of the
  // best times, and the median of each validation's ratio to the mean of the two papaparse runs around it (a
  // slow spell then weighs on both sides of a ratio).
  validateAll(rows.slice(0, 20_000), 5000);
  validateAll(rows.slice(0, 20_000), 5000, "off");
  Papa.parse(tsv.slice(0, 2_000_000), { delimiter: "\t" });
  const ROUNDS = 11;
  const parse: number[] = [];
  const full: number[] = [];
  const engine: number[] = [];
  let issueCount = 0;
  let issueCountOff = 0;
  const timeParse = (): void => {
    gc();
    const t0 = process.hrtime.bigint();
    const parsed = Papa.parse<string[]>(tsv, { delimiter: "\t" });
    parse.push(ms(t0));
    if (parsed.data.length !== N + 1) throw new Error(`bench: papaparse read ${parsed.data.length} rows, expected ${N + 1}`);
  };
  timeParse();
  for (let k = 0; k < ROUNDS; k++) {
    gc();
    let t0 = process.hrtime.bigint();
    issueCount = validateAll(rows, 5000).issues;
    full.push(ms(t0));
    gc();
    t0 = process.hrtime.bigint();
    issueCountOff = validateAll(rows, 5000, "off").issues;
    engine.push(ms(t0));
    timeParse();
  }
  const best = (xs: number[]): number => Math.min(...xs);
  const middle = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const bracketed = (xs: number[]): number => middle(xs.map((x, k) => x / ((parse[k] + parse[k + 1]) / 2)));
  console.log(
    `validate (a) ${N} rows x ${HEADERS.length} cols: papaparse TSV best ${best(parse).toFixed(0)} ms; validation best ${best(full).toFixed(0)} ms, ` +
      `ratio ${(best(full) / best(parse)).toFixed(2)} of best times, ${bracketed(full).toFixed(2)} median of ${ROUNDS} bracketed runs (goal <= 1.0), ${issueCount} issues; ` +
      `engine rules without BDQ best ${best(engine).toFixed(0)} ms, ratio ${(best(engine) / best(parse)).toFixed(2)} / ${bracketed(engine).toFixed(2)}, ${issueCountOff} issues`,
  );

  // (b) Live edit of one cell, with its record's rules and the cross-row rules, on the validated 200k sheet.
  const { validator } = validateAll(rows, 5000);
  const rnd = prng(7);
  const times: number[] = [];
  const EDITS = 3000;
  for (let k = 0; k < EDITS; k++) {
    const i = Math.floor(rnd() * N);
    const edited = rows[i].slice();
    edited[2] = k % 2 ? " Parus major" : "Parus minor";
    const t0 = process.hrtime.bigint();
    const r = validateEdit(validator, "Occurrence", { startRow: 2 + i, values: [edited] });
    times.push(ms(t0));
    if (r.clear.length === 0) throw new Error("bench: edit cleared nothing");
  }
  times.sort((a, b) => a - b);
  const median = times[times.length >> 1];
  const p95 = times[Math.floor(times.length * 0.95)];
  console.log(`validate (b) live edit of one cell on ${N} rows: median ${median.toFixed(3)} ms, p95 ${p95.toFixed(3)} ms (goal median <= 1 ms)`);

}

function benchMillion(): void {
  // (c) 1,000,000 rows generated chunk by chunk; the engine keeps only id sets and row hashes. Live memory is the JS
  // heap plus typed-array buffers (where the indexes live), measured after a forced GC every 10 chunks, so garbage
  // not yet collected does not count.
  const BIG = 1_000_000;
  const CHUNK = 10_000;
  const live = (): { heap: number; arrays: number } => {
    const m = process.memoryUsage();
    return { heap: m.heapUsed, arrays: m.arrayBuffers };
  };
  gc();
  const base = live();
  let peak = base.heap + base.arrays;
  const v = createWorkbookValidator({ sheets: [{ name: "Occurrence", headers: HEADERS, role: ROLE, rowCount: BIG + 1 }] });
  const rndBig = prng(99);
  let bigIssues = 0;
  const t0 = process.hrtime.bigint();
  for (let start = 0; start < BIG; start += CHUNK) {
    const made: CellValue[][] = new Array(CHUNK);
    for (let j = 0; j < CHUNK; j++) made[j] = makeRow(start + j, rndBig, 0.01);
    const values = asDelivered(made);
    const found: Issue[] = v.addChunk("Occurrence", { startRow: 2 + start, values });
    bigIssues += found.length;
    if ((start / CHUNK) % 10 === 9) {
      gc();
      const now = live();
      peak = Math.max(peak, now.heap + now.arrays);
    }
  }
  bigIssues += v.finish().length;
  const elapsed = ms(t0);
  gc();
  const after = live();
  const heldHeap = after.heap - base.heap;
  const heldArrays = after.arrays - base.arrays;
  console.log(
    `validate (c) ${BIG} rows in chunks of ${CHUNK}: ${(elapsed / 1000).toFixed(1)} s, ${bigIssues} issues; peak live memory ${mb(peak)} ` +
      `(JS heap and typed arrays; ${mb(peak - base.heap - base.arrays)} above start, incl. one chunk); held by the validator after finish: ` +
      `${mb(heldArrays)} of index arrays (${(heldArrays / BIG).toFixed(0)} bytes per row: id set and row hashes) and ${mb(heldHeap)} of heap`,
  );
  // Keep the validator alive until measured.
  if (v.sheets.length !== 1) throw new Error("bench: validator lost its sheet");
}
