/**
 * @jest-environment jsdom
 */
/* Pure helpers of the pane's layout: term names cut at camelCase boundaries, tab labels' break points, the theme
   watcher's fallback (issue #14). */
import { termNameParts } from "../../src/taskpane/components/TermName";
import { tabLabel } from "../../src/taskpane/components/App";
import { THEME_POLL_MS, watchOfficeDark } from "../../src/taskpane/theme";
import { stringsFor } from "../../src/taskpane/i18n";
import { terms } from "../../src/dwc";

describe("termNameParts", () => {
  it("cuts at camelCase boundaries and after prefixes, and gives every term name back whole", () => {
    expect(termNameParts("coordinateUncertaintyInMeters")).toEqual(["coordinate", "Uncertainty", "In", "Meters"]);
    expect(termNameParts("dwc:decimalLatitude")).toEqual(["dwc:", "decimal", "Latitude"]);
    expect(termNameParts("type")).toEqual(["type"]);
    expect(termNameParts("http://rs.tdwg.org/dwc/terms/eventID")).toEqual(["http:", "/", "/", "rs.tdwg.org/", "dwc/", "terms/", "event", "ID"]);
    for (const t of terms) expect(termNameParts(t.name).join("")).toBe(t.name);
  });
});

describe("tabLabel", () => {
  it("lets the long labels break only at a soft hyphen, in both languages", () => {
    for (const lang of ["en", "ru"] as const) {
      const s = stringsFor(lang);
      for (const label of [s.tabTemplates, s.tabHelp, s.tabValidate, s.tabMetadata, s.tabExport]) {
        const shown = tabLabel(label);
        expect(shown.replace(/\u00AD/g, "")).toBe(label);
        // every unbreakable piece is at most eight letters (a 60 px tab at 12 px)
        for (const piece of shown.split(/[\s\u00AD]/)) expect([label, piece, piece.length <= 8]).toEqual([label, piece, true]);
      }
    }
  });
});

describe("watchOfficeDark", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());
  it("reports a change of Office's theme found by looking again (no theme event in Excel), once per change", () => {
    let dark: boolean | undefined = false;
    const seen: (boolean | undefined)[] = [];
    const stop = watchOfficeDark((d) => seen.push(d), () => dark);
    jest.advanceTimersByTime(THEME_POLL_MS * 2);
    expect(seen).toEqual([]);
    dark = true;
    jest.advanceTimersByTime(THEME_POLL_MS);
    expect(seen).toEqual([true]);
    window.dispatchEvent(new Event("focus"));
    expect(seen).toEqual([true]);
    dark = false;
    window.dispatchEvent(new Event("focus"));
    expect(seen).toEqual([true, false]);
    stop();
    dark = true;
    jest.advanceTimersByTime(THEME_POLL_MS * 3);
    window.dispatchEvent(new Event("focus"));
    expect(seen).toEqual([true, false]);
  });
});
