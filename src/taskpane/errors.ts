/** Turning thrown values into messages the pane can show. */

/** Message of an error, including Office's `debugInfo.errorLocation` when Excel gives one. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) {
    const loc = (e as { debugInfo?: { errorLocation?: string } }).debugInfo?.errorLocation;
    return loc ? `${e.message} (${loc})` : e.message;
  }
  return String(e);
}

/** Whether an error is a cancellation (AbortController.abort()). */
export const isAbort = (e: unknown): boolean =>
  (e instanceof Error || (typeof e === "object" && e !== null)) && (e as { name?: string }).name === "AbortError";
