/**
 * @jest-environment jsdom
 */
/* Metadata and Export screens: the form edits the metadata model by field key and marks what GBIF requires;
   Export lists what blocks it with click-to-cell, downloads the archive as <title>.zip, and on Excel for Mac
   says downloads cannot work and offers the data URL instead. */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { emptyMetadata } from "../../src/metadata/empty";
import type { DatasetMetadata } from "../../src/metadata/types";
import type { ExportDone, ExportOutcome } from "../../src/taskpane/services";
import type { Issue } from "../../src/validate/types";
import { callsOf, fakeServices } from "./fakeServices";
import { renderPane } from "./render";

const summary = {
  files: [{ sheet: "Occurrence", location: "occurrence.txt", rowType: "http://rs.tdwg.org/dwc/terms/Occurrence", records: 3, columns: ["occurrenceID"], emptyRowsSkipped: 0, bytes: 40 }],
  leftOutColumns: [{ sheet: "Occurrence", column: 4, header: "Notes", reason: "not-a-term" as const, filledCells: 2 }],
  blockers: [],
  blockerCount: 0,
  errors: [],
  errorCount: 0,
  warnings: [],
  warningCount: 0,
};

describe("Metadata screen", () => {
  it("marks required items, reports what is missing on save, and saves what was typed", async () => {
    const { services } = renderPane();
    fireEvent.click(screen.getByRole("tab", { name: "Metadata" }));
    const title = await screen.findByRole("textbox", { name: /^Title/ });
    expect(title.hasAttribute("required") || title.getAttribute("aria-required") === "true").toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Save to workbook" }));
    expect(await screen.findByText("Required for publishing:")).toBeTruthy();
    await waitFor(() => expect(callsOf(services, "saveMetadata")).toHaveLength(1));

    fireEvent.change(title, { target: { value: "Птицы Кандалакши" } });
    fireEvent.change(screen.getByRole("textbox", { name: /^Keywords/ }), { target: { value: "birds | Белое море;eiders" } });
    fireEvent.change(screen.getByRole("combobox", { name: /^Licence/ }), { target: { value: "CC0-1.0" } });
    fireEvent.click(screen.getByRole("button", { name: "Creator: Add person" }));
    const creator = screen.getByRole("group", { name: "Creator: Person 1" });
    fireEvent.change(within(creator).getByRole("textbox", { name: "Last name" }), { target: { value: "Иванова" } });
    fireEvent.click(screen.getByRole("button", { name: "Save to workbook" }));
    await screen.findByText("Saved in the workbook.");
    const [saved, lang] = callsOf(services, "saveMetadata")[1] as [DatasetMetadata, string];
    expect(lang).toBe("en");
    expect(saved.title).toBe("Птицы Кандалакши");
    expect(saved.keywords).toEqual(["birds", "Белое море", "eiders"]);
    expect(saved.license).toBe("CC0-1.0");
    expect(saved.creators).toEqual([{ givenName: "", surName: "Иванова", organization: "", position: "", email: "", orcid: "", role: "" }]);
  });

  it("loads the workbook's metadata and keeps coverage the user typed when refreshing from the data", async () => {
    const services = fakeServices();
    const stored = emptyMetadata();
    stored.title = "Stored title";
    services.stored = stored;
    const derived = emptyMetadata().coverage;
    derived.geographic = { ...derived.geographic, west: 30, east: 35, south: 66, north: 68 };
    derived.temporal = { begin: "2023-06-01", end: "2023-06-30", source: "data" };
    derived.taxonomic = { description: "", source: "data", taxa: [{ rank: "family", name: "Anatidae", commonName: "", count: 12 }] };
    services.coverage = derived;
    renderPane({ services });
    fireEvent.click(screen.getByRole("tab", { name: "Metadata" }));
    expect(((await screen.findByRole("textbox", { name: /^Title/ })) as HTMLInputElement).value).toBe("Stored title");
    fireEvent.click(screen.getByRole("button", { name: "Coverage" }));
    const start = screen.getByRole("textbox", { name: /^Start date/ }) as HTMLInputElement;
    fireEvent.change(start, { target: { value: "2020" } });
    fireEvent.click(screen.getByRole("button", { name: "Refresh from data" }));
    expect(await screen.findByText("Anatidae")).toBeTruthy();
    expect(start.value).toBe("2020"); // typed by the user: kept
    expect((screen.getByRole("textbox", { name: /^West bound/ }) as HTMLInputElement).value).toBe("30");
  });
});

/** A finding of the export's validation at a cell of the Occurrence sheet. */
const finding = (severity: Issue["severity"], ruleId: string, row: number, column: number, value: string): Issue => ({
  ruleId,
  severity,
  sheet: "Occurrence",
  row,
  column,
  value,
  message: { en: `${ruleId}: ${value} in row ${row}`, ru: `${ruleId}: ${value} в строке ${row}` },
});

/** Stubs the download link; returns the downloads clicked and a restore function. */
function stubDownloads(): { clicked: string[]; restore: () => void } {
  const clicked: string[] = [];
  URL.createObjectURL = () => "blob:test/errors";
  URL.revokeObjectURL = () => undefined;
  const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this.download);
  });
  return { clicked, restore: () => click.mockRestore() };
}

describe("Export with errors", () => {
  it('asks "Export with N errors?": the default button shows the errors in the Validate tab, the other hands over the archive already built', async () => {
    const services = fakeServices();
    const errorsSummary = {
      ...summary,
      errors: [finding("error", "coordinates-out-of-range", 3, 5, "95"), finding("error", "coordinates-out-of-range", 2, 5, "-91")],
      errorCount: 2,
      warnings: [finding("warning", "whitespace-edges", 4, 2, "Moscow ")],
      warningCount: 1,
    };
    let proceeded = 0;
    const done: ExportDone = { kind: "done", fileName: "Eiders.zip", zip: [new Uint8Array([1])], summary: errorsSummary, packageId: "urn:uuid:1" };
    services.outcome = { kind: "errors", summary: errorsSummary, proceed: async () => (proceeded++, done) };
    const downloads = stubDownloads();
    renderPane({ services });
    fireEvent.click(screen.getByRole("tab", { name: "Export" }));
    fireEvent.click(screen.getByRole("button", { name: "Export archive" }));
    const dialog = await screen.findByRole("dialog", { name: "Export with 2 errors?" });
    expect(within(dialog).getByText(/^The validation found 2 values that are certainly wrong/)).toBeTruthy();
    // the primary (default) button comes first and shows the errors; nothing was downloaded
    // (Fluent hides the surface from the accessibility tree while it opens: wait for its buttons)
    // (Fluent keeps the surface aria-hidden until its opening motion ends, which jsdom may never signal)
    const buttons = await within(dialog).findAllByRole("button", { hidden: true });
    expect(buttons.map((b) => b.textContent)).toEqual(["Show errors", "Export anyway"]);
    // (that it has the focus when the question opens is checked in Chromium: jsdom has no layout for Fluent's focus)
    expect(downloads.clicked).toEqual([]);
    fireEvent.click(buttons[0]);
    await waitFor(() => expect(screen.getByRole("tab", { name: "Validate" }).getAttribute("aria-selected")).toBe("true"));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.getByText("Blocking export: 0")).toBeTruthy();
    expect(screen.getByText("Errors: 2")).toBeTruthy();
    expect(screen.getByText("Warnings: 1")).toBeTruthy();
    expect(screen.getAllByRole("button", { name: /^Go to Occurrence!F/ }).map((b) => b.textContent)).toEqual(["Occurrence!F2", "Occurrence!F3"]);
    expect(screen.getAllByText("Error")).toHaveLength(2);
    expect([proceeded, downloads.clicked]).toEqual([0, []]);

    // export again and answer "Export anyway": the built archive is handed over and downloaded, nothing else runs
    fireEvent.click(screen.getByRole("tab", { name: "Export" }));
    fireEvent.click(screen.getByRole("button", { name: "Export archive" }));
    const again = await screen.findByRole("dialog", { name: "Export with 2 errors?" });
    fireEvent.click(await within(again).findByRole("button", { name: "Export anyway", hidden: true }));
    expect(await screen.findByText("Archive ready: Eiders.zip")).toBeTruthy();
    expect(screen.getByText("The archive contains 2 errors (Validate tab).")).toBeTruthy();
    expect(screen.getByText("1 warning or note")).toBeTruthy();
    expect([proceeded, downloads.clicked]).toEqual([1, ["Eiders.zip"]]);
    expect(callsOf(services, "exportArchive")).toHaveLength(2);
    expect(callsOf(services, "validateWorkbook")).toHaveLength(0);
    downloads.restore();
  });

  it("counts exactly and in Russian plurals, also beyond the shortened lists, and keeps the answer at hand after Escape", async () => {
    const services = fakeServices();
    const errorsSummary = { ...summary, errors: [finding("error", "date-impossible", 2, 3, "2023-02-30")], errorCount: 21 };
    services.outcome = { kind: "errors", summary: errorsSummary, proceed: async () => ({ kind: "done", fileName: "a.zip", zip: [], summary: errorsSummary, packageId: "p" }) };
    renderPane({ services, host: { displayLanguage: "ru-RU" } });
    fireEvent.click(screen.getByRole("tab", { name: "Экспорт" }));
    fireEvent.click(screen.getByRole("button", { name: "Экспортировать архив" }));
    const dialog = await screen.findByRole("dialog", { name: "Экспортировать с 21 ошибкой?" });
    expect(within(dialog).getByText(/^Проверка нашла 21 заведомо неверное значение/)).toBeTruthy();
    fireEvent.keyDown(dialog, { key: "Escape" });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    // closed without an answer: the question stays on the screen
    const region = screen.getByRole("region", { name: "Экспортировать с 21 ошибкой?" });
    expect(within(region).getByRole("button", { name: "Всё равно экспортировать" })).toBeTruthy();
    fireEvent.click(within(region).getByRole("button", { name: "Показать ошибки" }));
    expect(await screen.findByText("Ошибки: 21")).toBeTruthy();
    expect(screen.getByText("В списке первые 1; числа выше — полные.")).toBeTruthy();
    expect(screen.getByText("Ошибка")).toBeTruthy();
  });

  it("lists blockers with their cells and counts all of them, with the errors that do not block", async () => {
    const services = fakeServices();
    // the summary lists the first blockers (here 150 of 1500); the screen shows 100 of them and counts the rest
    const blockers = Array.from({ length: 150 }, (_, n) => finding("blocker", "excel-error", n + 2, 1, "#N/A"));
    services.outcome = {
      kind: "blocked",
      summary: { ...summary, blockers, blockerCount: 1500, errors: [finding("error", "coordinates-out-of-range", 2, 5, "95")], errorCount: 4 },
      metadataProblems: [],
    };
    renderPane({ services });
    fireEvent.click(screen.getByRole("tab", { name: "Export" }));
    fireEvent.click(screen.getByRole("button", { name: "Export archive" }));
    expect(await screen.findByText("1500 problems block the export:")).toBeTruthy();
    // Counted by their accessible names (aria-label) with a selector: a role query over 100 links and the whole pane
    // takes jsdom minutes.
    const goTo = [...document.querySelectorAll("button[aria-label]")].filter((b) => /^Go to Occurrence!B\d+$/.test(b.getAttribute("aria-label")!));
    expect(goTo).toHaveLength(100);
    expect(screen.getByText("…and 1400 more")).toBeTruthy();
    expect(screen.getByText(/^There are also 4 errors that do not block the export\./)).toBeTruthy();
    expect(screen.queryByRole("dialog")).toBeNull();
    fireEvent.click(screen.getByText("Show errors").closest("button")!);
    expect(await screen.findByText("Blocking export: 1500")).toBeTruthy();
    expect(screen.getByText("Errors: 4")).toBeTruthy();
  }, 300_000);
});

describe("Export screen", () => {
  it("lists the blockers that refuse the export and selects their cells", async () => {
    const services = fakeServices();
    services.outcome = {
      kind: "blocked",
      summary: {
        ...summary,
        blockers: [
          { ruleId: "core.idUnique", severity: "blocker", sheet: "Occurrence", row: 7, column: 0, value: "A1", message: { en: "Duplicate occurrenceID A1", ru: "Повтор occurrenceID A1" } },
        ],
        blockerCount: 1,
      },
      metadataProblems: [{ severity: "error", code: "required", field: "title", message: { en: "Title is required.", ru: "Нужно название." } }],
    };
    renderPane({ services });
    fireEvent.click(screen.getByRole("tab", { name: "Export" }));
    fireEvent.click(screen.getByRole("button", { name: "Export archive" }));
    expect(await screen.findByText("1 problem blocks the export:")).toBeTruthy();
    expect(screen.getByText("Title is required.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Go to Occurrence!A7" }));
    await waitFor(() => expect(callsOf(services, "selectCell")).toEqual([["Occurrence", 7, 0]]));
  });

  it("downloads the archive as <title>.zip through a Blob made from the zip's chunks (not joined first) and shows the summary", async () => {
    const services = fakeServices();
    const zip = [new Uint8Array([0x50, 0x4b]), new Uint8Array([5]), new Uint8Array([6, 7, 8, 9])];
    services.outcome = { kind: "done", fileName: "Птицы Кандалакши.zip", zip, summary, packageId: "urn:uuid:1" } satisfies ExportOutcome;
    const RealBlob = globalThis.Blob;
    const blobParts: unknown[] = [];
    globalThis.Blob = class extends RealBlob {
      constructor(parts?: BlobPart[], options?: BlobPropertyBag) {
        blobParts.push(parts);
        super(parts, options);
      }
    };
    const blobs: Blob[] = [];
    const clicked: { href: string; download: string }[] = [];
    URL.createObjectURL = (b: Blob) => (blobs.push(b), "blob:test/1");
    URL.revokeObjectURL = () => undefined;
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    renderPane({ services });
    fireEvent.click(screen.getByRole("tab", { name: "Export" }));
    fireEvent.click(screen.getByRole("button", { name: "Export archive" }));
    expect(await screen.findByText("Archive ready: Птицы Кандалакши.zip")).toBeTruthy();
    expect(clicked).toEqual([{ href: "blob:test/1", download: "Птицы Кандалакши.zip" }]);
    expect(blobs[0].type).toBe("application/zip");
    const read = await new Promise<ArrayBuffer>((resolve) => {
      const r = new FileReader();
      r.onload = () => resolve(r.result as ArrayBuffer);
      r.readAsArrayBuffer(blobs[0]);
    });
    expect([...new Uint8Array(read)]).toEqual([0x50, 0x4b, 5, 6, 7, 8, 9]);
    // the Blob got the chunk list itself: the same arrays, no joined copy
    expect(blobParts).toHaveLength(1);
    expect(blobParts[0]).toHaveLength(zip.length);
    zip.forEach((chunk, i) => expect((blobParts[0] as unknown[])[i]).toBe(chunk));
    expect(screen.getByText("occurrence.txt")).toBeTruthy();
    expect(screen.getByText("Notes")).toBeTruthy();
    globalThis.Blob = RealBlob;
    click.mockRestore();
  });

  it("on Excel for Mac says downloads cannot work and copies the archive as a data URL", async () => {
    const services = fakeServices();
    // chunk lengths that are not multiples of 3: the base64 must run across chunk boundaries
    services.outcome = { kind: "done", fileName: "a.zip", zip: [new Uint8Array([1]), new Uint8Array([2, 3, 4, 5]), new Uint8Array([250])], summary, packageId: "urn:uuid:1" };
    const written: string[] = [];
    Object.defineProperty(navigator, "clipboard", { value: { writeText: async (t: string) => void written.push(t) }, configurable: true });
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click");
    renderPane({ services, host: { platform: "Mac" } });
    fireEvent.click(screen.getByRole("tab", { name: "Export" }));
    fireEvent.click(screen.getByRole("button", { name: "Export archive" }));
    expect(await screen.findByText("Excel for Mac cannot save downloads from add-ins")).toBeTruthy();
    expect(click.mock.contexts.map((a) => (a as HTMLAnchorElement).outerHTML)).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "Copy archive as data URL" }));
    await screen.findByText(/^Copied\./);
    expect(written).toEqual([`data:application/zip;base64,${Buffer.from([1, 2, 3, 4, 5, 250]).toString("base64")}`]);
    click.mockRestore();
  });

  it("takes a packageId the export made into the metadata, says it was kept in the sheet, and saves it with the form", async () => {
    const services = fakeServices();
    const stored = emptyMetadata();
    stored.title = "Eiders";
    services.stored = stored;
    const made = "urn:uuid:4f7c0c3e-2b1a-4d5e-8f90-123456789abc";
    services.outcome = { kind: "done", fileName: "Eiders.zip", zip: [new Uint8Array([1])], summary, packageId: made, newPackageId: { saved: true } };
    URL.createObjectURL = () => "blob:test/2";
    URL.revokeObjectURL = () => undefined;
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    renderPane({ services });
    await waitFor(() => expect(callsOf(services, "loadMetadata")).toHaveLength(1));
    fireEvent.click(screen.getByRole("tab", { name: "Export" }));
    fireEvent.click(screen.getByRole("button", { name: "Export archive" }));
    expect(await screen.findByText(`New dataset identifier (packageId): ${made}`)).toBeTruthy();
    expect(screen.getByText(/^Kept in the Metadata sheet: later exports reuse it/)).toBeTruthy();
    const [sent, lang] = callsOf(services, "exportArchive")[0] as [DatasetMetadata, string];
    expect([sent.title, sent.packageId, lang]).toEqual(["Eiders", "", "en"]);

    // the pane's metadata now carry the id: the next export sends it, and Save writes it
    fireEvent.click(screen.getByRole("button", { name: "Export archive" }));
    await waitFor(() => expect(callsOf(services, "exportArchive")).toHaveLength(2));
    expect((callsOf(services, "exportArchive")[1][0] as DatasetMetadata).packageId).toBe(made);
    fireEvent.click(screen.getByRole("tab", { name: "Metadata" }));
    fireEvent.click(screen.getByRole("button", { name: "Citation and maintenance" }));
    expect((screen.getByRole("textbox", { name: /^Dataset identifier \(packageId\)/ }) as HTMLInputElement).value).toBe(made);
    fireEvent.click(screen.getByRole("button", { name: "Save to workbook" }));
    await waitFor(() => expect(callsOf(services, "saveMetadata")).toHaveLength(1));
    expect((callsOf(services, "saveMetadata")[0][0] as DatasetMetadata).packageId).toBe(made);
    click.mockRestore();
  });

  it("says how to keep a new packageId when the Metadata sheet could not take it (in Russian)", async () => {
    const services = fakeServices();
    services.outcome = { kind: "done", fileName: "a.zip", zip: [new Uint8Array([1])], summary, packageId: "urn:uuid:2", newPackageId: { saved: false, reason: "sheetProblems" } };
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    URL.createObjectURL = () => "blob:test/3";
    renderPane({ services, host: { displayLanguage: "ru-RU" } });
    fireEvent.click(screen.getByRole("tab", { name: "Экспорт" }));
    fireEvent.click(screen.getByRole("button", { name: "Экспортировать архив" }));
    expect(await screen.findByText("Новый идентификатор набора данных (packageId): urn:uuid:2")).toBeTruthy();
    expect(screen.getByText(/^На листе Metadata есть записи, которые надстройка не может прочитать.* Сохраните метаданные/)).toBeTruthy();
    click.mockRestore();
  });

  it("shows progress and stops on Cancel", async () => {
    const services = fakeServices();
    services.hang = true;
    renderPane({ services });
    fireEvent.click(screen.getByRole("tab", { name: "Export" }));
    fireEvent.click(screen.getByRole("button", { name: "Export archive" }));
    expect(await screen.findByText("Occurrence: 1 of 4 rows")).toBeTruthy();
    expect(screen.getByText("Reading sheets")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(await screen.findByText("Cancelled.")).toBeTruthy();
  });
});
