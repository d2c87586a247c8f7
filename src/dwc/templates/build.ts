/** Template sheets for the three dataset classes, their extension sheets, and the terms a user can add. */
import { getProperty, getRowType, vocabularyIdFor } from "../rowTypes";
import { getTerm } from "../terms";
import type {
  Block,
  ColumnLevel,
  DatasetClass,
  Preset,
  RowTypeId,
  SheetRole,
  SheetTemplate,
  TemplateColumn,
  Text2,
} from "../types";
import { termIri, termName } from "../types";
import { EXTENDED_BLOCKS, METHODOLOGY_BLOCK_OF } from "./extended";
import { CORE_ID_TERM, CORE_ROW_TYPE, EXTENSION_RECOMMENDED, iptColumns } from "./levels";

/** Stable codes of template errors. */
export type TemplateErrorCode = "unknown-row-type" | "unknown-term" | "not-an-extension";

/** A template cannot be built (a programming error, not a user-data problem). */
export class TemplateError extends Error {
  constructor(
    readonly code: TemplateErrorCode,
    message: string
  ) {
    super(message);
    this.name = "TemplateError";
  }
}

/** Default sheet titles of cores, the event's occurrence sheet and extensions. Excel limits names to 31 chars. */
export const SHEET_TITLES: Readonly<Record<string, Text2>> = {
  taxon: { en: "Taxa", ru: "Таксоны" },
  occurrence: { en: "Occurrence", ru: "Находки" },
  event: { en: "Event", ru: "События" },
  "event/occurrence": { en: "Associated occurrences", ru: "Связанные находки" },
  measurementorfact: { en: "MeasurementOrFact", ru: "Измерения и факты" },
  extendedmeasurementorfact: { en: "Extended MeasurementOrFact", ru: "Расширенные измерения" },
  multimedia: { en: "Multimedia", ru: "Мультимедиа" },
  vernacularname: { en: "Vernacular names", ru: "Народные названия" },
  references: { en: "References", ru: "Литература" },
  resourcerelationship: { en: "Resource relationships", ru: "Связи ресурсов" },
};

/** Block of an extension property that is not a Darwin Core term. */
const EXTENSION_BLOCK: Readonly<Record<RowTypeId, Block>> = {
  measurementorfact: "MEASUREMENT",
  extendedmeasurementorfact: "MEASUREMENT",
  resourcerelationship: "RELATIONSHIP",
};

/**
 * A column for a term of a core or extension (name, case-insensitive, or IRI) at the given level. The block is the
 * methodology's where its table lists the term, else the term's Darwin Core class. A term that is not a property
 * of the definition (an extension's link column, e.g. eventID on a MeasurementOrFact sheet) is taken from the
 * Darwin Core term list.
 *
 * @example columnFor("occurrence", "basisOfRecord", "required")
 *   // { term: "basisOfRecord", iri: "http://rs.tdwg.org/dwc/terms/basisOfRecord", level: "required",
 *   //   block: "RECORD", type: "string", vocabulary: "basisOfRecord" }
 */
export function columnFor(rowTypeId: RowTypeId, term: string, level: ColumnLevel): TemplateColumn {
  const p = getProperty(rowTypeId, term);
  const t = getTerm(p ? p.iri : term);
  if (!p && !t)
    throw new TemplateError("unknown-term", `${rowTypeId}: "${term}" is neither a property nor a Darwin Core term`);
  const name = p ? p.name : termName((t as NonNullable<typeof t>).name);
  // The methodology's block applies to the Darwin Core term it names (not to a namesake such as the Multimedia
  // extension's dcterms:type).
  const block: Block = t ? (METHODOLOGY_BLOCK_OF.get(name) ?? t.block) : (EXTENSION_BLOCK[rowTypeId] ?? "OTHER");
  const vocabulary = vocabularyIdFor(rowTypeId, name);
  return {
    term: name,
    iri: p ? p.iri : termIri((t as NonNullable<typeof t>).iri),
    level,
    block,
    type: p ? p.type : "string",
    ...(vocabulary ? { vocabulary } : {}),
  };
}

const LEVEL_RANK: Record<ColumnLevel, number> = { required: 0, recommended: 1, optional: 2 };

/** Ordered column list; a term met twice keeps its first position and the stronger level. */
class Columns {
  private readonly list: TemplateColumn[] = [];
  constructor(private readonly rowTypeId: RowTypeId) {}
  has(term: string): boolean {
    return this.list.some((c) => c.term.toLowerCase() === term.toLowerCase());
  }
  add(term: string, level: ColumnLevel): void {
    const existing = this.list.find((c) => c.term.toLowerCase() === term.toLowerCase());
    if (existing) {
      if (LEVEL_RANK[level] < LEVEL_RANK[existing.level]) existing.level = level;
      return;
    }
    this.list.push(columnFor(this.rowTypeId, term, level));
  }
  result(): TemplateColumn[] {
    return this.list;
  }
}

/** Sheet kinds whose columns come from an IPT template sheet. */
type IptSheet = "core" | "occurrence";

/**
 * Columns of a core sheet or of the event's occurrence sheet: id (or link) column first and required, then the
 * IPT template's required and recommended columns (basisOfRecord required on occurrence sheets), then, for the
 * Extended preset, the methodology's blocks restricted to `blocks` and to terms of the definition.
 */
function sheetColumns(
  rowTypeId: RowTypeId,
  datasetClass: DatasetClass,
  sheet: IptSheet,
  preset: Preset,
  firstTerms: readonly string[],
  blocks: readonly Block[]
): TemplateColumn[] {
  const cols = new Columns(rowTypeId);
  for (const t of firstTerms) cols.add(t, "required");
  const minimal = iptColumns(datasetClass, sheet).filter(([, level]) => level !== "optional");
  const isOccurrence = rowTypeId === "occurrence";
  const levelOf = (term: string, level: ColumnLevel): ColumnLevel =>
    isOccurrence && term === "basisOfRecord" ? "required" : level;
  if (preset === "minimal") {
    for (const [term, level] of minimal) cols.add(term, levelOf(term, level));
    if (isOccurrence) cols.add("basisOfRecord", "required");
    return cols.result();
  }
  // Extended: blocks in the methodology's order; the minimal columns of a block come after its methodology
  // terms, and minimal columns from blocks the methodology does not cover come last.
  const minimalLevel = new Map(minimal.map(([t, l]) => [t, levelOf(t, l)] as const));
  if (isOccurrence) minimalLevel.set("basisOfRecord", "required");
  for (const [block, blockTerms] of EXTENDED_BLOCKS) {
    if (!blocks.includes(block)) continue;
    for (const t of blockTerms) if (getProperty(rowTypeId, t)) cols.add(t, minimalLevel.get(t) ?? "optional");
    for (const [t, l] of minimalLevel) if (columnFor(rowTypeId, t, l).block === block) cols.add(t, l);
  }
  for (const [t, l] of minimalLevel) cols.add(t, l);
  return cols.result();
}

const ALL_BLOCKS: readonly Block[] = ["RECORD", "OCCURRENCE", "EVENT", "LOCATION", "IDENTIFICATION", "TAXON"];

/**
 * The sheets of a new dataset: the core sheet first; the event class adds the "Associated occurrences" sheet
 * (the Occurrence definition used as an extension of the Event core, linked by eventID).
 *
 * Minimal = required + recommended columns (GBIF IPT templates). Extended = those plus the methodology's six
 * blocks, in its order, for terms the definition has. For the event class the methodology's EVENT and LOCATION
 * blocks (and record-level terms) go to the event sheet, OCCURRENCE, IDENTIFICATION and TAXON to the occurrence
 * sheet, so that place and time are written once per event.
 *
 * @example buildTemplate("occurrence", "minimal")[0].columns.map((c) => c.term).slice(0, 3)
 *   // ["occurrenceID", "basisOfRecord", "scientificName"]
 */
export function buildTemplate(datasetClass: DatasetClass, preset: Preset): SheetTemplate[] {
  const coreId = CORE_ID_TERM[datasetClass];
  const coreRowType = CORE_ROW_TYPE[datasetClass];
  const coreRole: SheetRole = { rowTypeId: coreRowType, kind: "core", datasetClass, idTerm: termName(coreId) };
  const coreBlocks: readonly Block[] = datasetClass === "event" ? ["RECORD", "EVENT", "LOCATION"] : ALL_BLOCKS;
  const sheets: SheetTemplate[] = [
    {
      role: coreRole,
      title: SHEET_TITLES[coreRowType],
      columns: sheetColumns(coreRowType, datasetClass, "core", preset, [coreId], coreBlocks),
    },
  ];
  if (datasetClass === "event") {
    sheets.push({
      role: { rowTypeId: "occurrence", kind: "extension", datasetClass, idTerm: termName("eventID") },
      title: SHEET_TITLES["event/occurrence"],
      columns: sheetColumns(
        "occurrence",
        datasetClass,
        "occurrence",
        preset,
        ["eventID", "occurrenceID", "basisOfRecord"],
        ["OCCURRENCE", "IDENTIFICATION", "TAXON"]
      ),
    });
  }
  return sheets;
}

/** An extension sheet a user can add, with the dataset classes it fits (the definition's dc:subject). */
export interface ExtensionChoice {
  rowTypeId: RowTypeId;
  title: Text2;
  datasetClasses: readonly DatasetClass[];
}

const ALL_CLASSES: readonly DatasetClass[] = ["checklist", "occurrence", "event"];

/** The extension sheets a user can add to a dataset. Vernacular names apply to checklists only (dc:subject dwc:Taxon). */
export const EXTENSION_CHOICES: readonly ExtensionChoice[] = [
  "measurementorfact",
  "extendedmeasurementorfact",
  "multimedia",
  "vernacularname",
  "references",
  "resourcerelationship",
].map((id) => ({
  rowTypeId: id,
  title: SHEET_TITLES[id],
  datasetClasses: id === "vernacularname" ? ["checklist"] : ALL_CLASSES,
}));

/**
 * An extension sheet for a dataset class: the link column (the core's id term: taxonID, occurrenceID or eventID)
 * first and required, then every property of the extension in the definition's order — required where GBIF
 * requires it, recommended per {@link EXTENSION_RECOMMENDED}, optional otherwise. Also accepts `occurrence` for
 * the event class (the "Associated occurrences" sheet, Minimal preset) and for the checklist class (occurrences of
 * the checklist's taxa, linked by taxonID).
 *
 * @example extensionTemplate("measurementorfact", "event").columns[0].term === "eventID"
 */
export function extensionTemplate(rowTypeId: RowTypeId, datasetClass: DatasetClass): SheetTemplate {
  const def = getRowType(rowTypeId);
  if (!def) throw new TemplateError("unknown-row-type", `extension "${rowTypeId}" is not a known definition`);
  if (rowTypeId === "occurrence" && datasetClass === "event") return buildTemplate("event", "minimal")[1];
  if (def.core && rowTypeId !== "occurrence")
    throw new TemplateError("not-an-extension", `"${rowTypeId}" is a core definition, not an extension`);
  // A checklist may carry occurrences of its taxa (GBIF indexes Taxon cores with an Occurrence extension).
  if (rowTypeId === "occurrence" && datasetClass !== "checklist")
    throw new TemplateError(
      "not-an-extension",
      `"occurrence" is an extension only of the event and checklist classes, not of ${datasetClass}`
    );
  const link = CORE_ID_TERM[datasetClass];
  const cols = new Columns(rowTypeId);
  cols.add(link, "required");
  const recommended = new Set(EXTENSION_RECOMMENDED[rowTypeId] ?? []);
  for (const p of def.properties)
    cols.add(p.name, p.required ? "required" : recommended.has(p.name) ? "recommended" : "optional");
  return {
    role: { rowTypeId, kind: "extension", datasetClass, idTerm: termName(link) },
    title: SHEET_TITLES[rowTypeId] ?? { en: def.name, ru: def.name },
    columns: cols.result(),
  };
}

/**
 * Every property of a definition as an optional column, in the definition's order: what a user can add to a sheet
 * of that core or extension (the UI leaves out columns already present).
 */
export function addableTerms(rowTypeId: RowTypeId): TemplateColumn[] {
  const def = getRowType(rowTypeId);
  if (!def) throw new TemplateError("unknown-row-type", `"${rowTypeId}" is not a known definition`);
  return def.properties.map((p) => columnFor(rowTypeId, p.name, "optional"));
}
