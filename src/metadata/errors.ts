import type { MetadataProblem } from "./types";

/** Stable codes of metadata exceptions. */
export type MetadataErrorCode =
  /** `buildEmlXml` was given metadata with blocking problems (see `problems`). */
  | "METADATA_INVALID"
  /** An option of `buildEmlXml` (packageId, pubDate, dateStamp, alternateIdentifiers) is unusable. */
  | "EML_OPTION_INVALID";

/**
 * Thrown when code cannot go on (user-data problems are returned as MetadataProblem[] by the checks). The message
 * names the field(s).
 */
export class MetadataError extends Error {
  readonly code: MetadataErrorCode;
  /** The blocking problems, for METADATA_INVALID. */
  readonly problems: readonly MetadataProblem[];
  readonly field: string;

  constructor(code: MetadataErrorCode, field: string, message: string, problems: readonly MetadataProblem[] = []) {
    super(message);
    this.name = "MetadataError";
    this.code = code;
    this.field = field;
    this.problems = problems;
  }
}
