/**
 * @jest-environment jsdom
 */
/* Issue #14, the pane tells the truth: a second core is asked for, the metadata take the dataset type from the
   core sheet that is there, an export's result stays when the user looks at another tab, a refusal lists its
   blockers right under "N problems block the export" and every counted warning is listed, severity colours
   are readable in both themes. */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import { emptyAgent, emptyMetadata } from "../../src/metadata";
import { SEVERITY_COLOURS } from "../../src/taskpane/components/SeverityCounts";
import type { DatasetSheetInfo, ExportOutcome } from "../../src/taskpane/services";
import type { Issue } from "../../src/validate/types";
import { callsOf, fakeServices } from "./fakeServices";
import { renderPane } from "./render";

const OCCURRENCE: DatasetSheetInfo = { name: "Occurrence", role: { rowTypeId: "occurrence", kind: "core", datasetClass: "occurrence", idTerm: "occurrenceID" } as DatasetSheetInfo["role"], records: 3 };

const finding = (ruleId: string, severity: Issue["severity"], sheet: string, row: number, en: string): Issue => ({
  ruleId,
  severity,
  sheet,
  row,
  column: row > 0 ? 1 : -1,
  message: { en, ru: en },
});

const summary = (over: Partial<Extract<ExportOutcome, { kind: "blocked" }>["summary"]> = {}) => ({
  files: [],
  leftOutColumns: [],
  blockers: [],
  blockerCount: 0,
  errors: [],
  errorCount: 0,
  warnings: [],
  warningCount: 0,
  ...over,
});

function complete() {
  const m = emptyMetadata();
  m.title = "Eiders";
  m.description = "Counts of eiders.";
  m.license = "CC-BY-4.0";
  m.creators = [{ ...emptyAgent(), surName: "Ivanova" }];
  m.contacts = [{ ...emptyAgent(), organization: "Reserve" }];
  return m;
}

describe("the pane tells the truth", () => {
  it("asks before inserting a second core, and inserts only when told", async () => {
    const services = fakeServices();
    services.sheets = [OCCURRENCE];
    renderPane({ services });
    fireEvent.click(await screen.findByRole("button", { name: "Insert template" }));
    const dialog = await screen.findByRole("dialog", { name: "Add a second core sheet?", hidden: true });
    expect(dialog.textContent).toContain("already has a core sheet (Occurrence)");
    fireEvent.click(await within(dialog).findByRole("button", { name: "Cancel", hidden: true }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(callsOf(services, "insertTemplate")).toHaveLength(0);
    fireEvent.click(screen.getByRole("button", { name: "Insert template" }));
    fireEvent.click(await within(await screen.findByRole("dialog", { hidden: true })).findByRole("button", { name: "Insert a second core", hidden: true }));
    expect(await screen.findByText("Inserted: Occurrence (2).")).toBeTruthy();
    expect(callsOf(services, "insertTemplate")).toHaveLength(1);
  });

  it("inserts without asking when the workbook has no core", async () => {
    const { services } = renderPane();
    fireEvent.click(await screen.findByRole("button", { name: "Insert template" }));
    expect(await screen.findByText("Inserted: Occurrence.")).toBeTruthy();
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(callsOf(services, "listDatasetSheets")).toHaveLength(1);
  });

  it("takes the dataset type from the core sheet: never asks for a core sheet that is there", async () => {
    const services = fakeServices();
    services.sheets = [OCCURRENCE];
    renderPane({ services });
    fireEvent.click(screen.getByRole("tab", { name: "Metadata" }));
    await screen.findByRole("textbox", { name: /^Title/ });
    await waitFor(() => expect(callsOf(services, "listDatasetSheets").length).toBeGreaterThan(0));
    fireEvent.click(screen.getByRole("button", { name: "Save to workbook" }));
    const missing = await screen.findByText("Required for publishing:");
    await waitFor(() => expect(missing.parentElement?.textContent).not.toMatch(/core sheet/));
    expect(missing.parentElement?.textContent).toMatch(/Title/);
  });

  it("keeps the export's result when the user looks at another tab, until the next export", async () => {
    const services = fakeServices();
    services.stored = complete();
    const blocker = finding("archive.coreCount", "blocker", "Occurrence", 0, 'The core sheet "Occurrence" has no records: a dataset needs at least one.');
    services.outcome = { kind: "blocked", summary: summary({ blockers: [blocker], blockerCount: 1 }), metadataProblems: [] };
    renderPane({ services });
    fireEvent.click(screen.getByRole("tab", { name: "Export" }));
    fireEvent.click(screen.getByRole("button", { name: "Export archive" }));
    const region = await screen.findByRole("region", { name: "The archive was not built" });
    // the refusal is an error bar, never a success, and the blocker comes right after "1 problem blocks the export:"
    expect(within(region).getByRole("alert").textContent).toContain("1 problem blocks the export:");
    const text = region.textContent ?? "";
    expect(text.indexOf("1 problem blocks the export:")).toBeLessThan(text.indexOf("has no records"));
    expect(text).toContain("Not exactly one core sheet with records");
    expect(text).not.toContain("archive.coreCount");
    expect(screen.queryByText(/^Archive ready/)).toBeNull();
    fireEvent.click(screen.getByRole("tab", { name: "Templates" }));
    fireEvent.click(screen.getByRole("tab", { name: "Export" }));
    expect(await screen.findByRole("region", { name: "The archive was not built" })).toBeTruthy();
    expect(callsOf(services, "exportArchive")).toHaveLength(1);
  });

  it("lists every warning an archive was built with", async () => {
    const services = fakeServices();
    services.stored = complete();
    const warnings = [
      finding("recommended-column", "warning", "Occurrence", 1, "No eventDate column."),
      finding("sheet-empty", "info", "Sheet1", 0, 'Sheet "Sheet1" is empty'),
    ];
    services.outcome = {
      kind: "done",
      fileName: "Eiders.zip",
      zip: [new Uint8Array([1])],
      packageId: "urn:uuid:1",
      summary: summary({ warnings, warningCount: 2, files: [{ sheet: "Occurrence", location: "occurrence.txt", rowType: "x", records: 1, columns: [], emptyRowsSkipped: 0, bytes: 1 }] }),
    } as ExportOutcome;
    (URL as unknown as { createObjectURL: unknown }).createObjectURL = () => "blob:x";
    (URL as unknown as { revokeObjectURL: unknown }).revokeObjectURL = () => undefined;
    renderPane({ services });
    fireEvent.click(screen.getByRole("tab", { name: "Export" }));
    fireEvent.click(screen.getByRole("button", { name: "Export archive" }));
    const region = await screen.findByRole("region", { name: "Archive ready: Eiders.zip" });
    expect(within(region).getByText("2 warnings and notes")).toBeTruthy();
    expect(within(region).getByText("No eventDate column.")).toBeTruthy();
    expect(within(region).getByText('Sheet "Sheet1" is empty')).toBeTruthy();
    expect(region.textContent).toContain("Occurrence, 1 row");
  });
});

/** WCAG relative luminance contrast of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string): number => {
    const h = hex.replace("#", "");
    const [r, g, bl] = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

describe("severity colours", () => {
  it.each([
    ["light", webLightTheme],
    ["dark", webDarkTheme],
  ] as [string, Theme][])("reach 4.5:1 in the %s theme, blockers and errors red, warnings amber, notes neutral", (_name, theme) => {
    for (const [severity, c] of Object.entries(SEVERITY_COLOURS)) {
      const ratio = contrast(String(theme[c.background]), String(theme[c.foreground]));
      console.log(`${_name} ${severity}: ${theme[c.foreground]} on ${theme[c.background]} = ${ratio.toFixed(2)}:1`);
      expect(ratio).toBeGreaterThanOrEqual(4.5);
    }
    expect(SEVERITY_COLOURS.blocker.background).toMatch(/Red/);
    expect(SEVERITY_COLOURS.error.background).toMatch(/Red/);
    expect(SEVERITY_COLOURS.warning.background).toMatch(/Marigold/);
    expect(SEVERITY_COLOURS.info.background).toMatch(/Neutral/);
  });
});
