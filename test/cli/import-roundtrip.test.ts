/**
 * The round trip a data holder makes with a published dataset: `dwc-excel import` of the archive, then
 * `dwc-excel export` of the workbook (its Metadata sheet included), for every archive of ../shared/samples/dwca
 * and ../shared/samples/real that has a meta.xml (zip or folder). The exported archive is read back with the
 * archive reader and compared with the original:
 *
 * - every data file comes back (matched by row type, in order) with the same number of records and the same value
 *   for every term IRI of every record (an empty original value may come back absent), and the same ids;
 * - the metadata survive: title, description, licence, creators, contacts and packageId read back equal, as do the
 *   eml.xml elements the model does not hold (kept verbatim), and the exported eml.xml is valid against the GBIF
 *   profile 1.3 XSD (xmllint, offline).
 *
 * What the export refuses is stated per dataset with the rule that blocks it (the IPT's rules: duplicate ids,
 * basisOfRecord), and checked to be refused for that reason instead of compared. Metadata that GBIF requires and the
 * original lacks (a licence GBIF accepts, a contact) block the first export, as they should; the data are then
 * compared through an export with `--metadata examples/metadata.json`, as is an archive without eml.xml.
 */
import * as fs from "fs";
import * as path from "path";
import { readArchive, recordsOf, type ArchiveContents, type DataFileContents } from "../../src/archive";
import { parseArgs } from "../../src/cli/args";
import { EXPORT_OPTIONS, exportCommand } from "../../src/cli/export-command";
import { IMPORT_OPTIONS, importCommand } from "../../src/cli/import-command";
import { readEml, type DatasetMetadata } from "../../src/metadata";
import { validateEml } from "../metadata/helpers";
import { tempDir, type RunResult } from "./helpers";

jest.setTimeout(300_000);

const SHARED = path.resolve(__dirname, "../../../shared/samples");
const METADATA_JSON = path.resolve(__dirname, "../../examples/metadata.json");

/**
 * What the export refuses in the data, by dataset: the rule, and why the IPT or GBIF refuses it. Nothing else may
 * block the data.
 */
const DATA_BLOCKERS: Record<string, { rules: string[]; why: string }> = {
  "hominidae-checklist": { rules: ["id-duplicate"], why: "taxonID 121b is repeated on 5 synonym rows" },
  "banza-katydids": { rules: ["basis-of-record"], why: "basisOfRecord LITERATURE is not a basisOfRecord value" },
  "bdj-spiders-checklist-980": {
    rules: ["basis-of-record"],
    why: "the Occurrence extension has no basisOfRecord on its 740 rows",
  },
  dwcaio__checklist_980: { rules: ["basis-of-record"], why: "the same archive as bdj-spiders-checklist-980" },
  dwcaio__6632D8151686A3F8C71D4B5A5B1181A4: {
    rules: ["id-duplicate"],
    why: "Plazi taxon ids repeat in taxa.txt (270A0BD9F965F91D578A4EEDFB0638BD.taxon)",
  },
  "dwcaio__archive-occ": {
    rules: ["archive.missingIdColumn", "basis-of-record"],
    why: "a pre-2009 DarwinCore rowType with capitalised terms (…/BasisOfRecord) and no occurrenceID or id column",
  },
  "dwcaio__csv-json-escaped-quotes": {
    rules: ["basis-of-record"],
    why: "basisOfRecord Specimen is not a vocabulary value",
  },
  "pydwca__dwca-csv-quote-dir": {
    rules: ["basis-of-record"],
    why: "basisOfRecord Observation (and 'Observation, something')",
  },
  "pydwca__dwca-metadata-windows1252-encoding": { rules: ["basis-of-record"], why: "basisOfRecord Observation" },
  "pydwca__dwca-meta-default-values": {
    rules: ["basis-of-record", "id-missing"],
    why: "the id column is empty on every row; basisOfRecord Observation",
  },
  "pydwca__dwca-partial-default": {
    rules: ["basis-of-record", "id-missing"],
    why: "the id column is empty on every row; basisOfRecord Observation",
  },
  "pydwca__gbif-results": { rules: ["basis-of-record"], why: "basisOfRecord UNKNOWN on 7 records of the download" },
  "validator__dwca-event-duplicate-occurrenceId": {
    rules: ["occurrence-id-duplicate"],
    why: "the GBIF validator's own sample of a repeated occurrenceID",
  },
};

/** Data files the export cannot write, by dataset and row type, with the reason. */
const NOT_EXPORTED: Record<string, Record<string, string>> = {
  "ipt__dwca-inside-parent": {
    "http://rs.gbif.org/terms/1.0/Image": "GBIF's retired Image extension: not a core or extension the export knows",
  },
  "dna-barcodes-old-types": {
    "http://data.ggbn.org/schemas/ggbn/terms/Amplification": "GGBN Amplification: not an extension the export knows",
  },
};

/**
 * Workbooks whose core sheet the export does not recognise from its headers (a GBIF download: most columns are
 * GBIF's interpreted terms), exported as the CLI says to, with `--core`.
 */
const NEEDS_CORE: Record<string, string> = {
  "pydwca__dwca-utf8-eol-test": "occurrence",
  "pydwca__gbif-results": "occurrence",
};

/** The archives: zips and folders with a meta.xml (a zip without one is a bare data file, not an archive). */
function archives(): { name: string; file: string }[] {
  const out: { name: string; file: string }[] = [];
  for (const root of ["dwca", "real"]) {
    const dir = path.join(SHARED, root);
    for (const n of fs.readdirSync(dir).sort()) {
      const file = path.join(dir, n);
      if (n.endsWith(".zip")) {
        if (!readArchive(new Uint8Array(fs.readFileSync(file))).derived)
          out.push({ name: n.replace(/\.zip$/, ""), file });
      } else if (fs.statSync(file).isDirectory() && fs.existsSync(path.join(file, "meta.xml")))
        out.push({ name: n, file });
    }
  }
  return out;
}

function folderFiles(dir: string, base = ""): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const n of fs.readdirSync(path.join(dir, base))) {
    const rel = base ? `${base}/${n}` : n;
    if (fs.statSync(path.join(dir, rel)).isDirectory()) for (const [k, v] of folderFiles(dir, rel)) files.set(k, v);
    else files.set(rel, new Uint8Array(fs.readFileSync(path.join(dir, rel))));
  }
  return files;
}

function readOriginal(file: string): ArchiveContents {
  return readArchive(file.endsWith(".zip") ? new Uint8Array(fs.readFileSync(file)) : folderFiles(file));
}

async function cli(command: "import" | "export", argv: string[]): Promise<RunResult> {
  let out = "";
  let err = "";
  const io = { out: (t: string) => void (out += t), err: (t: string) => void (err += t) };
  const code =
    command === "import"
      ? await importCommand(parseArgs(["import", ...argv], IMPORT_OPTIONS), io)
      : await exportCommand(parseArgs(["export", ...argv], EXPORT_OPTIONS), io);
  return { code, out, err };
}

/** Rule ids named in the export's report of what blocks it (`BLOCKER id-duplicate — …`). */
function blockerRules(err: string): string[] {
  return [...new Set([...err.matchAll(/^BLOCKER (\S+)/gm)].map((m) => m[1]))].sort();
}

/** Every original data file with records comes back with the same records, term by term. */
function expectSameData(name: string, original: ArchiveContents, exported: ArchiveContents): number {
  const files: DataFileContents[] = [exported.core, ...exported.extensions];
  const used = new Set<DataFileContents>();
  let compared = 0;
  for (const from of [original.core, ...original.extensions]) {
    const rowType = from.descriptor.rowType;
    const a = recordsOf(from);
    if (a.length === 0) continue; // a header-only sheet is not exported
    const skip = NOT_EXPORTED[name]?.[rowType];
    const to = files.find((f) => !used.has(f) && f.descriptor.rowType === rowType);
    if (skip) {
      expect({ rowType, exported: to?.descriptor.location }).toEqual({ rowType, exported: undefined });
      continue;
    }
    expect({ file: from.descriptor.location, rowType, exported: !!to }).toEqual({
      file: from.descriptor.location,
      rowType,
      exported: true,
    });
    used.add(to!);
    const b = recordsOf(to!);
    expect({ file: from.descriptor.location, records: b.length }).toEqual({
      file: from.descriptor.location,
      records: a.length,
    });
    for (let r = 0; r < a.length; r++) {
      for (const [iri, value] of Object.entries(a[r].values)) {
        const got = b[r].values[iri];
        if (value === "" && got === undefined) continue;
        // An extension's link column that is also a field of the original (Audubon media: occurrenceID as coreid
        // and as a field) comes back as the link alone when the extension does not define the term.
        if (got === undefined && from.descriptor.idIndex !== undefined && b[r].id === value && a[r].id === value) {
          compared++;
          continue;
        }
        if (got !== value) {
          throw new Error(
            `${name}: ${from.descriptor.location} line ${a[r].line} ${iri}: ${JSON.stringify(value)} came back as ${JSON.stringify(got)}`
          );
        }
        compared++;
      }
    }
  }
  return compared;
}

/** Whitespace runs collapsed: kept elements are re-indented on export. */
const squash = (s: string) => s.replace(/\s+/g, " ").replace(/> </g, "><").trim();

function expectSameMetadata(name: string, before: DatasetMetadata, after: DatasetMetadata): void {
  const pick = (m: DatasetMetadata) => ({
    name,
    title: m.title,
    description: m.description,
    license: m.license,
    creators: m.creators,
    contacts: m.contacts,
    metadataProviders: m.metadataProviders,
    packageId: m.packageId,
    keywords: m.keywords,
    methods: m.methods,
    project: m.project,
    citation: m.citation,
    keep: (m.keep ?? []).map((k) => ({ parent: k.parent, xml: squash(k.xml) })),
  });
  expect(pick(after)).toEqual(pick(before));
}

describe("import a published archive, export it again: the same dataset", () => {
  const dir = tempDir("import-roundtrip");
  const list = archives();

  it("finds the archives of the samples", () => {
    expect(list.length).toBeGreaterThanOrEqual(20);
  });

  for (const { name, file } of list) {
    it(`${name}: every record and the metadata come back`, async () => {
      const original = readOriginal(file);
      const workbook = path.join(dir, `${name}.xlsx`);
      const imported = await cli("import", [file, "-o", workbook]);
      expect({ code: imported.code, err: imported.err }).toEqual({ code: 0, err: "" });

      const zip = path.join(dir, `${name}.zip`);
      const hasEml = original.metadata?.text !== undefined;
      const core = NEEDS_CORE[name] ? ["--core", NEEDS_CORE[name]] : [];
      let exported = await cli(
        "export",
        hasEml ? [workbook, ...core, "-o", zip] : [workbook, ...core, "--metadata", METADATA_JSON, "-o", zip]
      );
      const blockers = blockerRules(exported.err);
      const dataRules = blockers.filter((r) => !r.startsWith("metadata."));
      const expected = DATA_BLOCKERS[name];
      if (expected) {
        // Refused for what the IPT refuses, and nothing written.
        expect({ name, code: exported.code, rules: dataRules }).toEqual({ name, code: 1, rules: expected.rules });
        expect(fs.existsSync(zip)).toBe(false);
        return;
      }
      expect({ name, dataBlockers: dataRules }).toEqual({ name, dataBlockers: [] });
      const metaBlocked = exported.code === 1 && blockers.length > 0;
      if (metaBlocked) {
        // The original's metadata lack what GBIF requires (e.g. a licence it accepts): the export says which.
        expect(exported.err).toMatch(/metadata\.(required|license|agentName|language)/);
        expect(fs.existsSync(zip)).toBe(false);
        exported = await cli("export", [workbook, ...core, "--metadata", METADATA_JSON, "-o", zip]);
      }
      expect({ name, code: exported.code, err: exported.err }).toEqual({ name, code: 0, err: "" });
      const back = readArchive(new Uint8Array(fs.readFileSync(zip)));
      expect(expectSameData(name, original, back)).toBeGreaterThan(0);

      const eml = back.metadata?.text ?? "";
      const valid = validateEml(eml);
      if (!valid.ok)
        throw new Error(`${name}: exported eml.xml is not valid against the GBIF profile 1.3:\n${valid.output}`);
      if (hasEml && !metaBlocked) {
        expectSameMetadata(name, readEml(original.metadata!.text!).meta, readEml(eml).meta);
      }
    });
  }
});
