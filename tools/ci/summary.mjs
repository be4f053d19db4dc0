#!/usr/bin/env node
// Adds up the results that jest (tools/jest/result-file-reporter.js) and Playwright (its json
// reporter) wrote to .test-results/ and prints the one line CI reads: `N passed, N failed`.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '..', '..', '.test-results');
const files = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')) : [];

let passed = 0;
let failed = 0;
for (const name of files) {
  const result = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  if (result.runner === 'jest') {
    passed += result.passed;
    failed += result.failed;
  } else if (result.stats) {
    // Playwright: expected = passed, unexpected = failed, flaky passed only on a retry.
    passed += result.stats.expected;
    failed += result.stats.unexpected + result.stats.flaky;
    // A run that broke before its tests (a server that never started) still counts as failed.
    failed += (result.errors ?? []).length;
  }
}
console.log(`${passed} passed, ${failed} failed`);
