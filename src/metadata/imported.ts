/**
 * The metadata of a published archive as the workbook takes them on import: eml.xml read into the model (its
 * packageId and the elements the model does not hold, kept verbatim), and the dataset type set from the core. The
 * CLI's `dwc-excel import` and the task pane's "Open a Darwin Core Archive" both use this, so they fill the
 * Metadata sheet alike.
 */
import { emptyMetadata } from "./empty";
import { readEml } from "./eml-read";
import type { DatasetMetadata, DatasetType } from "./types";
import { XmlSyntaxError } from "../archive/xml-tree";

/** The GBIF dataset type of an archive's core row type, when it is one of the three cores. */
const TYPE_OF_CORE: Readonly<Record<string, DatasetType>> = {
  occurrence: "occurrence",
  event: "samplingevent",
  taxon: "checklist",
};

/** What {@link importedMetadata} found. */
export interface ImportedMetadata {
  meta: DatasetMetadata;
  /** Whether eml.xml was there and readable (false: `meta` is empty but for the dataset type). */
  read: boolean;
  /** What could not be taken over, in words (`eml.xml: …`). */
  notes: string[];
}

/**
 * The dataset's metadata from the archive's metadata document.
 *
 * @param text eml.xml as text; undefined when the archive has none (or meta.xml names a missing file)
 * @param location where meta.xml says the document is (`eml.xml`), for the notes
 * @param coreRowTypeId the model's id of the core's row type (`occurrence`), which sets the dataset type
 * @example importedMetadata(emlText, "eml.xml", "occurrence").meta.packageId // "9f9b…/v1.3"
 */
export function importedMetadata(
  text: string | undefined,
  location: string | undefined,
  coreRowTypeId?: string
): ImportedMetadata {
  const notes: string[] = [];
  let meta: DatasetMetadata;
  let read = false;
  if (text === undefined) {
    notes.push(
      location
        ? `the metadata file ${location} is missing: the Metadata sheet starts empty`
        : "the archive has no eml.xml: the Metadata sheet starts empty"
    );
    meta = emptyMetadata();
  } else {
    try {
      const eml = readEml(text);
      notes.push(...eml.notes.map((n) => `${location}: ${n}`));
      meta = eml.meta;
      read = true;
    } catch (e) {
      if (!(e instanceof XmlSyntaxError)) throw e;
      notes.push(`${location} cannot be read (${e.message}): the Metadata sheet starts empty`);
      meta = emptyMetadata();
    }
  }
  const type = coreRowTypeId ? TYPE_OF_CORE[coreRowTypeId] : undefined;
  if (type) meta.datasetType = type;
  return { meta, read, notes };
}
