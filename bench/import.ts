/**
 * Import benchmark (issue 12): a generated Darwin Core Archive of 1,000,000 occurrences x 30 terms (meta.xml,
 * eml.xml, occurrence.txt deflated) through `dwc-excel import` in a process of its own, which reports its peak RSS.
 * Budget: 2 x the unzipped size + 256 MB (the import streams the data file into ExcelJS's streaming writer, so memory
 * must not grow with the rows). The archive is generated here, chunk by chunk, before the import process starts.
 * Run: npm run bench -- import   (ROWS=100000 for a quick look)
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { strToU8, Zip, ZipDeflate } from "fflate";
import { HEADERS, occurrenceFields } from "./occurrences";
import { prng } from "./prng";

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const CHUNK = 5000;

const META = `<?xml version="1.0" encoding="UTF-8"?>
<archive xmlns="http://rs.tdwg.org/dwc/text/" metadata="eml.xml">
  <core encoding="UTF-8" fieldsTerminatedBy="\\t" linesTerminatedBy="\\n" fieldsEnclosedBy="" ignoreHeaderLines="1" rowType="http://rs.tdwg.org/dwc/terms/Occurrence">
    <files><location>occurrence.txt</location></files>
    <id index="0"/>
${HEADERS.map((h, i) => `    <field index="${i}" term="http://rs.tdwg.org/dwc/terms/${h}"/>`).join("\n")}
  </core>
</archive>
`;
const EML = `<?xml version="1.0" encoding="UTF-8"?>
<eml:eml xmlns:eml="https://eml.ecoinformatics.org/eml-2.2.0" packageId="urn:uuid:5f0c1c9e-0000-4000-8000-000000000001" system="http://gbif.org" scope="system" xml:lang="eng">
  <dataset><title>Benchmark occurrences</title><creator><surName>Petrova</surName></creator><pubDate>2024-01-01</pubDate>
  <language>eng</language><abstract><para>Generated rows for the import benchmark.</para></abstract>
  <contact><surName>Petrova</surName></contact></dataset>
</eml:eml>
`;

/** Writes the archive to `file`, streaming; returns the unzipped size in bytes. */
export function writeArchive(file: string, rows: number): number {
  const fd = fs.openSync(file, "w");
  let raw = 0;
  const zip = new Zip((err, data) => {
    if (err) throw err;
    fs.writeSync(fd, data);
  });
  for (const [name, text] of [["meta.xml", META], ["eml.xml", EML]]) {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    const bytes = strToU8(text);
    raw += bytes.length;
    entry.push(bytes, true);
  }
  const data = new ZipDeflate("occurrence.txt", { level: 6 });
  zip.add(data);
  const random = prng(42);
  const head = strToU8(HEADERS.join("\t") + "\n");
  raw += head.length;
  data.push(head);
  for (let start = 0; start < rows; start += CHUNK) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(rows, start + CHUNK); i++) lines.push(occurrenceFields(i, random).join("\t"));
    const bytes = strToU8(lines.join("\n") + "\n");
    raw += bytes.length;
    data.push(bytes, start + CHUNK >= rows);
  }
  zip.end();
  fs.closeSync(fd);
  return raw;
}

/** The import, in the child process: runs the command and prints its peak RSS as JSON. */
const CHILD = `
const { importCommand, IMPORT_OPTIONS } = require("./src/cli/import-command");
const { parseArgs } = require("./src/cli/args");
const [archive, output] = process.argv.slice(-2);
const t0 = performance.now();
importCommand(parseArgs(["import", archive, "-o", output], IMPORT_OPTIONS), { out: () => {}, err: (t) => process.stderr.write(t) })
  .then((code) => {
    console.log(JSON.stringify({ code, ms: performance.now() - t0, maxRss: process.resourceUsage().maxRSS * 1024 }));
  });
`;

const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`;

/** Runs the benchmark and prints its figures. */
export async function benchImport(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dwc-bench-import-"));
  try {
    const archive = path.join(dir, "occurrence-dwca.zip");
    const output = path.join(dir, "occurrence-dwca.xlsx");
    const unzipped = writeArchive(archive, ROWS);
    const zipped = fs.statSync(archive).size;
    console.log(`archive: ${ROWS.toLocaleString("en")} rows x ${HEADERS.length} terms, zip ${mb(zipped)}, unzipped ${mb(unzipped)}`);
    const child = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", CHILD, archive, output], {
      cwd: path.resolve(__dirname, ".."),
      encoding: "utf8",
      maxBuffer: 1 << 20,
    });
    if (child.status !== 0) throw new Error(`the import process failed: ${child.stderr}`);
    const result = JSON.parse(child.stdout.trim().split("\n").pop() ?? "{}") as { code: number; ms: number; maxRss: number };
    if (result.code !== 0) throw new Error(`dwc-excel import exited ${result.code}: ${child.stderr}`);
    const budget = 2 * unzipped + 256 * 1048576;
    console.log(`import: ${(result.ms / 1000).toFixed(1)} s, workbook ${mb(fs.statSync(output).size)}`);
    console.log(
      `peak RSS of the import process: ${mb(result.maxRss)} (budget 2 x unzipped + 256 MB = ${mb(budget)}; ratio ${(result.maxRss / budget).toFixed(2)}) ${result.maxRss <= budget ? "under budget" : "OVER BUDGET"}`
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
