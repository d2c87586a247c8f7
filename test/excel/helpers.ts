/** Installs a fresh fake Excel as the global `Excel`/`Office`; `uninstallFakes` (in afterEach) restores them. */
import type { FakeExcel, FakeOptions, FakeSheetInit } from "./fake";
import { createFakeExcel } from "./fake";

const installed: (() => void)[] = [];

export function installFake(initialSheets?: FakeSheetInit[], options?: FakeOptions): FakeExcel {
  const fake = createFakeExcel(initialSheets, options);
  installed.push(fake.install());
  return fake;
}

export function uninstallFakes(): void {
  while (installed.length) installed.pop()?.();
}
