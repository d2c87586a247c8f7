/**
 * The CLI import's streaming reader and the in-memory archive reader find meta.xml, the data files and the metadata
 * document, and tolerate a missing separator and CR LF line ends, through one definition (src/archive/locate.ts):
 * on the samples with those quirks they say the same and read the same records.
 */
import * as fs from "fs";
import * as path from "path";
import { readArchive } from "../../src/archive";
import { openArchiveSource, readArchiveHead, writeArchiveWorkbook } from "../../src/file/archive-workbook";
import { tempDir } from "./helpers";

jest.setTimeout(120_000);

const SAMPLES = path.resolve(__dirname, "../../../shared/samples/dwca");
const dir = tempDir("archive-stream");

function folder(root: string, prefix = "", into = new Map<string, Uint8Array>()): Map<string, Uint8Array> {
  for (const e of fs.readdirSync(path.join(root, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) folder(root, rel, into);
    else into.set(rel, new Uint8Array(fs.readFileSync(path.join(root, rel))));
  }
  return into;
}

/** An archive folder written here: meta.xml (LF declared, the "," default) over a tab-separated CR LF file. */
function crlfArchive(): string {
  const root = path.join(dir, "crlf");
  fs.mkdirSync(root, { recursive: true });
  fs.writeFileSync(
    path.join(root, "meta.xml"),
    `<archive xmlns="http://rs.tdwg.org/dwc/text/" metadata="missing-eml.xml"><core rowType="http://rs.tdwg.org/dwc/terms/Occurrence" ignoreHeaderLines="1" linesTerminatedBy="\\n"><files><location>occurrence.txt</location></files><id index="0"/><field index="1" term="http://rs.tdwg.org/dwc/terms/scientificName"/><field index="2" term="http://rs.tdwg.org/dwc/terms/basisOfRecord"/></core></archive>`
  );
  fs.writeFileSync(path.join(root, "occurrence.txt"), "id\tscientificName\tbasisOfRecord\r\no1\tParus major\tHumanObservation\r\no2\tPica pica\tHumanObservation\r\n");
  return root;
}

describe("streaming import and in-memory reader", () => {
  it.each([
    // meta.xml without fieldsTerminatedBy on a tab-separated file
    "pydwca__dwca-meta-default-values",
    // CR LF line ends under a declared LF, no fieldsTerminatedBy on a tab-separated file, metadata named but missing
    "crlf",
    // meta.xml in a sub-folder
    "ipt__dwca-inside-parent.zip",
    "pydwca__dwca-utf8-eol-test.zip",
  ])("say the same about %s and read the same records", async (name) => {
    const file = name === "crlf" ? crlfArchive() : path.join(SAMPLES, name);
    const whole = readArchive(name.endsWith(".zip") ? new Uint8Array(fs.readFileSync(file)) : folder(file));
    if (name === "crlf") expect(whole.core.rows).toEqual([["o1", "Parus major", "HumanObservation"], ["o2", "Pica pica", "HumanObservation"]]);
    const head = readArchiveHead(openArchiveSource(file));
    expect(head.metadata?.location).toBe(whole.metadata?.location);
    expect(head.metadata?.text).toBe(whole.metadata?.text);
    const written = await writeArchiveWorkbook(head, path.join(dir, `${name}.xlsx`));
    expect([...new Set(written.notes)].sort()).toEqual([...new Set(whole.notes)].sort());
    expect(head.descriptor.core.fieldsTerminatedBy).toBe(whole.descriptor.core.fieldsTerminatedBy);
    if (name === "crlf") expect(written.notes.join("\n")).toMatch(/CR LF though meta\.xml declares LF[\s\S]*read as tab-separated|read as tab-separated[\s\S]*CR LF/);
    if (name.includes("default-values") || name === "crlf") expect(written.notes.join("\n")).toMatch(/read as tab-separated/);
    expect(written.sheets.map((s) => s.records)).toEqual([whole.core, ...whole.extensions].map((f) => f.rows.length));
  });
});
