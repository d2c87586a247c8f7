/**
 * `npm run bench`: speed and memory figures, each printed as a ratio against a baseline measured in the same
 * process (so the numbers compare across machines). Not part of `npm test`: timings never fail a test.
 *
 *   npm run bench               all benchmarks
 *   npm run bench -- validate   only the validation benchmarks (a) and (b) (or: validate-million, export, bombs, import,
 *                               pane-import)
 */
import { spawnSync } from "child_process";
import { benchValidate, benchValidateMillion } from "./validate";
import { benchExport } from "./export";
import { benchBombs } from "./bombs";
import { benchImport } from "./import";
import { benchPaneImport } from "./pane-import";

const benches: Record<string, () => Promise<void>> = {
  validate: benchValidate,
  "validate-million": benchValidateMillion,
  export: benchExport,
  bombs: benchBombs,
  import: benchImport,
  "pane-import": benchPaneImport,
};

async function run(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const names = wanted.length ? wanted : Object.keys(benches);
  for (const name of names) if (!benches[name]) throw new Error(`unknown benchmark "${name}" (known: ${Object.keys(benches).join(", ")})`);
  if (names.length > 1) {
    // One process per benchmark: memory figures (peak heap, peak RSS) must not start from another one's data.
    for (const name of names) {
      const child = spawnSync(process.execPath, [...process.execArgv, __filename, name], { stdio: "inherit" });
      if (child.status !== 0) throw new Error(`benchmark "${name}" failed (exit ${child.status ?? child.signal})`);
    }
    return;
  }
  console.log(`\n== ${names[0]}`);
  await benches[names[0]]();
}

run().catch((e) => {
  console.error(e);
  process.exit(1);
});
