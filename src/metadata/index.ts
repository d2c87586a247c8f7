/**
 * Dataset metadata (EML): the model, its checks, the eml.xml writer, coverage derived from the data, and its
 * storage in the Metadata sheet and in `--metadata` JSON.
 */
export type {
  Agent,
  Coverage,
  CoverageSource,
  DatasetMetadata,
  DatasetType,
  GeographicCoverage,
  KeptXml,
  LicenseId,
  MetadataProblem,
  Methods,
  Project,
  TaxonCoverage,
  TaxonomicCoverage,
  TemporalCoverage,
  UpdateFrequency,
} from "./types";
export { emptyAgent, emptyMetadata, isEmptyAgent } from "./empty";
export { LICENSES, getLicense, parseLicense, spdxUrl } from "./licenses";
export type { LicenseDef } from "./licenses";
export {
  DATASET_TYPES,
  LANGUAGES,
  UPDATE_FREQUENCIES,
  datasetTypeFor,
  normalizeLanguage,
  parseDatasetType,
  parseUpdateFrequency,
} from "./vocabularies";
export { AGENT_FIELDS, AGENT_LISTS, SCALAR_FIELDS, SECTIONS, fieldLabel, scalarField } from "./fields";
export type { FieldKind, FieldSection, ScalarFieldSpec } from "./fields";
export { EXCEL_CELL_LIMIT, checkMetadata, isValidOrcid, metadataIsPublishable, normalizeOrcid } from "./check";
export { findInvalidXmlChars, replaceInvalidXmlChars } from "../archive/xml-text";
export type { InvalidXmlChar } from "../archive/xml-text";
export { fixInvalidXmlChars } from "./fix";
export { fieldPath, fieldKeyOf, fieldValue, joinKeywords, splitKeywords, KEYWORD_SEPARATOR } from "./paths";
export type { MetadataChange } from "./fix";
export { DATASET_TYPE_THESAURUS, EML_NAMESPACE, EML_SCHEMA_LOCATION, buildEmlXml, taxonCountsText } from "./eml";
export type { EmlOptions } from "./eml";
export { readEml } from "./eml-read";
export type { EmlRead } from "./eml-read";
export { importedMetadata } from "./imported";
export type { ImportedMetadata } from "./imported";
export { XmlSyntaxError } from "../archive/xml-tree";
export { MetadataError } from "./errors";
export type { MetadataErrorCode } from "./errors";
export { isYearDate, parseEventDate } from "./dates";
export type { DaySpan } from "./dates";
export {
  COVERAGE_RANKS,
  addChunkToCoverage,
  deriveCoverage,
  longitudeSpan,
  mergeCoverage,
  newCoverageStats,
} from "./coverage";
export type { CoverageRank, CoverageReadOptions, CoverageStats } from "./coverage";
export {
  METADATA_SHEET_FORMAT,
  METADATA_SHEET_NAME,
  isMetadataSheet,
  metadataFromSheetRows,
  metadataToSheetRows,
  taxonToCell,
} from "./sheet";
export type { SheetReadOptions } from "./sheet";
export { metadataToJson, parseMetadataJson } from "./json";
export { exportPackageId } from "./packageId";
export type { ExportPackageId } from "./packageId";
