/** Loads the Darwin Core model once (lazily) and shares it between screens. */
import { useEffect, useState } from "react";
import { usePane } from "../context";
import { errorMessage } from "../errors";
import type { ModelApi } from "../model";

export interface ModelState {
  model?: ModelApi;
  error?: string;
}

const cache = new WeakMap<object, Promise<ModelApi>>();

/** The model, or an error message when it could not be loaded; both undefined while loading. */
export function useModel(): ModelState {
  const { services } = usePane();
  const [state, setState] = useState<ModelState>({});
  useEffect(() => {
    let live = true;
    let p = cache.get(services);
    if (!p) {
      p = services.loadModel();
      cache.set(services, p);
    }
    p.then(
      (model) => live && setState({ model }),
      (e) => live && setState({ error: errorMessage(e) })
    );
    return () => {
      live = false;
    };
  }, [services]);
  return state;
}
