/**
 * The unit tests that exercise the simulator engine, for `npm run mutation` (stryker.config.mjs).
 * Narrower than vitest.config.ts: no tests/build/** (they build whole sites) and no tests of the
 * site's other code, so one mutant's run takes seconds.
 *
 * Files run smallest first and the model-based tests last: Stryker stops a run at the first
 * failing test, and a "static" mutant (code that runs at import, such as the machines' config)
 * runs every file, so the quick files get the first chance to kill it.
 */
import { statSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

const SLOW_LAST = ['model.test.ts', 'properties.test.ts'];
const weight = (spec: TestSpecification) => {
  const slow = SLOW_LAST.findIndex((name) => spec.moduleId.endsWith(name));
  return slow < 0 ? statSync(spec.moduleId).size : Number.MAX_SAFE_INTEGER - SLOW_LAST.length + slow;
};

class QuickFirst extends BaseSequencer {
  override sort(files: TestSpecification[]) {
    return Promise.resolve([...files].sort((a, b) => weight(a) - weight(b)));
  }
}

export default defineConfig({
  test: {
    include: ['tests/unit/simulator/**/*.test.ts', 'tests/unit/training/**/*.test.ts'],
    environment: 'node',
    // Instrumented code on a busy machine runs several times slower than in `npm test`.
    testTimeout: 60_000,
    sequence: { sequencer: QuickFirst },
  },
});
