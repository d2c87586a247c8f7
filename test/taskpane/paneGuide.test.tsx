/**
 * @jest-environment jsdom
 */
/* Issue #14, guide and density: the four steps until the first export, "What next" after it, the metadata form
   (required items as a list, capitalised labels, "Same as the first creator"), Office theme changes followed. */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { ExportDone } from "../../src/taskpane/services";
import { FIRST_RUN_KEY } from "../../src/taskpane/hooks/useFirstRun";
import { fakeServices } from "./fakeServices";
import { renderPane } from "./render";

const summary = {
  files: [{ sheet: "Occurrence", location: "occurrence.txt", rowType: "http://rs.tdwg.org/dwc/terms/Occurrence", records: 3, columns: ["occurrenceID"], emptyRowsSkipped: 0, bytes: 40 }],
  leftOutColumns: [],
  blockers: [],
  blockerCount: 0,
  errors: [],
  errorCount: 0,
  warnings: [],
  warningCount: 0,
};

beforeEach(() => localStorage.clear());

describe("first-run guide", () => {
  it("shows the four steps, each leading to its tab, until the first export; then says what to do with the archive", async () => {
    const services = fakeServices();
    const done: ExportDone = { kind: "done", fileName: "Eiders.zip", zip: [new Uint8Array([1])], summary, packageId: "urn:uuid:1" };
    services.outcome = done;
    URL.createObjectURL = () => "blob:test/guide";
    URL.revokeObjectURL = () => undefined;
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    const r = renderPane({ services });
    const guide = screen.getByRole("navigation", { name: "Four steps to a GBIF dataset" });
    const steps = within(guide).getAllByRole("button").filter((b) => /^Step \d/.test(b.getAttribute("aria-label") ?? ""));
    expect(steps.map((b) => b.getAttribute("aria-label"))).toEqual(["Step 1: Template or open", "Step 2: Fill and validate", "Step 3: Metadata", "Step 4: Export"]);
    expect(steps[0].getAttribute("aria-current")).toBe("step");
    fireEvent.click(steps[2]);
    expect(screen.getByRole("tab", { name: "Metadata" }).getAttribute("aria-selected")).toBe("true");
    expect(within(guide).getByText(/^Describe the dataset/)).toBeTruthy();

    fireEvent.click(within(guide).getByRole("button", { name: "Step 4: Export" }));
    fireEvent.click(screen.getByRole("button", { name: "Export archive" }));
    await screen.findByText("Archive ready: Eiders.zip");
    const next = screen.getByRole("region", { name: "What next" });
    expect(within(next).getByText(/create a new resource and upload this archive/)).toBeTruthy();
    expect(within(next).getByText(/send the archive to the GBIF node/)).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole("navigation", { name: "Four steps to a GBIF dataset" })).toBeNull());
    expect(localStorage.getItem(FIRST_RUN_KEY)).toBe("1");
    r.unmount();
    click.mockRestore();
    // the next time the pane opens, the guide stays hidden
    renderPane();
    expect(screen.queryByRole("navigation", { name: "Four steps to a GBIF dataset" })).toBeNull();
  });

  it("can be hidden, in Russian too", () => {
    renderPane({ host: { displayLanguage: "ru-RU" } });
    const guide = screen.getByRole("navigation", { name: "Четыре шага к набору данных в GBIF" });
    fireEvent.click(within(guide).getByRole("button", { name: "Скрыть шаги" }));
    expect(screen.queryByRole("navigation")).toBeNull();
    expect(localStorage.getItem(FIRST_RUN_KEY)).toBe("1");
  });
});

describe("metadata form", () => {
  it("lists the missing required items, capitalises labels, and copies the first creator into the contacts", async () => {
    renderPane();
    fireEvent.click(screen.getByRole("tab", { name: "Metadata" }));
    await screen.findByRole("textbox", { name: /^Title/ });
    fireEvent.click(screen.getByRole("button", { name: "Save to workbook" }));
    const title = await screen.findByText("Required for publishing:");
    const items = within(title.parentElement as HTMLElement).getAllByRole("listitem");
    expect(items.length).toBeGreaterThanOrEqual(3);

    fireEvent.click(screen.getByRole("button", { name: "Creator: Add person" }));
    const creator = screen.getByRole("group", { name: "Creator: Person 1" });
    fireEvent.change(within(creator).getByRole("textbox", { name: "Last name" }), { target: { value: "Ivanova" } });
    fireEvent.change(within(creator).getByRole("textbox", { name: "Email" }), { target: { value: "anna@example.org" } });
    // a blank contact entry is replaced by the copy, not kept beside it
    fireEvent.click(screen.getByRole("button", { name: "Contact: Add person" }));
    fireEvent.click(screen.getByRole("button", { name: "Contact: Same as the first creator" }));
    const contacts = screen.getAllByRole("group", { name: /^Contact: Person/ });
    expect(contacts).toHaveLength(1);
    expect((within(contacts[0]).getByRole("textbox", { name: "Last name" }) as HTMLInputElement).value).toBe("Ivanova");
    expect((within(contacts[0]).getByRole("textbox", { name: "Email" }) as HTMLInputElement).value).toBe("anna@example.org");
  });

  it("names languages in words, without codes or standard numbers", async () => {
    renderPane();
    fireEvent.click(screen.getByRole("tab", { name: "Metadata" }));
    const select = (await screen.findByRole("combobox", { name: /^Data language/ })) as HTMLSelectElement;
    const labels = [...select.options].map((o) => o.textContent ?? "");
    expect(labels).toContain("Russian");
    expect(labels.every((l) => !/\(\w{3}\)/.test(l))).toBe(true);
    expect(document.body.textContent).not.toMatch(/ISO 639|data or user/);
  });
});

describe("Office theme", () => {
  it("follows Office's theme while the pane is open, and stops listening when it closes", () => {
    let listener: ((dark: boolean | undefined) => void) | undefined;
    let stopped = 0;
    const watchOfficeDark = (l: (dark: boolean | undefined) => void) => {
      listener = l;
      return () => {
        stopped++;
      };
    };
    const r = renderPane({ host: { officeDark: false, watchOfficeDark } });
    // the provider's background as its theme's CSS variables give it (jsdom computes no styles)
    const background = (): string | undefined => {
      const provider = document.querySelector(".fui-FluentProvider") as HTMLElement;
      const own = [...provider.classList].find((c) => /^fui-FluentProvider\w+$/.test(c) && c !== "fui-FluentProvider");
      const css = [...document.querySelectorAll("style")].flatMap((st) => [...(st.sheet?.cssRules ?? [])].map((r) => r.cssText)).join("\n");
      const rule = new RegExp(`\\.${own}\\s*\\{[^}]*--colorNeutralBackground1:\\s*([^;]+);`).exec(css);
      return rule?.[1].trim().toLowerCase();
    };
    expect(background()).toBe("#ffffff");
    act(() => listener?.(true));
    expect(background()).toBe("#292929");
    act(() => listener?.(false));
    expect(background()).toBe("#ffffff");
    r.unmount();
    expect(stopped).toBe(1);
  });
});
