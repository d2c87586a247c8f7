import { dayFirstToIso, dayOfYear, parseIsoDate } from "../../src/validate/dates";

describe("parseIsoDate", () => {
  it("reads full and reduced dates", () => {
    expect(parseIsoDate("2012-06-23")?.start).toEqual({ year: 2012, month: 6, day: 23, precision: 3 });
    expect(parseIsoDate("2012-06")?.start).toEqual({ year: 2012, month: 6, day: 0, precision: 2 });
    expect(parseIsoDate("2012")?.start.precision).toBe(1);
    expect(parseIsoDate("20120623")?.start.day).toBe(23);
  });
  it("reads date-times with and without zone", () => {
    expect(parseIsoDate("2012-06-23T14:07")?.start.day).toBe(23);
    expect(parseIsoDate("2012-06-23T14:07:31Z")).toBeDefined();
    expect(parseIsoDate("2012-06-23T14:07:31.5+03:00")).toBeDefined();
    expect(parseIsoDate("2012-06-23T14")).toBeDefined();
  });
  it("reads intervals with reduced ends", () => {
    const a = parseIsoDate("2012-06-23/30");
    expect(a?.interval).toBe(true);
    expect(a?.end).toEqual({ year: 2012, month: 6, day: 30, precision: 3 });
    expect(parseIsoDate("2012-06-23/07-02")?.end).toEqual({ year: 2012, month: 7, day: 2, precision: 3 });
    expect(parseIsoDate("2009/2013")?.end.year).toBe(2013);
    expect(parseIsoDate("2012-06/2012-07")?.end.month).toBe(7);
  });
  it("reads ordinal dates", () => {
    expect(parseIsoDate("2012-175")?.start).toEqual({ year: 2012, month: 6, day: 23, precision: 3 });
  });
  it("rejects impossible and non-ISO dates", () => {
    for (const bad of ["2011-02-29", "2012-13-01", "23.06.2012", "2012/06/23", "June 2012", "2013/2009", "2012-06-30/23", "12-06-23", "2012-6-3", "2012-06-23T25:00", ""]) {
      expect(parseIsoDate(bad)).toBeUndefined();
    }
  });
});

describe("dayFirstToIso", () => {
  it("converts day-first dates typed in Russia", () => {
    expect(dayFirstToIso("23.06.2012")).toBe("2012-06-23");
    expect(dayFirstToIso("23/06/2012")).toBe("2012-06-23");
    expect(dayFirstToIso("3.6.2012")).toBe("2012-06-03");
  });
  it("reads a slash date whose second part exceeds 12 as month-first", () => {
    expect(dayFirstToIso("06/23/2012")).toBe("2012-06-23");
  });
  it("rejects non-dates and impossible dates", () => {
    expect(dayFirstToIso("31.02.2012")).toBeUndefined();
    expect(dayFirstToIso("2012-06-23")).toBeUndefined();
    expect(dayFirstToIso("23.06.12")).toBeUndefined();
  });
});

describe("dayOfYear", () => {
  it("counts leap years", () => {
    expect(dayOfYear(2012, 6, 23)).toBe(175);
    expect(dayOfYear(2011, 12, 31)).toBe(365);
    expect(dayOfYear(2012, 12, 31)).toBe(366);
  });
});
