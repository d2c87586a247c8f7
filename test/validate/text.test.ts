import {
  describeNonPlainSpaces,
  editDistance,
  mixedScriptWords,
  normaliseSpaces,
  scanText,
  TEXT_EDGE_SPACE,
  TEXT_FINDINGS,
  TEXT_HASH_START,
  TEXT_MIXED_SCRIPT,
  TEXT_NONPLAIN_SPACE,
  trimAll,
} from "../../src/validate/text";
import fc from "fast-check";

describe("scanText", () => {
  it("finds nothing in clean ASCII and clean Cyrillic text", () => {
    expect(scanText("Parus major Linnaeus, 1758")).toBe(0);
    expect(scanText("Московская область, окр. д. Луково")).toBe(0);
  });
  it("flags leading and trailing spaces of any kind", () => {
    expect(scanText(" Parus")).toBe(TEXT_EDGE_SPACE);
    expect(scanText("Parus ")).toBe(TEXT_EDGE_SPACE);
    expect(scanText("Parus\u00a0") & TEXT_EDGE_SPACE).toBeTruthy();
  });
  it("flags no-break space, tab, CR, LF, narrow NBSP, zero-width space and BOM inside text", () => {
    for (const ch of ["\u00a0", "\t", "\r", "\n", "\u202f", "\u200b", "\ufeff", "\u2009", "\u3000"]) {
      expect(scanText(`Parus${ch}major`)).toBe(TEXT_NONPLAIN_SPACE);
    }
  });
  it("marks text starting with # (a possible Excel error) apart from the findings", () => {
    for (const v of ["#N/A", "#ИМЯ?", "#1 specimen"]) expect(scanText(v)).toBe(TEXT_HASH_START);
    expect(scanText("#N/A ")).toBe(TEXT_HASH_START | TEXT_EDGE_SPACE);
    expect(scanText(" #N/A") & TEXT_HASH_START).toBe(0);
    expect(TEXT_FINDINGS & TEXT_HASH_START).toBe(0);
  });
  it("flags a word mixing Cyrillic and Latin letters (Osуrio with a Cyrillic у)", () => {
    expect(scanText("Osуrio")).toBe(TEXT_MIXED_SCRIPT);
    expect(mixedScriptWords("Juan Osуrio Lopez")).toEqual(["Osуrio"]);
  });
  it("does not flag separate Latin and Cyrillic words, combining accents, or emoji", () => {
    expect(scanText("Parus major (большая синица)")).toBe(0);
    expect(scanText("Jose\u0301 Ёжиков")).toBe(0);
    expect(scanText("Parus major 🐦‍⬛ 👍🏽")).toBe(0);
  });
});

describe("whitespace helpers", () => {
  it("trims every kind of whitespace", () => {
    expect(trimAll("\u00a0 Parus major\t")).toBe("Parus major");
  });
  it("replaces runs containing non-plain spaces by one space", () => {
    expect(normaliseSpaces("Parus\u00a0\u00a0major\r\nLinnaeus")).toBe("Parus major Linnaeus");
    expect(normaliseSpaces("a  b")).toBe("a  b");
  });
  it("replaces exactly the runs holding a non-plain space, keeping plain runs, in any text", () => {
    // A plain model: split into whitespace runs and the rest, rewrite the runs that hold a non-plain space.
    const model = (s: string): string => trimAll(s.replace(/[\s\u200b\ufeff\u0085]+/g, (run) => (/[^ ]/.test(run) ? " " : run)));
    const piece = fc.constantFrom("a", "Parus", "б", " ", "  ", "\u00a0", "\t", "\r\n", "\u200b", "\ufeff", "\u3000", " \u00a0 ");
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (parts) => expect(normaliseSpaces(parts.join(""))).toBe(model(parts.join("")))));
  });
  it("names the characters found, each once", () => {
    expect(describeNonPlainSpaces("a\u00a0b\tc")).toEqual(["U+00A0 no-break space", "U+0009 tab"]);
    expect(describeNonPlainSpaces("\u00a0x\u00a0\u2009")).toEqual(["U+00A0 no-break space", "U+2009"]);
  });
});

describe("editDistance", () => {
  it("counts edits and stops above the bound", () => {
    expect(editDistance("scientificnme", "scientificname", 2)).toBe(1);
    expect(editDistance("latitude", "decimallatitude", 2)).toBe(3);
  });
});
