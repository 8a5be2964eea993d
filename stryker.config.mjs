// Mutation testing, on demand (too slow for every CI run on 2 cores): see CONTRIBUTING.md.
//   pnpm mutation                    # packages/core/src/relationships
//   MUTATE=write pnpm mutation       # any folder of packages/core/src
//   MUTATE=prisma/convert pnpm mutation   # a folder of another package (its tests and test/)
// The tests run are that folder's own tests (vitest.mutation.config.ts), not the whole suite.
import { mutateDir, runName } from './mutation.target.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: [`${mutateDir}/**/*.ts`, '!**/*.test.ts', '!packages/core/src/testing/**'],
  // The sandbox needs only the packages (tests import their TypeScript sources) and the configs.
  ignorePatterns: [
    '/bench/*',
    '!/bench/generate', // the synthetic schemas (prisma/convert's scanner tests read them)
    '/examples/*/*',
    '!/examples/*/docs', // the examples' documents (ir tests read their schema.json)
    '!/examples/*/schema.prisma', // the example schemas (prisma/convert's text readers' tests)
    '/apps',
    '/docs',
    '/tests',
    '/scripts',
    '/reports',
    '/.stryker-tmp*',
    '**/.ormdoc-tmp-*', // other tests' temporary projects, which come and go
  ],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 10_000, // added to the test time Stryker measured; mutants that loop forever end sooner
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${runName}.html` },
  jsonReporter: { fileName: `reports/mutation/${runName}.json` },
  thresholds: { high: 90, low: 80, break: null },
  // One sandbox folder per run, so that runs of two folders can go side by side.
  tempDirName: `.stryker-tmp-${runName}`,
  cleanTempDir: true,
};
