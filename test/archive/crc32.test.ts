import * as zlib from "zlib";
import { crc32 } from "../../src/archive/crc32";

describe("crc32", () => {
  it("gives the standard check value", () => {
    expect(crc32(0, new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(0, new Uint8Array(0))).toBe(0);
  });

  it("agrees with zlib on random data of every length mod 8, in pieces", () => {
    let seed = 7;
    for (const length of [1, 7, 8, 9, 63, 1000, 65537]) {
      const data = new Uint8Array(length);
      for (let i = 0; i < length; i++) data[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
      const split = Math.floor(length / 3);
      const pieced = crc32(crc32(0, data.subarray(0, split)), data.subarray(split));
      expect([length, pieced]).toEqual([length, zlib.crc32(data)]);
    }
  });
});
