// Lint rules, including the architecture: imports point inward (faces -> adapters -> core -> dwc).
import tseslint from "typescript-eslint";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import officeAddins from "eslint-plugin-office-addins";
import prettier from "eslint-config-prettier";

const noAdapters = ["**/excel", "**/excel/**", "**/file", "**/file/**", "**/taskpane/**", "**/commands/**", "**/cli/**"];
const noPlatform = ["react", "react-dom", "react/*", "@fluentui/*", "exceljs", "fs", "path", "os", "node:*", "child_process", "worker_threads"];

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "build/", "coverage/", "test-output/", "bin/", "**/*.js", "src/dwc/generated/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "no-template-curly-in-string": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "office-addins/no-office-initialize": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/call-sync-after-load": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/load-object-before-read": "error",
    },
  },
  {
    files: ["src/dwc/**/*.ts", "src/validate/**/*.ts", "src/archive/**/*.ts", "src/metadata/**/*.ts", "src/standardise/**/*.ts", "src/georef/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [...noAdapters, ...noPlatform] }],
      "no-restricted-globals": ["error", "Excel", "Office", "document", "window"],
    },
  },
  {
    files: ["src/excel/**/*.ts", "src/file/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: ["**/taskpane/**", "**/commands/**", "**/cli/**"] }] },
  },
  {
    files: ["src/dwc/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [...noAdapters, ...noPlatform, "**/validate/**", "**/archive/**", "**/metadata/**"] }] },
  },
  {
    files: ["src/georef/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [...noAdapters, ...noPlatform, "**/archive/**", "**/metadata/**", "**/standardise/**"] }] },
  },
  {
    files: ["**/*.tsx"],
    plugins: { react, "react-hooks": reactHooks },
    settings: { react: { version: "18" } },
    rules: { ...reactHooks.configs.recommended.rules, "react/jsx-key": "error" },
  },
  {
    files: ["test/**/*.ts", "test/**/*.tsx", "scripts/**/*.ts", "bench/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-require-imports": "off" },
  },
  prettier
);
