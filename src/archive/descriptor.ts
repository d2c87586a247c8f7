/**
 * The archive descriptor: what meta.xml says about the data files. Property names are the meta.xml attribute
 * names (Darwin Core text guide, https://dwc.tdwg.org/text/).
 */

/** One `<field>` of a core or extension. */
export interface FieldDescriptor {
  /** 0-based column in the data file; absent for a constant field that only has a `default`. */
  index?: number;
  /** Term IRI, e.g. `http://rs.tdwg.org/dwc/terms/eventDate`. */
  term: string;
  /** Value used when the column is absent or the cell is empty. */
  default?: string;
  vocabulary?: string;
  /** Separator of a list of values in one field, e.g. `|`. */
  delimitedBy?: string;
}

/**
 * One `<core>` or `<extension>`: a data file and its fields.
 *
 * @example
 * { rowType: "http://rs.tdwg.org/dwc/terms/Occurrence", location: "occurrence.txt", idIndex: 0,
 *   encoding: "UTF-8", fieldsTerminatedBy: "\t", linesTerminatedBy: "\n", fieldsEnclosedBy: '"',
 *   ignoreHeaderLines: 1, fields: [{ index: 0, term: "http://rs.tdwg.org/dwc/terms/occurrenceID" }] }
 */
export interface DataFileDescriptor {
  rowType: string;
  /** Path of the data file inside the archive (the first `<location>`). */
  location: string;
  /** Further `<location>`s: the same table split over several files (rare; the reader concatenates them). */
  moreLocations?: string[];
  /** The `<id>` (core) or `<coreid>` (extension) column; undefined when meta.xml has none. */
  idIndex?: number;
  encoding: string;
  /** The separator itself (a tab character), not the `\t` escape written in meta.xml. */
  fieldsTerminatedBy: string;
  linesTerminatedBy: string;
  /** The quote character, or "" for none. */
  fieldsEnclosedBy: string;
  ignoreHeaderLines: number;
  dateFormat?: string;
  fields: FieldDescriptor[];
}

/** A whole meta.xml. */
export interface ArchiveDescriptor {
  /** Path of the metadata document named by `metadata=`, if any. */
  metadata?: string;
  core: DataFileDescriptor;
  extensions: DataFileDescriptor[];
}

/**
 * The defaults of the Darwin Core text guide's schema (tdwg_dwc_text.xsd), applied in this one place by the
 * reader. The writer never relies on them: it writes every attribute, because readers disagree on defaults.
 */
export const META_DEFAULTS = {
  encoding: "UTF-8",
  fieldsTerminatedBy: ",",
  linesTerminatedBy: "\n",
  fieldsEnclosedBy: '"',
  ignoreHeaderLines: 0,
} as const;

/**
 * The layout of every data file this project writes: UTF-8, tab-separated, LF line ends, one header line, and
 * `"` declared as the enclosing character. Values holding a tab, CR, LF or `"` are enclosed in quotes with inner
 * quotes doubled (as RFC 4180 does for commas); all other values are written bare. So any text a cell can hold
 * is stored losslessly, and readers that honour `fieldsEnclosedBy` (GBIF's dwca-io, python-dwca-reader,
 * papaparse with `quoteChar: '"'`) read the exact value back. A value whose first character is `"` is enclosed
 * too, so no reader mistakes it for a quoted field.
 */
export const WRITE_LAYOUT = {
  encoding: "UTF-8",
  fieldsTerminatedBy: "\t",
  linesTerminatedBy: "\n",
  fieldsEnclosedBy: '"',
  ignoreHeaderLines: 1,
} as const;

/**
 * Decodes a separator as written in a meta.xml attribute: the escapes `\t`, `\n`, `\r`, `\\` and `\"`
 * (IPT style) become the characters; anything else is taken literally (`;`, `,`, or a real tab from `&#9;`).
 */
export function decodeSeparator(attribute: string): string {
  return attribute.replace(/\\([tnr\\"'])/g, (_m, c: string) =>
    c === "t" ? "\t" : c === "n" ? "\n" : c === "r" ? "\r" : c
  );
}

/** Writes a separator the way meta.xml readers expect it: a tab as `\t`, CR as `\r`, LF as `\n`. */
export function encodeSeparator(separator: string): string {
  return separator.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\r/g, "\\r").replace(/\n/g, "\\n");
}
