import { defineConfig } from 'vitest/config';
import { testGlobs } from './mutation.target.mjs';
import base from './vitest.config';

// The vitest config Stryker uses (stryker.config.mjs): the root config, but only the tests of the
// folder being mutated, so that a mutation run takes minutes. MUTATE names a folder of
// packages/core/src (default: relationships) or `<package>/<folder>` (mutation.target.mjs). The
// fast-check property tests (*.property.test.ts, 10,000 runs) and the PGlite tests
// (*.pglite.test.ts, a database start) are left out unless
// MUTATE_SLOW=1: they cost ~10-20 s per mutant on 2 cores (hours per folder); the
// *.mutation.test.ts files state the same facts on small cases. (mergeConfig would append to
// `include`, not replace it.)
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: testGlobs,
    exclude: [
      ...(base.test?.exclude ?? ['**/node_modules/**']),
      ...(process.env.MUTATE_SLOW === '1' ? [] : ['**/*.property.test.ts', '**/*.pglite.test.ts']),
    ],
  },
});
