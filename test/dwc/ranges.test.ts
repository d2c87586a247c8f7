import { CURRENT_YEAR, latestYear, rangeMax, rangeMaxFormula, TERM_RANGES } from "../../src/dwc";

describe("term ranges", () => {
  it("runs the year to the current year somewhere on Earth (UTC+14 is first into a new year)", () => {
    expect(latestYear(Date.UTC(2026, 11, 31, 9, 59))).toBe(2026);
    expect(latestYear(Date.UTC(2026, 11, 31, 10, 0))).toBe(2027);
    expect(TERM_RANGES.year.max).toBe(CURRENT_YEAR);
    expect(rangeMax(TERM_RANGES.year, Date.UTC(2030, 5, 1))).toBe(2030);
    expect(rangeMaxFormula(TERM_RANGES.year)).toBe("YEAR(TODAY())");
  });
  it("keeps fixed bounds as numbers and leaves an open range open", () => {
    expect(rangeMax(TERM_RANGES.month)).toBe(12);
    expect(rangeMaxFormula(TERM_RANGES.decimalLongitude)).toBe(180);
    expect(rangeMax(TERM_RANGES.coordinateUncertaintyInMeters)).toBeUndefined();
    expect(TERM_RANGES.coordinateUncertaintyInMeters).toMatchObject({ min: 0, minExclusive: true });
  });
});
