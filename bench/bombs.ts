/**
 * Bench (d): peak memory of the CLI on decompression bombs. Each bomb is a few MB on disk and inflates to gigabytes;
 * the readers must refuse it (exit 2, the entry named) within bounded memory. Each case runs in a child process
 * whose peak RSS is compared with the same child validating a small valid workbook (the baseline: Node, the
 * compiler and the model) and with the budget.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from "fflate";

const ROOT = path.resolve(__dirname, "..");
/** Peak RSS a refusal may take, whatever the bomb. */
const BUDGET_MB = 768;

/** Writes a zip whose entries are produced in chunks (never held whole), optionally lying about one entry's size. */
function streamZip(file: string, entries: { name: string; chunks: () => Iterable<Uint8Array> }[]): void {
  const fd = fs.openSync(file, "w");
  const zip = new Zip((err, data) => {
    if (err) throw err;
    fs.writeSync(fd, data);
  });
  for (const e of entries) {
    const d = e.name.endsWith(".rels") || e.name.endsWith("].xml") ? new ZipPassThrough(e.name) : new ZipDeflate(e.name, { level: 1 });
    zip.add(d);
    let last: Uint8Array | undefined;
    for (const c of e.chunks()) {
      if (last) d.push(last);
      last = c;
    }
    d.push(last ?? new Uint8Array(0), true);
  }
  zip.end();
  fs.closeSync(fd);
}

/** Rewrites the uncompressed size an entry's central directory record declares. */
function lieAboutSize(file: string, entry: string, size: number): void {
  const zip = fs.readFileSync(file);
  const name = Buffer.from(entry);
  for (let p = zip.length - 22; p >= 0; p--) {
    if (zip.readUInt32LE(p) !== 0x02014b50 || zip.readUInt16LE(p + 28) !== name.length) continue;
    if (!zip.subarray(p + 46, p + 46 + name.length).equals(name)) continue;
    zip.writeUInt32LE(size, p + 24);
    fs.writeFileSync(file, zip);
    return;
  }
  throw new Error(`${entry} not found`);
}

function* repeat(head: string, body: string, times: number, tail: string): Iterable<Uint8Array> {
  yield strToU8(head);
  const block = strToU8(body.repeat(Math.max(1, Math.floor((1 << 20) / body.length))));
  const perBlock = Math.max(1, Math.floor((1 << 20) / body.length));
  for (let n = 0; n < times; n += perBlock) yield block;
  yield strToU8(tail);
}

const one = (s: string) => [strToU8(s)];

/** The parts of a minimal .xlsx, with the given sheet and shared strings parts. */
function xlsx(file: string, sheet: () => Iterable<Uint8Array>, shared: () => Iterable<Uint8Array>): void {
  streamZip(file, [
    { name: "[Content_Types].xml", chunks: () => one(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`) },
    { name: "_rels/.rels", chunks: () => one(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
    { name: "xl/workbook.xml", chunks: () => one(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Occurrence" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    { name: "xl/_rels/workbook.xml.rels", chunks: () => one(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`) },
    { name: "xl/sharedStrings.xml", chunks: shared },
    { name: "xl/worksheets/sheet1.xml", chunks: sheet },
  ]);
}

const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>occurrenceID</t></is></c><c r="B1" t="inlineStr"><is><t>basisOfRecord</t></is></c></row>`;
const SHEET_TAIL = `</sheetData></worksheet>`;
const smallSheet = () => one(`${SHEET_HEAD}<row r="2"><c r="A2" t="inlineStr"><is><t>o1</t></is></c><c r="B2" t="inlineStr"><is><t>HumanObservation</t></is></c></row>${SHEET_TAIL}`);
const noStrings = () => one(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>`);

interface Case {
  name: string;
  make: (file: string) => void;
  /** The CLI must refuse it (exit 2); false for the baseline. */
  refused: boolean;
}

const GB = 1024 ** 3;
const cases: Case[] = [
  { name: "baseline: a valid one-record workbook", refused: false, make: (f) => xlsx(f, smallSheet, noStrings) },
  {
    name: "sheet XML inflating to 2.2 GB (one huge run of whitespace between rows)",
    refused: true,
    make: (f) => xlsx(f, () => repeat(SHEET_HEAD, " ".repeat(1024), (2.2 * GB) / 1024, SHEET_TAIL), noStrings),
  },
  {
    name: "shared strings inflating to 2.2 GB (distinct-looking strings, honest sizes)",
    refused: true,
    make: (f) =>
      xlsx(f, smallSheet, () =>
        repeat(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`, `<si><t>${"x".repeat(1000)}</t></si>`, (2.2 * GB) / 1016, "</sst>"),
      ),
  },
  {
    name: "shared strings inflating to 1.5 GB (under the entry limit: the string table's memory budget stops it)",
    refused: true,
    make: (f) =>
      xlsx(f, smallSheet, () =>
        repeat(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`, `<si><t>${"x".repeat(1000)}</t></si>`, (1.5 * GB) / 1016, "</sst>"),
      ),
  },
  {
    name: "sheet XML declaring 1 KB and inflating to 2.2 GB (a lying size field)",
    refused: true,
    make: (f) => {
      xlsx(f, () => repeat(SHEET_HEAD, " ".repeat(1024), (2.2 * GB) / 1024, SHEET_TAIL), noStrings);
      lieAboutSize(f, "xl/worksheets/sheet1.xml", 1024);
    },
  },
  {
    name: "Darwin Core archive whose occurrence.txt inflates to 2.2 GB",
    refused: true,
    make: (f) =>
      streamZip(f, [
        {
          name: "meta.xml",
          chunks: () =>
            one(`<archive xmlns="http://rs.tdwg.org/dwc/text/"><core encoding="UTF-8" fieldsTerminatedBy="\\t" linesTerminatedBy="\\n" fieldsEnclosedBy="" ignoreHeaderLines="1" rowType="http://rs.tdwg.org/dwc/terms/Occurrence"><files><location>occurrence.txt</location></files><id index="0"/><field index="0" term="http://rs.tdwg.org/dwc/terms/occurrenceID"/><field index="1" term="http://rs.tdwg.org/dwc/terms/basisOfRecord"/></core></archive>`),
        },
        { name: "occurrence.txt", chunks: () => repeat("occurrenceID\tbasisOfRecord\n", "o1\tHumanObservation\n", (2.2 * GB) / 19, "") },
      ]),
  },
];

/**
 * Runs a child process that opens the file as the CLI does (`validate` for a workbook, the archive reader for an
 * archive) and returns its exit code, stderr and peak RSS.
 */
function runChild(file: string): { code: number | null; err: string; rssMb: number } {
  const done = `process.stderr.write("\\nRSS " + process.resourceUsage().maxRSS + "\\n")`;
  const script = file.endsWith(".zip")
    ? `require("ts-node").register({ transpileOnly: true }); const { readArchive } = require("./src/archive"); let c = 0; try { readArchive(new Uint8Array(require("fs").readFileSync(${JSON.stringify(file)}))); } catch (e) { process.stderr.write(String(e.message)); c = e.name === "ArchiveError" ? 2 : 3; } ${done}; process.exitCode = c;`
    : `require("ts-node").register({ transpileOnly: true }); require("./src/cli").main(["validate", ${JSON.stringify(file)}, "--no-geo"], { out: () => {}, err: (t) => process.stderr.write(t) }).then((c) => { ${done}; process.exitCode = c; });`;
  const child = spawnSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 26 });
  const m = /RSS (\d+)/.exec(child.stderr);
  return { code: child.status, err: child.stderr.replace(/\nRSS \d+\n/, "").trim(), rssMb: m ? Number(m[1]) / 1024 : NaN };
}

export async function benchBombs(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dwc-excel-bombs-"));
  try {
    let baseline = NaN;
    for (const c of cases) {
      const ext = c.name.startsWith("Darwin Core archive") ? "zip" : "xlsx";
      const file = path.join(dir, `case.${ext}`);
      c.make(file);
      const size = fs.statSync(file).size;
      const r = runChild(file);
      if (!c.refused) baseline = r.rssMb;
      const ok = c.refused ? r.code === 2 && r.err.length > 0 && !/internal error/.test(r.err) : r.code === 0 || r.code === 1;
      console.log(
        `${c.name}: ${(size / 1024 / 1024).toFixed(1)} MB on disk; exit ${r.code}; peak RSS ${r.rssMb.toFixed(0)} MB` +
          (c.refused ? ` (${(r.rssMb - baseline).toFixed(0)} MB above the baseline; budget ${BUDGET_MB} MB: ${r.rssMb <= BUDGET_MB ? "within" : "OVER"})` : "") +
          (ok ? "" : "  UNEXPECTED"),
      );
      if (c.refused) console.log(`  ${r.err.split("\n")[0].slice(0, 200)}`);
      fs.rmSync(file, { force: true });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
