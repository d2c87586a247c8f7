/**
 * The real published datasets of ../shared/samples/real, typed into workbooks (one sheet per data file, every value
 * as text) and run through `dwc-excel validate` and `dwc-excel export` as a data manager would. What blocks each one
 * is written down in expectations.json with the source of each blocker; nothing else may block, and every dataset
 * without blockers must come out of the export with every row and every term's value identical (read back with the
 * archive reader, compared with the archive or table the workbook was typed from).
 */
import * as fs from "fs";
import * as path from "path";
import { readArchive, recordsOf, type DataFileContents } from "../../src/archive";
import { getProperty, getRowType, headerTermIri, recogniseWorkbook } from "../../src/dwc";
import { getRule } from "../../src/validate";
import { run, tempDir } from "../cli/helpers";
import { readRealDataset, realDatasetNames, writeTypedWorkbook, type RealDataset, type TypedSheet } from "./corpus";

interface Expected {
  /** Blockers by rule id: how many, and where the rule says the refusal comes from. */
  blockers: Record<string, { count: number; source: string }>;
  /** Why: what the data holds that the IPT or GBIF refuses. */
  why?: string;
}

const expectations = JSON.parse(fs.readFileSync(path.join(__dirname, "expectations.json"), "utf8")) as Record<string, Expected>;
const METADATA = path.resolve(__dirname, "../../examples/metadata.json");

/** The term IRI a typed column goes out under, as the export plans it (src/archive/plan.ts). */
function iriOf(rowTypeId: string, header: string): string | undefined {
  return getProperty(rowTypeId, header)?.iri ?? headerTermIri(header);
}

/** Every value of every typed sheet with a role is in the exported data file of its row type, unchanged. */
function expectSameValues(dataset: RealDataset, typed: TypedSheet[], exported: ReturnType<typeof readArchive>): void {
  const roles = recogniseWorkbook(typed.map((s) => ({ name: s.name, headers: s.headers, records: s.rows.length })));
  const files: DataFileContents[] = [exported.core, ...exported.extensions];
  const used = new Set<DataFileContents>();
  let compared = 0;
  typed.forEach((sheet, i) => {
    const role = roles[i];
    if (!role || sheet.rows.length === 0) return;
    const rowType = getRowType(role.rowTypeId)!.rowType;
    const file = files.find((f) => !used.has(f) && f.descriptor.rowType === rowType);
    expect({ sheet: sheet.name, file: file?.descriptor.location }).toEqual({ sheet: sheet.name, file: expect.any(String) });
    used.add(file!);
    const records = recordsOf(file!);
    expect({ sheet: sheet.name, records: records.length }).toEqual({ sheet: sheet.name, records: sheet.rows.length });
    const idColumn = sheet.headers.findIndex((h) => h.toLowerCase() === role.idTerm.toLowerCase());
    sheet.headers.forEach((header, c) => {
      const iri = iriOf(role.rowTypeId, header);
      if (!iri && c !== idColumn) return;
      for (let r = 0; r < sheet.rows.length; r++) {
        const want = sheet.rows[r][c] ?? "";
        const got = c === idColumn ? records[r].id : records[r].values[iri as string];
        if ((got ?? "") !== want) {
          throw new Error(`${dataset.name}: ${sheet.name} row ${r + 2} ${header}: typed ${JSON.stringify(want)}, exported ${JSON.stringify(got)}`);
        }
        compared++;
      }
    });
  });
  expect(compared).toBeGreaterThan(0);
}

/** For datasets typed from an archive: the exported values equal the original archive's, term by term. */
function expectSameAsOriginal(dataset: RealDataset, exported: ReturnType<typeof readArchive>): void {
  const original = dataset.archive!;
  for (const [from, to] of [[original.core, exported.core]] as const) {
    const a = recordsOf(from);
    const b = recordsOf(to);
    expect(b.length).toBe(a.length);
    for (let r = 0; r < a.length; r++) {
      for (const [iri, value] of Object.entries(a[r].values)) {
        if (value === "" && b[r].values[iri] === undefined) continue;
        if (b[r].values[iri] !== value) throw new Error(`${dataset.name}: core line ${a[r].line} ${iri}: ${JSON.stringify(value)} became ${JSON.stringify(b[r].values[iri])}`);
      }
    }
  }
}

describe("real published datasets, typed into workbooks", () => {
  const dir = tempDir("real");
  it("has an expectation for every dataset of the corpus", () => {
    expect(Object.keys(expectations).sort()).toEqual(realDatasetNames());
  });
  for (const name of realDatasetNames()) {
    it(`${name}: blocked only by what the IPT or GBIF refuses; otherwise exported value for value`, async () => {
      const expected = expectations[name];
      const dataset = readRealDataset(name);
      const file = path.join(dir, `${name}.xlsx`);
      await writeTypedWorkbook(dataset, file);

      const validated = await run("validate", file, "--json");
      expect(validated.err).toBe("");
      const issues = JSON.parse(validated.out) as { ruleId: string; severity: string }[];
      const blockers: Record<string, { count: number; source: string }> = {};
      for (const i of issues.filter((x) => x.severity === "blocker")) {
        const rule = getRule(i.ruleId);
        expect({ rule: i.ruleId, described: !!rule }).toEqual({ rule: i.ruleId, described: true });
        blockers[i.ruleId] ??= { count: 0, source: rule!.source };
        blockers[i.ruleId].count++;
      }
      expect(blockers).toEqual(expected.blockers);
      expect(validated.code).toBe(Object.keys(expected.blockers).length ? 1 : 0);

      const zip = path.join(dir, `${name}.zip`);
      const exported = await run("export", file, "--metadata", METADATA, "-o", zip);
      if (Object.keys(expected.blockers).length) {
        expect(exported.code).toBe(1);
        expect(fs.existsSync(zip)).toBe(false);
        for (const rule of Object.keys(expected.blockers)) expect(exported.err).toContain(rule);
        return;
      }
      expect({ code: exported.code, err: exported.err }).toEqual({ code: 0, err: "" });
      const archive = readArchive(new Uint8Array(fs.readFileSync(zip)));
      expectSameValues(dataset, dataset.sheets, archive);
      if (dataset.archive) expectSameAsOriginal(dataset, archive);
    }, 120_000);
  }
});
