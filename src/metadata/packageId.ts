/**
 * The eml.xml `packageId` of an export. The packageId names the dataset in its metadata document: a new one on every
 * export makes each export look like another dataset, so all exports of one workbook carry the same id. It is the
 * metadata's own when it has one, else a new `urn:uuid:` id that the caller keeps with the metadata (the task pane
 * writes it to the Metadata sheet; the CLI, which never changes its input, prints it for the user to add).
 */
import type { DatasetMetadata } from "./types";

/** The packageId an export writes, and whether it was made for this export (the metadata had none). */
export interface ExportPackageId {
  packageId: string;
  created: boolean;
}

/**
 * The metadata's packageId (trimmed), or `urn:uuid:<newUuid()>` when it has none. `newUuid` is the caller's
 * random RFC 4122 UUID source (`crypto.randomUUID`), so this module stays pure.
 *
 * @example exportPackageId({ ...meta, packageId: "" }, () => "4f7c0c3e-…") // { packageId: "urn:uuid:4f7c0c3e-…", created: true }
 */
export function exportPackageId(meta: DatasetMetadata, newUuid: () => string): ExportPackageId {
  const own = meta.packageId.trim();
  if (own !== "") return { packageId: own, created: false };
  return { packageId: `urn:uuid:${newUuid()}`, created: true };
}
