import { interpretDate, monthFromWord } from "../../../src/validate/bdq/verbatimDate";

describe("interpretDate", () => {
  it.each([
    ["Friday 29th Oct. 2021", "2021-10-29"],
    ["18/V/1981", "1981-05-18"],
    ["xi.1996", "1996-11"],
    ["1932.10.6", "1932-10-06"],
    ["15.10.1932", "1932-10-15"],
    ["1932年3月5日", "1932-03-05"],
    ["31 August 1932", "1932-08-31"],
    ["XX DEC 1932", "1932-12"],
    ["5. juni 1932", "1932-06-05"],
    ["9.ii-10.iii.2000", "2000-02-09/2000-03-10"],
    ["11-VII-1885", "1885-07-11"],
    ["1980s", "1980-01-01/1989-12-31"],
    ["2021-28-10", "2021-10-28"],
    ["2021/04/03", "2021-04-03"],
    ["23 июня 2012", "2012-06-23"],
  ])("reads %s as %s", (text, iso) => {
    expect(interpretDate(text)).toBe(iso);
  });

  it.each(["03/04/2020", "0377", "21-10-28", "10-28", "X", "null"])(
    "does not guess an ambiguous or meaningless %s",
    (text) => {
      expect(interpretDate(text)).toBeUndefined();
    }
  );
});

describe("monthFromWord", () => {
  it("reads Roman numerals, names and unambiguous abbreviations in several languages", () => {
    expect(monthFromWord("IV")).toBe(4);
    expect(monthFromWord("X")).toBe(10);
    expect(monthFromWord("Oct.")).toBe(10);
    expect(monthFromWord("juillet")).toBe(7);
    expect(monthFromWord("сентября")).toBe(9);
  });

  it("refuses an abbreviation shared by two months", () => {
    expect(monthFromWord("Ma")).toBe(0);
    expect(monthFromWord("Ju")).toBe(0);
  });
});
