/**
 * The production build in dist/: the task pane's first JavaScript stays under 400 KB gzip, and the deployed
 * manifest is valid.
 */
import * as path from "path";
import { DIST, ROOT, requireBuild } from "./harness";

const bundle = require(path.join(ROOT, "scripts/bundle-size.js")) as {
  INITIAL_LIMIT: number;
  measure(dist?: string): { initial: { file: string; gzip: number }[]; initialGzip: number; others: { file: string; gzip: number }[] };
  report(m: unknown): string;
};
const vm = require(path.join(ROOT, "scripts/validate-manifest.js")) as {
  schemaValidate(file: string): { ok: boolean; output: string };
  checkManifest(file: string): string[];
};

beforeAll(requireBuild);

describe("dist/", () => {
  it("loads under 400 KB gzip of JavaScript first; the model, the adapter and the archive code come later", () => {
    const m = bundle.measure(DIST);
    console.log(bundle.report(m));
    expect(m.initial.map((r) => r.file)).toEqual(["taskpane.js"]);
    expect(m.initialGzip).toBeGreaterThan(0);
    expect(m.initialGzip).toBeLessThan(bundle.INITIAL_LIMIT);
    expect(m.others.map((r) => r.file)).toEqual(expect.arrayContaining(["export-worker.js", "commands.js"]));
    expect(m.others.some((r) => /^chunks\/model\./.test(r.file))).toBe(true);
  });

  it("has a valid manifest pointing at the deployed files", () => {
    const file = path.join(DIST, "manifest.xml");
    expect(vm.schemaValidate(file).ok).toBe(true);
    expect(vm.checkManifest(file)).toEqual([]);
  });
});
