#!/usr/bin/env node
"use strict";
// Thin launcher: the CLI is compiled to build/ by `npm run build:cli` (run by `npm ci` through `prepare`).

/**
 * Exits with `code` once stdout and stderr have flushed what was written to them. Writes to a pipe are
 * asynchronous in Node: `process.exit` right after a big write would cut the output (at 64 KB through `| cat`).
 * A write's callback runs after every earlier write on the same stream has been handed to the system.
 */
function exitAfterDrain(code) {
  process.exitCode = code;
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  for (const stream of [process.stdout, process.stderr]) {
    try {
      stream.write("", done);
    } catch {
      done();
    }
  }
}

let main;
try {
  ({ main } = require("../build/cli/index.js"));
} catch (e) {
  process.stderr.write("dwc-excel: the command-line tool is not built yet. Run `npm run build:cli` first.\n");
  exitAfterDrain(2);
}
if (main) {
  main(process.argv.slice(2)).then(exitAfterDrain, (e) => {
    process.stderr.write(`dwc-excel: ${e && e.message ? e.message : String(e)}\n`);
    exitAfterDrain(2);
  });
}
