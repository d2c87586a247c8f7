/**
 * @jest-environment jsdom
 */
/* "Standardise my table" (issue 13): opened from the Templates screen, it proposes a term per column of the user's
   own sheet (real core, corpus table), lets the user override a term through the term search and leave a column
   out, applies the mapping they see, and lists what was done with clickable cells; saved mappings are offered and
   re-checked against the headers. */
import * as fs from "fs";
import * as path from "path";
import Papa from "papaparse";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { applyMapping, parseSavedMapping, type SavedMapping } from "../../src/standardise";
import { callsOf, fakeServices, type FakeTable } from "./fakeServices";
import { renderPane } from "./render";

/** A corpus table (ExcelJS does not load under jsdom, so the CSV is parsed here; the cells are text either way). */
async function corpus(file: string): Promise<FakeTable> {
  const text = fs.readFileSync(path.join(__dirname, "..", "standardise", "corpus", file), "utf8").replace(/^\uFEFF/, "");
  const [headers, ...rows] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  return { headers, rows: rows.map((r) => headers.map((_, c) => r[c] ?? "")) };
}

const row = (header: string) => screen.getByRole("listitem", { name: header });
const termOf = (header: string) => within(row(header)).getByTestId("term").textContent;

async function open(table: FakeTable) {
  const services = fakeServices();
  services.tables = { "Лист1": table };
  services.activeSheet = "Лист1";
  const r = renderPane({ services });
  fireEvent.click(await screen.findByRole("button", { name: "Standardise my table" }));
  await screen.findByRole("list", { name: "Columns" });
  return r;
}

describe("Standardise screen", () => {
  it("proposes a term per column of the active sheet, with samples, confidence and reason", async () => {
    const table = await corpus("01-birds-ru.csv");
    await open(table);
    expect(termOf("Вид")).toBe("scientificName");
    expect(termOf("Дата")).toBe("eventDate");
    expect(within(row("Дата")).getByText(/^Values: 23\.06\.2012 · 24\.06\.2012 · 03\.07\.2012$/)).toBeTruthy();
    expect(within(row("Широта")).getByText("confident")).toBeTruthy();
    expect(screen.getByRole("radio", { name: "Occurrences" })).toHaveProperty("checked", true);
  });

  it("applies the user's choices: an overridden term, a column left out; then lists what was done", async () => {
    const table = await corpus("01-birds-ru.csv");
    const { services } = await open(table);
    services.issues = [
      { code: "x", severity: "error", sheet: "Occurrence", row: 2, column: 0, term: "catalogNumber", message: { en: "m", ru: "m" } } as never,
    ];
    fireEvent.click(within(row("№")).getByRole("button", { name: "Choose a term for №" }));
    fireEvent.change(within(row("№")).getByRole("searchbox"), { target: { value: "catalog" } });
    fireEvent.click(await within(row("№")).findByRole("button", { name: "Use catalogNumber" }));
    expect(termOf("№")).toBe("catalogNumber");
    fireEvent.change(screen.getByRole("combobox", { name: "What to do: Местонахождение" }), { target: { value: "leave-out" } });

    fireEvent.click(screen.getByRole("button", { name: "Apply: write a new sheet" }));
    await screen.findByText("Written: sheet Occurrence");
    const [sheet, mapping, lang] = callsOf(services, "applyStandardise")[0] as [string, SavedMapping, string];
    expect(sheet).toBe("Лист1");
    expect(lang).toBe("en");
    expect(mapping.columns.find((c) => c.header === "№")).toEqual({ header: "№", term: "catalogNumber", action: "map" });
    expect(mapping.columns.find((c) => c.header === "Местонахождение")?.action).toBe("leave-out");
    const written = services.written["Occurrence"];
    expect(written.headers).toContain("catalogNumber");
    expect(written.headers).not.toContain("locality");

    // The summary: every left-out cell of Местонахождение, each one a link to its cell in the original sheet.
    const expected = applyMapping(mapping, table.headers, table.rows).summary;
    const leftOut = screen.getByRole("region", { name: "Left out of the new sheet" });
    expect(within(leftOut).getAllByRole("listitem")).toHaveLength(expected.leftOut.length);
    const first = expected.leftOut[0];
    fireEvent.click(within(leftOut).getAllByRole("button")[0]);
    await waitFor(() => expect(callsOf(services, "selectCell")).toContainEqual(["Лист1", first.row, first.column]));
    const dates = expected.columns.find((c) => c.header === "Дата")!;
    const line = `Дата → eventDate: ${dates.filled} filled: ${dates.converted} converted, ${dates.kept.length} left as written`;
    const summary = screen.getByRole("region", { name: "What was done, by column" });
    expect(within(summary).getAllByRole("listitem").map((li) => li.textContent)).toContain(line);
    expect(dates.converted).toBeGreaterThan(0);
    // Validation ran on the workbook and the new sheet's findings are counted.
    expect(await screen.findByText("1 error, 0 warnings: see the Validate tab.")).toBeTruthy();
    expect(callsOf(services, "validateWorkbook")).toHaveLength(1);
  });

  it("offers a saved mapping, says how it fits the headers and takes its choices", async () => {
    const table = await corpus("01-birds-ru.csv");
    const services = fakeServices();
    services.tables = { "Лист1": table };
    services.activeSheet = "Лист1";
    services.savedMappings = [
      {
        name: "Season 2011",
        savedAt: "2012-01-01T00:00:00Z",
        mapping: {
          version: 1,
          datasetClass: "occurrence",
          columns: [
            { header: "Вид", term: "vernacularName", action: "verbatim" },
            { header: "Высота", term: "verbatimElevation", action: "map" },
          ],
        },
      },
    ];
    renderPane({ services });
    fireEvent.click(await screen.findByRole("button", { name: "Standardise my table" }));
    const use = await screen.findByRole("button", { name: "Use the mapping of Season 2011" });
    expect(screen.getByText(`1 column missing, ${table.headers.length - 1} new columns`)).toBeTruthy();
    fireEvent.click(use);
    expect(termOf("Вид")).toBe("vernacularName");
    expect(screen.getByRole("combobox", { name: "What to do: Вид" })).toHaveProperty("value", "verbatim");
    expect(screen.getByText(/^Not in this sheet: Высота\./)).toBeTruthy();
  });

  it("loads a mapping file (the CLI's JSON), re-checks it, and refuses one that is not a mapping", async () => {
    const table = await corpus("01-birds-ru.csv");
    await open(table);
    const input = screen.getByLabelText("Load mapping from JSON", { selector: "input" });
    const mapping = { version: 1, datasetClass: "occurrence", columns: table.headers.map((h) => ({ header: h, term: h === "Пол" ? null : "occurrenceRemarks" })) };
    fireEvent.change(input, { target: { files: [new File([JSON.stringify(mapping)], "m.json", { type: "application/json" })] } });
    expect(await screen.findByText("The mapping fits every column of this sheet.")).toBeTruthy();
    expect(termOf("Вид")).toBe("occurrenceRemarks");
    expect(screen.getByRole("combobox", { name: "What to do: Пол" })).toHaveProperty("value", "leave-out");
    fireEvent.change(input, { target: { files: [new File([`{"version":2}`], "bad.json")] } });
    expect(await screen.findByText("This file is not a usable mapping")).toBeTruthy();
    expect(screen.getByText(/version: expected 1/)).toBeTruthy();
  });

  it("saves the mapping on screen as the JSON the CLI's --mapping reads", async () => {
    const table = await corpus("01-birds-ru.csv");
    await open(table);
    fireEvent.change(screen.getByRole("combobox", { name: "What to do: Пол" }), { target: { value: "verbatim" } });
    const blobs: Blob[] = [];
    const url = URL as unknown as { createObjectURL?: unknown; revokeObjectURL?: unknown };
    url.createObjectURL = (b: Blob) => (blobs.push(b), "blob:mapping");
    url.revokeObjectURL = () => undefined;
    // jsdom cannot follow the download link; the Blob handed to it is what the user gets.
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    fireEvent.click(screen.getByRole("button", { name: "Save mapping as JSON" }));
    expect(blobs).toHaveLength(1);
    expect(click).toHaveBeenCalledTimes(1);
    click.mockRestore();
    const text = await new Promise<string>((resolve) => {
      const r = new FileReader();
      r.onload = () => resolve(String(r.result));
      r.readAsText(blobs[0]);
    });
    const saved = parseSavedMapping(JSON.parse(text));
    expect(saved.columns.map((c) => c.header)).toEqual(table.headers);
    expect(saved.columns.find((c) => c.header === "Пол")).toEqual({ header: "Пол", term: "sex", action: "verbatim" });
    expect(saved.columns.find((c) => c.header === "Вид")?.term).toBe(termOf("Вид"));
  });

  it("speaks Russian and says when there is no sheet to standardise", async () => {
    const services = fakeServices();
    renderPane({ services, host: { displayLanguage: "ru-RU" } });
    fireEvent.click(await screen.findByRole("button", { name: "Стандартизовать мою таблицу" }));
    expect(await screen.findByText(/^Нет листа для стандартизации/)).toBeTruthy();
  });
});
