/**
 * manifest.xml is a valid Office add-in manifest (checked offline against Microsoft's XSDs with libxml2's
 * xmllint) and asks for what the add-in needs: ReadWriteDocument, ExcelApi 1.9, a Home-tab button that opens the
 * pane, the Validate command, EN and RU strings; the production rewrite to a hosting URL stays valid.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const vm = require(path.join(ROOT, "scripts/validate-manifest.js")) as {
  rewriteManifest(xml: string, base: string): string;
  normaliseBaseUrl(base: string): string;
  schemaValidate(file: string): { ok: boolean; output: string };
  checkManifest(file: string): string[];
};

const source = fs.readFileSync(MANIFEST, "utf8");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-test-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Writes a variant of the manifest to a temporary file and returns its path. */
function variant(name: string, xml: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, xml);
  return file;
}

describe("manifest.xml", () => {
  it("validates against OfficeAppManifestV1_1.xsd", () => {
    const r = vm.schemaValidate(MANIFEST);
    expect(r.output).not.toMatch(/error/i);
    expect(r.ok).toBe(true);
  });

  it("the validator rejects a manifest without <Id> and one with an unknown permission", () => {
    const noId = variant("no-id.xml", source.replace(/<Id>[^<]*<\/Id>/, ""));
    expect(vm.schemaValidate(noId).ok).toBe(false);
    const badPerm = variant("bad-perm.xml", source.replace("<Permissions>ReadWriteDocument", "<Permissions>Everything"));
    expect(vm.schemaValidate(badPerm).ok).toBe(false);
  });

  it("asks for ReadWriteDocument, ExcelApi 1.9, the Workbook host, the pane button and the Validate command", () => {
    expect(vm.checkManifest(MANIFEST)).toEqual([]);
  });

  it("reports a manifest with weaker permissions, another requirement set or no ribbon button", () => {
    const read = variant("read.xml", source.replace("<Permissions>ReadWriteDocument", "<Permissions>ReadDocument"));
    expect(vm.schemaValidate(read).ok).toBe(true);
    expect(vm.checkManifest(read)).toEqual(['Permissions is "ReadDocument", expected ReadWriteDocument']);
    const api = variant("api.xml", source.replace('MinVersion="1.9"', 'MinVersion="1.12"'));
    expect(vm.checkManifest(api)).toEqual(['ExcelApi minimum is "1.12", expected 1.9']);
    const noButton = variant("nobutton.xml", source.replace('xsi:type="ShowTaskpane"', 'xsi:type="ExecuteFunction"'));
    expect(vm.checkManifest(noButton)).toContain("no Home-tab button that opens the task pane (ShowTaskpane)");
  });

  it("has Russian overrides for the display name, description and every ribbon string", () => {
    const strings = source.match(/<bt:String id="[^"]+"/g) ?? [];
    expect(strings.length).toBeGreaterThanOrEqual(6);
    const overrides = source.match(/<bt:String id="[^"]+" DefaultValue="[^"]*">\s*<bt:Override Locale="ru-RU"/g) ?? [];
    expect(overrides).toHaveLength(strings.length);
    expect(source).toMatch(/<DisplayName DefaultValue="[^"]+">\s*<Override Locale="ru-RU" Value="Darwin Core для Excel"/);
    expect(source).toMatch(/<Description DefaultValue="[^"]+">\s*<Override Locale="ru-RU"/);
  });

  it("points only at the dev server, at files the build produces", () => {
    const urls = [...source.matchAll(/"(https:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u.startsWith("https://localhost:3000/")).toBe(true);
    const files = new Set(urls.map((u) => u.slice("https://localhost:3000/".length)));
    expect([...files].sort()).toEqual(
      ["assets/icon-16.png", "assets/icon-32.png", "assets/icon-64.png", "assets/icon-80.png", "commands.html", "help.html", "taskpane.html"].sort()
    );
    for (const f of files) {
      if (f.startsWith("assets/")) expect(fs.existsSync(path.join(ROOT, f))).toBe(true);
    }
  });
});

describe("icons", () => {
  it.each([16, 32, 64, 80])("assets/icon-%i.png is a PNG of that size", (size) => {
    const png = fs.readFileSync(path.join(ROOT, `assets/icon-${size}.png`));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(size);
    expect(png.readUInt32BE(20)).toBe(size);
  });
});

describe("production rewrite", () => {
  it("replaces every dev URL with the base URL and the AppDomain with its origin, and stays valid", () => {
    const out = vm.rewriteManifest(source, "https://example.org/dwc-excel");
    expect(out.replace(/<!--[\s\S]*?-->/g, "")).not.toContain("localhost");
    expect(out).toContain('<SourceLocation DefaultValue="https://example.org/dwc-excel/taskpane.html"/>');
    expect(out).toContain('<bt:Image id="Icon.16x16" DefaultValue="https://example.org/dwc-excel/assets/icon-16.png"/>');
    expect(out).toContain("<AppDomain>https://example.org</AppDomain>");
    const file = variant("prod.xml", out);
    expect(vm.schemaValidate(file).ok).toBe(true);
    expect(vm.checkManifest(file)).toEqual([]);
  });

  it("refuses a base URL Office cannot load", () => {
    expect(() => vm.normaliseBaseUrl("http://example.org/")).toThrow(/must use https/);
    expect(() => vm.normaliseBaseUrl("example.org")).toThrow(/is not a URL/);
    expect(() => vm.normaliseBaseUrl("https://example.org/?a=1")).toThrow(/query/);
    expect(vm.normaliseBaseUrl("https://example.org")).toBe("https://example.org/");
  });
});
