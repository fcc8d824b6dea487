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
  // Tests in random order (the seed is printed; `--seed=N` repeats an order): none may rely on
  // another having run first. `npx jest --randomize --coverage=false` passed whole on 2026-12-06.
  randomize: true,
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
