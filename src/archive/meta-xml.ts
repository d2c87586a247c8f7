/**
 * meta.xml, both ways. The writer states every file attribute explicitly, because readers disagree on the
 * defaults (the schema says `,` and `"`, the IPT writes tabs and no quotes, python-dwca-reader once assumed tabs).
 * The reader applies the schema's defaults (`META_DEFAULTS`) to whatever is missing.
 */
import type { ArchiveDescriptor, DataFileDescriptor, FieldDescriptor } from "./descriptor";
import { META_DEFAULTS, decodeSeparator, encodeSeparator } from "./descriptor";
import { ArchiveError } from "./errors";
import type { XmlElement } from "./xml";
import { escapeXml, parseXml } from "./xml";

/** Namespace of the Darwin Core text guide. */
export const DWC_TEXT_NS = "http://rs.tdwg.org/dwc/text/";

function attr(name: string, value: string | number | undefined): string {
  return value === undefined ? "" : ` ${name}="${escapeXml(String(value))}"`;
}

function fileXml(kind: "core" | "extension", file: DataFileDescriptor): string {
  const lines: string[] = [];
  lines.push(
    `  <${kind}` +
      attr("encoding", file.encoding) +
      attr("fieldsTerminatedBy", encodeSeparator(file.fieldsTerminatedBy)) +
      attr("linesTerminatedBy", encodeSeparator(file.linesTerminatedBy)) +
      attr("fieldsEnclosedBy", file.fieldsEnclosedBy) +
      attr("ignoreHeaderLines", file.ignoreHeaderLines) +
      attr("rowType", file.rowType) +
      attr("dateFormat", file.dateFormat) +
      ">"
  );
  lines.push("    <files>");
  for (const location of [file.location, ...(file.moreLocations ?? [])]) {
    lines.push(`      <location>${escapeXml(location)}</location>`);
  }
  lines.push("    </files>");
  const idElement = kind === "core" ? "id" : "coreid";
  if (file.idIndex !== undefined) lines.push(`    <${idElement} index="${file.idIndex}"/>`);
  else if (kind === "extension") {
    throw new ArchiveError("BAD_META_XML", "an extension needs a coreid column", ["meta.xml", file.location]);
  }
  if (!file.fields.length) {
    throw new ArchiveError("BAD_META_XML", "a data file needs at least one field", ["meta.xml", file.location]);
  }
  for (const field of file.fields) {
    lines.push(
      "    <field" +
        attr("index", field.index) +
        attr("term", field.term) +
        attr("default", field.default) +
        attr("vocabulary", field.vocabulary) +
        attr("delimitedBy", field.delimitedBy) +
        "/>"
    );
  }
  lines.push(`  </${kind}>`);
  return lines.join("\n");
}

/**
 * Writes meta.xml for a descriptor. Valid against the Darwin Core text guide schema (tdwg_dwc_text.xsd).
 *
 * @example
 * buildMetaXml({ metadata: "eml.xml", core: { rowType: "http://rs.tdwg.org/dwc/terms/Occurrence",
 *   location: "occurrence.txt", idIndex: 0, ...WRITE_LAYOUT,
 *   fields: [{ index: 0, term: "http://rs.tdwg.org/dwc/terms/occurrenceID" }] }, extensions: [] })
 * // '<?xml version="1.0" encoding="UTF-8"?>\n<archive xmlns="http://rs.tdwg.org/dwc/text/" metadata="eml.xml">…'
 */
export function buildMetaXml(descriptor: ArchiveDescriptor): string {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<archive xmlns="${DWC_TEXT_NS}"${attr("metadata", descriptor.metadata)}>`,
    fileXml("core", descriptor.core),
    ...descriptor.extensions.map((e) => fileXml("extension", e)),
    "</archive>",
    "",
  ];
  return parts.join("\n");
}

function integerAttribute(element: XmlElement, name: string, where: string[]): number | undefined {
  const raw = element.attributes[name];
  if (raw === undefined || raw.trim() === "") return undefined;
  const n = Number(raw.trim());
  if (!Number.isInteger(n) || n < 0) {
    throw new ArchiveError("BAD_META_XML", `${name}="${raw}" is not a non-negative integer`, where);
  }
  return n;
}

function parseFile(element: XmlElement, position: string): DataFileDescriptor {
  const where = ["meta.xml", position];
  const a = element.attributes;
  const rowType = a.rowType;
  if (!rowType) throw new ArchiveError("BAD_META_XML", "rowType is missing", where);
  const files = element.children.find((c) => c.name === "files");
  const locations = (files?.children ?? []).filter((c) => c.name === "location").map((c) => c.text.trim());
  if (!locations.length || !locations[0]) {
    throw new ArchiveError("BAD_META_XML", "no <files><location> given", where);
  }
  const idName = element.name === "core" ? "id" : "coreid";
  const idElement = element.children.find((c) => c.name === idName);
  const fields: FieldDescriptor[] = element.children
    .filter((c) => c.name === "field")
    .map((f, n) => {
      const term = f.attributes.term;
      if (!term) throw new ArchiveError("BAD_META_XML", `field ${n + 1} has no term`, where);
      const field: FieldDescriptor = { term };
      const index = integerAttribute(f, "index", [...where, `field ${term}`]);
      if (index !== undefined) field.index = index;
      for (const key of ["default", "vocabulary", "delimitedBy"] as const) {
        if (f.attributes[key] !== undefined) field[key] = f.attributes[key];
      }
      if (field.index === undefined && field.default === undefined) {
        throw new ArchiveError("BAD_META_XML", `field ${term} has neither index nor default`, where);
      }
      return field;
    });
  const descriptor: DataFileDescriptor = {
    rowType,
    location: locations[0],
    encoding: a.encoding?.trim() || META_DEFAULTS.encoding,
    fieldsTerminatedBy:
      a.fieldsTerminatedBy !== undefined ? decodeSeparator(a.fieldsTerminatedBy) : META_DEFAULTS.fieldsTerminatedBy,
    linesTerminatedBy:
      a.linesTerminatedBy !== undefined && a.linesTerminatedBy !== ""
        ? decodeSeparator(a.linesTerminatedBy)
        : META_DEFAULTS.linesTerminatedBy,
    fieldsEnclosedBy:
      a.fieldsEnclosedBy !== undefined ? decodeSeparator(a.fieldsEnclosedBy) : META_DEFAULTS.fieldsEnclosedBy,
    ignoreHeaderLines: integerAttribute(element, "ignoreHeaderLines", where) ?? META_DEFAULTS.ignoreHeaderLines,
    fields,
  };
  if (descriptor.fieldsTerminatedBy === "") {
    throw new ArchiveError("BAD_META_XML", 'fieldsTerminatedBy="" is empty: fields need a separator', where);
  }
  if (locations.length > 1) descriptor.moreLocations = locations.slice(1);
  if (a.dateFormat !== undefined) descriptor.dateFormat = a.dateFormat;
  const idIndex = idElement ? integerAttribute(idElement, "index", [...where, idName]) : undefined;
  if (idIndex !== undefined) descriptor.idIndex = idIndex;
  return descriptor;
}

/**
 * Reads meta.xml into a descriptor, applying the schema defaults to missing attributes.
 * @throws ArchiveError `BAD_META_XML` naming the element when it cannot be understood.
 */
export function parseMetaXml(xml: string): ArchiveDescriptor {
  const root = parseXml(xml, "meta.xml");
  if (root.name !== "archive") {
    throw new ArchiveError("BAD_META_XML", `root element is <${root.name}>, not <archive>`, ["meta.xml"]);
  }
  const cores = root.children.filter((c) => c.name === "core");
  if (cores.length !== 1) {
    throw new ArchiveError("BAD_META_XML", `expected exactly one <core>, found ${cores.length}`, ["meta.xml"]);
  }
  const descriptor: ArchiveDescriptor = {
    core: parseFile(cores[0], "core"),
    extensions: root.children
      .filter((c) => c.name === "extension")
      .map((e, n) => parseFile(e, `extension ${n + 1} (${e.attributes.rowType ?? "no rowType"})`)),
  };
  const metadata = root.attributes.metadata?.trim();
  if (metadata) descriptor.metadata = metadata;
  return descriptor;
}
