/**
 * Errors the archive code throws when it cannot go on. Problems in the user's data are not errors: the export
 * returns them as refusals, the reader as part of its result.
 */

/** Stable codes the task pane and the CLI can switch on. */
export type ArchiveErrorCode =
  | "NOT_A_ZIP"
  /** A damaged zip: a wrong size or CRC, a truncated entry, an unsupported compression method. */
  | "BAD_ZIP"
  /** A zip whose entries inflate to more than the reader's limits (a "zip bomb"). */
  | "ZIP_LIMIT"
  | "NO_DATA_FILE"
  | "BAD_META_XML"
  | "MISSING_FILE"
  | "UNSUPPORTED_ENCODING"
  | "BAD_DATA_FILE"
  | "WRITER_STATE"
  | "CANCELLED";

/**
 * Thrown by the archive reader and writer. `path` locates the problem from the outside in, e.g.
 * `["archive", "occurrence.txt", "line 12"]`, and is part of the message.
 */
export class ArchiveError extends Error {
  readonly code: ArchiveErrorCode;
  readonly path: readonly string[];
  /** The message without the path, to re-throw the error with a longer path. */
  readonly detail: string;

  constructor(code: ArchiveErrorCode, message: string, path: readonly string[] = []) {
    super(path.length ? `${path.join(" > ")}: ${message}` : message);
    this.name = "ArchiveError";
    this.code = code;
    this.path = path;
    this.detail = message;
  }

  /** The same error with `outer` put in front of its path (`["archive"]` + `["occurrence.txt"]`). */
  within(...outer: string[]): ArchiveError {
    return new ArchiveError(this.code, this.detail, [...outer, ...this.path]);
  }
}
