/**
 * The jest run StrykerJS repeats for each mutant (`npm run mutation`): only tests/core, which
 * import src/core directly (the CLI tests run the built dist/ and would never see a mutant), with
 * ts-jest transpiling without type checks (the mutants are not type-correct by design).
 * @type {import('jest').Config}
 */
const base = require("./jest.config.js");

module.exports = {
  testEnvironment: base.testEnvironment,
  roots: ["<rootDir>/tests/core"],
  testMatch: base.testMatch,
  // The corpus writes ~100 workbooks with exceljs in its beforeAll (95 s of a full run): repeated
  // for every mutant it covers, it alone would take hours; what only it would kill shows as survived.
  testPathIgnorePatterns: ["/tests/core/report/corpus\\.test\\.ts$"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", isolatedModules: true }],
  },
  testTimeout: base.testTimeout,
  moduleNameMapper: base.moduleNameMapper,
  setupFilesAfterEnv: base.setupFilesAfterEnv,
};
