import fc from "fast-check";
import { IdIndex } from "../../src/validate/keyindex";

describe("IdIndex (case-insensitive ids in typed arrays)", () => {
  it("groups rows by id regardless of case and names repeated values as written", () => {
    const ix = new IdIndex();
    ix.set(2, "O1");
    ix.set(3, "o2");
    ix.set(4, "o1");
    const key = ix.keyOf("o1") as string;
    expect(ix.rows(key)).toEqual([2, 4]);
    expect(ix.value(4)).toBe("o1");
    expect(ix.value(3)).toBe(""); // a unique id keeps no text
    expect(ix.has(ix.keyOf("O2") as string)).toBe(true);
    expect(ix.has(ix.keyOf("o3") as string)).toBe(false);
  });

  it("folds case the same way for ASCII ids (hashed in one pass) and other ids (Cyrillic, accents)", () => {
    const ix = new IdIndex();
    ix.set(2, "MW-0001");
    ix.set(3, "ЗМ-Aves-1");
    ix.set(4, "mw-0001");
    ix.set(5, "зм-aves-1");
    ix.set(6, "Ñandú-7");
    expect(ix.rows(ix.keyOf("Mw-0001") as string)).toEqual([2, 4]);
    expect(ix.rows(ix.keyOf("ЗМ-AVES-1") as string)).toEqual([3, 5]);
    expect(ix.rows(ix.keyOf("ñANDÚ-7") as string)).toEqual([6]);
    expect(ix.value(4)).toBe("mw-0001");
  });

  it("recovers the first value of a repeated id when written the same way", () => {
    const ix = new IdIndex();
    ix.set(2, "urn:ZMMU:Aves:1");
    ix.set(9, "urn:ZMMU:Aves:1");
    expect([ix.value(2), ix.value(9)]).toEqual(["urn:ZMMU:Aves:1", "urn:ZMMU:Aves:1"]);
  });

  it("keeps every value when asked (links and references name each dangling row)", () => {
    const ix = new IdIndex(true);
    ix.set(2, "e7");
    expect(ix.value(2)).toBe("e7");
  });

  it("follows edits: rename an id and back, clear it", () => {
    const ix = new IdIndex();
    ix.set(2, "a");
    ix.set(3, "A");
    const a = ix.keyOf("a") as string;
    ix.set(3, "b");
    expect(ix.rows(a)).toEqual([2]);
    expect(ix.keyAt(3)).toBe(ix.keyOf("b"));
    ix.set(3, "a");
    expect(ix.rows(a)).toEqual([2, 3]);
    expect(ix.value(3)).toBe("a");
    ix.set(2, "");
    ix.set(3, undefined);
    expect(ix.has(a)).toBe(false);
    expect(ix.keyAt(2)).toBeUndefined();
  });

  it("agrees with a plain map of lower-cased ids through random edits (table growth and deletion)", () => {
    fc.assert(
      // With and without a row-count hint (a hint below the rows used must still grow).
      fc.property(fc.array(fc.tuple(fc.integer({ min: 2, max: 3000 }), fc.option(fc.constantFrom("x", "X", "y", "z1", "Z1", "w"), { nil: undefined }), fc.integer({ min: 0, max: 400 })), { maxLength: 400 }), fc.constantFrom(0, 100, 3001, 5000), (ops, hint) => {
        const ix = new IdIndex(false, hint);
        const model = new Map<number, string>();
        for (const [row, base, n] of ops) {
          const v = base === undefined ? undefined : `${base}${n}`;
          ix.set(row, v);
          if (v === undefined) model.delete(row);
          else model.set(row, v.toLowerCase());
        }
        const expected = new Map<string, number[]>();
        for (const [row, v] of model) expected.set(v, [...(expected.get(v) ?? []), row].sort((p, q) => p - q));
        for (const [v, rows] of expected) expect(ix.rows(ix.keyOf(v) as string)).toEqual(rows);
        let keys = 0;
        const repeatedKeys: string[] = [];
        ix.forEachKey((a, b, head, repeated) => {
          keys++;
          expect(repeated).toBe(ix.rowsOf(a, b).length > 1);
          expect(ix.rowsOf(a, b)).toContain(head);
          if (repeated) repeatedKeys.push(IdIndex.key(a, b));
        });
        expect(keys).toBe(expected.size);
        // The short list of repeated keys names each repeated key once, and no other, after any edits.
        const listed: string[] = [];
        ix.forEachRepeated((a, b) => listed.push(IdIndex.key(a, b)));
        expect(listed.sort()).toEqual(repeatedKeys.sort());
        expect(repeatedKeys.length).toBe([...expected.values()].filter((rows) => rows.length > 1).length);
      }),
    );
  });

  it("indexes rows by a hash they already have (duplicate rows), using all 64 bits", () => {
    const ix = new IdIndex();
    ix.setHash(2, 0xfffffff0, 7);
    ix.setHash(3, 0xfffffff0, 8); // same first word, other second word: not the same row
    ix.setHash(4, 0xfffffff0, 7);
    expect(ix.rows(ix.keyAt(2) as string)).toEqual([2, 4]);
    expect(ix.rows(ix.keyAt(3) as string)).toEqual([3]);
    ix.setHash(4, undefined);
    expect(ix.rows(ix.keyAt(2) as string)).toEqual([2]);
    expect(ix.value(2)).toBe("");
  });

  it("tells 50,000 distinct ids apart (no false repeats from the 64-bit key)", () => {
    const ix = new IdIndex();
    for (let i = 0; i < 50_000; i++) ix.set(i + 2, `urn:catalog:ZMMU:Aves:${String(i).padStart(7, "0")}`);
    let repeated = 0;
    ix.forEachKey((_a, _b, _head, several) => {
      if (several) repeated++;
    });
    expect(repeated).toBe(0);
    expect(ix.rows(ix.keyOf("URN:CATALOG:zmmu:aves:0012345") as string)).toEqual([12347]);
  });
});
