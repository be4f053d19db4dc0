// Writes each jest run's totals to .test-results/, where tools/ci/summary.mjs adds them up with
// Playwright's into the one `N passed, N failed` line that CI reads.
const fs = require('node:fs');
const path = require('node:path');

const resultsDir = path.join(__dirname, '..', '..', '.test-results');

class ResultFileReporter {
  constructor(globalConfig) {
    this.globalConfig = globalConfig;
  }

  onRunComplete(_contexts, results) {
    const project = path
      .relative(path.join(resultsDir, '..'), this.globalConfig.rootDir)
      .replace(/[\\/]/g, '-');
    fs.mkdirSync(resultsDir, { recursive: true });
    fs.writeFileSync(
      path.join(resultsDir, `jest-${project}.json`),
      JSON.stringify({
        runner: 'jest',
        project,
        passed: results.numPassedTests,
        failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
        skipped: results.numPendingTests + results.numTodoTests,
      }),
    );
  }
}

module.exports = ResultFileReporter;
