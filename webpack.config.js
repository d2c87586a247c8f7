/* eslint-disable no-undef */
"use strict";
/**
 * Builds the task pane (React), the ribbon commands page and the export and import workers into dist/.
 *
 * - `npm run build` (production): minified, manifest.xml copied to dist/ with https://localhost:3000 replaced by
 *   ADDIN_BASE_URL (default: https://localhost:3000/, i.e. unchanged; set it to where dist/ is hosted, e.g.
 *   `ADDIN_BASE_URL=https://example.org/dwc-excel/ npm run build`). Needs no certificates.
 * - `npm run dev-server`: https on localhost:3000 with office-addin-dev-certs (only in serve mode).
 * - Heavy parts (the Darwin Core model data, validation rules, archive writer, zip) are split out by dynamic
 *   import(); `node scripts/bundle-size.js` prints the gzip sizes of what the task pane loads first.
 * - The country and first-level-division boundaries of the geography checks (src/validate/bdq/data/*.json, about
 *   2.2 MB) are one chunk of their own, `chunks/bdq-geometry.*.js`, fetched after the pane's first render and by
 *   the export worker, always from the add-in's own origin (publicPath "auto": beside the script that loads it).
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { DEFAULT_BASE_URL, rewriteManifest } = require("./scripts/validate-manifest.js");
const { BundleSizePlugin } = require("./scripts/bundle-size.js");

const DEV_PORT = 3000;

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const baseUrl = process.env.ADDIN_BASE_URL || DEFAULT_BASE_URL;

  const config = {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      // The large map's Office dialog window (its own page: a dialog cannot share the pane's document).
      "map-dialog": "./src/taskpane/overview/dialogPage.tsx",
      // A worker has no document to add <script> tags to: its chunks (the boundaries) load with importScripts.
      "export-worker": { import: "./src/taskpane/export/export.worker.ts", chunkLoading: "import-scripts" },
      // Reads a Darwin Core Archive picked in "Open a Darwin Core Archive…" off the pane's thread.
      "import-worker": { import: "./src/taskpane/import/import.worker.ts", chunkLoading: "import-scripts" },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "chunks/[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".mjs"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: path.resolve(__dirname, "tsconfig.json"),
              // Type checking is `npm run typecheck`; the bundle only needs transpiling. ES modules so that
              // webpack can tree-shake and split at import().
              transpileOnly: true,
              compilerOptions: { module: "esnext", noEmit: false, sourceMap: dev },
            },
          },
        },
      ],
    },
    optimization: {
      // Split only what is imported lazily: the task pane's model, adapter and archive chunks, and the boundaries
      // (loaded by the pane, the ribbon command and the worker alike, so shared as one file they each fetch).
      splitChunks: {
        chunks: "async",
        cacheGroups: {
          bdqGeometry: {
            test: /[\\/]src[\\/]validate[\\/]bdq[\\/]data[\\/][^\\/]+\.json$/,
            name: "bdq-geometry",
            chunks: "async",
            enforce: true,
            priority: 10,
          },
        },
      },
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new HtmlWebpackPlugin({
        filename: "map-dialog.html",
        template: "./src/taskpane/overview/map-dialog.html",
        chunks: ["map-dialog"],
      }),
      new HtmlWebpackPlugin({
        filename: "help.html",
        template: "./src/taskpane/help.html",
        chunks: [],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : Buffer.from(rewriteManifest(content.toString("utf8"), baseUrl))),
          },
        ],
      }),
      ...(dev ? [] : [new BundleSizePlugin()]),
    ],
  };

  if (serving) {
    // Certificates only for the dev server: `npm run build` must work on machines without them.
    const devCerts = require("office-addin-dev-certs");
    config.devServer = {
      port: DEV_PORT,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: await devCerts.getHttpsServerOptions() },
      static: { directory: path.resolve(__dirname, "dist") },
      hot: false,
    };
  }
  return config;
};
