/**
 * Types of the Darwin Core model. The data itself is generated from the standard's files by
 * `scripts/generate-model.ts` into `src/dwc/generated/` and committed; nothing reads ../shared at run time.
 */

/** A term's short name as written in a header cell and in Simple Darwin Core, e.g. `eventDate`, `type`. */
export type TermName = string & { readonly __brand: "TermName" };
/** A term's IRI as written in meta.xml, e.g. `http://rs.tdwg.org/dwc/terms/eventDate`. */
export type TermIri = string & { readonly __brand: "TermIri" };

export const termName = (s: string): TermName => s as TermName;
export const termIri = (s: string): TermIri => s as TermIri;

/** Language of the user interface and of messages. */
export type Lang = "en" | "ru";
/** Text in both interface languages. */
export interface Text2 {
  en: string;
  ru: string;
}

/**
 * The block a column belongs to. The methodology groups terms in six blocks (RECORD, OCCURRENCE, EVENT,
 * LOCATION, IDENTIFICATION, TAXON); the rest of Darwin Core gets its own class-named blocks.
 */
export type Block =
  | "RECORD"
  | "OCCURRENCE"
  | "ORGANISM"
  | "MATERIAL"
  | "EVENT"
  | "LOCATION"
  | "GEOLOGY"
  | "IDENTIFICATION"
  | "TAXON"
  | "MEASUREMENT"
  | "RELATIONSHIP"
  | "OTHER";

/** One current Darwin Core term (from tdwg/dwc term_versions.csv, status `recommended`). */
export interface TermDef {
  name: TermName;
  iri: TermIri;
  label: string;
  definition: string;
  comments: string;
  /** Examples as listed by the standard, each without its back-ticks. */
  examples: string[];
  /** IRI of the class the term is organised in (empty for record-level terms). */
  classIri: string;
  block: Block;
  /** Date (YYYY-MM-DD) of the DwC release this version of the term was issued in. */
  issued: string;
  /** In Simple Darwin Core. */
  simple: boolean;
  /** `rdf:Property` or `rdfs:Class`. */
  rdfType: "property" | "class";
}

/** Data types of GBIF extension properties. */
export type DataType = "string" | "integer" | "decimal" | "date" | "uri" | "boolean";

/** A property of a GBIF core or extension definition. */
export interface PropertyDef {
  name: TermName;
  iri: TermIri;
  /** The definition's group, e.g. `Record-level`, `Occurrence`, `Location`. */
  group: string;
  type: DataType;
  /** `required='true'` in the definition. */
  required: boolean;
  /** Id of the bound vocabulary in `vocabularies` (e.g. `basisOfRecord`), if any. */
  vocabulary?: string;
}

/** Identifier of a core or extension definition, e.g. `occurrence`, `event`, `taxon`, `measurementorfact`. */
export type RowTypeId = string;

/** A GBIF core or extension definition (rs.gbif.org). */
export interface RowTypeDef {
  id: RowTypeId;
  /** The definition's `name`, e.g. `Occurrence`, `MeasurementOrFacts`. */
  name: string;
  rowType: TermIri;
  title: string;
  issued: string;
  /** Whether GBIF defines it as a core. An Occurrence definition also serves as extension of an Event core. */
  core: boolean;
  properties: PropertyDef[];
}

/** One controlled value. */
export interface Concept {
  /** What goes into the cell, e.g. `square_metre`, `PreservedSpecimen`. */
  value: string;
  /** English label, e.g. "square metre". */
  label: string;
  /** Russian label, when we have one. */
  labelRu?: string;
  /** Synonyms the IPT accepts (the thesaurus' alternative terms). */
  alternatives: string[];
  /** English definition from the thesaurus, when it has one. */
  definition?: string;
}

/** A controlled vocabulary. */
export interface Vocabulary {
  id: string;
  title: string;
  uri: string;
  /** Closed vocabularies reject other values (stop alert); open ones only warn. */
  closed: boolean;
  concepts: Concept[];
}

/** The three dataset classes GBIF publishes (plus metadata-only, which has no sheets). */
export type DatasetClass = "checklist" | "occurrence" | "event";

/** How strongly a column is asked for, as in GBIF's IPT templates. */
export type ColumnLevel = "required" | "recommended" | "optional";

/** Template preset. */
export type Preset = "minimal" | "extended";

/**
 * The role of a dataset sheet: which core or extension it holds. Stored with the sheet so that renaming the
 * sheet does not lose it.
 */
export interface SheetRole {
  /** The core or extension definition. */
  rowTypeId: RowTypeId;
  /** `core` for the dataset's core sheet, `extension` for the others. */
  kind: "core" | "extension";
  /** The dataset class the sheet belongs to. */
  datasetClass: DatasetClass;
  /** The term holding the record id (core) or the link to the core id (extension): taxonID, occurrenceID, eventID. */
  idTerm: TermName;
}

/** One column of a template sheet. */
export interface TemplateColumn {
  term: TermName;
  iri: TermIri;
  level: ColumnLevel;
  block: Block;
  type: DataType;
  vocabulary?: string;
}

/** One sheet of a template. */
export interface SheetTemplate {
  role: SheetRole;
  /** Default sheet name in each language, e.g. { en: "Occurrence", ru: "Находки" }. */
  title: Text2;
  columns: TemplateColumn[];
}
