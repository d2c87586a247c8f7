/**
 * @jest-environment jsdom
 */
/* The pane as a whole: language from Office with a manual switch, keyboard-reachable tabs, and clear messages
   instead of a blank pane when Excel is too old, the model cannot load, or a screen fails. */
import { fireEvent, screen } from "@testing-library/react";
import { fakeServices } from "./fakeServices";
import { renderPane } from "./render";

describe("task pane", () => {
  it("starts in Russian when Office's display language is Russian, and switches languages on request", async () => {
    renderPane({ host: { displayLanguage: "ru-RU" } });
    expect(screen.getByRole("tab", { name: "Шаблоны" })).toBeTruthy();
    expect(await screen.findByRole("button", { name: "Вставить шаблон" })).toBeTruthy();
    expect(document.documentElement.lang).toBe("ru");
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    expect(await screen.findByRole("button", { name: "Insert template" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Templates" }).getAttribute("aria-selected")).toBe("true");
    expect(document.documentElement.lang).toBe("en");
  });

  it("has one labelled tab per screen and shows the chosen screen", () => {
    renderPane();
    const tabs = screen.getAllByRole("tab");
    const names = ["Templates", "Term help", "Validate", "Metadata", "Export"];
    expect(tabs).toHaveLength(names.length);
    names.forEach((name, i) => expect(screen.getByRole("tab", { name })).toBe(tabs[i]));
    fireEvent.click(screen.getByRole("tab", { name: "Export" }));
    expect(screen.getByRole("tabpanel").getAttribute("aria-labelledby")).toBe("tab-export");
    expect(screen.getByRole("button", { name: "Export archive" })).toBeTruthy();
  });

  it("shows a clear message instead of the screens when Excel lacks the required API", () => {
    renderPane({ fatal: "unsupported" });
    expect(screen.getByRole("alert").textContent).toContain("This Excel is too old for the add-in");
    expect(screen.getByRole("alert").textContent).toContain("Excel API 1.9");
    expect(screen.queryByRole("tab")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Русский" }));
    expect(screen.getByRole("alert").textContent).toContain("Эта версия Excel слишком старая для надстройки");
  });

  it("shows the reason when the model cannot be loaded", async () => {
    const services = fakeServices();
    services.loadModel = () => Promise.reject(new Error("Loading chunk model failed"));
    renderPane({ services });
    expect((await screen.findByRole("alert")).textContent).toContain("Loading chunk model failed");
  });

  it("catches a failing screen in an error boundary with a retry, keeping the tabs usable", async () => {
    const services = fakeServices();
    // a model without templates makes the Templates screen throw while rendering
    services.loadModel = async () => {
      const real = await fakeServices().loadModel();
      return { ...real, buildTemplate: () => { throw new Error("template table is corrupt"); } };
    };
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    renderPane({ services });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Something went wrong");
    expect(alert.textContent).toContain("template table is corrupt");
    expect(screen.getByRole("button", { name: "Try again" })).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: "Validate" }));
    expect(screen.getByRole("button", { name: "Validate workbook" })).toBeTruthy();
    spy.mockRestore();
  });
});
