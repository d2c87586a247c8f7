/**
 * The live validation session of the workbook: the engine's state after the last validation, the issue list's
 * subscribers, the add-in's own writes whose change events are ignored, and the queue that runs validations, edits
 * and fixes one at a time. The one place this state lives: the validation modules reach it through
 * {@link activeSession} and {@link enqueue}, never by keeping a copy.
 */
import type { WorkbookFacts } from "../dwc/table";
import type { Lang, SheetRole } from "../dwc/types";
import type { WorkbookValidator } from "../validate";
import type { Issue } from "../validate/types";
import type { MarksRecord } from "./marks";
import type { SheetExtent } from "./read";

/** Why the issue list changed: a full validation, a live edit, or the marks were cleared. */
export type IssuesChange = "full" | "edit" | "cleared";
export type IssuesListener = (issues: readonly Issue[], change: IssuesChange) => void;

/** A dataset sheet as the last validation saw it, and its marks sheet. */
export interface SheetState {
  id: string;
  name: string;
  role: SheetRole;
  width: number;
  rowCount: number;
  marks?: MarksRecord;
}

/** What the adapter keeps between a validation and the following edits. */
export interface ValidationState {
  validator: WorkbookValidator;
  facts: WorkbookFacts;
  lang: Lang;
  issues: Issue[];
  sheets: Map<string, SheetState>;
  takenNames: Set<string>;
}

/**
 * Everything live validation keeps for one workbook session: the engine's state after the last validation, the
 * subscribers, the add-in's own writes whose change events are ignored, and the queue that runs handlers one at a
 * time. One object, made fresh for each session ({@link resetValidationState}), instead of loose module variables.
 */
export interface ValidationSession {
  state: ValidationState | undefined;
  readonly listeners: Set<IssuesListener>;
  /** `sheetId|A1address` of writes the add-in made to dataset sheets, whose change events must be ignored. */
  readonly ownWrites: string[];
  /** Sheets the add-in is adding itself (mirror sheets), whose `onAdded` events must be ignored. */
  ownSheetAdds: number;
  /** Live edits, fixes and structural re-validations, in order: each waits for the one before. */
  chain: Promise<void>;
}

/** A new, empty session. */
export function createValidationSession(): ValidationSession {
  return { state: undefined, listeners: new Set(), ownWrites: [], ownSheetAdds: 0, chain: Promise.resolve() };
}

/** The workbook's session (the task pane and the ribbon command each run in one document's context). */
let session = createValidationSession();

/**
 * The current session, for the validation modules of the adapter (read it again after each await: a reset
 * replaces it).
 */
export function activeSession(): ValidationSession {
  return session;
}

/**
 * Runs `task` after everything queued before it (live edits, fixes, validations); a failure does not stop the
 * queue.
 *
 * @example return enqueue(() => fullValidation(onProgress, signal, options));
 */
export function enqueue<T>(task: () => Promise<T>): Promise<T> {
  const run = session.chain.then(task);
  session.chain = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

/** Tells the subscribers the current issue list. */
export function notify(change: IssuesChange): void {
  const issues = session.state?.issues ?? [];
  for (const l of session.listeners) l(issues, change);
}

/** Subscribes to the issue list (full validations, live edits, clearing). Returns the unsubscribe function. */
export function subscribeIssues(listener: IssuesListener): () => void {
  session.listeners.add(listener);
  return () => session.listeners.delete(listener);
}

/** The current issues (empty before the first validation). */
export function currentIssues(): readonly Issue[] {
  return session.state?.issues ?? [];
}

/**
 * Starts a new session: forgets the validation state, the pending own writes and the queue (for tests and when the
 * workbook closes). Subscribers stay subscribed: they belong to the pane, not to the session.
 */
export function resetValidationState(): void {
  session = { ...createValidationSession(), listeners: session.listeners };
}

/** The current session, for tests that check what it holds. */
export function currentValidationSession(): Readonly<ValidationSession> {
  return session;
}

/** The sheets the current validation knows, for the pane (name, id, extent). */
export function validatedSheets(): readonly Pick<SheetExtent, "id" | "name" | "rowCount">[] {
  return session.state ? [...session.state.sheets.values()].map((s) => ({ id: s.id, name: s.name, rowCount: s.rowCount })) : [];
}
