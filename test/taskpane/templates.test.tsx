/**
 * @jest-environment jsdom
 */
/* The Templates screen: class and preset choose the sheets from the real model, terms are found by searching
   names and definitions in English and Russian, optional columns can be removed, and Insert hands exactly those
   sheets to Excel. */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import type { SheetTemplate } from "../../src/dwc/types";
import { EXTENSION_CHOICES, buildTemplate } from "../../src/dwc";
import { callsOf } from "./fakeServices";
import { renderPane } from "./render";

const inserted = (calls: unknown[][]): SheetTemplate[] => calls[calls.length - 1][0] as SheetTemplate[];

describe("Templates screen", () => {
  it("inserts the minimal occurrence template by default, exactly as the model builds it", async () => {
    const { services } = renderPane();
    const insert = await screen.findByRole("button", { name: "Insert template" });
    fireEvent.click(insert);
    await screen.findByText(/^Inserted: Occurrence/);
    const sheets = inserted(callsOf(services, "insertTemplate"));
    expect(sheets).toEqual(buildTemplate("occurrence", "minimal"));
    expect(callsOf(services, "insertTemplate")[0][1]).toBe("en");
  });

  it("a sampling event gives the Event sheet and the Associated occurrences sheet, both listed", async () => {
    const { services } = renderPane();
    fireEvent.click(await screen.findByRole("radio", { name: "Sampling event" }));
    fireEvent.click(screen.getByRole("radio", { name: /Extended/ }));
    const expected = buildTemplate("event", "extended");
    expect(expected).toHaveLength(2);
    for (const sheet of expected) {
      const list = screen.getByLabelText(`${sheet.title.en}: ${sheet.columns.length} columns`);
      expect(list.tagName).toBe("UL");
      expect(list.querySelectorAll(":scope > li")).toHaveLength(sheet.columns.length);
    }
    fireEvent.click(screen.getByRole("button", { name: "Insert template" }));
    await waitFor(() => expect(callsOf(services, "insertTemplate")).toHaveLength(1));
    const sheets = inserted(callsOf(services, "insertTemplate"));
    expect(sheets.map((s) => s.role.rowTypeId)).toEqual(["event", "occurrence"]);
    expect(sheets[0].columns[0].term).toBe("eventID");
  });

  it("finds a term by a Russian word from its definition and adds it as the last column", async () => {
    const { services } = renderPane();
    const search = await screen.findByRole("searchbox");
    fireEvent.change(search, { target: { value: "глубин" } });
    const add = await screen.findByRole("button", { name: "Add minimumDepthInMeters" });
    fireEvent.click(add);
    const base = buildTemplate("occurrence", "minimal")[0];
    expect(screen.getByRole("list", { name: `Occurrence: ${base.columns.length + 1} columns` })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Insert template" }));
    await waitFor(() => expect(callsOf(services, "insertTemplate")).toHaveLength(1));
    const cols = inserted(callsOf(services, "insertTemplate"))[0].columns;
    expect(cols[cols.length - 1]).toMatchObject({ term: "minimumDepthInMeters", level: "optional", type: "decimal" });
  });

  it("finds terms by English name, says when nothing matches", async () => {
    renderPane();
    const search = await screen.findByRole("searchbox");
    fireEvent.change(search, { target: { value: "habitat" } });
    expect(await screen.findByRole("button", { name: "Add habitat" })).toBeTruthy();
    fireEvent.change(search, { target: { value: "zzqqxx" } });
    expect(await screen.findByText("No matching terms.")).toBeTruthy();
  });

  it("removes an optional column but offers no remove button for required ones", async () => {
    const { services } = renderPane();
    const base = buildTemplate("occurrence", "minimal")[0];
    const optional = base.columns.find((c) => c.level !== "required");
    const required = base.columns.filter((c) => c.level === "required");
    expect(optional).toBeDefined();
    await screen.findByRole("button", { name: "Insert template" });
    const removable = screen.getAllByLabelText(/^Remove column /).map((b) => b.getAttribute("aria-label"));
    expect(removable).toEqual(base.columns.filter((c) => c.level !== "required").map((c) => `Remove column ${c.term}`));
    for (const r of required) expect(removable).not.toContain(`Remove column ${r.term}`);
    fireEvent.click(screen.getByRole("button", { name: `Remove column ${optional!.term}` }));
    fireEvent.click(screen.getByRole("button", { name: "Insert template" }));
    await waitFor(() => expect(callsOf(services, "insertTemplate")).toHaveLength(1));
    const terms = inserted(callsOf(services, "insertTemplate"))[0].columns.map((c) => c.term);
    expect(terms).not.toContain(optional!.term);
    expect(terms).toHaveLength(base.columns.length - 1);
  });

  it("adds an extension sheet for the chosen extension and class; offers only extensions that fit the class", async () => {
    const { services } = renderPane();
    const select = await screen.findByRole("combobox", { name: "Extension sheet" });
    const offered = [...select.querySelectorAll("option")].map((o) => o.getAttribute("value"));
    expect(offered).toEqual(EXTENSION_CHOICES.filter((c) => c.datasetClasses.includes("occurrence")).map((c) => c.rowTypeId));
    expect(offered).not.toContain("vernacularname");
    fireEvent.change(select, { target: { value: "multimedia" } });
    fireEvent.click(screen.getByRole("button", { name: "Add extension sheet" }));
    await waitFor(() => expect(callsOf(services, "insertTemplate")).toHaveLength(1));
    const sheets = inserted(callsOf(services, "insertTemplate"));
    expect(sheets).toHaveLength(1);
    expect(sheets[0].role).toMatchObject({ rowTypeId: "multimedia", kind: "extension", datasetClass: "occurrence" });
  });

  it("formats the active sheet and reports what was done", async () => {
    const { services } = renderPane();
    fireEvent.click(await screen.findByRole("button", { name: "Format existing sheet" }));
    expect(await screen.findByText("Formatted 3 columns of Sheet1.")).toBeTruthy();
    expect(callsOf(services, "formatActiveSheet")).toEqual([["en"]]);
  });

  it("shows Excel's error as a message, not a blank pane", async () => {
    const { services } = renderPane();
    services.failWith = Object.assign(new Error("The requested resource doesn't exist."), {
      debugInfo: { errorLocation: "Worksheet.getRange" },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Insert template" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The requested resource doesn't exist. (Worksheet.getRange)");
  });
});
