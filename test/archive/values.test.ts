import * as archive from "../../src/archive";
import * as dwc from "../../src/dwc";
import { isErrorCell } from "../../src/archive/values";

describe("archive cell values", () => {
  it("keeps the model's cell conversion on the archive's public surface", () => {
    expect(archive.createCellConverter).toBe(dwc.createCellConverter);
    expect(archive.numberText).toBe(dwc.numberText);
    expect(archive.toExcelPrecision).toBe(dwc.toExcelPrecision);
    expect(archive.createCellConverter({ date1904: false })(45000, "dd.mm.yyyy")).toBe("2023-03-15");
  });

  it("tells Excel error values, which block the export, from text that starts with #", () => {
    expect(isErrorCell("#N/A")).toBe(true);
    expect(isErrorCell("#ДЕЛ/0!")).toBe(true);
    expect(isErrorCell("#1 specimen")).toBe(false);
    expect(isErrorCell("N/A")).toBe(false);
    expect(isErrorCell(42)).toBe(false);
    expect(isErrorCell(null)).toBe(false);
  });
});
