/**
 * @jest-environment jsdom
 */
/* "Open a Darwin Core Archive…" (issue #12): the button picks a .zip through a hidden file input, the bytes of the
   picked file go to importArchive, progress shows rows written with Cancel, a filled Metadata sheet is replaced or
   kept only as the user answers, and the result lists the sheets, the notes and Validate as the next step. */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { OpenArchive } from "../../src/taskpane/components/OpenArchive";
import { PaneContext } from "../../src/taskpane/context";
import { stringsFor } from "../../src/taskpane/i18n";
import type { ImportOutcome } from "../../src/taskpane/services";
import type { Lang } from "../../src/dwc/types";
import { callsOf, fakeServices, type FakeServices } from "./fakeServices";
import { renderPane } from "./render";

const BYTES = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);

const DONE: ImportOutcome = {
  kind: "done",
  sheets: [
    {
      name: "Occurrence",
      location: "occurrence.txt",
      records: 1234,
      columns: 12,
      registered: true,
      remarks: [
        { kind: "defaultFilled", header: "basisOfRecord", value: "PreservedSpecimen" },
        { kind: "noTerm", header: "remarks", column: 7, location: "occurrence.txt", ownHeader: true },
      ],
    },
    { name: "Image", location: "image.txt", records: 1, columns: 4, registered: false, remarks: [] },
  ],
  metadata: "written",
  packageId: "9f9b3ad4-1a6c-4b7e-9a3e-1c2d3e4f5a6b/v1.3",
  metadataRead: true,
  notes: ["occurrence.txt: lines end with CR LF though meta.xml declares LF; both read as line ends"],
};

/** A picked file whose bytes jsdom can give (its Blob has no arrayBuffer()). */
function zipFile(name = "birds.zip"): File {
  const file = new File([BYTES], name, { type: "application/zip" });
  Object.defineProperty(file, "arrayBuffer", { value: async () => BYTES.slice().buffer });
  return file;
}

function renderOpen(services: FakeServices, lang: Lang = "en", onValidate?: () => void) {
  const value = { services, host: { platform: "OfficeOnline", displayLanguage: "en-US" }, lang, strings: stringsFor(lang), setLang: () => undefined };
  return render(
    <FluentProvider theme={webLightTheme}>
      <PaneContext.Provider value={value}>
        <OpenArchive onValidate={onValidate} />
      </PaneContext.Provider>
    </FluentProvider>
  );
}

const pick = (file: File): void => {
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [file] } });
};

describe("Open a Darwin Core Archive", () => {
  it("is the first thing on the Templates tab, a button that opens a .zip picker", async () => {
    renderPane();
    const button = await screen.findByRole("button", { name: "Open a Darwin Core Archive…" });
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    expect(input.accept).toBe(".zip,application/zip");
    const clicked = jest.spyOn(input, "click");
    fireEvent.click(button);
    expect(clicked).toHaveBeenCalledTimes(1);
    // Before the template form's first control.
    const insert = screen.getByRole("button", { name: "Insert template" });
    expect(button.compareDocumentPosition(insert) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("imports the picked file's bytes and shows the sheets, the notes and Validate next", async () => {
    const services = fakeServices();
    services.importOutcome = () => DONE;
    const onValidate = jest.fn();
    renderOpen(services, "en", onValidate);
    pick(zipFile());
    await screen.findByText("Opened birds.zip.");
    const [bytes, lang, choice] = callsOf(services, "importArchive")[0];
    expect([...(bytes as Uint8Array)]).toEqual([...BYTES]);
    expect([lang, choice]).toEqual(["en", undefined]);
    expect(screen.getByText("Occurrence: 1234 records from occurrence.txt")).toBeTruthy();
    expect(screen.getByText("Image: 1 record from image.txt (no Darwin Core role: not exported)")).toBeTruthy();
    expect(screen.getByText(/packageId 9f9b3ad4-1a6c-4b7e-9a3e-1c2d3e4f5a6b\/v1\.3/)).toBeTruthy();
    expect(screen.getByText(/basisOfRecord: empty cells filled with the default “PreservedSpecimen”/)).toBeTruthy();
    expect(screen.getByText(/remarks: column 7 of occurrence\.txt has no Darwin Core term/)).toBeTruthy();
    expect(screen.getByText(/lines end with CR LF/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Validate" }));
    expect(onValidate).toHaveBeenCalledTimes(1);
  });

  it("asks before replacing a filled Metadata sheet; Keep mine and Replace are passed on, Cancel imports nothing", async () => {
    const services = fakeServices();
    services.importOutcome = (choice) => (choice ? { ...DONE, metadata: choice === "keep" ? "kept" : "replaced" } : { kind: "metadataExists" });
    renderOpen(services);
    pick(zipFile());
    fireEvent.click(await screen.findByRole("button", { name: "Keep mine", hidden: true }));
    await screen.findByText("Your Metadata sheet was kept as it was.");
    expect(callsOf(services, "importArchive").map((c) => c[2])).toEqual([undefined, "keep"]);

    pick(zipFile());
    fireEvent.click(await screen.findByRole("button", { name: "Replace", hidden: true }));
    await screen.findByText(/Metadata sheet filled from eml\.xml/);
    expect(callsOf(services, "importArchive").map((c) => c[2])).toEqual([undefined, "keep", undefined, "replace"]);

    pick(zipFile());
    // Fluent's opening motion may leave the dialog aria-hidden in jsdom: its buttons are found all the same.
    const dialog = await screen.findByRole("dialog", { hidden: true });
    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel", hidden: true }));
    await waitFor(() => expect(screen.queryByRole("dialog", { hidden: true })).toBeNull());
    expect(callsOf(services, "importArchive")).toHaveLength(5);
    expect(screen.queryByText(/^Opened/)).toBeNull();
  });

  it("shows rows written of the total while importing, and Cancel says the workbook is as it was", async () => {
    const services = fakeServices();
    services.hang = true;
    renderOpen(services);
    pick(zipFile());
    await screen.findByText("2,000 of 5,000 rows · Occurrence");
    expect((screen.getByRole("button", { name: "Open a Darwin Core Archive…" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await screen.findByText("Import cancelled. The workbook is as it was.");
  });

  it("says in Russian when the file is not a zip", async () => {
    const services = fakeServices();
    services.failWith = Object.assign(new Error("archive: the bytes are not a zip file"), { code: "NOT_A_ZIP" });
    renderOpen(services, "ru");
    fireEvent.click(screen.getByRole("button", { name: "Открыть архив Darwin Core…" }));
    pick(zipFile("notes.zip"));
    await screen.findByText("Это не zip-архив. Выберите файл .zip архива Darwin Core.");
    expect(screen.getByText("Архив не импортирован. Книга осталась прежней.")).toBeTruthy();
  });
});
