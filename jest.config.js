/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }],
  },
  testTimeout: 30000,
  maxWorkers: 2,
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/tests/support/officeAppShim.js" },
  setupFilesAfterEnv: ["<rootDir>/tests/support/hasAssertions.ts"],
  // All of src, not only what the tests import: the pane's modules count even where only the
  // Chromium tests (whose coverage jest cannot see) reach them.
  collectCoverageFrom: ["src/**/*.ts"],
  coverageReporters: ["text-summary", "json-summary"],
  // Just under what `CI=true npx jest --coverage` measured on 2026-11-29 (94.13 / 84.75 / 96.22 / 95.78).
  coverageThreshold: { global: { statements: 93, branches: 84, functions: 95, lines: 95 } },
  reporters: ["default", "<rootDir>/tests/support/summaryReporter.js"],
};
