/**
 * What the browser tests share: a static server for dist/, the strict fake Excel bundled for the page, and
 * Debian's Chromium driven by playwright-core (never a downloaded browser).
 */
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import type { AddressInfo } from "net";
import type { Browser, Page } from "playwright-core";
import type Webpack from "webpack";
import type { Configuration as WebpackConfiguration } from "webpack";
import type * as Playwright from "playwright-core";

export const ROOT = path.resolve(__dirname, "../..");
export const DIST = path.join(ROOT, "dist");
export const OUTPUT = path.join(ROOT, "test-output");
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

/** Fails with the command to run when there is no production build. */
export function requireBuild(): void {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
    throw new Error(`No build in ${DIST}: run \`npm run build\` first (npm test does).`);
  }
}

/** Serves dist/ over http on localhost (https is not needed for the test). Resolves to the base URL. */
export async function serveDist(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname).replace(/^\/+/, "");
    const file = path.resolve(DIST, rel || "taskpane.html");
    if (!file.startsWith(DIST + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end(`not found: ${rel}`);
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://localhost:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

/** Bundles the fake Excel's browser entry (test/excel/fake/browser.ts) into one script; returns its text. */
export async function bundleFakeExcel(): Promise<string> {
  const webpack = require("webpack") as typeof Webpack;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "fake-excel-"));
  const config: WebpackConfiguration = {
    mode: "development",
    devtool: false,
    target: "web",
    entry: path.join(ROOT, "test/excel/fake/browser.ts"),
    output: { path: out, filename: "fake-excel.js" },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: "ts-loader",
          options: { transpileOnly: true, configFile: path.join(ROOT, "tsconfig.json"), compilerOptions: { module: "esnext", noEmit: false, sourceMap: false } },
        },
      ],
    },
  };
  await new Promise<void>((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    })
  );
  const text = fs.readFileSync(path.join(out, "fake-excel.js"), "utf8");
  fs.rmSync(out, { recursive: true, force: true });
  return text;
}

/** Launches Debian's Chromium headless, offline-friendly. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = require("playwright-core") as typeof Playwright;
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Every request a page makes, and the ones that were blocked. */
export interface RequestLog {
  urls: string[];
  blocked: string[];
  /** Uncaught page errors and console errors. */
  errors: string[];
}

/** An empty request log for openPane. */
export const newLog = (): RequestLog => ({ urls: [], blocked: [], errors: [] });

/** What the fake Excel starts with: `__fakeExcelInit` (sheets and options such as displayLanguage). */
export interface PaneInit {
  sheets?: unknown[];
  options?: Record<string, unknown>;
}

/**
 * Opens the task pane with the fake Excel installed before any page script runs (`Office` and `Excel` globals)
 * and the office.js CDN request blocked. `init` is the fake's `__fakeExcelInit`.
 */
export async function openPane(
  browser: Browser,
  baseUrl: string,
  fakeScript: string,
  init: PaneInit,
  log: RequestLog
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 900 }, acceptDownloads: true, locale: "en-US", reducedMotion: "reduce" });
  const page = await context.newPage();
  page.on("request", (r) => log.urls.push(r.url()));
  page.on("pageerror", (e) => log.errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    // The blocked office.js request is logged by Chromium as a failed resource; that one is expected.
    if (m.type() === "error" && !m.text().includes("ERR_BLOCKED_BY_CLIENT")) log.errors.push(`console: ${m.text()}`);
  });
  await context.route(OFFICE_JS, (route) => {
    log.blocked.push(route.request().url());
    return route.abort("blockedbyclient");
  });
  await page.addInitScript({ content: `globalThis.__fakeExcelInit = ${JSON.stringify(init)};\n${fakeScript}` });
  await page.goto(`${baseUrl}/taskpane.html`);
  return page;
}

/** A browser test file's pane: the built page served, the fake Excel bundled and Chromium launched. */
export interface PaneSession {
  /** The local server's base URL (`http://localhost:<port>`); set once beforeAll has run. */
  readonly url: string;
  /** Opens the pane in a new browser context with the fake Excel started from `init` (see openPane). */
  open(init: PaneInit, log: RequestLog): Promise<Page>;
}

/**
 * Registers the file's beforeAll (the build is there, test-output/ exists; server, fake Excel bundle and Chromium
 * started side by side) and afterAll (browser and server closed). Call it once at the top of a browser test file.
 *
 * @example
 * const pane = paneSession();
 * it("…", async () => { const page = await pane.open({ sheets: [{ name: "Sheet1" }] }, newLog()); });
 */
export function paneSession(): PaneSession {
  let browser: Browser | undefined;
  let server: { url: string; close: () => Promise<void> } | undefined;
  let fakeScript = "";
  beforeAll(async () => {
    requireBuild();
    fs.mkdirSync(OUTPUT, { recursive: true });
    [fakeScript, server, browser] = await Promise.all([bundleFakeExcel(), serveDist(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = () => {
    if (!browser || !server) throw new Error("paneSession: used before its beforeAll ran");
    return { browser, server };
  };
  return {
    get url() {
      return started().server.url;
    },
    open: (init, log) => {
      const { browser: b, server: s } = started();
      return openPane(b, s.url, fakeScript, init, log);
    },
  };
}

/** Waits until no CSS animation or transition is running (tab indicators slide), then takes a screenshot. */
export async function screenshot(page: Page, file: string, fullPage = true): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  await page.screenshot({ path: file, fullPage });
}
