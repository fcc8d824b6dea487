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
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", isolatedModules: true }],
  },
  testTimeout: base.testTimeout,
  moduleNameMapper: base.moduleNameMapper,
  setupFilesAfterEnv: base.setupFilesAfterEnv,
};
