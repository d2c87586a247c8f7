/**
 * The dataset metadata model: what goes into eml.xml (GBIF Metadata Profile 1.3, EML 2.2.0).
 *
 * Every text field is a plain string; `""` means "not given". Lists may be empty. The model is what the task pane
 * form edits, what the Metadata sheet and `--metadata META.json` store, and what `buildEmlXml` writes.
 */
import type { Text2 } from "../dwc/types";

/** SPDX identifiers of the three licences GBIF accepts (IPT `licenses.properties`: cczero, ccby, ccbync). */
export type LicenseId = "CC0-1.0" | "CC-BY-4.0" | "CC-BY-NC-4.0";

/**
 * GBIF dataset type. Occurrence and checklist are in the GBIF Dataset Type Vocabulary; `samplingevent` is the type
 * the IPT gives an Event-core resource (written as keyword `Samplingevent`).
 */
export type DatasetType = "occurrence" | "checklist" | "samplingevent";

/** EML `maintenanceUpdateFrequency` values (profile 1.3 `MaintUpFreqType`, without the misspelt legacy `unkown`). */
export type UpdateFrequency =
  | "daily"
  | "weekly"
  | "monthly"
  | "biannually"
  | "annually"
  | "asNeeded"
  | "continually"
  | "irregular"
  | "notPlanned"
  | "unknown"
  | "otherMaintenancePeriod";

/**
 * A person or organisation (EML agentType). GBIF needs at least a last name, an organisation or a position.
 *
 * @example { givenName: "Анна", surName: "Петрова", organization: "ФГБУ «Заповедник»", position: "", email: "a@example.org", orcid: "0000-0002-1825-0097", role: "" }
 */
export interface Agent {
  givenName: string;
  surName: string;
  organization: string;
  position: string;
  email: string;
  /** ORCID iD as the bare 16-digit form `0000-0002-1825-0097` (an `https://orcid.org/` prefix is accepted on input). */
  orcid: string;
  /** Role (EML agent role vocabulary, e.g. `principalInvestigator`); used for project personnel only. */
  role: string;
}

/** How the dataset was made (EML `methods`). */
export interface Methods {
  studyExtent: string;
  samplingDescription: string;
  /** Method steps, in order; each becomes one `methodStep`. */
  steps: string[];
  qualityControl: string;
}

/** The project the data come from (EML `project`). */
export interface Project {
  title: string;
  /** Project identifier (GBIF-programme projects: the GBIF project ID); written as `project@id`. */
  identifier: string;
  description: string;
  funding: string;
  studyAreaDescription: string;
  designDescription: string;
  /** At least one person when a project is given (EML requires `personnel`). */
  personnel: Agent[];
}

/**
 * Where coverage values came from. `data`: derived from the sheets and replaced on refresh; `user`: typed or edited
 * by the user, kept on refresh ("user edits win").
 */
export type CoverageSource = "data" | "user";

/** Bounding box in decimal degrees (WGS84). `west > east` means the box crosses the antimeridian. */
export interface GeographicCoverage {
  description: string;
  west: number | null;
  east: number | null;
  north: number | null;
  south: number | null;
  source: CoverageSource;
}

/** Date range, each end `YYYY` or `YYYY-MM-DD` (EML yearDate). Only `begin` = a single date. */
export interface TemporalCoverage {
  begin: string;
  end: string;
  source: CoverageSource;
}

/** One taxon of the taxonomic coverage. */
export interface TaxonCoverage {
  /** Rank name, e.g. `kingdom`, `family`. */
  rank: string;
  /** Scientific name, e.g. `Rosaceae`. */
  name: string;
  commonName: string;
  /** Number of records with this name at this rank, when derived from data. */
  count: number | null;
}

export interface TaxonomicCoverage {
  /** General taxonomic coverage text. */
  description: string;
  taxa: TaxonCoverage[];
  source: CoverageSource;
}

export interface Coverage {
  geographic: GeographicCoverage;
  temporal: TemporalCoverage;
  taxonomic: TaxonomicCoverage;
}

/**
 * An element of an imported eml.xml that the model does not hold (an associated party, an agent's address, a
 * second geographic coverage, a GBIF `bibliography` …), kept as it was written so that the export writes it back
 * in its place.
 *
 * @example { parent: "dataset/creator/1", xml: "<address><city>Luanda</city></address>" }
 */
export interface KeptXml {
  /**
   * Where it goes: `dataset`, `dataset/coverage`, `dataset/maintenance`, `dataset/publisher`,
   * `additionalMetadata/metadata/gbif`, or an agent of the model by list and 1-based number
   * (`dataset/creator/2`, `dataset/metadataProvider/1`, `dataset/contact/1`, `dataset/project/personnel/1`).
   */
  parent: string;
  /** One element, verbatim (with the namespace declarations it needs on its root). */
  xml: string;
}

/** The dataset's metadata. Create one with `emptyMetadata()`. */
export interface DatasetMetadata {
  title: string;
  /** Abstract. Blank lines separate paragraphs. */
  description: string;
  /** ISO 639-2 code of the metadata's language (`eng`, `rus`); the IPT's default is `eng`. */
  metadataLanguage: string;
  /** ISO 639-2 code of the data's language. */
  dataLanguage: string;
  license: LicenseId | "";
  /** Derived from the sheets (`datasetTypeFor`); `""` until known. */
  datasetType: DatasetType | "";
  updateFrequency: UpdateFrequency;
  /** Maintenance description (how and when the data are updated). */
  updateDescription: string;
  creators: Agent[];
  contacts: Agent[];
  metadataProviders: Agent[];
  publishingOrganization: string;
  keywords: string[];
  purpose: string;
  /** Dataset home page (EML `distribution/online/url function="information"`). */
  homepage: string;
  citation: string;
  /** Identifier of the citation, e.g. a DOI (`additionalMetadata/gbif/citation@identifier`). */
  citationIdentifier: string;
  /**
   * The dataset's eml.xml `packageId`, e.g. `urn:uuid:4f7c…`; `""` until the first export makes one. Kept with the
   * metadata so that every export of the workbook carries the same id (a new version of the same dataset, not a
   * new dataset).
   */
  packageId: string;
  methods: Methods;
  project: Project;
  coverage: Coverage;
  /**
   * Elements of an imported eml.xml the fields above do not hold, kept verbatim and written back by
   * `buildEmlXml` in their place (absent when there are none).
   */
  keep?: KeptXml[];
}

/**
 * A problem found in metadata. `field` is the key of the field as in the Metadata sheet (`title`, `creator.2.email`,
 * `coverage.west`); `row` is set when the problem was found while reading the sheet (1-based sheet row).
 */
export interface MetadataProblem {
  /** error: blocks the export; warning: export goes on. */
  severity: "error" | "warning";
  /** Stable code, e.g. `required`, `email`, `orcid`, `invalidXmlChar`. */
  code: string;
  field: string;
  message: Text2;
  row?: number;
}
