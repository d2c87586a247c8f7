#!/usr/bin/env node
"use strict";
/**
 * Prints the gzip sizes of the built add-in (dist/): the JavaScript the task pane loads first (the local
 * <script> tags of dist/taskpane.html) and every lazily loaded chunk. The initial task pane JavaScript must stay
 * under 400 KB gzip. Run after `npm run build` (the production build prints the same table itself).
 * Exit code 1 when over the limit.
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

/** Limit for the task pane's initial JavaScript, gzip bytes. */
const INITIAL_LIMIT = 400 * 1024;
const DIST = path.resolve(__dirname, "..", "dist");

const gzipSize = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

/** Local scripts a page loads by <script src>, in order (CDN scripts such as office.js excluded). */
function pageScripts(html) {
  const out = [];
  // Attribute values may be quoted or not (html-webpack-plugin minifies them away).
  for (const m of html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)) {
    const src = m[1] ?? m[2] ?? m[3];
    if (!/^[a-z]+:\/\//i.test(src) && !src.startsWith("//")) out.push(src.replace(/^\.?\//, ""));
  }
  return out;
}

/**
 * Measures dist/. Returns { initial: [{file, bytes, gzip}], initialGzip, others: [...] } where `others` are all
 * other .js files (lazy chunks, the commands page, the export worker).
 */
function measure(dist = DIST) {
  const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
  const initialFiles = new Set(pageScripts(html));
  const all = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".js")) all.push(path.relative(dist, p).split(path.sep).join("/"));
    }
  };
  walk(dist);
  const row = (file) => {
    const buf = fs.readFileSync(path.join(dist, file));
    return { file, bytes: buf.length, gzip: gzipSize(buf) };
  };
  const initial = [...initialFiles].map(row);
  const others = all.filter((f) => !initialFiles.has(f)).sort().map(row);
  return { initial, initialGzip: initial.reduce((s, r) => s + r.gzip, 0), others };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function report(m) {
  const lines = ["Bundle sizes (gzip -9):", "  task pane, loaded first:"];
  for (const r of m.initial) lines.push(`    ${r.file.padEnd(44)} ${kb(r.bytes).padStart(10)}  gzip ${kb(r.gzip).padStart(9)}`);
  lines.push(`    total initial gzip: ${kb(m.initialGzip)} (limit ${kb(INITIAL_LIMIT)})`);
  lines.push("  loaded on demand / other pages:");
  for (const r of m.others) lines.push(`    ${r.file.padEnd(44)} ${kb(r.bytes).padStart(10)}  gzip ${kb(r.gzip).padStart(9)}`);
  return lines.join("\n");
}

/** Webpack plugin: prints the table after a production build and fails the build over the limit. */
class BundleSizePlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tap("BundleSizePlugin", (compilation) => {
      const m = measure(compiler.options.output.path);
      console.log(report(m));
      if (m.initialGzip >= INITIAL_LIMIT) {
        compilation.errors.push(new Error(`initial task pane JavaScript is ${kb(m.initialGzip)} gzip, over ${kb(INITIAL_LIMIT)}`));
      }
    });
  }
}

module.exports = { INITIAL_LIMIT, measure, report, pageScripts, BundleSizePlugin };

if (require.main === module) {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
    console.error("bundle-size: dist/taskpane.html not found; run `npm run build` first");
    process.exit(2);
  }
  const m = measure();
  console.log(report(m));
  process.exit(m.initialGzip < INITIAL_LIMIT ? 0 : 1);
}
