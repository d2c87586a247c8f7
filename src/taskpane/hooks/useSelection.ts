/** Follows Excel's selection: the cell under it, its header and its sheet's role. */
import { useEffect, useState } from "react";
import { usePane } from "../context";
import { errorMessage } from "../errors";
import type { SelectionContext } from "../services";

export interface SelectionState {
  selection?: SelectionContext;
  error?: string;
}

/** The current selection context, updated on every selection change while the component is mounted. */
export function useSelection(): SelectionState {
  const { services } = usePane();
  const [state, setState] = useState<SelectionState>({});
  useEffect(() => {
    let live = true;
    let stop: (() => Promise<void>) | undefined;
    services
      .watchSelection((selection) => {
        if (live) setState({ selection });
      })
      .then(
        (s) => {
          if (live) stop = s;
          else void s().catch(() => undefined); // unmounted before registration finished: unregister now
        },
        (e) => live && setState({ error: errorMessage(e) })
      );
    return () => {
      live = false;
      if (stop) {
        stop().catch((e) => console.warn(`Term help: could not stop following the selection: ${errorMessage(e)}`));
      }
    };
  }, [services]);
  return state;
}
