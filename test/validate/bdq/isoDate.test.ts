import { dayOfYear, parseIsoDate, withinOne } from "../../../src/validate/bdq/isoDate";

describe("parseIsoDate", () => {
  it("reads a year, a month and a day as intervals of a year, a month and a day", () => {
    expect(parseIsoDate("1980")).toMatchObject({ start: { precision: "year", year: 1980 } });
    const month = parseIsoDate("1963-03")!;
    expect((month.endMs - month.startMs) / 86_400_000).toBe(31);
    const day = parseIsoDate("1963-03-08")!;
    expect((day.endMs - day.startMs) / 1000).toBe(86_400);
  });

  it("counts the leap day in a leap year", () => {
    const y = parseIsoDate("1980")!;
    expect((y.endMs - y.startMs) / 1000).toBe(31_622_400);
  });

  it("applies the time zone of a date-time", () => {
    const a = parseIsoDate("1963-03-08T14:07-0600")!;
    const b = parseIsoDate("1963-03-08T20:07Z")!;
    expect(a.startMs).toBe(b.startMs);
  });

  it("completes an abbreviated interval end from its start", () => {
    const d = parseIsoDate("1880-05-08/10")!;
    expect(d.end).toMatchObject({ year: 1880, month: 5, day: 10 });
    expect((d.endMs - d.startMs) / 1000).toBe(259_200);
  });

  it("rejects impossible dates and times, two-digit years and hour 24", () => {
    for (const bad of [
      "1963-03-08T14:67-0600",
      "1963-03-08T4",
      "1963-03-08T14:0",
      "63",
      "0",
      "null",
      "2021-02-29",
      "2021-06-03T24:00",
      "1981/1980",
    ]) {
      expect(parseIsoDate(bad)).toBeUndefined();
    }
  });

  it("reads ordinal dates", () => {
    expect(parseIsoDate("1999-123")?.start).toMatchObject({ month: 5, day: 3 });
  });
});

describe("withinOne and dayOfYear", () => {
  it("knows when an interval stays within one year, month or day", () => {
    const d = parseIsoDate("1981-01/1981-12")!;
    expect(withinOne(d, "year")).toBe(true);
    expect(withinOne(d, "month")).toBe(false);
  });

  it("numbers 31 December of a leap year 366", () => {
    expect(dayOfYear(2004, 12, 31)).toBe(366);
    expect(dayOfYear(1981, 12, 30)).toBe(364);
  });
});
