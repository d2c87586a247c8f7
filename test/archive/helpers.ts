/**
 * Test helpers for the archive: where the shared reference data lives, reading sample archives, and checking a
 * document against an XSD with libxml2's xmllint.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** The read-only reference data beside the repository. */
export const SHARED = path.resolve(__dirname, "../../../shared");
export const SAMPLES = path.join(SHARED, "samples/dwca");

/** A sample archive as `readArchive` takes it: zip bytes, or the files of a folder. */
export function loadSample(name: string): Uint8Array | Map<string, Uint8Array> {
  const p = path.join(SAMPLES, name);
  if (fs.statSync(p).isDirectory()) {
    return new Map(fs.readdirSync(p).map((f) => [f, new Uint8Array(fs.readFileSync(path.join(p, f)))]));
  }
  return new Uint8Array(fs.readFileSync(p));
}

let textSchema: string | undefined;

/**
 * A local copy of tdwg_dwc_text.xsd whose two remote imports point at local files: GBIF's xml.xsd, and a
 * stand-in for tdwg_dwcterms.xsd (meta.xml uses no element or type from that namespace, but the import must
 * resolve). Built once per test file.
 */
export function dwcTextSchema(): string {
  if (textSchema) return textSchema;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dwc-text-xsd-"));
  fs.copyFileSync(path.join(SHARED, "dwc/gbif-rs/schema/xml.xsd"), path.join(dir, "xml.xsd"));
  fs.writeFileSync(
    path.join(dir, "tdwg_dwcterms.xsd"),
    '<?xml version="1.0"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" ' +
      'targetNamespace="http://rs.tdwg.org/dwc/terms/" elementFormDefault="qualified"/>\n'
  );
  const original = fs.readFileSync(path.join(SHARED, "dwc/tdwg-dwc/tdwg_dwc_text.xsd"), "utf8");
  const local = original
    .replace(/schemaLocation="https:\/\/raw\.githubusercontent\.com[^"]*tdwg_dwcterms\.xsd"/, 'schemaLocation="tdwg_dwcterms.xsd"')
    .replace(/schemaLocation="http:\/\/rs\.gbif\.org\/schema\/xml\.xsd"/, 'schemaLocation="xml.xsd"');
  if (local === original) throw new Error("tdwg_dwc_text.xsd imports changed; update the test helper");
  textSchema = path.join(dir, "tdwg_dwc_text.xsd");
  fs.writeFileSync(textSchema, local);
  return textSchema;
}

/** Runs `xmllint --noout --nonet --schema` and returns its verdict and messages (xmllint writes them to stderr). */
export function xmllint(xml: string, schema: string): { valid: boolean; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "xmllint-"));
  const file = path.join(dir, "doc.xml");
  fs.writeFileSync(file, xml);
  try {
    const run = spawnSync("/usr/bin/xmllint", ["--noout", "--nonet", "--schema", schema, file], { encoding: "utf8" });
    if (run.error) throw run.error;
    return { valid: run.status === 0, output: `${run.stdout}${run.stderr}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
