/**
 * The pane's import of a Darwin Core Archive (src/excel/import.ts) against the strict Excel fake, with every archive
 * of ../shared/samples/dwca read by the same pipeline the import worker runs (src/taskpane/import/pipeline.ts):
 *
 * - the sheets come in order (core first) under free names, each header row as `sheetLayouts` names it, every cell
 *   text-formatted before any value is written, every value stored as the archive's text;
 * - the sheets' roles are registered as for inserted templates, vocabulary columns get the templates' dropdown;
 * - the Metadata sheet holds eml.xml's packageId, title and kept fragments;
 * - the workbook read back by the export's own reader (`collectExportSources`) and written as an archive gives every
 *   record back term by term (the idea of test/cli/import-roundtrip.test.ts);
 * - requests stay under 5 MB, sized by bytes; Cancel or a failing write leaves the workbook exactly as it was; a
 *   Metadata sheet with entries is not replaced unless asked.
 */
import * as fs from "fs";
import * as path from "path";
import { zipSync } from "fflate";
import { exportArchive, readArchive, recordsOf, type ArchiveContents, type ArchiveRecord } from "../../src/archive";
import { archiveSheets } from "../../src/archive/sheets";
import * as exportModule from "../../src/excel/export";
import { collectExportSources, importSheets, insertTemplate, readMetadataSheet, REGISTRY_KEY, writeMetadataSheet } from "../../src/excel";
import type { ImportSheetsOptions } from "../../src/excel";
import { buildTemplate } from "../../src/dwc";
import { emptyMetadata } from "../../src/metadata";
import { openForImport } from "../../src/taskpane/import/pipeline";
import { createOfficeServices } from "../../src/taskpane/services/officeServices";
import type { FakeExcel } from "./fake";
import { FakeContext } from "./fake/context";
import { installFake, uninstallFakes } from "./helpers";

jest.setTimeout(300_000);

afterEach(() => {
  uninstallFakes();
  jest.restoreAllMocks();
});

const SAMPLES = path.resolve(__dirname, "../../../shared/samples/dwca");
const LIMIT = 5 * 1024 * 1024;

/** The files of a folder, keyed by relative path. */
function folderFiles(dir: string, base = ""): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const n of fs.readdirSync(path.join(dir, base))) {
    const rel = base ? `${base}/${n}` : n;
    if (fs.statSync(path.join(dir, rel)).isDirectory()) Object.assign(out, folderFiles(dir, rel));
    else out[rel] = new Uint8Array(fs.readFileSync(path.join(dir, rel)));
  }
  return out;
}

/**
 * What the export's structure check refuses in the imported workbook, by sample (the data rules are off here):
 * - archive-occ: a pre-2009 DarwinCore core without an occurrenceID or id column (the CLI round trip says the same);
 * - dwca-inside-parent: GBIF's retired Image extension has no role, and its headers read as a second core. The
 *   user has to delete or rename that sheet before exporting.
 */
const STRUCTURAL_BLOCKERS: Record<string, string[]> = {
  "dwcaio__archive-occ.zip": ["archive.missingIdColumn"],
  "ipt__dwca-inside-parent.zip": ["archive.coreCount"],
};

/** Every sample as zip bytes (a folder zipped as the user would before opening it). */
const samples: [string, Uint8Array][] = fs
  .readdirSync(SAMPLES)
  .sort()
  .map((n): [string, Uint8Array] => {
    const file = path.join(SAMPLES, n);
    return [n, n.endsWith(".zip") ? new Uint8Array(fs.readFileSync(file)) : zipSync(folderFiles(file))];
  });

const bytesOf = (name: string): Uint8Array => samples.find(([n]) => n.startsWith(name))![1];

/** Imports `bytes` into the installed fake as the pane does (pipeline -> adapter). */
async function importBytes(bytes: Uint8Array, options: Partial<ImportSheetsOptions> = {}) {
  const archive = openForImport(bytes, 50);
  const inputs = archive.head.sheets.map((s, i) => ({
    name: s.name,
    headers: s.headers,
    role: s.role,
    records: s.records,
    rows: {
      async *[Symbol.asyncIterator]() {
        for (let b = archive.next(i); b; b = archive.next(i)) yield b;
      },
    },
  }));
  const result = await importSheets(inputs, { lang: "en", metadata: archive.head.metadata, ...options });
  return { head: archive.head, result };
}

/** Everything the fake holds, to compare a workbook before and after. */
function workbookState(fake: FakeExcel): string {
  return JSON.stringify({
    sheets: fake.sheetNames().map((n) => fake.snapshot(n)),
    names: fake.names(),
    settings: fake.settings(),
  });
}

/**
 * The records of an archive's data files by row type, as the archive reader gives them, with the terms meta.xml
 * maps twice in a file (checklist_980 maps taxonID to columns 1 and 16: which one is "the" value is ambiguous).
 */
function recordsByRowType(a: ArchiveContents): Map<string, { records: ArchiveRecord[]; twice: Set<string> }> {
  const out = new Map<string, { records: ArchiveRecord[]; twice: Set<string> }>();
  for (const f of [a.core, ...a.extensions]) {
    const terms = f.descriptor.fields.map((x) => x.term);
    const twice = new Set(terms.filter((t, i) => terms.indexOf(t) !== i));
    if (!out.has(f.descriptor.rowType)) out.set(f.descriptor.rowType, { records: recordsOf(f), twice });
  }
  return out;
}

describe("importSheets with the sample archives", () => {
  it.each(samples)("%s: sheets, text cells, roles and metadata as the archive says", async (name, bytes) => {
    const fake = installFake([{ name: "Sheet1", values: [["notes of the user"]] }]);
    const expected = archiveSheets(readArchive(bytes));
    const { head, result } = await importBytes(bytes);

    // New sheets after the user's, core first, named by class; the user's sheet untouched.
    expect(fake.sheet("Sheet1").value("A1")).toBe("notes of the user");
    expect(result.sheets.map((s) => s.name)).toEqual(expected.map((s) => s.name));
    expect(fake.sheetNames().slice(1, 1 + expected.length)).toEqual(expected.map((s) => s.name));

    for (const sheet of expected) {
      const ws = fake.sheet(sheet.name);
      const width = sheet.headers.length;
      const last = String.fromCharCode(64 + Math.min(width, 26));
      expect(ws.values(`A1:${last}1`)[0]).toEqual(sheet.headers.slice(0, 26));
      // Every value as the archive's text ("" is an empty cell); the fake turns untyped text into numbers and dates.
      if (sheet.rows.length > 0) {
        const got = ws.values(`A2:${last}${sheet.rows.length + 1}`);
        expect(got).toEqual(sheet.rows.map((r) => r.slice(0, 26).map((v) => (v === "" ? null : v))));
        expect(ws.numberFormat(`${last}${sheet.rows.length + 1}`)).toBe("@");
      }
      expect(ws.numberFormat("A2")).toBe("@");
      expect(ws.frozenRows).toBe(1);
    }

    // Roles registered by worksheet id, as for inserted templates.
    const registry = fake.settings()[REGISTRY_KEY] as { sheets: Record<string, { name: string; role: unknown; lastRow: number }> } | undefined;
    for (const [i, s] of result.sheets.entries()) {
      const role = head.sheets[i].role;
      if (role) expect(registry?.sheets[s.id]).toEqual({ name: s.name, role, lastRow: expect.any(Number) });
      else expect(registry?.sheets[s.id]).toBeUndefined();
    }

    // The Metadata sheet: what eml.xml says, packageId and kept fragments included.
    const stored = await readMetadataSheet();
    expect(stored?.meta.packageId).toBe(head.metadata.packageId);
    expect(stored?.meta.title).toBe(head.metadata.title);
    expect(stored?.meta.keep ?? []).toEqual(head.metadata.keep ?? []);
    expect(result.metadata).toBe("written");

    // Every request under 5 MB.
    expect(Math.max(...fake.syncLog.map((r) => r.bytes))).toBeLessThan(LIMIT);
  });

  it.each(samples)("%s: the export's reader gives every record back term by term", async (name, bytes) => {
    installFake();
    const original = readArchive(bytes);
    await importBytes(bytes);
    const sources = await collectExportSources();
    const zip: Uint8Array[] = [];
    const result = await exportArchive({
      sheets: sources.sheets,
      facts: sources.facts,
      emlXml: "<eml/>",
      validation: false,
      onData: (c) => zip.push(c),
    });
    const exportedRowTypes = new Set(sources.sheets.map((s) => s.role.rowTypeId));
    const refused = [...new Set(result.summary.blockers.map((b) => b.ruleId))];
    expect({ name, refused }).toEqual({ name, refused: STRUCTURAL_BLOCKERS[name] ?? [] });
    if (!result.ok) return;
    const joined = new Uint8Array(zip.reduce((n, c) => n + c.length, 0));
    zip.reduce((at, c) => (joined.set(c, at), at + c.length), 0);
    const back = recordsByRowType(readArchive(joined));
    let compared = 0;
    for (const [rowType, { records, twice }] of recordsByRowType(original)) {
      const got = back.get(rowType)?.records;
      if (!got) {
        // Only sheets without a role the export knows are left out; their rows are still in the workbook.
        expect(records.length === 0 || ![...exportedRowTypes].some((id) => rowType.toLowerCase().endsWith(`/${id}`))).toBe(true);
        continue;
      }
      expect(got.length).toBe(records.length);
      records.forEach(({ values }, r) => {
        for (const [iri, value] of Object.entries(values)) {
          // A column without a term (a derived archive's header that is no term) is kept, but not published.
          if (!/^https?:/.test(iri) || twice.has(iri)) continue;
          const back = got[r].values[iri];
          if (value === "" && back === undefined) continue;
          if (back === undefined && got[r].id === value) continue; // the extension's link column
          expect({ name, rowType, r, iri, value: back }).toEqual({ name, rowType, r, iri, value });
          compared++;
        }
      });
    }
    expect(compared).toBeGreaterThan(0);
  });
});

describe("importSheets requests", () => {
  it("sets every column's text format before any value, and sizes value requests by bytes", async () => {
    const fake = installFake();
    const target = 20_000;
    const { head } = await importBytes(bytesOf("pydwca__gbif-results"), { targetBytes: target });
    const ops = fake.syncLog.flatMap((r, sync) => r.what.map((what) => ({ what, sync })));
    const firstFormat = ops.findIndex((o) => o.what === "set Range.numberFormat");
    const firstValues = ops.findIndex((o) => o.what === "set Range.values");
    expect(firstFormat).toBeGreaterThanOrEqual(0);
    expect(firstFormat).toBeLessThan(firstValues);
    // One request per block of values: each under the target, and full (the next row would not have fitted).
    const valueSyncs = fake.syncLog.filter((r) => r.what.length === 1 && r.what[0] === "set Range.values");
    const rows = head.sheets.reduce((n, s) => n + s.records, 0);
    expect(valueSyncs.length).toBeGreaterThan(1);
    for (const r of valueSyncs) expect(r.bytes).toBeLessThanOrEqual(target);
    const sent = valueSyncs.reduce((n, r) => n + r.bytes, 0);
    expect(valueSyncs.length).toBeLessThanOrEqual(Math.ceil((sent * 1.5) / target) + head.sheets.length);
    expect(rows).toBeGreaterThan(valueSyncs.length);
    // Round trips: a fixed number besides the value blocks.
    expect(fake.syncCount - valueSyncs.length).toBeLessThanOrEqual(12);
  });

  it("keeps a row wider than the budget whole by writing it in column pieces", async () => {
    const fake = installFake();
    const long = "x".repeat(30_000);
    await importSheets(
      [{ name: "Occurrence", headers: ["occurrenceID", "occurrenceRemarks"], records: 1, rows: [[["1", long]]] as never }],
      { lang: "en", targetBytes: 20_000 }
    );
    expect(fake.sheet("Occurrence").values("A2:B2")).toEqual([["1", long]]);
    expect(Math.max(...fake.syncLog.map((r) => r.bytes))).toBeLessThan(31_000);
  });
});

describe("importSheets leaves the workbook as it was", () => {
  /** A workbook with inserted template sheets (registry, vocabulary sheet and names) and a filled Metadata sheet. */
  async function busyWorkbook(): Promise<FakeExcel> {
    const fake = installFake([{ name: "Occurrence", values: [["my own sheet"]] }]);
    await insertTemplate(buildTemplate("occurrence", "minimal"), "en");
    await writeMetadataSheet({ ...emptyMetadata(), title: "My dataset", packageId: "my-id" }, "en");
    fake.resetCounters();
    return fake;
  }

  it("when the user cancels between blocks", async () => {
    const fake = await busyWorkbook();
    const before = workbookState(fake);
    const ctrl = new AbortController();
    let progressed = 0;
    await expect(
      importBytes(bytesOf("pydwca__gbif-results"), {
        targetBytes: 20_000,
        replaceMetadata: true,
        signal: ctrl.signal,
        onProgress: () => {
          if (++progressed === 2) ctrl.abort();
        },
      })
    ).rejects.toMatchObject({ code: "CANCELLED" });
    expect(progressed).toBe(2);
    expect(workbookState(fake)).toBe(before);
  });

  it("when a write fails half-way through the values", async () => {
    const fake = await busyWorkbook();
    const before = workbookState(fake);
    const sync = FakeContext.prototype.sync;
    let n = 0;
    jest.spyOn(FakeContext.prototype, "sync").mockImplementation(function (this: FakeContext, ...args: unknown[]) {
      if (++n === 8) return Promise.reject(new Error("GeneralException: the host failed"));
      return sync.apply(this, args as []);
    });
    await expect(importBytes(bytesOf("pydwca__gbif-results"), { targetBytes: 20_000, replaceMetadata: true })).rejects.toThrow(
      "GeneralException"
    );
    expect(workbookState(fake)).toBe(before);
  });

  it("when writing the new Metadata sheet fails after the data sheets are done", async () => {
    const fake = await busyWorkbook();
    const before = workbookState(fake);
    const real = exportModule.writeMetadataSheet;
    jest.spyOn(exportModule, "writeMetadataSheet").mockImplementation(async (meta, lang) => {
      await real(meta, lang);
      throw new Error("GeneralException: the host failed");
    });
    await expect(importBytes(bytesOf("ipt__event-dwca"), { replaceMetadata: true })).rejects.toThrow("GeneralException");
    expect(workbookState(fake)).toBe(before);
    expect((await readMetadataSheet())?.meta.title).toBe("My dataset");
  });

  it("refuses to replace a Metadata sheet with entries unless asked, before writing anything", async () => {
    const fake = await busyWorkbook();
    const before = workbookState(fake);
    await expect(importBytes(bytesOf("ipt__event-dwca"))).rejects.toMatchObject({ code: "METADATA_EXISTS" });
    expect(workbookState(fake)).toBe(before);
    expect(fake.syncCount).toBeLessThanOrEqual(2);
  });

  it("replaces it when asked, and names a new core sheet beside a taken name", async () => {
    const fake = await busyWorkbook();
    const { head, result } = await importBytes(bytesOf("ipt__event-dwca"), { replaceMetadata: true });
    expect(result.metadata).toBe("replaced");
    expect((await readMetadataSheet())?.meta.packageId).toBe(head.metadata.packageId);
    expect(fake.sheetNames().filter((n) => /^Metadata/.test(n))).toEqual(["Metadata"]);
    expect(result.sheets[0].name).toBe("Event");
  });

  it("never overwrites a sheet: a taken class name gets a free one", async () => {
    const fake = installFake([{ name: "Taxon", values: [["mine"]] }]);
    const { result } = await importBytes(bytesOf("pydwca__dwca-2extensions"));
    expect(result.sheets[0].name).toBe("Taxon (2)");
    expect(fake.sheet("Taxon").value("A1")).toBe("mine");
  });
});

describe("the pane's importArchive service over the fake (the worker's in-thread fallback)", () => {
  const progress = () => ({ signal: new AbortController().signal, onProgress: () => undefined });

  it("asks before a filled Metadata sheet, then keeps it when told, writing the data sheets", async () => {
    const fake = installFake();
    await writeMetadataSheet({ ...emptyMetadata(), title: "My dataset" }, "en");
    const before = workbookState(fake);
    const services = createOfficeServices();
    const bytes = bytesOf("ipt__event-dwca");
    expect(await services.importArchive(bytes, progress(), "en")).toEqual({ kind: "metadataExists" });
    expect(workbookState(fake)).toBe(before);
    const kept = await services.importArchive(bytes, progress(), "en", "keep");
    expect(kept).toMatchObject({ kind: "done", metadata: "kept", metadataRead: true });
    expect((await readMetadataSheet())?.meta.title).toBe("My dataset");
    if (kept.kind !== "done") throw new Error("not done");
    expect(kept.sheets.map((s) => [s.name, s.registered])).toEqual(
      archiveSheets(readArchive(bytes)).map((s) => [s.name, true])
    );
  });

  it("says which sheets it made, with the remarks of sheetLayouts, and progress in rows", async () => {
    installFake();
    const seen: number[] = [];
    const bytes = bytesOf("pydwca__dwca-partial-default");
    const outcome = await createOfficeServices().importArchive(
      bytes,
      { signal: new AbortController().signal, onProgress: (p) => p.phase === "import" && seen.push(p.done) },
      "ru"
    );
    if (outcome.kind !== "done") throw new Error("not done");
    const head = openForImport(bytes).head;
    expect(outcome.sheets.map((s) => s.remarks)).toEqual(head.sheets.map((s) => s.remarks));
    expect(outcome.sheets.flatMap((s) => s.remarks).some((r) => r.kind === "defaultFilled")).toBe(true);
    expect(seen[seen.length - 1]).toBe(head.sheets.reduce((n, s) => n + s.records, 0));
    expect(outcome.metadata).toBe("written");
  });

  it("refuses bytes that are not a zip with the reader's code, writing nothing", async () => {
    const fake = installFake();
    const before = workbookState(fake);
    await expect(
      createOfficeServices().importArchive(new TextEncoder().encode("id\tname\n1\tx\n"), progress(), "en")
    ).rejects.toMatchObject({ code: "NOT_A_ZIP" });
    expect(workbookState(fake)).toBe(before);
  });
});
