/**
 * The standardisation corpus: messy tables as data holders send them (test/standardise/corpus/*.csv), each with the
 * mapping a curator would choose (*.expected.json). The proposal must get at least 90% of the columns right, and
 * never be "confident" about a wrong term.
 */
import * as fs from "fs";
import * as path from "path";
import { openTableFile } from "../../src/file";
import { applyMapping, proposeMapping, type MappingProposal } from "../../src/standardise";

const DIR = path.join(__dirname, "corpus");

interface Expected {
  datasetClass: string;
  columns: { header: string; term: string | null }[];
}

interface Case {
  name: string;
  headers: string[];
  rows: string[][];
  expected: Expected;
  proposal: MappingProposal;
}

async function readCase(file: string): Promise<Case> {
  const source = await openTableFile(path.join(DIR, file));
  const sheet = source.sheets[0];
  const rows: string[][] = [];
  for await (const chunk of source.readRows(sheet.name))
    for (const r of chunk.values) rows.push(r.map((v) => (v === null ? "" : String(v))));
  const expected = JSON.parse(
    fs.readFileSync(path.join(DIR, file.replace(/\.csv$/, ".expected.json")), "utf8")
  ) as Expected;
  return { name: file, headers: sheet.headers, rows, expected, proposal: proposeMapping(sheet.headers, rows) };
}

let cases: Case[] = [];

beforeAll(async () => {
  const files = fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith(".csv"))
    .sort();
  cases = await Promise.all(files.map(readCase));
});

test("the corpus has at least ten tables, each with an expected term for every column", () => {
  expect(cases.length).toBeGreaterThanOrEqual(10);
  for (const c of cases) expect(c.expected.columns.map((x) => x.header)).toEqual(c.headers);
});

test("at least 90% of the columns get the right term", () => {
  let right = 0;
  let total = 0;
  const misses: string[] = [];
  for (const c of cases) {
    c.expected.columns.forEach((e, i) => {
      const p = c.proposal.columns[i];
      // A column proposed but left out (ambiguous) counts as right only when no term was expected.
      const got = p.action === "leave-out" ? null : p.term;
      total++;
      if (got === e.term) right++;
      else misses.push(`${c.name} "${e.header}": expected ${e.term}, got ${got} (${p.confidence}; ${p.reason.en})`);
    });
  }
  const share = right / total;
  console.log(
    `standardise corpus: ${right}/${total} columns mapped to the right term (${(share * 100).toFixed(1)}%)\n${misses.join("\n")}`
  );
  expect(share).toBeGreaterThanOrEqual(0.9);
});

test("no confident proposal names a wrong term", () => {
  const wrong = cases.flatMap((c) =>
    c.proposal.columns
      .filter((p, i) => p.confidence === "confident" && p.term !== c.expected.columns[i].term)
      .map((p) => `${c.name} "${p.header}" → ${p.term}`)
  );
  expect(wrong).toEqual([]);
});

test("the dataset class is guessed for every table", () => {
  const wrong = cases
    .filter((c) => c.proposal.datasetClass !== c.expected.datasetClass)
    .map((c) => `${c.name}: ${c.proposal.datasetClass}`);
  expect(wrong).toEqual([]);
});

test("applying each proposal accounts for every filled cell", () => {
  for (const c of cases) {
    const { rows, headers, summary } = applyMapping(c.proposal, c.headers, c.rows);
    const filled = c.rows.flat().filter((v) => v.trim() !== "").length;
    const perColumn = summary.columns.reduce((n, s) => n + s.filled, 0);
    expect(perColumn).toBe(filled);
    expect(rows.every((r) => r.length === headers.length)).toBe(true);
  }
});
