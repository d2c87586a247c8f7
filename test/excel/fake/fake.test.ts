/**
 * The fake Excel behaves like Office.js where the add-in depends on it: strict loading, queued writes,
 * counted round trips, Excel's typing coercion and the payload limit.
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load --
   these tests read unloaded properties on purpose, to prove the fake rejects it as Office.js does. */
import { createFakeExcel } from "./index";

type Ctx = Excel.RequestContext;
const run = <T>(fake: ReturnType<typeof createFakeExcel>, f: (ctx: Ctx) => Promise<T>): Promise<T> =>
  (fake.Excel.run as (f: (ctx: Ctx) => Promise<T>) => Promise<T>)(f);

describe("fake Excel", () => {
  it("binds proxies to their request context: using one after its Excel.run fails, reusing the context works", async () => {
    const fake = createFakeExcel([{ name: "Data", values: [["a"]] }]);
    let kept: Excel.Range | undefined;
    let keptCtx: Ctx | undefined;
    await run(fake, async (ctx) => {
      kept = ctx.workbook.worksheets.getItem("Data").getRange("A1");
      kept.load("values");
      await ctx.sync();
      keptCtx = ctx;
    });
    // Loaded data stays readable; new commands and syncs on the ended context fail.
    expect(kept!.values).toEqual([["a"]]);
    expect(() => kept!.load("values")).toThrow(expect.objectContaining({ code: "InvalidObjectPath" }));
    expect(() => (kept!.values = [["b"]])).toThrow(expect.objectContaining({ code: "InvalidObjectPath" }));
    await expect(keptCtx!.sync()).rejects.toMatchObject({ code: "InvalidObjectPath" });
    await (fake.Excel.run as (c: Ctx, f: (ctx: Ctx) => Promise<void>) => Promise<void>)(keptCtx!, async (ctx) => {
      kept!.values = [["b"]];
      await ctx.sync();
    });
    expect(fake.sheet("Data").value("A1")).toBe("b");
  });

  it("fails an unknown property at sync(), as Excel does, not at load()", async () => {
    const fake = createFakeExcel([{ name: "Data" }]);
    await run(fake, async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Data").getRange("A1");
      expect(() => range.load("valuez")).not.toThrow();
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });

  it("calls Office.onReady's callback asynchronously", async () => {
    const fake = createFakeExcel([]);
    const order: string[] = [];
    const ready = (fake.Office.onReady as (cb: () => void) => Promise<unknown>)(() => order.push("ready"));
    order.push("after onReady");
    await ready;
    expect(order).toEqual(["after onReady", "ready"]);
  });

  it("throws PropertyNotLoaded when a property is read without load and sync", async () => {
    const fake = createFakeExcel([{ name: "Data", values: [["a", "b"]] }]);
    await run(fake, async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Data").getRange("A1:B1");
      expect(() => range.values).toThrow(/not available/);
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(range.values).toEqual([["a", "b"]]);
      expect(() => range.numberFormat).toThrow(/numberFormat/);
    });
  });

  it("applies queued writes only at sync and counts round trips", async () => {
    const fake = createFakeExcel([{ name: "Data" }]);
    await run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("A1").values = [["x"]];
      expect(fake.sheet("Data").value("A1")).toBeNull();
      await ctx.sync();
      expect(fake.sheet("Data").value("A1")).toBe("x");
    });
    expect(fake.syncCount).toBe(1);
  });

  it("turns typed numeric strings into numbers unless the cell is text-formatted", async () => {
    const fake = createFakeExcel([{ name: "Data" }]);
    await run(fake, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      ws.getRange("B1:B2").numberFormat = [["@"], ["@"]];
      ws.getRange("A1:B1").values = [["007", "007"]];
      ws.getRange("A2:B2").values = [["2012-06-23", "2012-06-23"]];
      await ctx.sync();
    });
    const s = fake.sheet("Data");
    expect(s.value("A1")).toBe(7);
    expect(s.value("B1")).toBe("007");
    expect(s.value("A2")).toBe(41083);
    expect(s.value("B2")).toBe("2012-06-23");
  });

  it("rejects a request over the payload limit", async () => {
    const fake = createFakeExcel([{ name: "Data" }], { payloadLimit: 1000 });
    const big = Array.from({ length: 200 }, () => ["some text here"]);
    await expect(
      run(fake, async (ctx) => {
        ctx.workbook.worksheets.getItem("Data").getRange("A1:A200").values = big;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });

  it("reports null objects after sync and ItemNotFound for getItem", async () => {
    const fake = createFakeExcel([{ name: "Data" }]);
    await run(fake, async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      expect(() => missing.isNullObject).toThrow();
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
    });
    await expect(
      run(fake, async (ctx) => {
        ctx.workbook.worksheets.getItem("Nope").load("name");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it("raises onChanged for user edits and for the add-in's writes", async () => {
    const fake = createFakeExcel([{ name: "Data" }]);
    const seen: string[] = [];
    await run(fake, async (ctx) => {
      ctx.workbook.worksheets.onChanged.add(async (e) => {
        seen.push(`${e.address}:${(e as unknown as { triggerSource: string }).triggerSource}`);
      });
      await ctx.sync();
    });
    await fake.userEdit("Data", "C3", "hello");
    await run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("D4").values = [[1]];
    });
    await fake.idle();
    expect(seen).toEqual(["C3:Unknown", "D4:ThisLocalAddin"]);
  });

  it("installs Excel and Office as globals and restores them", () => {
    const fake = createFakeExcel();
    const target: Record<string, unknown> = {};
    const uninstall = fake.install(target);
    expect(target.Excel).toBe(fake.Excel);
    expect((target.Office as typeof Office).context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect((target.Office as typeof Office).context.requirements.isSetSupported("ExcelApi", "1.12")).toBe(false);
    uninstall();
    expect(target.Excel).toBeUndefined();
  });

  it("evaluates DATE() in the workbook's date system", async () => {
    for (const date1904 of [false, true]) {
      const fake = createFakeExcel(undefined, { date1904 });
      const v = await run(fake, async (ctx) => {
        const r = ctx.workbook.functions.date(1904, 1, 1);
        r.load("value");
        await ctx.sync();
        return r.value;
      });
      expect(v).toBe(date1904 ? 0 : 1462);
    }
  });
});
