/**
 * `npm run bench`: speed and memory figures, each printed as a ratio against a baseline measured in the same
 * process (so the numbers compare across machines). Not part of `npm test`: timings never fail a test.
 *
 *   npm run bench               all benchmarks
 *   npm run bench -- validate   only the validation benchmark (or: export)
 */
import { benchValidate } from "./validate";
import { benchExport } from "./export";

const benches: Record<string, () => Promise<void>> = { validate: benchValidate, export: benchExport };

async function run(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const names = wanted.length ? wanted : Object.keys(benches);
  for (const name of names) {
    const bench = benches[name];
    if (!bench) throw new Error(`unknown benchmark "${name}" (known: ${Object.keys(benches).join(", ")})`);
    console.log(`\n== ${name}`);
    await bench();
  }
}

run().catch((e) => {
  console.error(e);
  process.exit(1);
});
