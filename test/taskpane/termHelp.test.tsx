/**
 * @jest-environment jsdom
 */
/* Term help follows the selection: the term of the column under it, with the model's definition, examples,
   level and vocabulary, in the interface language. */
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { getVocabulary, termHelp } from "../../src/dwc";
import type { SelectionContext } from "../../src/taskpane/services";
import { callsOf } from "./fakeServices";
import { renderPane } from "./render";

const occurrenceCore = { rowTypeId: "occurrence", kind: "core", datasetClass: "occurrence", idTerm: "occurrenceID" } as SelectionContext["role"];

describe("Term help screen", () => {
  it("shows the term under the selection and follows selection changes", async () => {
    const { services, unmount } = renderPane();
    fireEvent.click(screen.getByRole("tab", { name: "Term help" }));
    await waitFor(() => expect(callsOf(services, "watchSelection")).toHaveLength(1));
    expect(await screen.findByText("Select a cell in a Darwin Core sheet to see its term.")).toBeTruthy();

    act(() => services.select({ sheet: "Occurrence", row: 5, column: 1, header: "basisOfRecord", role: occurrenceCore }));
    const help = termHelp("basisOfRecord", "en");
    expect(await screen.findByText(help.definition)).toBeTruthy();
    expect(screen.getByText("Occurrence · column B")).toBeTruthy();
    expect(screen.getByText("required")).toBeTruthy();
    // the closed vocabulary with its values
    const vocab = getVocabulary("basisOfRecord")!;
    expect(screen.getByText(vocab.closed ? "closed list: other values are errors" : "open list: other values are warnings")).toBeTruthy();
    const list = screen.getByLabelText(`Vocabulary: ${vocab.title}`);
    const items = [...list.querySelectorAll("li")].map((li) => li.textContent);
    expect(items).toEqual(vocab.concepts.map((c) => (c.label === c.value ? c.value : `${c.value} — ${c.label}`)));
    expect(items).toContain("PreservedSpecimen — Preserved Specimen");

    act(() => services.select({ sheet: "Occurrence", row: 5, column: 7, header: "eventDate", role: occurrenceCore }));
    expect(await screen.findByText(termHelp("eventDate", "en").definition)).toBeTruthy();
    for (const e of termHelp("eventDate", "en").examples.slice(0, 2)) expect(screen.getByText(e)).toBeTruthy();
    expect(screen.queryByText(/closed list|open list/)).toBeNull();

    unmount();
    await waitFor(() => expect(callsOf(services, "unwatchSelection")).toHaveLength(1));
  });

  it("says when the header is not a Darwin Core term or is blank", async () => {
    const { services } = renderPane();
    fireEvent.click(screen.getByRole("tab", { name: "Term help" }));
    await waitFor(() => expect(callsOf(services, "watchSelection")).toHaveLength(1));
    act(() => services.select({ sheet: "Notes", row: 2, column: 0, header: "Latitude" }));
    expect(await screen.findByText("“Latitude” is not a Darwin Core term.")).toBeTruthy();
    act(() => services.select({ sheet: "Notes", row: 2, column: 3, header: "" }));
    expect(await screen.findByText("This column has no header.")).toBeTruthy();
  });

  it("shows Russian help after switching the language", async () => {
    const { services } = renderPane();
    fireEvent.click(screen.getByRole("button", { name: "Русский" }));
    fireEvent.click(screen.getByRole("tab", { name: "Термины" }));
    await waitFor(() => expect(callsOf(services, "watchSelection")).toHaveLength(1));
    act(() => services.select({ sheet: "Находки", row: 3, column: 2, header: "scientificName", role: occurrenceCore }));
    const ru = termHelp("scientificName", "ru");
    expect(ru.definition).not.toBe(termHelp("scientificName", "en").definition);
    expect(await screen.findByText(ru.definition)).toBeTruthy();
    expect(screen.getByText("Определение")).toBeTruthy();
  });
});
