import { parseDelimited } from "../../src/archive/delimited";

const TAB_NO_QUOTES = { fieldsTerminatedBy: "\t", linesTerminatedBy: "\n", fieldsEnclosedBy: "" };
const CSV = { fieldsTerminatedBy: ",", linesTerminatedBy: "\n", fieldsEnclosedBy: '"' };

describe("parseDelimited", () => {
  it("splits an unquoted tab file and keeps quotes as ordinary characters", () => {
    expect(parseDelimited('a\tb "c"\n"d\te\n', TAB_NO_QUOTES)).toEqual([["a", 'b "c"'], ['"d', "e"]]);
  });

  it("reads CRLF line ends where LF is declared, and a missing final line end", () => {
    expect(parseDelimited("a\tb\r\nc\td", TAB_NO_QUOTES)).toEqual([["a", "b"], ["c", "d"]]);
  });

  it("keeps a lone CR, NEL (U+0085) and LINE SEPARATOR inside values", () => {
    expect(parseDelimited("a\rb\t\u0085\u2028\n", TAB_NO_QUOTES)).toEqual([["a\rb", "\u0085\u2028"]]);
  });

  it("reads enclosed fields with separators, line ends and doubled quotes", () => {
    expect(parseDelimited('1,"a, b","x\n""y"""\n2,,"\n', CSV)).toEqual([["1", "a, b", 'x\n"y"'], ["2", "", "\n"]]);
  });

  it("keeps empty trailing fields and skips blank lines", () => {
    expect(parseDelimited("a,,\n\n,b\n", CSV)).toEqual([["a", "", ""], ["", "b"]]);
  });

  it("drops a byte order mark and honours multi-character separators", () => {
    expect(parseDelimited("\uFEFFa||b\r\n", { fieldsTerminatedBy: "||", linesTerminatedBy: "\r\n", fieldsEnclosedBy: "" })).toEqual([
      ["a", "b"],
    ]);
  });
});

describe("parseDelimited refusals", () => {
  it("refuses an empty field or line separator (it matched everywhere and ran out of memory), naming the file", () => {
    expect(() => parseDelimited("a,b\n", { ...CSV, fieldsTerminatedBy: "" }, "occurrence.txt")).toThrow(
      'occurrence.txt: fieldsTerminatedBy is empty: a separator must be at least one character'
    );
    expect(() => parseDelimited("a,b\n", { ...CSV, linesTerminatedBy: "" }, "occurrence.txt")).toThrow(
      /occurrence\.txt: linesTerminatedBy is empty/
    );
  });
});
