/** A command line the tool cannot act on: unknown command or option, missing value. The CLI exits 2. */
export class UsageError extends Error {
  readonly code = "USAGE";
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Exit codes, as documented in the usage text. */
export const EXIT = {
  /** Done; no errors in the data (warnings may exist). */
  ok: 0,
  /** The data has errors (validation) or the export was blocked by them. */
  dataErrors: 1,
  /** Unusable input: bad arguments, missing, unreadable, unsupported or empty file. */
  unusable: 2,
} as const;
