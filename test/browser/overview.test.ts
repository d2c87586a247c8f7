/**
 * The Validate tab's map and charts in Debian's Chromium against the strict fake Excel (issue #15): a real
 * validation finds a swapped point, the map draws every point coloured by its worst finding with the swap's arrow,
 * a click on a point selects its row, a bar selects its rows; screenshots in English and Russian.
 */
import * as path from "path";
import type { Page } from "playwright-core";
import { OUTPUT, newLog, paneSession, screenshot } from "./harness";

jest.setTimeout(300_000);

const pane = paneSession();

const HEADERS = ["occurrenceID", "basisOfRecord", "eventDate", "scientificName", "kingdom", "family", "countryCode", "decimalLatitude", "decimalLongitude", "geodeticDatum"];
/** White Sea records; row 4 has latitude and longitude swapped (it lands in Central Asia). */
const ROWS = [
  ["KR-1", "HumanObservation", "2023-06-14", "Somateria mollissima", "Animalia", "Anatidae", "RU", 67.0, 32.55, "WGS84"],
  ["KR-2", "HumanObservation", "2023-06-15", "Larus argentatus", "Animalia", "Laridae", "RU", 66.9, 32.9, "WGS84"],
  ["KR-3", "HumanObservation", "2023-07-02", "Somateria mollissima", "Animalia", "Anatidae", "RU", 32.7, 66.95, "WGS84"],
  ["KR-4", "PreservedSpecimen", "2022-07-20", "Betula nana", "Plantae", "Betulaceae", "RU", 66.55, 33.1, "WGS84"],
  ["KR-5", "PreservedSpecimen", "2022-08-03", "Empetrum nigrum", "Plantae", "Ericaceae", "RU", 66.6, 33.4, "WGS84"],
];

/** The fake's selection as the A1 address of its sheet and rows. */
const selection = (page: Page) =>
  page.evaluate(() => {
    const s = (globalThis as any).__fakeExcel.state.selection as { sheetId: string; rect: { row: number; rowCount?: number; rows?: number } };
    return JSON.stringify(s);
  });

async function showMap(lang: "en" | "ru"): Promise<Page> {
  const log = newLog();
  const page = await pane.open({ sheets: [{ name: "Occurrence", values: [HEADERS, ...ROWS] }], options: { displayLanguage: lang === "ru" ? "ru-RU" : "en-US" } }, log);
  const t = lang === "ru" ? { validate: "Проверка", run: "Проверить книгу", map: "Карта" } : { validate: "Validate", run: "Validate workbook", map: "Map" };
  await page.getByRole("tab", { name: t.validate }).click();
  // Wait for the boundaries (the swap is found against the country's outline), then validate.
  await page.getByRole("button", { name: t.run }).waitFor();
  await page.getByText(/Loading country boundaries|Загрузка границ стран/).waitFor({ state: "detached", timeout: 120_000 });
  await page.getByRole("button", { name: t.run }).click();
  await page.getByRole("tab", { name: t.map }).click();
  await page.locator("svg[data-points]").waitFor({ timeout: 120_000 });
  await page.locator('path[data-layer="land"]').and(page.locator("[d^='M']")).waitFor({ timeout: 120_000 });
  expect(log.errors).toEqual([]);
  return page;
}

describe("map and charts in Chromium", () => {
  it("draws the points by finding with the swap's arrow, selects rows, and looks right in English and Russian", async () => {
    const page = await showMap("en");
    const svg = page.locator("svg[data-points]");
    expect(await svg.getAttribute("data-points")).toBe("5");
    await page.locator('line[data-layer="fix-arrow"]').waitFor({ timeout: 120_000 });
    const tiers = await page.$$eval("path[data-tier]", (ps) =>
      ps.map((p) => ({ tier: p.getAttribute("data-tier"), count: Number(p.getAttribute("data-count")), fill: getComputedStyle(p).fill }))
    );
    const warning = tiers.find((x) => x.tier === "warning");
    expect(warning?.count).toBeGreaterThanOrEqual(1);
    expect(tiers.reduce((n, x) => n + x.count, 0)).toBe(5);
    // Each tier has its own colour, and a warning is amber (Fluent's marigold, rgb(234, 163, 0)).
    expect(new Set(tiers.map((x) => x.fill)).size).toBe(tiers.length);
    expect(warning?.fill).toBe("rgb(234, 163, 0)");
    expect(await page.locator('line[data-layer="fix-arrow"]').getAttribute("data-row")).toBe("4");
    await screenshot(page, path.join(OUTPUT, "overview-map-en.png"));

    // Click the swapped point (row 4): its row is selected.
    const target = await page.evaluate(() => {
      const line = document.querySelector('line[data-layer="fix-arrow"]') as SVGLineElement;
      const svgEl = line.ownerSVGElement!;
      const r = svgEl.getBoundingClientRect();
      const k = r.width / svgEl.viewBox.baseVal.width;
      return { x: r.left + line.x1.baseVal.value * k, y: r.top + line.y1.baseVal.value * k };
    });
    await page.mouse.click(target.x, target.y);
    await page.waitForFunction(() => JSON.stringify((globalThis as any).__fakeExcel.state.selection ?? null).includes('"row":3'));
    expect(await selection(page)).toContain('"row":3');
    await page.getByRole("status").filter({ hasText: "Somateria mollissima" }).first().waitFor();

    // Charts: the Plantae bar selects rows 5 and 6.
    await page.getByRole("tab", { name: "Charts" }).click();
    await page.getByRole("region", { name: "Records per kingdom" }).getByRole("button", { name: /^Plantae: 2 records/ }).click();
    await page.getByText("Selected 2 rows in Occurrence").waitFor();
    expect(await selection(page)).toContain('"row":4');
    await screenshot(page, path.join(OUTPUT, "overview-charts-en.png"));
    await page.context().close();
  });

  it("shows the map and the charts in Russian", async () => {
    const page = await showMap("ru");
    expect(await page.locator("svg[data-points]").getAttribute("data-points")).toBe("5");
    await page.getByText("5 записей на карте").waitFor();
    await screenshot(page, path.join(OUTPUT, "overview-map-ru.png"));
    await page.getByRole("tab", { name: "Диаграммы" }).click();
    await page.getByRole("region", { name: "Записи по царствам" }).waitFor();
    await screenshot(page, path.join(OUTPUT, "overview-charts-ru.png"));
    await page.context().close();
  });
});
