/** Locations of the reference data beside the repository (tests may read it; the product never does). */
import * as fs from "fs";
import * as path from "path";
import Papa from "papaparse";

/** `../shared/dwc` beside the repository. */
export const SHARED_DWC = path.resolve(__dirname, "../../../shared/dwc");

export const sharedFile = (rel: string) => path.join(SHARED_DWC, rel);
export const readShared = (rel: string) => fs.readFileSync(sharedFile(rel), "utf8");

/** Rows of tdwg-dwc/term_versions.csv. */
export function termVersions(): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readShared("tdwg-dwc/term_versions.csv"), {
    header: true,
    skipEmptyLines: true,
  }).data;
}

/** All .xml files under a folder of ../shared/dwc, relative to SHARED_DWC. */
export function xmlFilesUnder(rel: string): string[] {
  const dir = sharedFile(rel);
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".xml"))
    .map((e) => path.relative(SHARED_DWC, path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)))
    .sort();
}
