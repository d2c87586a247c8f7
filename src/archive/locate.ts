/**
 * Finding an archive's parts and the tolerances applied to its data files: one definition for the in-memory
 * reader (reader.ts) and the CLI import's streaming reader (src/file/archive-workbook.ts), so both read the same
 * archive the same way and say the same about it.
 */
import type { ArchiveDescriptor, DataFileDescriptor } from "./descriptor";
import { ArchiveError } from "./errors";

/** The folder of a path inside the archive, with its trailing slash (`""` at the top). */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash + 1);
}

/**
 * meta.xml at the top, else the shallowest one (an archive zipped with its folder); undefined when there is none.
 *
 * @example findMeta(["dwca/meta.xml", "dwca/occurrence.txt"]) // "dwca/meta.xml"
 */
export function findMeta(paths: Iterable<string>): string | undefined {
  const all = [...paths];
  if (all.includes("meta.xml")) return "meta.xml";
  return all.filter((p) => /(^|\/)meta\.xml$/i.test(p)).sort((a, b) => a.split("/").length - b.split("/").length)[0];
}

/**
 * The path of a data file meta.xml names: beside meta.xml, else at the top.
 * @throws ArchiveError `MISSING_FILE` naming the path when the archive does not hold it
 */
export function dataFilePath(has: (path: string) => boolean, base: string, location: string): string {
  if (has(base + location)) return base + location;
  if (has(location)) return location;
  throw new ArchiveError("MISSING_FILE", "meta.xml names this data file but the archive does not hold it", ["archive", base + location]);
}

/**
 * Which metadata document to read: the one meta.xml names, else `eml.xml` beside meta.xml (with a note when the
 * named one is missing); the named location without a path to read when neither exists; undefined when there is
 * no metadata at all.
 */
export function locateMetadata(
  descriptor: ArchiveDescriptor,
  base: string,
  has: (path: string) => boolean,
  notes: string[],
): { location: string; path?: string } | undefined {
  const declared = descriptor.metadata;
  const fallback = has(`${base}eml.xml`) ? "eml.xml" : undefined;
  if (declared && has(base + declared)) return { location: declared, path: base + declared };
  if (fallback) {
    if (declared) notes.push(`meta.xml names the metadata file "${declared}", which is missing; eml.xml read instead`);
    return { location: fallback, path: base + fallback };
  }
  if (!declared) return undefined;
  notes.push(`meta.xml names the metadata file "${declared}", which is missing`);
  return { location: declared };
}

/**
 * python-dwca-reader sample "meta-default-values": meta.xml omits fieldsTerminatedBy, so the schema default ","
 * applies, but the file is tab-separated (what the IPT writes). When the first line of `text` (the file's start)
 * has no comma and splitting it on tabs gives the columns the fields need, the descriptor is set to tabs and a note
 * says so.
 */
export function fixMissingSeparator(text: string, descriptor: DataFileDescriptor, onNote: (note: string) => void): void {
  if (descriptor.fieldsTerminatedBy !== ",") return;
  const end = text.indexOf("\n");
  const firstLine = end < 0 ? text : text.slice(0, end);
  if (firstLine.includes(",")) return;
  const maxIndex = Math.max(0, descriptor.idIndex ?? 0, ...descriptor.fields.map((f) => f.index ?? 0));
  if (maxIndex > 0 && firstLine.split("\t").length > maxIndex) {
    descriptor.fieldsTerminatedBy = "\t";
    onNote(
      `${descriptor.location}: fieldsTerminatedBy is "," (the schema default), but the file has no comma in its first line and ${maxIndex + 1}+ tab-separated columns; read as tab-separated`
    );
  }
}

/**
 * The note for a data file whose lines end with CR LF though meta.xml declares LF (both are read as line ends),
 * judged on the file's start; undefined when there is nothing to say.
 */
export function crLfNote(start: string, descriptor: DataFileDescriptor, location: string): string | undefined {
  if (descriptor.linesTerminatedBy !== "\n" || !start.slice(0, 10000).includes("\r\n")) return undefined;
  return `${location}: lines end with CR LF though meta.xml declares LF; both read as line ends`;
}
