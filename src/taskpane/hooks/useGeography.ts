/**
 * Country and sea boundaries for the validation (the BDQ spatial tests and the country, sea and swapped-coordinate
 * checks). They are a large chunk of their own, so the pane loads them after its first render, never before it,
 * and says so while they load; validations run before they arrived are run again by `useValidation`.
 */
import { useEffect, useState } from "react";
import { usePane } from "../context";
import { errorMessage } from "../errors";

/** Where the boundaries are: loading, loaded, or failed (with the reason; geography checks are then left out). */
export type GeographyState = { status: "loading" } | { status: "ready" } | { status: "failed"; error: string };

/** Starts loading the boundaries once, after the first render (unless `enabled` is false); their state. */
export function useGeography(enabled = true): GeographyState {
  const { services } = usePane();
  const [state, setState] = useState<GeographyState>({ status: "loading" });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    // After the first paint: a macrotask, so the pane is drawn before the chunk is even requested.
    const timer = setTimeout(() => {
      services.loadGeography().then(
        () => live && setState({ status: "ready" }),
        (e: unknown) => live && setState({ status: "failed", error: errorMessage(e) })
      );
    }, 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [services, enabled]);
  return state;
}
