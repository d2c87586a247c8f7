/**
 * Test helpers: paths to the shared reference data, and validation of eml.xml against the GBIF Metadata Profile 1.3
 * XSD with libxml2's xmllint (no network: the profile's remote xml.xsd imports are pointed at the local copy).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** The `shared` reference folder beside the repository. */
export const SHARED = path.resolve(__dirname, "../../../shared");
export const PROFILE_DIR = path.join(SHARED, "dwc/eml-gbif-profile-1.3");
export const XML_XSD = path.join(SHARED, "dwc/gbif-rs/schema/xml.xsd");
export const XMLLINT = "/usr/bin/xmllint";

let schemaDir: string | undefined;

/**
 * A temporary copy of the profile XSDs whose imports of the remote xml.xsd (eml.xsd: www.w3.org; profile:
 * rs.gbif.org) point at `gbif-rs/schema/xml.xsd`. Returns the path of the copied eml.xsd, the root schema.
 */
export function localEmlSchema(): string {
  if (schemaDir) return path.join(schemaDir, "eml.xsd");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eml-xsd-"));
  const local = XML_XSD;
  const eml = fs.readFileSync(path.join(PROFILE_DIR, "eml.xsd"), "utf8");
  const profile = fs.readFileSync(path.join(PROFILE_DIR, "eml-gbif-profile.xsd"), "utf8");
  const emlLocal = eml.replace('schemaLocation="http://www.w3.org/2001/xml.xsd"', `schemaLocation="${local}"`);
  const profileLocal = profile.replace(
    'schemaLocation="http://rs.gbif.org/schema/xml.xsd"',
    `schemaLocation="${local}"`
  );
  if (emlLocal === eml || profileLocal === profile) throw new Error("xml.xsd import not found in the profile XSDs");
  fs.writeFileSync(path.join(dir, "eml.xsd"), emlLocal);
  fs.writeFileSync(path.join(dir, "eml-gbif-profile.xsd"), profileLocal);
  fs.copyFileSync(path.join(PROFILE_DIR, "dc.xsd"), path.join(dir, "dc.xsd"));
  schemaDir = dir;
  return path.join(dir, "eml.xsd");
}

/** Validate an XML document against the profile; `ok` and xmllint's messages. */
export function validateEml(xml: string): { ok: boolean; output: string } {
  const result = spawnSync(XMLLINT, ["--nonet", "--noout", "--schema", localEmlSchema(), "-"], {
    input: Buffer.from(xml, "utf8"),
    encoding: "utf8",
  });
  if (result.error) throw result.error;
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

/** Parse-only check (well-formedness) with xmllint; returns xmllint's canonical re-serialisation. */
export function xmllintFormat(xml: string): { ok: boolean; output: string } {
  const result = spawnSync(XMLLINT, ["--nonet", "-"], { input: Buffer.from(xml, "utf8"), encoding: "utf8" });
  if (result.error) throw result.error;
  return { ok: result.status === 0, output: result.status === 0 ? result.stdout : result.stderr };
}

/** Evaluate an XPath expression with xmllint (`--xpath`), returning its text output. */
export function xpath(xml: string, expr: string): string {
  const result = spawnSync(XMLLINT, ["--nonet", "--xpath", expr, "-"], {
    input: Buffer.from(xml, "utf8"),
    encoding: "utf8",
  });
  if (result.error) throw result.error;
  if (result.status !== 0 && result.status !== 10) throw new Error(`xmllint --xpath ${expr}: ${result.stderr}`);
  // xmllint ends its output with one line feed of its own.
  return result.stdout.replace(/\n$/, "");
}

export const EXAMPLE_METADATA = path.resolve(__dirname, "../../examples/metadata.json");
