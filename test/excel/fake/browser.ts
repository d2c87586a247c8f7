/**
 * Browser entry of the fake Excel, for the task pane's browser test: bundle this file (it has no Node imports)
 * and load it in the page instead of office.js. It reads an optional `globalThis.__fakeExcelInit`
 * (`{ sheets?: FakeSheetInit[], options?: FakeOptions }`), installs `Excel` and `Office` on `globalThis`, and
 * exposes the fake as `globalThis.__fakeExcel` so the test can inspect the workbook with `page.evaluate`
 * (e.g. `__fakeExcel.sheetNames()`, `__fakeExcel.sheet("Event").values("A1:C1")`, `__fakeExcel.syncCount`).
 */
import type { FakeOptions, FakeSheetInit } from "./index";
import { createFakeExcel } from "./index";

const scope = globalThis as unknown as Record<string, unknown>;
const init = (scope.__fakeExcelInit ?? {}) as { sheets?: FakeSheetInit[]; options?: FakeOptions };
const fake = createFakeExcel(init.sheets, init.options);
fake.install(scope);
scope.__fakeExcel = fake;
