import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { OCCURRENCE_HEADERS, OCCURRENCE_ROWS, tempDir, writeWorkbook } from "./helpers";

// Each spawned command starts Node and loads ExcelJS: seconds, more when the machine is busy.
jest.setTimeout(120_000);

const root = path.resolve(__dirname, "../..");
const dir = tempDir("cli-bin");
const entry = path.join(root, "build/cli/index.js");

/** Runs the real launcher, as `npx dwc-excel` does. */
function bin(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, "bin/dwc-excel.js"), ...args], { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("bin/dwc-excel.js after npm run build:cli", () => {
  beforeAll(() => {
    const started = Date.now();
    // tsc exits non-zero when any compiled area has a type error but still emits; what matters here is that the
    // CLI was compiled now and runs.
    spawnSync("npm", ["run", "build:cli"], { cwd: root, encoding: "utf8", shell: false });
    expect(fs.statSync(entry).mtimeMs).toBeGreaterThanOrEqual(started - 1000);
  }, 180_000);

  it("writes a template, validates a good workbook (0), a bad one (1) and a missing file (2)", async () => {
    const template = path.join(dir, "t.xlsx");
    expect(bin("template", "checklist", "--lang", "ru", "-o", template)).toMatchObject({ code: 0, err: "" });
    expect(fs.statSync(template).size).toBeGreaterThan(1000);

    const good = await writeWorkbook(dir, "good.xlsx", [
      { name: "Occurrence", rows: [OCCURRENCE_HEADERS, ...OCCURRENCE_ROWS] },
    ]);
    expect(bin("validate", good).code).toBe(0);

    const badRows = OCCURRENCE_ROWS.map((r) => [...r]);
    badRows[0][1] = "Observation";
    const bad = await writeWorkbook(dir, "bad.xlsx", [{ name: "Occurrence", rows: [OCCURRENCE_HEADERS, ...badRows] }]);
    const r = bin("validate", bad, "--json");
    expect(r.code).toBe(1);
    expect((JSON.parse(r.out) as { cell: string }[]).some((i) => i.cell === "Occurrence!B2")).toBe(true);

    const missing = bin("validate", path.join(dir, "missing.xlsx"));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^dwc-excel validate: .*missing\.xlsx: file not found\n$/);
  });
});
