/**
 * Reads a Darwin Core Archive from zip bytes or from the files of a folder (path -> bytes; the caller reads the
 * folder). Returns plain data: the descriptor, the raw rows of each data file and notes on what was tolerated.
 * Use `recordsOf` to get records keyed by term IRI with the descriptor's defaults applied.
 */
import type { ArchiveDescriptor, DataFileDescriptor, FieldDescriptor } from "./descriptor";
import { ArchiveError } from "./errors";
import { parseDelimited } from "./delimited";
import { parseMetaXml } from "./meta-xml";
import { decodeText, decodeXml, isSupportedEncoding } from "./text-decoding";
import { termIriForHeader } from "./terms";
import { HELD_LIMITS, unzipBounded, type InflateLimits } from "./zip-entry";
import { crLfNote, dataFilePath, findMeta, fixMissingSeparator, folderOf, locateMetadata } from "./locate";

/** One data file as read. */
export interface DataFileContents {
  descriptor: DataFileDescriptor;
  /** The `ignoreHeaderLines` lines, split into fields. */
  headerLines: string[][];
  /** Every other line, split into raw fields (ragged rows kept as they are). */
  rows: string[][];
}

/** The metadata document named by meta.xml (or the conventional `eml.xml`). */
export interface MetadataContents {
  /** Path inside the archive, relative to meta.xml's folder. */
  location: string;
  /** The text, decoded as its XML declaration says; undefined when the file is missing. */
  text?: string;
}

/** An archive as read. */
export interface ArchiveContents {
  descriptor: ArchiveDescriptor;
  /** True when there was no meta.xml and the descriptor was derived from a single delimited text file. */
  derived: boolean;
  metadata?: MetadataContents;
  core: DataFileContents;
  extensions: DataFileContents[];
  /** What the reader tolerated, in words (e.g. a metadata attribute naming a missing file). */
  notes: string[];
}

/** A record: values by term IRI. A term is absent when its column is missing from the row and it has no default. */
export interface ArchiveRecord {
  /** The `<id>`/`<coreid>` value; undefined when the descriptor has none. */
  id?: string;
  /**
   * 1-based line in the data file, counting one line per record after the header lines (exact unless values
   * hold line breaks or the file has blank lines).
   */
  line: number;
  values: Record<string, string>;
}

const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b;

/** Options of {@link readArchive}. */
export interface ReadArchiveOptions {
  /** What the zip may inflate to (default {@link HELD_LIMITS}: 512 MiB an entry, 1 GiB in all). */
  limits?: InflateLimits;
}

/** Paths of the archive's files, without folders and macOS resource forks. */
function listFiles(input: Uint8Array | Map<string, Uint8Array>, limits: InflateLimits): Map<string, Uint8Array> {
  let entries: [string, Uint8Array][];
  if (input instanceof Uint8Array) {
    if (!isZip(input)) throw new ArchiveError("NOT_A_ZIP", "the bytes are not a zip file", ["archive"]);
    const skipped = (name: string) => name.startsWith("__MACOSX/") || /(^|\/)\._/.test(name);
    try {
      entries = [...unzipBounded(input, limits, (name) => !skipped(name)).entries()];
    } catch (e) {
      if (e instanceof ArchiveError) throw e.within("archive");
      throw new ArchiveError("NOT_A_ZIP", `the zip cannot be read: ${(e as Error).message}`, ["archive"]);
    }
  } else entries = [...input.entries()];
  const files = new Map<string, Uint8Array>();
  for (const [path, bytes] of entries) {
    const clean = path.replace(/\\/g, "/").replace(/^\.?\//, "");
    if (clean.endsWith("/") || clean.startsWith("__MACOSX/") || /(^|\/)\._/.test(clean) || /(^|\/)\.DS_Store$/.test(clean)) {
      continue;
    }
    files.set(clean, bytes);
  }
  return files;
}

function readDataFile(
  files: Map<string, Uint8Array>,
  base: string,
  descriptor: DataFileDescriptor,
  notes: string[]
): DataFileContents {
  if (!isSupportedEncoding(descriptor.encoding)) {
    throw new ArchiveError("UNSUPPORTED_ENCODING", `encoding "${descriptor.encoding}" is not supported`, [
      "archive",
      descriptor.location,
    ]);
  }
  const lines: string[][] = [];
  for (const location of [descriptor.location, ...(descriptor.moreLocations ?? [])]) {
    const bytes = files.get(dataFilePath((p) => files.has(p), base, location))!;
    const text = decodeText(bytes, descriptor.encoding, location);
    if (lines.length === 0) fixMissingSeparator(text, descriptor, (n) => notes.push(n));
    const rows = parseDelimited(text, descriptor, location);
    const crLf = crLfNote(text, descriptor, location);
    if (crLf) notes.push(crLf);
    const skip = lines.length === 0 ? 0 : descriptor.ignoreHeaderLines;
    for (let r = skip; r < rows.length; r++) lines.push(rows[r]);
  }
  return {
    descriptor,
    headerLines: lines.slice(0, descriptor.ignoreHeaderLines),
    rows: lines.slice(descriptor.ignoreHeaderLines),
  };
}

/** Guesses the separator of a text file without meta.xml from its first line. */
function sniffSeparator(firstLine: string): string {
  const counts = ["\t", ",", ";", "|"].map((s) => [s, firstLine.split(s).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 0 ? counts[0][0] : "\t";
}

/** Builds a descriptor for a single delimited text file whose first line holds term names (no meta.xml). */
function deriveDescriptor(files: Map<string, Uint8Array>, notes: string[]): ArchiveDescriptor {
  const data = [...files.keys()].filter((p) => /\.(txt|csv|tsv|tab)$/i.test(p));
  if (data.length !== 1) {
    throw new ArchiveError(
      "NO_DATA_FILE",
      data.length
        ? `no meta.xml and ${data.length} text files (${data.join(", ")}): cannot tell the core`
        : "no meta.xml and no .txt/.csv/.tsv data file",
      ["archive"]
    );
  }
  const location = data[0];
  const text = decodeText(files.get(location)!, "UTF-8", location);
  const firstLine = text.slice(0, Math.max(0, text.search(/\r?\n|$/)));
  const fieldsTerminatedBy = sniffSeparator(firstLine);
  const layout = { fieldsTerminatedBy, linesTerminatedBy: "\n", fieldsEnclosedBy: '"' };
  const header = parseDelimited(firstLine, layout)[0] ?? [];
  const fields: FieldDescriptor[] = header.map((name, index) => ({ index, term: termIriForHeader(name) }));
  const idIndex = header.findIndex((h) => /^(occurrenceID|taxonID|eventID|id)$/i.test(h.trim()));
  const rowType = header.some((h) => h === "taxonID") && !header.includes("occurrenceID")
    ? "http://rs.tdwg.org/dwc/terms/Taxon"
    : header.includes("eventID") && !header.includes("occurrenceID")
      ? "http://rs.tdwg.org/dwc/terms/Event"
      : "http://rs.tdwg.org/dwc/terms/Occurrence";
  notes.push(
    `no meta.xml: ${location} read as a simple Darwin Core text file (separator ${JSON.stringify(fieldsTerminatedBy)}, first line = term names, rowType ${rowType})`
  );
  const core: DataFileDescriptor = {
    rowType,
    location,
    encoding: "UTF-8",
    ...layout,
    ignoreHeaderLines: 1,
    fields,
  };
  if (idIndex >= 0) core.idIndex = idIndex;
  return { core, extensions: [] };
}

/**
 * Reads an archive.
 *
 * @param input zip bytes, or the files of an unzipped archive folder keyed by relative path
 *   (`new Map([["meta.xml", bytes], ["occurrence.txt", bytes]])`).
 * @throws ArchiveError with a code and the path of the problem when the archive cannot be read
 *   (`NOT_A_ZIP`, `BAD_ZIP` (wrong size or CRC), `ZIP_LIMIT` (inflates past `options.limits`), `BAD_META_XML`,
 *   `MISSING_FILE`, `UNSUPPORTED_ENCODING`, `NO_DATA_FILE`, `BAD_DATA_FILE`).
 *
 * @example
 * const archive = readArchive(zipBytes);
 * recordsOf(archive.core)[0].values["http://rs.tdwg.org/dwc/terms/scientificName"] // "Puffinus puffinus"
 */
export function readArchive(
  input: Uint8Array | Map<string, Uint8Array>,
  options: ReadArchiveOptions = {}
): ArchiveContents {
  const files = listFiles(input, options.limits ?? HELD_LIMITS);
  const notes: string[] = [];
  const metaPath = findMeta(files.keys());
  const base = metaPath ? folderOf(metaPath) : "";
  const descriptor = metaPath ? parseMetaXml(decodeXml(files.get(metaPath)!, metaPath)) : deriveDescriptor(files, notes);
  const core = readDataFile(files, base, descriptor.core, notes);
  const extensions = descriptor.extensions.map((e) => readDataFile(files, base, e, notes));

  let metadata: MetadataContents | undefined;
  const found = locateMetadata(descriptor, base, (p) => files.has(p), notes);
  if (found) metadata = found.path ? { location: found.location, text: decodeXml(files.get(found.path)!, found.location) } : { location: found.location };
  const result: ArchiveContents = { descriptor, derived: !metaPath, core, extensions, notes };
  if (metadata) result.metadata = metadata;
  return result;
}

/**
 * The records of a data file, keyed by term IRI. A field takes the row's value at its index; where that value is
 * empty or the row is too short, the field's `default` applies (the text guide: "a global default value that
 * should be used in case the field doesn't have a column index or the actual value for the source record is
 * NULL"). A field with neither is "" when the column exists and absent when the row is too short.
 */
export function recordsOf(file: DataFileContents): ArchiveRecord[] {
  const { descriptor } = file;
  const firstLine = descriptor.ignoreHeaderLines + 1;
  return file.rows.map((row, n) => {
    const values: Record<string, string> = {};
    for (const field of descriptor.fields) {
      const raw = field.index === undefined ? undefined : row[field.index];
      if (raw !== undefined && raw !== "") values[field.term] = raw;
      else if (field.default !== undefined) values[field.term] = field.default;
      else if (raw !== undefined) values[field.term] = raw;
    }
    const record: ArchiveRecord = { line: firstLine + n, values };
    if (descriptor.idIndex !== undefined) {
      const id = row[descriptor.idIndex];
      if (id !== undefined) record.id = id;
    }
    return record;
  });
}
