import { createCellConverter, numberText, toExcelPrecision } from "../../src/dwc";

describe("numberText", () => {
  it("hides binary noise at Excel's 15 significant digits", () => {
    expect(numberText(0.1 + 0.2)).toBe("0.3");
    expect(numberText(55 + 0.1 + 0.2)).toBe("55.3");
    expect(numberText(1.1 * 1.1)).toBe("1.21");
  });

  it("keeps exact values, never uses an exponent", () => {
    expect(numberText(55.7558)).toBe("55.7558");
    expect(numberText(-0)).toBe("0");
    expect(numberText(1e21)).toBe("1000000000000000000000");
    expect(numberText(1.5e-7)).toBe("0.00000015");
    expect(numberText(123456789012345)).toBe("123456789012345");
  });

  it("rounds numbers longer than Excel holds, as Excel shows them", () => {
    expect(toExcelPrecision(1234567890123456789)).toBe(1234567890123460000);
    expect(numberText(1234567890123456789)).toBe("1234567890123460000");
  });
});

describe("createCellConverter", () => {
  const text = createCellConverter({ date1904: false });
  const text1904 = createCellConverter({ date1904: true });

  it("writes date serials in date-formatted cells as ISO 8601", () => {
    expect(text(44927, "dd.mm.yyyy")).toBe("2023-01-01");
    expect(text(44927.5, "yyyy-mm-dd hh:mm")).toBe("2023-01-01T12:00");
    expect(text1904(44927 - 1462, "dd.mm.yyyy")).toBe("2023-01-01");
    expect(text(44927, "ДД.ММ.ГГГГ")).toBe("2023-01-01");
  });

  it("leaves numbers in other formats as numbers", () => {
    expect(text(44927, "General")).toBe("44927");
    expect(text(44927, "0.00")).toBe("44927");
    expect(text(0.75, "0%")).toBe("0.75");
    expect(text(44927, null)).toBe("44927");
  });

  it("writes times of day in time-only formats and rounds serials to Excel precision first", () => {
    expect(text(0.5, "h:mm")).toBe("12:00");
    expect(text(0.75, "ч:мм")).toBe("18:00");
    expect(text(45000.25, "dd.mm.yyyy")).toBe("2023-03-15T06:00");
    expect(text(45000 + 1e-11, "dd.mm.yyyy")).toBe("2023-03-15"); // formula noise below Excel precision
  });

  it("passes text through and writes booleans and empty cells", () => {
    expect(text(" 007 ", "@")).toBe(" 007 ");
    expect(text(true, null)).toBe("true");
    expect(text(null, null)).toBe("");
  });
});
