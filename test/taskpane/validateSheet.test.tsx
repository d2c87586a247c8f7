/**
 * @jest-environment jsdom
 */
/* "Validate this sheet only" (issue #14): offered while the active sheet is a Darwin Core sheet; the sheet's
   findings are replaced, the other sheets' stay. */
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import type { SelectionContext } from "../../src/taskpane/services";
import type { Issue } from "../../src/validate/types";
import { callsOf } from "./fakeServices";
import { boundariesLoaded, renderPane } from "./render";

const finding = (sheet: string, row: number, value: string): Issue => ({
  ruleId: "whitespace-edges",
  severity: "warning",
  sheet,
  row,
  column: 2,
  term: "locality",
  value,
  message: { en: `Spaces at the edges of “${value}”`, ru: `Пробелы по краям «${value}»` },
});

const onSheet = (sheet: string, role = true): SelectionContext => ({
  sheet,
  row: 2,
  column: 0,
  header: "eventID",
  role: role ? ({ rowTypeId: "event", kind: "core", datasetClass: "event", idTerm: "eventID" } as never) : undefined,
});

describe("Validate this sheet only", () => {
  it("validates the active dataset sheet alone and keeps the other sheets' findings", async () => {
    const r = renderPane();
    await boundariesLoaded(r.services);
    r.services.issues = [finding("Event", 2, "a "), finding("Event", 3, "b "), finding("Associated occurrences", 2, "c ")];
    fireEvent.click(screen.getByRole("tab", { name: "Validate" }));
    // a plain sheet: not offered
    await waitFor(() => expect(callsOf(r.services, "watchSelection")).toHaveLength(1));
    act(() => r.services.select(onSheet("Notes", false)));
    expect(screen.queryByRole("button", { name: "Validate this sheet only" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Validate workbook" }));
    await screen.findByText("Warnings: 3");

    // the user fixed Event row 3 and broke row 5; the occurrence sheet's finding is not looked at again
    r.services.issues = [finding("Event", 2, "a "), finding("Event", 5, "e "), finding("Associated occurrences", 2, "changed meanwhile ")];
    act(() => r.services.select(onSheet("Event")));
    const button = await screen.findByRole("button", { name: "Validate this sheet only" });
    expect(button.getAttribute("title")).toBe("Validates Event alone; the other sheets keep their findings.");
    fireEvent.click(button);
    await waitFor(() => expect(callsOf(r.services, "validateSheet")).toEqual([["Event"]]));
    await screen.findByText("Warnings: 3");
    const text = document.body.textContent ?? "";
    expect(text).toContain("“e ”");
    expect(text).not.toContain("“b ”");
    expect(text).toContain("“c ”");
    expect(text).not.toContain("changed meanwhile");
    expect(callsOf(r.services, "validateWorkbook")).toHaveLength(1);
  });
});
