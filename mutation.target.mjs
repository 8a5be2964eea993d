// What a mutation run (stryker.config.mjs, vitest.mutation.config.ts) mutates and which tests it
// runs, from MUTATE: a folder of packages/core/src (`relationships`, `write`), or `<package>/<folder>`
// for another package (`prisma/convert`). Core folders run their own tests; another package's
// folder runs its own tests and the package's test/ folder.
const target = process.env.MUTATE ?? 'relationships';
const [pkg, dir] = target.includes('/') ? target.split(/\/(.*)/s) : ['core', target];

export const mutateDir = `packages/${pkg}/src/${dir}`;
/** MUTATE_TESTS (comma-separated globs) runs only those tests, e.g. the fast ones of a folder. */
export const testGlobs = process.env.MUTATE_TESTS
  ? process.env.MUTATE_TESTS.split(',')
  : pkg === 'core'
    ? [`${mutateDir}/**/*.test.ts`]
    : [`${mutateDir}/**/*.test.ts`, `packages/${pkg}/test/**/*.test.ts`];
/** A name for the report and the sandbox: `write`, `prisma-convert`. */
export const runName = target.replace(/[^A-Za-z0-9_-]+/g, '-');
