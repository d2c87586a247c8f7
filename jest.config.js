/** Jest projects: `unit` runs everything under test/ except the browser tests; `browser` drives the built
 * task pane in Debian's Chromium (needs `npm run build` first, which `npm test` does). */
const tsJest = ["ts-jest", { tsconfig: "tsconfig.json", isolatedModules: true }];
module.exports = {
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      transform: { "^.+\\.tsx?$": tsJest },
      testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/test/**/*.test.tsx"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/browser/"],
    },
    {
      displayName: "browser",
      testEnvironment: "node",
      transform: { "^.+\\.tsx?$": tsJest },
      testMatch: ["<rootDir>/test/browser/**/*.test.ts"],
    },
  ],
};
