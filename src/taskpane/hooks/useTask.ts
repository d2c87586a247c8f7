/** Runs one long task at a time with progress and Cancel. */
import { useCallback, useEffect, useRef, useState } from "react";
import { errorMessage, isAbort } from "../errors";
import type { Progress, TaskOptions } from "../services";

export interface TaskState {
  running: boolean;
  progress?: Progress;
  /** Message of the last failure (not set for a cancellation). */
  error?: string;
  /** The last run was cancelled by the user. */
  cancelled: boolean;
}

export interface Task {
  state: TaskState;
  /** Runs `fn`; resolves to its result, or undefined when it failed or was cancelled. */
  run<T>(fn: (options: TaskOptions) => Promise<T>): Promise<T | undefined>;
  cancel(): void;
  clearError(): void;
}

/** A task runner: one AbortController per run, progress in state, errors as messages. */
export function useTask(): Task {
  const [state, setState] = useState<TaskState>({ running: false, cancelled: false });
  const ctrl = useRef<AbortController | undefined>(undefined);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      ctrl.current?.abort();
    };
  }, []);

  const run = useCallback(async <T,>(fn: (options: TaskOptions) => Promise<T>): Promise<T | undefined> => {
    ctrl.current?.abort();
    const c = new AbortController();
    ctrl.current = c;
    setState({ running: true, cancelled: false });
    const onProgress = (progress: Progress): void => {
      if (mounted.current && ctrl.current === c) setState((s) => ({ ...s, progress }));
    };
    try {
      const result = await fn({ signal: c.signal, onProgress });
      if (c.signal.aborted) {
        if (mounted.current) setState({ running: false, cancelled: true });
        return undefined;
      }
      if (mounted.current) setState({ running: false, cancelled: false });
      return result;
    } catch (e) {
      if (mounted.current) {
        setState(
          isAbort(e) || c.signal.aborted
            ? { running: false, cancelled: true }
            : { running: false, cancelled: false, error: errorMessage(e) }
        );
      }
      return undefined;
    } finally {
      if (ctrl.current === c) ctrl.current = undefined;
    }
  }, []);

  const cancel = useCallback(() => ctrl.current?.abort(), []);
  const clearError = useCallback(() => setState((s) => ({ ...s, error: undefined, cancelled: false })), []);
  return { state, run, cancel, clearError };
}
