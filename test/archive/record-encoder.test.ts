import Papa from "papaparse";
import { strFromU8 } from "fflate";
import { parseDelimited } from "../../src/archive/delimited";
import { WRITE_LAYOUT } from "../../src/archive/descriptor";
import { RECORD_WRITTEN, RecordEncoder } from "../../src/archive/record-encoder";

/** Encodes records with a small buffer (to exercise flushing) and returns the UTF-8 text. */
function encode(records: string[][], capacity = 16): { text: string; results: number[] } {
  const parts: Uint8Array[] = [];
  const encoder = new RecordEncoder((bytes) => parts.push(bytes.slice()), capacity);
  const results = records.map((r) => encoder.writeRecord(r));
  encoder.flush();
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return { text: strFromU8(all), results };
}

describe("RecordEncoder", () => {
  it("writes plain values bare, tab-separated, one record per line", () => {
    expect(encode([["o1", "Parus major", ""], ["o2", "Синица", "x"]]).text).toBe("o1\tParus major\t\no2\tСиница\tx\n");
  });

  it("encloses values holding a tab, CR, LF or quote, doubling inner quotes", () => {
    const { text } = encode([["a\tb", "line1\nline2", "cr\r", 'say "hi"', '{"a":1}']]);
    expect(text).toBe('"a\tb"\t"line1\nline2"\t"cr\r"\t"say ""hi"""\t"{""a"":1}"\n');
  });

  it("writes astral characters (emoji) as 4-byte UTF-8", () => {
    const { text } = encode([["🦉 owl", "𝔸"]]);
    expect(text).toBe("🦉 owl\t𝔸\n");
  });

  it("refuses a record with an unpaired surrogate, names the field and keeps nothing of it", () => {
    const { text, results } = encode([["ok"], ["fine", "bad \ud83e end"], ["last", "\udc00"], ["q\t", "\ud800"]]);
    expect(results).toEqual([RECORD_WRITTEN, 1, 1, 1]);
    expect(text).toBe("ok\n");
  });

  it("grows for a record longer than its buffer", () => {
    const long = "ж".repeat(10000);
    const { text } = encode([["a", long], ["b", "c"]], 8);
    expect(text).toBe(`a\t${long}\nb\tc\n`);
  });

  it("round-trips hostile values through its own parser and papaparse", () => {
    const records = [
      ["id", "value"],
      ["1", '"starts with a quote'],
      ["2", "ends with quote\""],
      ["3", "\r\n\r\n"],
      ["4", "\t"],
      ["5", "  spaces  "],
      ["6", "\u0085 NEL \u2028 LS"],
      ["7", ""],
      ["8", '""'],
    ];
    const { text } = encode(records);
    expect(parseDelimited(text, WRITE_LAYOUT)).toEqual(records);
    const papa = Papa.parse<string[]>(text, { delimiter: "\t", newline: "\n", quoteChar: '"', skipEmptyLines: false });
    expect(papa.errors).toEqual([]);
    expect(papa.data.slice(0, records.length)).toEqual(records);
  });
});
