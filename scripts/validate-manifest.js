#!/usr/bin/env node
"use strict";
/**
 * `npm run validate`: checks manifest.xml (and dist/manifest.xml when a build exists) offline against the Office
 * add-in manifest XSDs in ../shared/office-manifest-schemas with libxml2's xmllint, then checks what the add-in
 * relies on: ReadWriteDocument permission, the ExcelApi 1.9 requirement, the Workbook host, the Home-tab
 * button that opens the task pane and the Validate command.
 *
 * Also exports `rewriteManifest(xml, baseUrl)`, used by webpack.config.js for the production manifest.
 */
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");

/** Where the dev server runs; every URL in manifest.xml starts with it. */
const DEV_ORIGIN = "https://localhost:3000";
/** Production base URL when ADDIN_BASE_URL is not set: the dev server, so an unconfigured build still works locally. */
const DEFAULT_BASE_URL = DEV_ORIGIN + "/";
const ROOT = path.resolve(__dirname, "..");
const SCHEMA = path.resolve(ROOT, "..", "shared", "office-manifest-schemas", "OfficeAppManifestV1_1.xsd");
const XMLLINT = "/usr/bin/xmllint";

/**
 * Normalises a deployment base URL: https only (Office refuses add-ins over http), always ending with "/".
 * Throws with the offending value otherwise.
 */
function normaliseBaseUrl(baseUrl) {
  let url;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`ADDIN_BASE_URL "${baseUrl}" is not a URL (expected e.g. https://example.org/dwc-excel/)`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`ADDIN_BASE_URL "${baseUrl}" must use https: Office loads add-ins only over https`);
  }
  if (url.search || url.hash) throw new Error(`ADDIN_BASE_URL "${baseUrl}" must not have a query or fragment`);
  return url.origin + (url.pathname.endsWith("/") ? url.pathname : url.pathname + "/");
}

/**
 * Rewrites the dev-server URLs of a manifest to a deployment base URL: `https://localhost:3000/x` becomes
 * `<base>x`, and the AppDomain `https://localhost:3000` becomes the base URL's origin.
 */
function rewriteManifest(xml, baseUrl) {
  const base = normaliseBaseUrl(baseUrl);
  const origin = new URL(base).origin;
  return xml
    .split(DEV_ORIGIN + "/")
    .join(base)
    .replace(/<AppDomain>https:\/\/localhost:3000<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`);
}

/** Validates a file against the manifest schema. Returns { ok, output }. */
function schemaValidate(file) {
  try {
    const out = execFileSync(XMLLINT, ["--noout", "--schema", SCHEMA, file], { encoding: "utf8", stdio: "pipe" });
    return { ok: true, output: out };
  } catch (e) {
    return { ok: false, output: String(e.stderr || e.message) };
  }
}

function xpath(file, expr) {
  try {
    return execFileSync(XMLLINT, ["--xpath", expr, file], { encoding: "utf8", stdio: "pipe" }).trim();
  } catch {
    return ""; // xmllint exits non-zero when the expression selects nothing
  }
}

const el = (name) => `*[local-name()='${name}']`;

/** The add-in's own expectations of a manifest, beyond the schema. Returns a list of problems (empty = fine). */
function checkManifest(file) {
  const problems = [];
  const perm = xpath(file, `string(/${el("OfficeApp")}/${el("Permissions")})`);
  if (perm !== "ReadWriteDocument") problems.push(`Permissions is "${perm}", expected ReadWriteDocument`);
  const host = xpath(file, `string(/${el("OfficeApp")}/${el("Hosts")}/${el("Host")}/@Name)`);
  if (host !== "Workbook") problems.push(`Host is "${host}", expected Workbook`);
  const min = xpath(file, `string(/${el("OfficeApp")}/${el("Requirements")}//${el("Set")}[@Name='ExcelApi']/@MinVersion)`);
  if (min !== "1.9") problems.push(`ExcelApi minimum is "${min}", expected 1.9`);
  const paneButton = xpath(
    file,
    `string(//${el("OfficeTab")}[@id='TabHome']//${el("Control")}[${el("Action")}[@*[local-name()='type']='ShowTaskpane']]/@id)`
  );
  if (!paneButton) problems.push("no Home-tab button that opens the task pane (ShowTaskpane)");
  const command = xpath(file, `string(//${el("Action")}[@*[local-name()='type']='ExecuteFunction']/${el("FunctionName")})`);
  if (command !== "validateWorkbook") problems.push(`ExecuteFunction is "${command}", expected validateWorkbook`);
  const ru = xpath(file, `string(/${el("OfficeApp")}/${el("DisplayName")}/${el("Override")}[@Locale='ru-RU']/@Value)`);
  if (!ru) problems.push("no ru-RU DisplayName override");
  return problems;
}

function main() {
  if (!fs.existsSync(XMLLINT)) {
    console.error(`validate-manifest: ${XMLLINT} is missing; install Debian's libxml2-utils (apt-get install libxml2-utils)`);
    return 2;
  }
  const files = [path.join(ROOT, "manifest.xml")];
  const dist = path.join(ROOT, "dist", "manifest.xml");
  if (fs.existsSync(dist)) files.push(dist);
  let failed = false;
  for (const file of files) {
    const rel = path.relative(ROOT, file);
    const schema = schemaValidate(file);
    const problems = schema.ok ? checkManifest(file) : [schema.output.trim()];
    if (problems.length === 0) {
      console.log(`${rel}: valid (schema, permissions, ExcelApi 1.9, ribbon buttons)`);
    } else {
      failed = true;
      for (const p of problems) console.error(`${rel}: ${p}`);
    }
  }
  return failed ? 1 : 0;
}

module.exports = { DEV_ORIGIN, DEFAULT_BASE_URL, SCHEMA, XMLLINT, normaliseBaseUrl, rewriteManifest, schemaValidate, checkManifest };

if (require.main === module) process.exit(main());
