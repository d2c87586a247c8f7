/**
 * @jest-environment jsdom
 */
/* The Validate screen: counts by severity, issues grouped by rule, click to select the cell, next/previous,
   fixes for one cell or all matching, remove marks, Cancel. */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { getRule } from "../../src/validate/rules";
import type { DatasetSheetInfo } from "../../src/taskpane/services";
import type { Issue } from "../../src/validate/types";
import { callsOf, fakeServices } from "./fakeServices";
import { boundariesLoaded, renderPane } from "./render";

const issue = (ruleId: string, severity: Issue["severity"], row: number, column: number, value: string, to?: string): Issue => ({
  ruleId,
  severity,
  sheet: "Occurrence",
  row,
  column,
  term: "basisOfRecord",
  value,
  message: { en: `${ruleId} at row ${row}: ${value}`, ru: `${ruleId} в строке ${row}: ${value}` },
  fix: to
    ? {
        label: { en: "Use the vocabulary value", ru: "Значение из словаря" },
        changes: [{ sheet: "Occurrence", row, column, term: "basisOfRecord", from: value, to }],
      }
    : undefined,
});

const OCCURRENCE_SHEET = { name: "Occurrence", role: { rowTypeId: "occurrence", kind: "core", datasetClass: "occurrence", idTerm: "occurrenceID" }, records: 4 } as unknown as DatasetSheetInfo;

const ISSUES: Issue[] = [
  issue("vocabulary", "error", 4, 1, "preservedspecimen", "PreservedSpecimen"),
  issue("vocabulary", "error", 2, 1, "preservedspecimen", "PreservedSpecimen"),
  issue("vocabulary", "error", 7, 1, "Humanobservation", "HumanObservation"),
  issue("whitespace-edges", "warning", 3, 5, "Moscow "),
  { ...issue("excel-serial-date", "info", 0, -1, ""), sheet: "Occurrence" },
];

async function runValidation() {
  const r = renderPane();
  await boundariesLoaded(r.services);
  r.services.issues = ISSUES;
  fireEvent.click(screen.getByRole("tab", { name: "Validate" }));
  fireEvent.click(screen.getByRole("button", { name: "Validate workbook" }));
  await screen.findByText("Errors: 3");
  return r;
}

describe("Validate screen", () => {
  it("counts issues by severity and groups them by rule, errors first", async () => {
    await runValidation();
    expect(screen.getByText("Warnings: 1")).toBeTruthy();
    expect(screen.getByText("Notes: 1")).toBeTruthy();
    // each group is headed by its number of findings and the rule's title (never its id: users are not
    // developers; the id under the title was dropped), errors first
    const headers = screen.getAllByRole("button", { expanded: true }).concat(screen.queryAllByRole("button", { expanded: false }));
    const rules = headers.map((h) => h.textContent);
    const title = (id: string) => getRule(id)?.title.en ?? `no rule ${id}`;
    expect(rules).toEqual([`3${title("vocabulary")}`, `1${title("whitespace-edges")}`, `1${title("excel-serial-date")}`]);
    expect(screen.getByText("Leading or trailing spaces")).toBeTruthy();
    expect(screen.queryByText("whitespace-edges")).toBeNull();
    // cells of a rule in row order
    const cells = screen.getAllByRole("button", { name: /^Go to Occurrence!B/ }).map((b) => b.textContent);
    expect(cells).toEqual(["Occurrence!B2", "Occurrence!B4", "Occurrence!B7"]);
  });

  it("heads groups with the rule titles in Russian, and a rule not registered (a BDQ label before the BDQ tests load) with a plain title, never its id", async () => {
    const r = renderPane({ host: { displayLanguage: "ru-RU" } });
    await boundariesLoaded(r.services);
    const bdq = "VALIDATION_COUNTRYCODE_STANDARD";
    expect(getRule(bdq)).toBeUndefined();
    r.services.issues = [issue("whitespace-edges", "warning", 3, 5, "Moscow "), { ...issue(bdq, "error", 2, 4, "RUS"), term: "countryCode" }];
    fireEvent.click(screen.getByRole("tab", { name: "Проверка" }));
    fireEvent.click(screen.getByRole("button", { name: "Проверить книгу" }));
    expect(await screen.findByText("Пробелы в начале или в конце значения")).toBeTruthy();
    expect(screen.queryByText("whitespace-edges")).toBeNull();
    expect(screen.queryByText(bdq)).toBeNull();
    expect(screen.getByText("Проверка качества данных")).toBeTruthy();
    // the rule filter names rules by title too
    expect([...document.querySelectorAll("option")].map((o) => o.textContent).join("|")).not.toMatch(/whitespace-edges|VALIDATION_/);
  });

  it("selects the cell of a clicked issue and steps through issues with next and previous", async () => {
    const { services } = await runValidation();
    fireEvent.click(screen.getByRole("button", { name: "Go to Occurrence!F3" }));
    await waitFor(() => expect(callsOf(services, "selectCell")).toEqual([["Occurrence", 3, 5]]));
    fireEvent.click(screen.getByRole("button", { name: "Next issue" }));
    await waitFor(() => expect(callsOf(services, "selectCell")).toHaveLength(2));
    // after the warning comes... the first issue again: the info is sheet-level and has no cell
    expect(callsOf(services, "selectCell")[1]).toEqual(["Occurrence", 2, 1]);
    fireEvent.click(screen.getByRole("button", { name: "Previous issue" }));
    await waitFor(() => expect(callsOf(services, "selectCell")).toHaveLength(3));
    expect(callsOf(services, "selectCell")[2]).toEqual(["Occurrence", 3, 5]);
    expect(screen.getByText("Issue 4 of 5")).toBeTruthy();
  });

  it("applies a fix to one cell, or to every cell with the same value and proposal", async () => {
    const { services } = await runValidation();
    // two cells hold "preservedspecimen": the all-matching button covers both, not the Humanobservation one
    const all = screen.getAllByRole("button", { name: "Apply to all 2" });
    expect(all).toHaveLength(2);
    fireEvent.click(all[0]);
    await screen.findByText("2 cells changed.");
    const changes = callsOf(services, "applyChanges")[0][0] as { row: number; to: string }[];
    expect(changes.map((c) => [c.row, c.to])).toEqual([
      [2, "PreservedSpecimen"],
      [4, "PreservedSpecimen"],
    ]);
    // fixed issues leave the list
    expect(screen.getByText("Errors: 1")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Apply" }));
    await screen.findByText("1 cell changed.");
    expect((callsOf(services, "applyChanges")[1][0] as { to: string }[]).map((c) => c.to)).toEqual(["HumanObservation"]);
  });

  it("removes marks on request, and still lists the problems: removing marks changes nothing about the data", async () => {
    const { services } = await runValidation();
    fireEvent.click(screen.getByRole("button", { name: "Remove marks" }));
    await screen.findByText("Marks removed from the sheets. The problems listed are still in the data.");
    expect(callsOf(services, "removeMarks")).toHaveLength(1);
    // live validation reports the same list after the marks are gone (the adapter keeps the issues)
    act(() => services.liveUpdate(ISSUES));
    expect(screen.getByText("Errors: 3")).toBeTruthy();
    expect(screen.queryByText("No problems found.")).toBeNull();
    expect(screen.getByRole("button", { name: "Go to Occurrence!B2" })).toBeTruthy();
  });

  it("says the workbook has no Darwin Core sheets instead of \"No problems found\"", async () => {
    const r = renderPane();
    await boundariesLoaded(r.services);
    fireEvent.click(screen.getByRole("tab", { name: "Validate" }));
    fireEvent.click(screen.getByRole("button", { name: "Validate workbook" }));
    expect(await screen.findByText(/^The workbook has no Darwin Core sheets/)).toBeTruthy();
    expect(screen.queryByText("No problems found.")).toBeNull();
  });

  it("filters by sheet, tier and rule, counts per sheet, and steps with Previous/Next within the filters", async () => {
    const r = renderPane();
    await boundariesLoaded(r.services);
    r.services.issues = [...ISSUES, { ...issue("whitespace-edges", "warning", 9, 2, "Tver "), sheet: "Event" }];
    fireEvent.click(screen.getByRole("tab", { name: "Validate" }));
    fireEvent.click(screen.getByRole("button", { name: "Validate workbook" }));
    await screen.findByText("Warnings: 2");
    const bySheet = screen.getByRole("region", { name: "By sheet" });
    expect(within(bySheet).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Occurrence311", "Event1"]);
    fireEvent.change(screen.getByRole("combobox", { name: "Sheet" }), { target: { value: "Event" } });
    expect(await screen.findByText("Showing 1 of 6")).toBeTruthy();
    expect(screen.getAllByRole("button", { name: /^Go to / }).map((b) => b.textContent)).toEqual(["Event!C9"]);
    fireEvent.click(screen.getByRole("button", { name: "Next issue" }));
    await waitFor(() => expect(callsOf(r.services, "selectCell")).toEqual([["Event", 9, 2]]));
    fireEvent.change(screen.getByRole("combobox", { name: "Sheet" }), { target: { value: "" } });
    fireEvent.change(screen.getByRole("combobox", { name: "Tier" }), { target: { value: "error" } });
    expect(await screen.findByText("Showing 3 of 6")).toBeTruthy();
    fireEvent.change(screen.getByRole("combobox", { name: "Tier" }), { target: { value: "" } });
    fireEvent.change(screen.getByRole("combobox", { name: "Rule" }), { target: { value: "whitespace-edges" } });
    expect(await screen.findByText("Showing 2 of 6")).toBeTruthy();
  });

  it("draws only the rows in view of 100,000 findings, first groups open, and scrolls to the current one", async () => {
    const r = renderPane();
    await boundariesLoaded(r.services);
    const many: Issue[] = [];
    for (let n = 0; n < 100_000; n++) many.push(issue(n % 2 ? "whitespace-edges" : "vocabulary", n % 2 ? "warning" : "error", 2 + n, n % 7, `v${n}`));
    r.services.issues = many;
    fireEvent.click(screen.getByRole("tab", { name: "Validate" }));
    const t0 = Date.now();
    fireEvent.click(screen.getByRole("button", { name: "Validate workbook" }));
    await screen.findByText("Errors: 50000");
    console.log(`jsdom: 100,000 findings listed in ${Date.now() - t0} ms`);
    const rows = document.querySelectorAll("[data-testid=issue-list] li");
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(60);
    // both groups are open; the second one's heading is 50,000 rows below, not drawn
    expect(screen.getAllByRole("button", { expanded: true }).map((b) => b.textContent)).toEqual([`50000${getRule("vocabulary")?.title.en}`]);
    // Previous from nothing goes to the last located issue: its row is drawn, the list scrolled to it
    fireEvent.click(screen.getByRole("button", { name: "Previous issue" }));
    await waitFor(() => expect(callsOf(r.services, "selectCell")).toHaveLength(1));
    expect(await screen.findByText("Issue 100000 of 100000")).toBeTruthy();
    expect(document.querySelector("[aria-current=true]")?.textContent).toContain("v99999");
  });

  it("shows progress while running and stops on Cancel", async () => {
    const { services } = renderPane();
    services.hang = true;
    fireEvent.click(screen.getByRole("tab", { name: "Validate" }));
    fireEvent.click(screen.getByRole("button", { name: "Validate workbook" }));
    expect(await screen.findByText("Occurrence: 1 of 4 rows")).toBeTruthy();
    expect(screen.getByRole("progressbar")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(await screen.findByText("Cancelled.")).toBeTruthy();
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  it("after a validation, follows live validation of edits until the pane closes", async () => {
    const { services, unmount } = await runValidation();
    await waitFor(() => expect(callsOf(services, "watchIssues")).toHaveLength(1));
    // the user corrected two cells: live validation reports what is left
    act(() => services.liveUpdate([ISSUES[2], ISSUES[3]]));
    expect(await screen.findByText("Errors: 1")).toBeTruthy();
    expect(screen.getByText("Warnings: 1")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Go to Occurrence!B2" })).toBeNull();
    // a second run does not start a second watcher
    fireEvent.click(screen.getByRole("button", { name: "Validate workbook" }));
    await screen.findByText("Errors: 3");
    expect(callsOf(services, "watchIssues")).toHaveLength(1);
    unmount();
    await waitFor(() => expect(callsOf(services, "unwatchIssues")).toHaveLength(1));
  });

  it("tells blockers from errors: their own count, label and colour, blockers listed first", async () => {
    const r = renderPane();
    await boundariesLoaded(r.services);
    r.services.issues = [
      issue("vocabulary", "error", 5, 1, "preservedspecimen", "PreservedSpecimen"),
      { ...issue("basisOfRecord-invalid", "blocker", 3, 1, "fossil"), term: "basisOfRecord" },
      issue("whitespace-edges", "warning", 4, 5, "Moscow "),
    ];
    fireEvent.click(screen.getByRole("tab", { name: "Validate" }));
    fireEvent.click(screen.getByRole("button", { name: "Validate workbook" }));
    expect(await screen.findByText("Blocking export: 1")).toBeTruthy();
    expect(screen.getByText("Errors: 1")).toBeTruthy();
    expect(screen.getByText("Warnings: 1")).toBeTruthy();
    // each row names its tier; the blocker's row comes first
    const tags = [...document.querySelectorAll("li [data-severity]")].map((e) => [e.getAttribute("data-severity"), e.textContent]);
    expect(tags).toEqual([
      ["blocker", "Blocks export"],
      ["error", "Error"],
      ["warning", "Warning"],
    ]);
    // both red, told apart: the blocker's badge is filled, the error's light
    const badge = (severity: string) => document.querySelector(`li [data-severity="${severity}"]`)?.className ?? "";
    expect(badge("blocker")).not.toBe(badge("error"));
    // the same in Russian
    fireEvent.click(screen.getByRole("button", { name: "Русский" }));
    expect(await screen.findByText("Блокируют экспорт: 1")).toBeTruthy();
    expect(screen.getByText("Блокирует экспорт")).toBeTruthy();
    expect(screen.getByText("Ошибка")).toBeTruthy();
  });

  it("applies every matching two-cell fix with both its cells (the date and the original kept in verbatimEventDate)", async () => {
    const r = renderPane();
    await boundariesLoaded(r.services);
    const dateIssue = (row: number, from: string, to: string): Issue => ({
      ruleId: "day-first-date",
      severity: "warning",
      sheet: "Occurrence",
      row,
      column: 3,
      term: "eventDate",
      value: from,
      message: { en: `eventDate "${from}" is day-first`, ru: `eventDate «${from}» ДД.ММ.ГГГГ` },
      fix: {
        label: { en: `Replace with ${to}`, ru: `Заменить на ${to}` },
        changes: [
          { sheet: "Occurrence", row, column: 3, term: "eventDate", from, to },
          { sheet: "Occurrence", row, column: -1, term: "verbatimEventDate", from: "", to: from },
        ],
      },
    });
    r.services.issues = [dateIssue(2, "13.06.2023", "2023-06-13"), dateIssue(4, "13.06.2023", "2023-06-13"), dateIssue(6, "14.06.2023", "2023-06-14")];
    fireEvent.click(screen.getByRole("tab", { name: "Validate" }));
    fireEvent.click(screen.getByRole("button", { name: "Validate workbook" }));
    const all = await screen.findAllByRole("button", { name: "Apply to all 2" });
    expect(all).toHaveLength(2);
    fireEvent.click(all[0]);
    await screen.findByText("4 cells changed.");
    const changes = callsOf(r.services, "applyChanges")[0][0] as { row: number; column: number; term: string; to: string }[];
    expect(changes.map((c) => `${c.row}:${c.term}:${c.column}=${c.to}`)).toEqual([
      "2:eventDate:3=2023-06-13",
      "2:verbatimEventDate:-1=13.06.2023",
      "4:eventDate:3=2023-06-13",
      "4:verbatimEventDate:-1=13.06.2023",
    ]);
    // the two fixed issues leave the list; the other date stays
    expect(screen.getAllByRole("button", { name: /^Go to Occurrence!D/ }).map((b) => b.textContent)).toEqual(["Occurrence!D6"]);
  });

  it("loads the country boundaries after the first render, says so, and validates again once they are there", async () => {
    const services = fakeServices();
    let loaded!: () => void;
    services.geography = new Promise<void>((resolve) => (loaded = resolve));
    services.issues = ISSUES;
    renderPane({ services });
    // the pane is drawn first; the boundaries are requested afterwards
    expect(callsOf(services, "loadGeography")).toHaveLength(0);
    await waitFor(() => expect(callsOf(services, "loadGeography")).toHaveLength(1));
    fireEvent.click(screen.getByRole("tab", { name: "Validate" }));
    expect(screen.getByText("Loading country boundaries…")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Validate workbook" }));
    await screen.findByText("Errors: 3");
    expect(callsOf(services, "validateWorkbook")).toHaveLength(1);
    // the boundaries arrive: the validation runs again, so that the geography findings appear
    services.issues = [...ISSUES, { ...issue("coordinates-in-sea", "warning", 5, 6, "60, 0"), term: "decimalLatitude" }];
    await act(async () => loaded());
    await waitFor(() => expect(callsOf(services, "validateWorkbook")).toHaveLength(2));
    expect(await screen.findByText("Warnings: 2")).toBeTruthy();
    expect(screen.queryByText("Loading country boundaries…")).toBeNull();
    // a validation run after they loaded is not repeated
    fireEvent.click(screen.getByRole("button", { name: "Validate workbook" }));
    await waitFor(() => expect(callsOf(services, "validateWorkbook")).toHaveLength(3));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(callsOf(services, "validateWorkbook")).toHaveLength(3);
  });

  it("says when the country boundaries could not be loaded, and validates without them", async () => {
    const services = fakeServices();
    services.geography = Promise.reject(new Error("Loading chunk bdq-geometry failed"));
    services.geography.catch(() => undefined);
    renderPane({ services });
    fireEvent.click(screen.getByRole("tab", { name: "Validate" }));
    expect(await screen.findByText(/^Country boundaries could not be loaded.*Loading chunk bdq-geometry failed$/)).toBeTruthy();
    services.sheets = [OCCURRENCE_SHEET];
    fireEvent.click(screen.getByRole("button", { name: "Validate workbook" }));
    expect(await screen.findByText("No problems found.")).toBeTruthy();
    expect(callsOf(services, "validateWorkbook")).toHaveLength(1);
  });

  it("says so when there is nothing to fix", async () => {
    const { services } = renderPane();
    services.sheets = [OCCURRENCE_SHEET];
    await boundariesLoaded(services);
    fireEvent.click(screen.getByRole("tab", { name: "Validate" }));
    fireEvent.click(screen.getByRole("button", { name: "Validate workbook" }));
    expect(await screen.findByText("No problems found.")).toBeTruthy();
  });
});
