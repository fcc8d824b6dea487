// Mutation testing of the core that makes the plan's figures (`npm run mutation`; not in CI:
// report/ and rollup/ alone, 677 mutants, took 35 minutes on 2 busy cores).
// `npm run mutation -- --mutate src/core/report/checkFiling.ts` runs one file; the report goes
// to reports/mutation/.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: "npm",
  testRunner: "jest",
  jest: { configFile: "jest.mutation.config.js", enableFindRelatedTests: true },
  checkers: ["typescript"],
  tsconfigFile: "tsconfig.json",
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: "perTest",
  concurrency: 2,
  timeoutMS: 20000,
  mutate: [
    "src/core/quota*.ts",
    "src/core/floors.ts",
    "src/core/decimal.ts",
    "src/core/apportion.ts",
    "src/core/rates.ts",
    "src/core/report/checkValues.ts",
    "src/core/report/checkAgainst.ts",
    "src/core/report/checkFiling.ts",
    "src/core/report/reportMonth.ts",
    "src/core/report/previousMonth.ts",
    "src/core/rollup/rollupSummary.ts",
    "src/core/rollup/progress.ts",
    "src/core/rollup/ledger.ts",
  ],
  ignorePatterns: ["dist", "out", "coverage", "reports"],
  reporters: ["clear-text", "progress", "html", "json"],
  clearTextReporter: { logTests: false, allowEmojis: false },
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  thresholds: { high: 85, low: 70, break: null },
};
