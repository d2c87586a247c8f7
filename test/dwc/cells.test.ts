import * as fs from "fs";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { cellToText, excelSerialToIso, isDateFormat, isExcelError, numberToText } from "../../src/dwc";
import { sharedFile } from "./shared";

const F1900 = { date1904: false };
const F1904 = { date1904: true };

describe("numberToText", () => {
  it("gives the shortest text that reads back as the same double", () => {
    expect(numberToText(55.75)).toBe("55.75");
    expect(numberToText(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(numberToText(123456789012345680)).toBe("123456789012345680");
    expect(numberToText(-0)).toBe("0");
    expect(numberToText(7)).toBe("7");
  });

  it("never uses exponent notation", () => {
    expect(numberToText(1e21)).toBe("1000000000000000000000");
    expect(numberToText(-1.23e25)).toBe("-12300000000000000000000000");
    expect(numberToText(1.5e-7)).toBe("0.00000015");
    expect(numberToText(1e-7)).toBe("0.0000001");
  });

  it("round-trips any finite double", () => {
    const samples = [Math.PI, -2.5e-300, 1.7976931348623157e308, 5e-324, 33.123456789, 9007199254740993, 0.000001];
    for (const n of samples) {
      const s = numberToText(n);
      expect(s).not.toMatch(/e/i);
      expect(Number(s)).toBe(n);
    }
  });
});

describe("isDateFormat", () => {
  it.each([
    "yyyy-mm-dd",
    "dd.mm.yyyy",
    "m/d/yy",
    "yyyy\\-mm\\-dd;@",
    "[$-419]dd mmmm yyyy",
    "h:mm",
    "mm:ss",
    "ДД.ММ.ГГГГ",
    "[h]:mm:ss",
  ])("%s is a date/time format", (f) => expect(isDateFormat(f)).toBe(true));
  it.each(["General", "0.00", "0.00E+00", "@", '#,##0 "руб."', '0 "days"', "[Red]0.0", "", null, undefined])(
    "%s is not",
    (f) => expect(isDateFormat(f)).toBe(false)
  );
});

describe("excelSerialToIso", () => {
  it("converts 1900-system serials", () => {
    expect(excelSerialToIso(1, false)).toBe("1900-01-01");
    expect(excelSerialToIso(59, false)).toBe("1900-02-28");
    expect(excelSerialToIso(61, false)).toBe("1900-03-01");
    expect(excelSerialToIso(36526, false)).toBe("2000-01-01");
    expect(excelSerialToIso(41193, false)).toBe("2012-10-11");
    expect(excelSerialToIso(2958465, false)).toBe("9999-12-31");
  });

  it("keeps Excel's phantom 1900-02-29 (serial 60, the Lotus 1-2-3 leap-year bug)", () => {
    expect(excelSerialToIso(60, false)).toBe("1900-02-29");
  });

  it("converts 1904-system serials (1462 days later epoch)", () => {
    expect(excelSerialToIso(0, true)).toBe("1904-01-01");
    expect(excelSerialToIso(41193 - 1462, true)).toBe("2012-10-11");
  });

  it("adds the time when there is one, to the minute, second or millisecond", () => {
    expect(excelSerialToIso(41193 + (14 * 60 + 7) / 1440, false)).toBe("2012-10-11T14:07");
    expect(excelSerialToIso(41193 + (14 * 3600 + 7 * 60 + 5) / 86400, false)).toBe("2012-10-11T14:07:05");
    expect(excelSerialToIso(41193 + 0.5 + 0.123 / 86400, false)).toBe("2012-10-11T12:00:00.123");
    expect(excelSerialToIso(41193.99999999999, false)).toBe("2012-10-12");
  });

  it("gives only the time for 1900-system serials below 1, and the number for impossible serials", () => {
    expect(excelSerialToIso(0.5, false)).toBe("12:00");
    expect(excelSerialToIso(-1, false)).toBe("-1");
    expect(excelSerialToIso(3e6, false)).toBe("3000000");
  });

  it("agrees with ExcelJS on the date of the GBIF IPT event example (serial stored in the file)", async () => {
    const file = sharedFile("gbif-ipt/templates/event_ipt_template_v3.2_example_data.xlsx");
    const sheetXml = strFromU8(unzipSync(fs.readFileSync(file))["xl/worksheets/sheet1.xml"]);
    const serial = Number(/<c r="C2"[^>]*><v>([^<]+)<\/v>/.exec(sheetXml)?.[1]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const cell = wb.getWorksheet("Sampling Events")?.getCell("C2");
    expect(cell?.value).toBeInstanceOf(Date);
    expect(excelSerialToIso(serial, false)).toBe((cell?.value as Date).toISOString().slice(0, 10));
    expect(cellToText(serial, cell?.numFmt, F1900)).toBe("2012-10-11");
  });
});

describe("cellToText", () => {
  it("turns cells into archive text", () => {
    expect(cellToText(null, null, F1900)).toBe("");
    expect(cellToText("007", "@", F1900)).toBe("007");
    expect(cellToText(true, null, F1900)).toBe("true");
    expect(cellToText(false, null, F1900)).toBe("false");
    expect(cellToText(41193, "dd.mm.yyyy", F1900)).toBe("2012-10-11");
    expect(cellToText(39731, "dd.mm.yyyy", F1904)).toBe("2012-10-11");
    expect(cellToText(0.5881944444444444, "h:mm", F1900)).toBe("14:07");
    expect(cellToText(41193, "General", F1900)).toBe("41193");
    expect(cellToText(55.7512, "0.00", F1900)).toBe("55.7512");
    expect(cellToText(0.25, "0%", F1900)).toBe("0.25");
  });
});

describe("isExcelError", () => {
  it.each([
    "#N/A",
    "#VALUE!",
    "#REF!",
    "#DIV/0!",
    "#NUM!",
    "#NAME?",
    "#NULL!",
    "#SPILL!",
    "#CALC!",
    "#Н/Д",
    "#ЗНАЧ!",
    "#ССЫЛКА!",
    "#ДЕЛ/0!",
    "#ЧИСЛО!",
    "#ИМЯ?",
    "#ПУСТО!",
    " #n/a ",
  ])("%s is an error value", (v) => expect(isExcelError(v)).toBe(true));
  it.each(["#1 specimen", "N/A", "", "#", 0, null, true])("%s is not", (v) => expect(isExcelError(v)).toBe(false));
});
