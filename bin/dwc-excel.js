#!/usr/bin/env node
"use strict";
// Thin launcher: the CLI is compiled to build/ by `npm run build:cli` (run by `npm ci` through `prepare`).
let main;
try {
  ({ main } = require("../build/cli/index.js"));
} catch (e) {
  process.stderr.write("dwc-excel: the command-line tool is not built yet. Run `npm run build:cli` first.\n");
  process.exit(2);
}
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`dwc-excel: ${e && e.message ? e.message : String(e)}\n`);
    process.exit(2);
  }
);
