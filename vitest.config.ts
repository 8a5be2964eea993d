import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Tests run against the TypeScript sources: no build is needed before `pnpm test`.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@ormdoc\/core\/testing$/, replacement: src('./packages/core/src/testing/index.ts') },
      { find: /^@ormdoc\/core\/reuse$/, replacement: src('./packages/core/src/write/reuse.ts') },
      { find: /^@ormdoc\/core$/, replacement: src('./packages/core/src/index.ts') },
      { find: /^@ormdoc\/prisma$/, replacement: src('./packages/prisma/src/index.ts') },
      { find: /^@ormdoc\/drizzle\/config$/, replacement: src('./packages/drizzle/src/plugin.ts') },
      { find: /^@ormdoc\/drizzle$/, replacement: src('./packages/drizzle/src/index.ts') },
      { find: /^@ormdoc\/typeorm$/, replacement: src('./packages/typeorm/src/index.ts') },
      { find: /^@ormdoc\/database$/, replacement: src('./packages/database/src/index.ts') },
      { find: /^@ormdoc\/sqlmodel$/, replacement: src('./packages/sqlmodel/src/index.ts') },
    ],
  },
  test: {
    include: [
      'tests/**/*.test.ts',
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'apps/*/src/**/*.test.ts',
      'apps/*/test/**/*.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // buildIr also runs the zod schema and fails on any difference from completeIr (child processes inherit it).
    env: { ORMDOC_VERIFY_IR: '1' },
  },
});
