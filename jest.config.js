/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }] },
  testTimeout: 30000,
  maxWorkers: 2,
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/tests/support/officeAppShim.js" },
  reporters: ["default", "<rootDir>/tests/support/summaryReporter.js"],
};
