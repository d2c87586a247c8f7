#!/usr/bin/env node
"use strict";
/**
 * `npm start`: sideloads the add-in into desktop Excel (Windows, macOS) with office-addin-debugging, which starts
 * the dev server too. Where desktop Excel does not exist (Linux) or office-addin-debugging is not installed (it
 * is an optional dependency), explains how to use the add-in in Excel on the web instead.
 */
const path = require("path");
const { spawn } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");

function webInstructions(reason) {
  return [
    `${reason}`,
    "",
    "Use the add-in in Excel on the web instead:",
    "  1. Start the dev server:        npm run dev-server",
    "     (first time: trust its certificate with `npx office-addin-dev-certs install`,",
    "      then open https://localhost:3000/taskpane.html once in your browser to check it loads)",
    "  2. Open a workbook on https://www.office.com (Excel on the web).",
    "  3. Insert > Add-ins (or Home > Add-ins) > More Add-ins > Upload My Add-in,",
    `     and choose ${MANIFEST}`,
    "  4. The Darwin Core button appears on the Home tab.",
    "",
    "To host a build instead of the dev server: ADDIN_BASE_URL=https://your.host/path/ npm run build,",
    "publish dist/ there, and upload dist/manifest.xml.",
  ].join("\n");
}

function findDebugging() {
  try {
    return require.resolve("office-addin-debugging/cli.js", { paths: [ROOT] });
  } catch {
    try {
      return require.resolve("office-addin-debugging/lib/cli.js", { paths: [ROOT] });
    } catch {
      return undefined;
    }
  }
}

function main() {
  const platform = process.platform;
  if (platform !== "win32" && platform !== "darwin") {
    console.log(webInstructions(`Desktop Excel does not run on ${platform}, so the add-in cannot be sideloaded here.`));
    return 0;
  }
  const cli = findDebugging();
  if (!cli) {
    console.log(
      webInstructions(
        "office-addin-debugging (an optional dependency) is not installed, so the add-in cannot be sideloaded " +
          "automatically. Install it with `npm install --no-save office-addin-debugging`, or:"
      )
    );
    return 0;
  }
  const args = [cli, "start", MANIFEST, "desktop", "--app", "excel", "--dev-server", "npm run dev-server", "--dev-server-port", "3000"];
  const child = spawn(process.execPath, args, { stdio: "inherit", cwd: ROOT });
  child.on("exit", (code) => process.exit(code === null ? 1 : code));
  return undefined;
}

const code = main();
if (code !== undefined) process.exit(code);
