/* The ribbon's Validate command (commands.html): registered under the manifest's FunctionName, validates the
   workbook through the Excel adapter and marks the problem cells, and always completes the event. */
import { buildTemplate } from "../../src/dwc";
import { resetValidationState } from "../../src/excel";
import { createFakeExcel, type FakeExcel } from "../excel/fake";

type Handler = (event: { completed: () => void }) => Promise<void>;

/** Office calls onReady's callback later, as the fake does: wait for it. */
const officeReady = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function loadCommands(fake: FakeExcel): Promise<Map<string, Handler>> {
  const handlers = new Map<string, Handler>();
  const office = fake.Office as unknown as Record<string, unknown>;
  office.actions = { associate: (name: string, fn: Handler) => handlers.set(name, fn) };
  fake.install();
  jest.isolateModules(() => require("../../src/commands/commands"));
  await officeReady();
  return handlers;
}

afterEach(() => {
  resetValidationState();
  delete (globalThis as Record<string, unknown>).Excel;
  delete (globalThis as Record<string, unknown>).Office;
});

describe("ribbon Validate command", () => {
  it("is registered as validateWorkbook, validates and marks a bad basisOfRecord, then completes", async () => {
    const core = buildTemplate("occurrence", "minimal")[0];
    const headers = core.columns.map((c) => c.term as string);
    const row = headers.map((h) => ({ occurrenceID: "o1", basisOfRecord: "Specimen" })[h as "occurrenceID"] ?? null);
    const fake = createFakeExcel([{ name: "Occurrence", values: [headers, row] }]);
    const handlers = await loadCommands(fake);
    expect([...handlers.keys()]).toEqual(["validateWorkbook"]);
    const completed = jest.fn();
    await handlers.get("validateWorkbook")!({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    // the adapter keeps marks on a very hidden mirror sheet and draws them with conditional formats
    const marks = fake.sheetNames().filter((n) => /^DwC marks \d+$/.test(n));
    expect(marks).toHaveLength(1);
    const bor = String.fromCharCode(65 + headers.indexOf("basisOfRecord"));
    expect(fake.sheet(marks[0]).value(`${bor}2`)).toMatch(/^E/);
  });

  it("falls back to a global function where Office.actions does not exist", async () => {
    const fake = createFakeExcel([{ name: "Sheet1" }]);
    fake.install();
    jest.isolateModules(() => require("../../src/commands/commands"));
    expect((globalThis as Record<string, unknown>).validateWorkbook).toBeUndefined();
    await officeReady();
    expect(typeof (globalThis as Record<string, unknown>).validateWorkbook).toBe("function");
    delete (globalThis as Record<string, unknown>).validateWorkbook;
  });

  it("completes the event when validation fails, and says why on the console", async () => {
    const fake = createFakeExcel([{ name: "Sheet1" }]);
    const handlers = await loadCommands(fake);
    (fake.Excel as unknown as { run: unknown }).run = () => Promise.reject(new Error("RichApi.Error: connection lost"));
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const completed = jest.fn();
    await handlers.get("validateWorkbook")!({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    expect(spy).toHaveBeenCalledWith("Validate (ribbon): RichApi.Error: connection lost");
    spy.mockRestore();
  });
});
