/**
 * From an archive as read to the sheets a workbook holds: one sheet per data file, headers named by term, every
 * value as text. What an import writes into Excel, and what the real-data tests type into workbooks.
 *
 * Headers: a field's term by its short name when the model knows the term (`eventDate`, `type`), else its full
 * IRI (`http://rs.iobis.org/obis/terms/measurementTypeID`), so that it goes back out under the same IRI. The
 * `<id>`/`<coreid>` column takes the name of the core's id term (occurrenceID, eventID, taxonID) unless a field
 * already names that column; it is dropped when another column already holds that term (the IPT writes `id`
 * beside `occurrenceID` with the same values). A column that no field maps keeps the data file's own header (made
 * unique when another column already has it) and is named in the sheet's notes: it is not published data.
 * A field with a `default` and no column, or with empty cells, gets its default written into the cells.
 *
 * Two ways in: {@link archiveSheets} for an archive read whole, and {@link sheetLayouts} for a reader that streams
 * the rows (the CLI import): the layout names the columns and maps each raw row, so both give the same sheets.
 */
import { getRowType, rowTypes } from "../dwc/rowTypes";
import { getTerm } from "../dwc/terms";
import type { RowTypeId } from "../dwc/types";
import type { ArchiveDescriptor, DataFileDescriptor } from "./descriptor";
import { freeSheetName } from "./adapter";
import type { ArchiveContents } from "./reader";

/**
 * One of a sheet's notes as data, for faces that word it themselves (the task pane, in English or Russian):
 * - `defaultFilled`: the column's empty cells take meta.xml's default `value`;
 * - `defaultColumn`: a column added for a field with a default and no column of its own;
 * - `noTerm`: `column` (1-based) of the data file has no term in meta.xml; kept under `header` (the file's own
 *   header when `ownHeader`, else a made-up name).
 *
 * @example { kind: "noTerm", header: "remarks", column: 7, location: "occurrence.txt", ownHeader: true }
 */
export type SheetRemark =
  | { kind: "defaultFilled" | "defaultColumn"; header: string; value: string }
  | { kind: "noTerm"; header: string; column: number; location: string; ownHeader: boolean };

/** How a data file becomes a sheet: its name, headers and notes, and how a raw row maps to the sheet's row. */
export interface SheetLayout {
  /** Sheet name: the row type's name (`Occurrence`, `MeasurementOrFact`), made unique. */
  name: string;
  kind: "core" | "extension";
  /** The model's row type id, or undefined when the model does not know the row type. */
  rowTypeId?: RowTypeId;
  rowType: string;
  /** The data file inside the archive. */
  location: string;
  headers: string[];
  /** What was done that the user should know (defaults written, columns named, columns without a term). */
  notes: string[];
  /** The same as `notes`, as data. */
  remarks: SheetRemark[];
  /** The sheet's row for a raw row of the data file (every cell a string, as long as `headers`). */
  row(raw: readonly string[]): string[];
}

/** A data file as a sheet: its layout with the rows mapped. */
export interface ArchiveSheet extends Omit<SheetLayout, "row"> {
  rows: string[][];
}

/** What {@link sheetLayouts} needs of a data file besides its descriptor. */
export interface DataFileShape {
  /** The `ignoreHeaderLines` lines, split into fields. */
  headerLines: readonly (readonly string[])[];
  /** The most fields any data row has. */
  width: number;
}

/**
 * The header for a term IRI: the name of the row type's property with that IRI, else a Darwin Core or Dublin Core
 * term name that reads back as the same IRI, else the IRI itself (so the column goes back out under it).
 */
export function headerForTerm(iri: string, rowTypeId?: RowTypeId): string {
  const properties = rowTypeId ? (getRowType(rowTypeId)?.properties ?? []) : [];
  const property = properties.find((p) => p.iri === iri);
  // A name two properties share (Audubon's dc:format and dcterms:format) reads back as the first: the IRI then.
  if (property) return properties.find((p) => p.name === property.name) === property ? property.name : iri;
  const term = getTerm(iri);
  if (term && term.iri === iri && getTerm(term.name)?.iri === iri) {
    const clash = properties.find((p) => p.name === term.name);
    if (!clash) return term.name;
  }
  return iri;
}

/** The id term of a core row type (`occurrenceID` for Occurrence). */
const CORE_ID: Record<string, string> = {
  occurrence: "occurrenceID",
  event: "eventID",
  taxon: "taxonID",
};

function rowTypeIdOf(rowType: string): RowTypeId | undefined {
  return rowTypes.find((r) => r.rowType === rowType)?.id;
}

const SHEET_NAME_CHARS = /[\\/?*[\]:]/g;

/** The sheet name for a row type: the part of its IRI after the last `/` or `#`. */
function baseName(rowType: string): string {
  const tail = rowType.split(/[/#]/).filter(Boolean).pop() ?? "Data";
  return tail.replace(SHEET_NAME_CHARS, "_").slice(0, 31) || "Data";
}

function layoutOf(
  d: DataFileDescriptor,
  shape: DataFileShape,
  kind: "core" | "extension",
  coreIdTerm: string | undefined,
  name: string,
  shared: boolean,
  mappedElsewhere: ReadonlySet<number>
): SheetLayout {
  const notes: string[] = [];
  const remarks: SheetRemark[] = [];
  const rowTypeId = rowTypeIdOf(d.rowType);
  const width = Math.max(
    0,
    shape.width,
    ...shape.headerLines.map((h) => h.length),
    ...d.fields.map((f) => (f.index === undefined ? 0 : f.index + 1)),
    d.idIndex === undefined ? 0 : d.idIndex + 1
  );
  const ownHeader = shape.headerLines[0] ?? [];
  const byIndex = new Map<number, string>();
  for (const f of d.fields) if (f.index !== undefined && !byIndex.has(f.index)) byIndex.set(f.index, f.term);
  const termIris = new Set(d.fields.map((f) => f.term));
  const idTermIri = coreIdTerm ? getTerm(coreIdTerm)?.iri : undefined;
  // Columns mapped by a term (or the id column named by the core's id term) first; columns without a term are
  // named afterwards, so that their own header cannot take a name a term column needs.
  const headers: (string | undefined)[] = [];
  const unmapped: number[] = [];
  for (let c = 0; c < width; c++) {
    const term = byIndex.get(c);
    if (term) headers.push(headerForTerm(term, rowTypeId));
    else if (c === d.idIndex) {
      // The id column without a term of its own: it is the core's id term, unless another column holds that term.
      if (coreIdTerm && idTermIri && !termIris.has(idTermIri)) headers.push(coreIdTerm);
      else headers.push(undefined);
    } else if (shared || mappedElsewhere.has(c)) {
      headers.push(undefined); // the column belongs to the other row type reading the same file
    } else {
      headers.push("");
      unmapped.push(c);
    }
  }
  const kept: number[] = [];
  headers.forEach((h, c) => {
    if (h !== undefined) kept.push(c);
  });
  const added: { term: string; header: string; value: string }[] = [];
  const defaultAt: { column: number; value: string }[] = [];
  for (const f of d.fields.filter((x) => x.default !== undefined)) {
    const header = headerForTerm(f.term, rowTypeId);
    if (f.index !== undefined && byIndex.get(f.index) === f.term) {
      defaultAt.push({ column: kept.indexOf(f.index), value: f.default as string });
      notes.push(`${header}: empty cells take the default "${f.default}" from meta.xml`);
      remarks.push({ kind: "defaultFilled", header, value: f.default as string });
    } else {
      added.push({ term: f.term, header, value: f.default as string });
      notes.push(`${header}: a column added with the default "${f.default}" from meta.xml`);
      remarks.push({ kind: "defaultColumn", header, value: f.default as string });
    }
  }
  const taken = new Set<string>(
    [...headers.filter((h): h is string => !!h), ...added.map((a) => a.header)].map((h) => h.toLowerCase())
  );
  for (const c of unmapped) {
    const own = (ownHeader[c] ?? "").replace(/^\uFEFF/, "").trim();
    let header = own || `column ${c + 1}`;
    if (taken.has(header.toLowerCase())) header = `${own || "column"} (column ${c + 1})`;
    taken.add(header.toLowerCase());
    headers[c] = header;
    notes.push(
      `${header}: column ${c + 1} of ${d.location} has no term in meta.xml; kept under ${own ? "its own header" : "this name"}, not published data unless the header is a term`
    );
    remarks.push({ kind: "noTerm", header, column: c + 1, location: d.location, ownHeader: own !== "" });
  }
  const outHeaders = [...kept.map((c) => headers[c] as string), ...added.map((a) => a.header)];
  added.forEach((a, i) => defaultAt.push({ column: kept.length + i, value: a.value }));
  const size = outHeaders.length;
  const row = (raw: readonly string[]): string[] => {
    const out = new Array<string>(size);
    for (let i = 0; i < kept.length; i++) out[i] = raw[kept[i]] ?? "";
    for (let i = kept.length; i < size; i++) out[i] = "";
    for (const { column, value } of defaultAt) if (out[column] === "") out[column] = value;
    return out;
  };
  const layout: SheetLayout = {
    name,
    kind,
    rowType: d.rowType,
    location: d.location,
    headers: outHeaders,
    notes,
    remarks,
    row,
  };
  if (rowTypeId) layout.rowTypeId = rowTypeId;
  return layout;
}

/**
 * The layouts of an archive's sheets: the core first, then each extension in meta.xml order. `shapes` holds the
 * header lines and row width of each data file, in the same order (core, then extensions).
 */
export function sheetLayouts(descriptor: ArchiveDescriptor, shapes: readonly DataFileShape[]): SheetLayout[] {
  const used = new Set<string>();
  const all = [descriptor.core, ...descriptor.extensions];
  /** Columns of a data file that another row type reading the same file maps. */
  const elsewhere = (d: DataFileDescriptor): Set<number> =>
    new Set(
      all
        .filter((o) => o !== d && o.location === d.location)
        .flatMap((o) => o.fields.map((f) => f.index).filter((i): i is number => i !== undefined))
    );
  const coreRowTypeId = rowTypeIdOf(descriptor.core.rowType);
  const coreIdTerm = coreRowTypeId ? CORE_ID[coreRowTypeId] : undefined;
  const layouts = [
    layoutOf(
      descriptor.core,
      shapes[0],
      "core",
      coreIdTerm,
      freeSheetName(baseName(descriptor.core.rowType), used),
      false,
      elsewhere(descriptor.core)
    ),
  ];
  const read = new Set([descriptor.core.location]);
  descriptor.extensions.forEach((ext, i) => {
    const shared = read.has(ext.location);
    read.add(ext.location);
    const id = rowTypeIdOf(ext.rowType);
    const name = id ? (getRowType(id)?.name ?? baseName(ext.rowType)) : baseName(ext.rowType);
    const sheetName = freeSheetName(name.replace(SHEET_NAME_CHARS, "_").slice(0, 31), used);
    layouts.push(layoutOf(ext, shapes[i + 1], "extension", coreIdTerm, sheetName, shared, elsewhere(ext)));
  });
  return layouts;
}

/**
 * The sheets of an archive: the core first, then each extension in meta.xml order.
 *
 * @example archiveSheets(readArchive(zip)).map((s) => s.name) // ["Occurrence", "Multimedia"]
 */
export function archiveSheets(archive: ArchiveContents): ArchiveSheet[] {
  const files = [archive.core, ...archive.extensions];
  const shapes = files.map((f) => ({
    headerLines: f.headerLines,
    width: f.rows.reduce((w, r) => Math.max(w, r.length), 0),
  }));
  return sheetLayouts(archive.descriptor, shapes).map((layout, i) => {
    const sheet: ArchiveSheet = {
      name: layout.name,
      kind: layout.kind,
      rowType: layout.rowType,
      location: layout.location,
      headers: layout.headers,
      rows: files[i].rows.map(layout.row),
      notes: layout.notes,
      remarks: layout.remarks,
    };
    if (layout.rowTypeId) sheet.rowTypeId = layout.rowTypeId;
    return sheet;
  });
}
