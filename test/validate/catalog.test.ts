/**
 * The rule catalog is the one description of every rule: a rule id anything in src/ can emit must be in it, with a
 * tier, a source and titles in both languages, and the README's rule reference must be the one generated from it.
 */
import * as fs from "fs";
import * as path from "path";
import { allRules, getRule, RULE } from "../../src/validate";
import { ruleReferenceMarkdown } from "../../src/validate/rule-reference";

const SRC = path.resolve(__dirname, "../../src");

function sources(dir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "generated" && entry.name !== "data") out.push(...sources(full));
    } else if (/\.tsx?$/.test(entry.name)) out.push({ file: path.relative(SRC, full), text: fs.readFileSync(full, "utf8") });
  }
  return out;
}

const all = sources(SRC);
const matches = (re: RegExp, where: (file: string) => boolean = () => true): Set<string> => {
  const found = new Set<string>();
  for (const { file, text } of all) if (where(file)) for (const m of text.matchAll(re)) found.add(m[1]);
  return found;
};

describe("rule catalog", () => {
  it("describes every rule with a tier, a scope, a source and titles in English and Russian", () => {
    const ids = new Set<string>();
    for (const r of allRules()) {
      expect(ids.has(r.id)).toBe(false);
      ids.add(r.id);
      expect(["blocker", "error", "warning", "info"]).toContain(r.severity);
      expect(["cell", "record", "sheet", "dataset"]).toContain(r.scope);
      expect(r.ref.length).toBeGreaterThan(5);
      expect(r.title.en.length).toBeGreaterThan(5);
      expect(r.title.ru).toMatch(/[а-я]/);
    }
  });
  it("has every id of RULE", () => {
    for (const id of Object.values(RULE)) expect({ id, described: !!getRule(id) }).toEqual({ id, described: true });
  });
  it("has every rule id written as a literal in src/ (ruleId: \"…\", makeIssue(\"…\"), refusal(\"…\"))", () => {
    const literal = matches(/(?:ruleId:\s*|makeIssue\(\s*|refusal\(\s*)"([a-zA-Z][\w.-]+)"/g);
    expect(literal.size).toBeGreaterThan(2);
    for (const id of literal) expect({ id, described: !!getRule(id) }).toEqual({ id, described: true });
  });
  it("has every metadata problem code as metadata.<code>", () => {
    const codes = new Set([
      ...matches(/problem\(\s*"(?:error|warning|info)",\s*"(\w+)"/g, (f) => f.startsWith("metadata")),
      ...matches(/report\(\s*"(?:error|warning|info)",\s*"(\w+)"/g, (f) => f.startsWith("metadata")),
      ...matches(/severity: "(?:error|warning|info)",\s*code: "(\w+)"/g, (f) => f.startsWith("metadata")),
      ...matches(/\bcode: "(\w+)",\s*(?:en|field|severity)/g, (f) => f.startsWith("metadata")),
    ]);
    expect(codes.size).toBeGreaterThan(8);
    for (const code of codes) expect({ code, described: !!getRule(`metadata.${code}`) }).toEqual({ code, described: true });
  });
  it("has every note code of the file readers as file.<code>", () => {
    // The note codes are the union type of SourceNote.code in src/file/source.ts.
    const source = all.find((s) => s.file === path.join("file", "source.ts"))!.text;
    const union = /interface SourceNote[\s\S]*?code:\s*([^;]+);/.exec(source)![1];
    const codes = new Set([...union.matchAll(/"([A-Z_]+)"/g)].map((m) => m[1]));
    expect(codes.size).toBeGreaterThan(2);
    for (const code of codes) {
      const id = `file.${code.toLowerCase().replace(/_/g, "-")}`;
      expect({ id, described: !!getRule(id) }).toEqual({ id, described: true });
    }
  });
  it("is what the README's rule reference says (npm run rules writes it)", () => {
    const readme = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
    const a = readme.indexOf("<!-- rules:start -->");
    const b = readme.indexOf("<!-- rules:end -->");
    expect(a).toBeGreaterThan(0);
    expect(readme.slice(a + "<!-- rules:start -->".length, b).trim()).toBe(ruleReferenceMarkdown().trim());
  });
});
