import { runBdqTest } from "../../../src/validate/bdq";

describe("BDQ date tests", () => {
  it("VALIDATION_EVENTDATE_STANDARD treats NUL and other control characters as empty", () => {
    expect(runBdqTest("VALIDATION_EVENTDATE_STANDARD", { eventDate: "\u0000" }).status).toBe(
      "INTERNAL_PREREQUISITES_NOT_MET"
    );
    expect(runBdqTest("VALIDATION_EVENTDATE_STANDARD", { eventDate: "2012-06-23/30" }).result).toBe("COMPLIANT");
    expect(runBdqTest("VALIDATION_EVENTDATE_STANDARD", { eventDate: " 2012-06-23" }).result).toBe("NOT_COMPLIANT");
  });

  it("VALIDATION_EVENTDATE_INRANGE rejects a date in the future and before 1582-11-15", () => {
    expect(runBdqTest("VALIDATION_EVENTDATE_INRANGE", { eventDate: "2300-11-01T10:00" }).result).toBe("NOT_COMPLIANT");
    expect(runBdqTest("VALIDATION_EVENTDATE_INRANGE", { eventDate: "1582-11-14" }).result).toBe("NOT_COMPLIANT");
    expect(runBdqTest("VALIDATION_EVENTDATE_INRANGE", { eventDate: "1582-11-15" }).result).toBe("COMPLIANT");
  });

  it("VALIDATION_EVENTDATE_INRANGE takes its bounds from parameters", () => {
    const parameters = { earliestValidDate: "1900", latestValidDate: "1950-12-31" };
    expect(runBdqTest("VALIDATION_EVENTDATE_INRANGE", { eventDate: "1949" }, parameters).result).toBe("COMPLIANT");
    expect(runBdqTest("VALIDATION_EVENTDATE_INRANGE", { eventDate: "1951" }, parameters).result).toBe("NOT_COMPLIANT");
  });

  it("VALIDATION_DATEIDENTIFIED_INRANGE flags an identification before the event", () => {
    const r = runBdqTest("VALIDATION_DATEIDENTIFIED_INRANGE", {
      dateIdentified: "1963",
      eventDate: "1964-11-01T10:00",
    });
    expect(r.result).toBe("NOT_COMPLIANT");
  });

  it("VALIDATION_DAY_INRANGE knows leap years", () => {
    expect(runBdqTest("VALIDATION_DAY_INRANGE", { day: "29", month: "2", year: "2000" }).result).toBe("COMPLIANT");
    expect(runBdqTest("VALIDATION_DAY_INRANGE", { day: "29", month: "2", year: "1900" }).result).toBe("NOT_COMPLIANT");
    expect(runBdqTest("VALIDATION_DAY_INRANGE", { day: "31", month: "13" }).status).toBe(
      "INTERNAL_PREREQUISITES_NOT_MET"
    );
  });

  it("VALIDATION_EVENT_CONSISTENT compares atomic terms with eventDate", () => {
    const ok = { eventDate: "1981-12-30/1982-01-03", startDayOfYear: "364", endDayOfYear: "3" };
    expect(runBdqTest("VALIDATION_EVENT_CONSISTENT", ok).result).toBe("COMPLIANT");
    expect(runBdqTest("VALIDATION_EVENT_CONSISTENT", { ...ok, year: "1981" }).result).toBe("NOT_COMPLIANT");
  });

  it("AMENDMENT_EVENT_FROM_EVENTDATE fills only the empty terms the date determines", () => {
    const r = runBdqTest("AMENDMENT_EVENT_FROM_EVENTDATE", { eventDate: "2021-01-15/2021-02-02" });
    expect(r).toMatchObject({
      status: "FILLED_IN",
      result: { "dwc:year": "2021", "dwc:startDayOfYear": "15", "dwc:endDayOfYear": "33" },
    });
  });

  it("AMENDMENT_EVENTDATE_FROM_YEARMONTHDAY keeps the precision given", () => {
    expect(runBdqTest("AMENDMENT_EVENTDATE_FROM_YEARMONTHDAY", { year: "1980", month: "1" }).result).toEqual({
      "dwc:eventDate": "1980-01",
    });
    expect(runBdqTest("AMENDMENT_EVENTDATE_FROM_YEARMONTHDAY", { year: "2024", month: "2", day: "30" }).status).toBe(
      "NOT_AMENDED"
    );
  });

  it("AMENDMENT_EVENTDATE_FROM_YEARSTARTDAYOFYEARENDDAYOFYEAR writes calendar dates, not ordinal ones", () => {
    const r = runBdqTest("AMENDMENT_EVENTDATE_FROM_YEARSTARTDAYOFYEARENDDAYOFYEAR", {
      year: "1999",
      startDayOfYear: "123",
      endDayOfYear: "125",
    });
    expect(r.result).toEqual({ "dwc:eventDate": "1999-05-03/1999-05-05" });
  });

  it("AMENDMENT_EVENTDATE_FROM_VERBATIM reads a Russian day-first date", () => {
    expect(runBdqTest("AMENDMENT_EVENTDATE_FROM_VERBATIM", { verbatimEventDate: "23.06.2012" }).result).toEqual({
      "dwc:eventDate": "2012-06-23",
    });
  });

  it("AMENDMENT_MONTH_STANDARDIZED and AMENDMENT_DAY_STANDARDIZED", () => {
    expect(runBdqTest("AMENDMENT_MONTH_STANDARDIZED", { month: "IV" }).result).toEqual({ "dwc:month": "4" });
    expect(runBdqTest("AMENDMENT_MONTH_STANDARDIZED", { month: "10" }).status).toBe("NOT_AMENDED");
    expect(runBdqTest("AMENDMENT_DAY_STANDARDIZED", { day: "23rd" }).result).toEqual({ "dwc:day": "23" });
    expect(runBdqTest("AMENDMENT_DAY_STANDARDIZED", { day: "IV" }).status).toBe("NOT_AMENDED");
  });

  it("MEASURE_EVENTDATE_DURATIONINSECONDS measures an interval to the second", () => {
    const r = runBdqTest("MEASURE_EVENTDATE_DURATIONINSECONDS", {
      eventDate: "2007-03-01T13:00:00Z/2008-05-11T15:30:00Z",
    });
    expect(r).toEqual({ status: "RUN_HAS_RESULT", result: "37765800", comment: expect.any(String) });
    expect(runBdqTest("MEASURE_EVENTDATE_DURATIONINSECONDS", { eventDate: "95" }).result).toBe("NOT_REPORTED");
  });
});
