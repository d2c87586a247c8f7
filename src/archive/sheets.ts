/**
 * From an archive as read to the sheets a workbook holds: one sheet per data file, headers named by term, every
 * value as text. What an import writes into Excel, and what the real-data tests type into workbooks.
 *
 * Headers: a field's term by its short name when the model knows the term (`eventDate`, `type`), else its full
 * IRI (`http://rs.iobis.org/obis/terms/measurementTypeID`), so that it goes back out under the same IRI. The
 * `<id>`/`<coreid>` column takes the name of the core's id term (occurrenceID, eventID, taxonID) unless a field
 * already names that column; it is dropped when another column already holds that term (the IPT writes `id`
 * beside `occurrenceID` with the same values). A column that no field maps keeps the data file's own header.
 * A field with a `default` and no column, or with empty cells, gets its default written into the cells.
 */
import { getRowType, rowTypes } from "../dwc/rowTypes";
import { getTerm } from "../dwc/terms";
import type { RowTypeId } from "../dwc/types";
import type { ArchiveContents, DataFileContents } from "./reader";

/** A data file as a sheet. */
export interface ArchiveSheet {
  /** Sheet name: the row type's name (`Occurrence`, `MeasurementOrFact`), made unique. */
  name: string;
  kind: "core" | "extension";
  /** The model's row type id, or undefined when the model does not know the row type. */
  rowTypeId?: RowTypeId;
  rowType: string;
  /** The data file inside the archive. */
  location: string;
  headers: string[];
  rows: string[][];
  /** What was done that the user should know (defaults written, columns named). */
  notes: string[];
}

/**
 * The header for a term IRI: the name of the row type's property with that IRI, else a Darwin Core or Dublin Core
 * term name that reads back as the same IRI, else the IRI itself (so the column goes back out under it).
 */
export function headerForTerm(iri: string, rowTypeId?: RowTypeId): string {
  const property = rowTypeId ? getRowType(rowTypeId)?.properties.find((p) => p.iri === iri) : undefined;
  if (property) return property.name;
  const term = getTerm(iri);
  if (term && term.iri === iri && getTerm(term.name)?.iri === iri) {
    const clash = rowTypeId ? getRowType(rowTypeId)?.properties.find((p) => p.name === term.name) : undefined;
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

/** The sheet name for a row type: the part of its IRI after the last `/` or `#`. */
function baseName(rowType: string): string {
  const tail = rowType.split(/[/#]/).filter(Boolean).pop() ?? "Data";
  return tail.replace(/[\\/?*[\]:]/g, "_").slice(0, 31) || "Data";
}

function unique(name: string, used: Set<string>): string {
  let candidate = name;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    candidate = name.slice(0, 31 - suffix.length) + suffix;
  }
  used.add(candidate.toLowerCase());
  return candidate;
}

function sheetOf(
  file: DataFileContents,
  kind: "core" | "extension",
  coreIdTerm: string | undefined,
  name: string,
  shared: boolean
): ArchiveSheet {
  const d = file.descriptor;
  const notes: string[] = [];
  const rowTypeId = rowTypeIdOf(d.rowType);
  const width = Math.max(
    0,
    ...file.rows.map((r) => r.length),
    ...file.headerLines.map((h) => h.length),
    ...d.fields.map((f) => (f.index === undefined ? 0 : f.index + 1)),
    d.idIndex === undefined ? 0 : d.idIndex + 1
  );
  const ownHeader = file.headerLines[0] ?? [];
  const byIndex = new Map<number, string>();
  for (const f of d.fields) if (f.index !== undefined && !byIndex.has(f.index)) byIndex.set(f.index, f.term);
  const headers: (string | undefined)[] = [];
  const termIris = new Set(d.fields.map((f) => f.term));
  const idTermIri = coreIdTerm ? getTerm(coreIdTerm)?.iri : undefined;
  for (let c = 0; c < width; c++) {
    const term = byIndex.get(c);
    if (term) headers.push(headerForTerm(term, rowTypeId));
    else if (c === d.idIndex) {
      // The id column without a term of its own: it is the core's id term, unless another column holds that term.
      if (coreIdTerm && idTermIri && !termIris.has(idTermIri)) headers.push(coreIdTerm);
      else headers.push(undefined);
    } else if (shared) headers.push(undefined); // the file's other columns belong to the other row type reading it
    else headers.push((ownHeader[c] ?? "").replace(/^\uFEFF/, "").trim() || `column ${c + 1}`);
  }
  const kept: number[] = [];
  headers.forEach((h, c) => {
    if (h !== undefined) kept.push(c);
  });
  const constant = d.fields.filter((f) => f.default !== undefined);
  const outHeaders = kept.map((c) => headers[c] as string);
  const defaultAt: { column: number; value: string }[] = [];
  for (const f of constant) {
    if (f.index !== undefined && byIndex.get(f.index) === f.term) {
      defaultAt.push({ column: kept.indexOf(f.index), value: f.default as string });
      notes.push(`${headerForTerm(f.term, rowTypeId)}: empty cells take the default "${f.default}" from meta.xml`);
    } else {
      outHeaders.push(headerForTerm(f.term, rowTypeId));
      defaultAt.push({ column: outHeaders.length - 1, value: f.default as string });
      notes.push(`${headerForTerm(f.term, rowTypeId)}: a column added with the default "${f.default}" from meta.xml`);
    }
  }
  const rows = file.rows.map((row) => {
    const out = kept.map((c) => row[c] ?? "");
    for (const { column, value } of defaultAt) {
      if (column >= out.length) out.length = column + 1;
      if (out[column] === undefined || out[column] === "") out[column] = value;
    }
    for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = "";
    return out;
  });
  const sheet: ArchiveSheet = {
    name,
    kind,
    rowType: d.rowType,
    location: d.location,
    headers: outHeaders,
    rows,
    notes,
  };
  if (rowTypeId) sheet.rowTypeId = rowTypeId;
  return sheet;
}

/**
 * The sheets of an archive: the core first, then each extension in meta.xml order.
 *
 * @example archiveSheets(readArchive(zip)).map((s) => s.name) // ["Occurrence", "Multimedia"]
 */
export function archiveSheets(archive: ArchiveContents): ArchiveSheet[] {
  const used = new Set<string>();
  const coreRowTypeId = rowTypeIdOf(archive.core.descriptor.rowType);
  const coreIdTerm = coreRowTypeId ? CORE_ID[coreRowTypeId] : undefined;
  const sheets = [sheetOf(archive.core, "core", coreIdTerm, unique(baseName(archive.core.descriptor.rowType), used), false)];
  const read = new Set([archive.core.descriptor.location]);
  for (const ext of archive.extensions) {
    const shared = read.has(ext.descriptor.location);
    read.add(ext.descriptor.location);
    const id = rowTypeIdOf(ext.descriptor.rowType);
    const name = id ? (getRowType(id)?.name ?? baseName(ext.descriptor.rowType)) : baseName(ext.descriptor.rowType);
    sheets.push(sheetOf(ext, "extension", coreIdTerm, unique(name.replace(/[\\/?*[\]:]/g, "_").slice(0, 31), used), shared));
  }
  return sheets;
}
