import { spawn, spawnSync } from "child_process";
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

  it("flushes several megabytes of output through a pipe before exiting (not cut at 64 KB)", async () => {
    // 20,000 records with a wrong basisOfRecord: one issue each, several MB of JSON.
    const lines = ["occurrenceID,basisOfRecord,scientificName"];
    for (let i = 0; i < 20_000; i++) lines.push(`occ-${i},Observation${i},Parus major`);
    const csv = path.join(dir, "many-issues.csv");
    fs.writeFileSync(csv, lines.join("\n") + "\n");
    const args = [path.join(root, "bin/dwc-excel.js"), "validate", csv, "--core", "occurrence", "--json"];

    const toFile = path.join(dir, "out.json");
    const fd = fs.openSync(toFile, "w");
    const fileRun = spawnSync(process.execPath, args, { stdio: ["ignore", fd, "pipe"] });
    fs.closeSync(fd);
    const expectedBytes = fs.statSync(toFile).size;
    expect(fileRun.status).toBe(1);
    expect(expectedBytes).toBeGreaterThan(4 * 1024 * 1024);

    // Through a pipe read slowly, as `| cat | wc -c` does: the child must wait for the pipe to take everything.
    const piped = await new Promise<{ code: number | null; bytes: number }>((resolve, reject) => {
      const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
      let bytes = 0;
      child.stdout.on("data", (b: Buffer) => {
        bytes += b.length;
        child.stdout.pause();
        setTimeout(() => child.stdout.resume(), 1);
      });
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, bytes }));
    });
    expect(piped).toEqual({ code: 1, bytes: expectedBytes });
    expect((JSON.parse(fs.readFileSync(toFile, "utf8")) as unknown[]).length).toBeGreaterThanOrEqual(20_000);
  });
});
