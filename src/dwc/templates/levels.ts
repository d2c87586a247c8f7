/**
 * Which columns a template sheet has by default and how strongly each is asked for.
 *
 * Sources: GBIF's IPT spreadsheet templates (2026; levels from their header fills, generated into
 * `generated/iptTemplates.ts`), the GBIF definitions' `required='true'`, and three decisions of ours:
 * - basisOfRecord is required on every occurrence sheet: the IPT refuses to publish occurrence rows without a
 *   valid basisOfRecord (GenerateDwca.java), although the occurrence template only marks it recommended;
 * - each sheet's id column (taxonID, occurrenceID, eventID) is required and first;
 * - an extension sheet's link column (the core's id term) is required and first.
 */
import { IPT_TEMPLATES } from "../generated/iptTemplates";
import type { ColumnLevel, DatasetClass, RowTypeId } from "../types";

/** The id term of each dataset class's core, which extension sheets link to. */
export const CORE_ID_TERM: Readonly<Record<DatasetClass, string>> = {
  checklist: "taxonID",
  occurrence: "occurrenceID",
  event: "eventID",
};

/** The core definition of each dataset class. */
export const CORE_ROW_TYPE: Readonly<Record<DatasetClass, RowTypeId>> = {
  checklist: "taxon",
  occurrence: "occurrence",
  event: "event",
};

/** The IPT template sheet each of our sheets follows: [file prefix, sheet name]. */
const IPT_SHEET: Readonly<Record<string, readonly [string, string]>> = {
  "checklist/core": ["checklist_", "Taxon"],
  "occurrence/core": ["occurrence_", "Occurrences"],
  "event/core": ["event_", "Sampling Events"],
  "event/occurrence": ["event_", "Associated Occurrences"],
};

/** [term, level] in the IPT template's column order, for a core sheet or the event's occurrence sheet. */
export function iptColumns(
  datasetClass: DatasetClass,
  sheet: "core" | "occurrence"
): (readonly [string, ColumnLevel])[] {
  const key = IPT_SHEET[`${datasetClass}/${sheet}`];
  if (!key) return [];
  const found = IPT_TEMPLATES.find((t) => t.file.startsWith(key[0]) && t.sheet === key[1]);
  return found ? [...found.columns] : [];
}

/**
 * Recommended columns of the extension sheets. GBIF's definitions mark only a few properties required and no IPT
 * template exists for extensions; these are the columns without which a record of that extension says little.
 */
export const EXTENSION_RECOMMENDED: Readonly<Record<RowTypeId, readonly string[]>> = {
  measurementorfact: ["measurementValue", "measurementUnit"],
  extendedmeasurementorfact: ["measurementType", "measurementValue", "measurementUnit"],
  multimedia: ["identifier", "type", "format", "license", "creator"],
  vernacularname: ["language", "countryCode", "source"],
  references: ["bibliographicCitation", "identifier"],
  resourcerelationship: ["relationshipOfResource"],
};
