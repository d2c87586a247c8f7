/** Whether the first-run guide is shown: until the first export, or until the user hides it. */
import { useCallback, useState } from "react";

/** The localStorage key remembering that this user has exported once (or hid the guide). */
export const FIRST_RUN_KEY = "dwc-excel.guide.done";

function stored(): boolean {
  try {
    return typeof localStorage !== "undefined" && localStorage.getItem(FIRST_RUN_KEY) === "1";
  } catch {
    return false; // storage refused (private mode, policies): the guide simply shows
  }
}

export interface FirstRunState {
  /** The guide is shown. */
  show: boolean;
  /** Hides it for good (after the first export, or on the user's click). */
  finish(): void;
}

/** The first-run guide's state, remembered in localStorage (per user, across workbooks). */
export function useFirstRun(): FirstRunState {
  const [show, setShow] = useState(() => !stored());
  const finish = useCallback(() => {
    setShow(false);
    try {
      localStorage.setItem(FIRST_RUN_KEY, "1");
    } catch {
      // not remembered: the guide comes back next time, which does no harm
    }
  }, []);
  return { show, finish };
}
