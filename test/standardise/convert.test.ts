import {
  convertCoordinate,
  convertCoordinatePair,
  convertCountryCode,
  convertDate,
  convertNumber,
  convertVocabulary,
  dayOrderOf,
  dictionarySize,
  matchHeader,
} from "../../src/standardise";

describe("dates", () => {
  test.each([
    ["2012-06-23", "2012-06-23", "unchanged"],
    ["23.06.2012", "2012-06-23", "converted"],
    ["23.06.2012 г.", "2012-06-23", "converted"],
    ["23 июня 2012", "2012-06-23", "converted"],
    ["23 июня 2012 г.", "2012-06-23", "converted"],
    ["June 23, 2012", "2012-06-23", "converted"],
    ["5.VI.1987", "1987-06-05", "converted"],
    ["06.2012", "2012-06", "converted"],
    ["12-15.06.2012", "2012-06-12/2012-06-15", "converted"],
    ["12 июня - 15 июля 2012", "2012-06-12/2012-07-15", "converted"],
    ["1985-1987", "1985/1987", "converted"],
    ["23.06.2012 14:30", "2012-06-23T14:30", "converted"],
  ])("%s → %s", (text, iso, status) => {
    expect(convertDate(text, "unknown")).toMatchObject({ value: iso, status });
  });

  test("a dotted date with day ≤ 12 is read day first and reported as an assumption", () => {
    const c = convertDate("03.04.2012", "unknown");
    expect(c).toMatchObject({ value: "2012-04-03", status: "assumed" });
    expect(c.reason?.ru).toMatch(/день/);
  });

  test("slash dates follow the column's own evidence, and are kept without it", () => {
    expect(convertDate("03/04/2012", "unknown").status).toBe("kept");
    expect(convertDate("03/04/2012", "day-first").value).toBe("2012-04-03");
    expect(convertDate("03/04/2012", "month-first").value).toBe("2012-03-04");
    expect(dayOrderOf(["23/06/2012", "03/04/2012"])).toBe("day-first");
    expect(dayOrderOf(["06/23/2012", "03/04/2012"])).toBe("month-first");
    expect(dayOrderOf(["03/04/2012", "23.06.2012"])).toBe("unknown");
  });

  test.each(["23.06.12", "весна 1985", "31.02.2012", "конец июня"])("%s is kept as written", (text) => {
    const c = convertDate(text, "day-first");
    expect(c).toMatchObject({ value: text, status: "kept" });
    expect(c.reason?.en).toBeTruthy();
  });
});

describe("coordinates", () => {
  test.each([
    ["55.7512", "lat", "55.7512", "unchanged"],
    ["55,7512", "lat", "55.7512", "converted"],
    [`55°45'20"N`, "lat", "55.755556", "converted"],
    [`55°45'20" С`, "lat", "55.755556", "converted"],
    ["55°45′20″ с.ш.", "lat", "55.755556", "converted"],
    [`37°37'06"В`, "lon", "37.618333", "converted"],
    ["43 гр. 7 мин. в.д.", "lon", "43.116667", "converted"],
    [`12°30'S`, "lat", "-12.5", "converted"],
    [`70°30' з.д.`, "lon", "-70.5", "converted"],
  ] as const)("%s (%s) → %s", (text, axis, value, status) => {
    expect(convertCoordinate(text, axis)).toMatchObject({ value, status });
  });

  test.each([
    ["37°E", "lat"],
    ["95.5", "lat"],
    ["55.75, 37.62", "lat"],
    ["около моста", "lon"],
  ] as const)("%s in a %s column is kept as written", (text, axis) => {
    expect(convertCoordinate(text, axis)).toMatchObject({ value: text, status: "kept" });
  });

  test("pairs", () => {
    expect(convertCoordinatePair("55.7512, 37.6184")).toEqual({ lat: "55.7512", lon: "37.6184" });
    expect(convertCoordinatePair("55°45'N 37°37'E")).toEqual({ lat: "55.75", lon: "37.616667" });
    expect(convertCoordinatePair("54,9012 36,1203")).toEqual({ lat: "54.9012", lon: "36.1203" });
  });
});

describe("numbers, words and countries", () => {
  test("numbers", () => {
    expect(convertNumber("3,5")).toMatchObject({ value: "3.5", status: "converted" });
    expect(convertNumber("12 экз.", { integer: true })).toMatchObject({ value: "12", status: "converted" });
    expect(convertNumber("1 200", { integer: true })).toMatchObject({ value: "1200", status: "converted" });
    expect(convertNumber("200-300", { metres: true, range: "maximumElevationInMeters" })).toMatchObject({
      value: "200",
      extra: { maximumElevationInMeters: "300" },
    });
    for (const t of ["ок. 10", "~5", "2.5", "много"]) expect(convertNumber(t, { integer: true }).status).toBe("kept");
  });

  test("sex, life stage and basis of record", () => {
    expect(convertVocabulary("самец", "sex").value).toBe("male");
    expect(convertVocabulary("♀", "sex").value).toBe("female");
    expect(convertVocabulary("2♂ 1♀", "sex").status).toBe("kept");
    expect(convertVocabulary("juv.", "lifeStage").value).toBe("juvenile");
    expect(convertVocabulary("ad.", "lifeStage").value).toBe("adult");
    expect(convertVocabulary("личинка", "lifeStage").value).toBe("larva");
    expect(convertVocabulary("PRESERVED_SPECIMEN", "basisOfRecord").value).toBe("PreservedSpecimen");
    expect(convertVocabulary("наблюдение", "basisOfRecord").value).toBe("HumanObservation");
  });

  test("countries", () => {
    expect(convertCountryCode("Россия").value).toBe("RU");
    expect(convertCountryCode("РФ").value).toBe("RU");
    expect(convertCountryCode("ru")).toMatchObject({ value: "RU", status: "converted" });
    expect(convertCountryCode("Kazakhstan").value).toBe("KZ");
    expect(convertCountryCode("Тартария").status).toBe("kept");
  });
});

describe("headers", () => {
  test("the dictionary holds at least 200 variants", () => {
    expect(dictionarySize()).toBeGreaterThanOrEqual(200);
  });

  test.each([
    ["Высота, м", "minimumElevationInMeters", "m"],
    ["Точность (м)", "coordinateUncertaintyInMeters", "m"],
    ["Altitude [m]", "minimumElevationInMeters", "m"],
    ["leg.", "recordedBy", undefined],
    ["det.", "identifiedBy", undefined],
    ["Кол-во экз.", "individualCount", undefined],
    ["Дата сбора", "eventDate", undefined],
    ["Дата сбора материала", "eventDate", undefined],
    ["decimalLatitude", "decimalLatitude", undefined],
    ["dwc:eventDate", "eventDate", undefined],
    ["Широта", "decimalLatitude", undefined],
    ["Каталожный номер", "catalogNumber", undefined],
    ["Колектор", "recordedBy", undefined],
  ])("%s → %s", (header, term, unit) => {
    const m = matchHeader(header, "occurrence");
    expect(m?.terms[0]).toBe(term);
    expect(m?.unit).toBe(unit);
  });

  test("a № column is the dataset class's id", () => {
    expect(matchHeader("№", "occurrence")?.terms[0]).toBe("occurrenceID");
    expect(matchHeader("№", "event")?.terms[0]).toBe("eventID");
    expect(matchHeader("№ п/п", "checklist")?.terms[0]).toBe("taxonID");
  });
});
