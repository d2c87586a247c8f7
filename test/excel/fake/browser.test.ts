/** The browser entry installs the fake on globalThis from `__fakeExcelInit`. */
import type { FakeExcel } from "./index";
describe("fake Excel browser entry", () => {
  it("installs Excel and Office globals and exposes the fake", () => {
    const scope = globalThis as unknown as Record<string, unknown>;
    const before = { Excel: scope.Excel, Office: scope.Office };
    scope.__fakeExcelInit = { sheets: [{ name: "Start", values: [["hello"]] }], options: { displayLanguage: "ru-RU" } };
    jest.isolateModules(() => require("./browser"));
    const fake = scope.__fakeExcel as FakeExcel;
    expect(scope.Excel).toBe(fake.Excel);
    expect((scope.Office as typeof Office).context.displayLanguage).toBe("ru-RU");
    expect(fake.sheet("Start").value("A1")).toBe("hello");
    scope.Excel = before.Excel;
    scope.Office = before.Office;
    delete scope.__fakeExcel;
    delete scope.__fakeExcelInit;
  });
});
