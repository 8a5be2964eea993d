import path from 'node:path';
import { loadDrizzle } from '@ormdoc/drizzle';
import { describe, expect, it } from 'vitest';
import { throwawayProjects, writeFiles } from './_kit.js';

const project = throwawayProjects();

/** A schema that only loads when the tsconfig's `paths` alias `@/*` is honoured. */
const ALIASED_SCHEMA = `
import { pgTable, text } from 'drizzle-orm/pg-core';
import { nameColumn } from '@/columns';
export const users = pgTable('users', { id: text('id').primaryKey(), name: text(nameColumn) });
`;
const COLUMNS = `export const nameColumn = 'display_name';\n`;
const CONFIG = `import { defineConfig } from 'drizzle-kit';\nexport default defineConfig({ dialect: 'postgresql', schema: './src/db/schema.ts' });\n`;

/** A monorepo package folder `apps/web` whose tsconfig is `tsconfig`, in a fresh workspace. */
function monorepo(tsconfig: string, extra: Record<string, string> = {}): string {
  const root = project({
    'package.json': JSON.stringify({ name: 'acme', private: true, workspaces: ['apps/*', 'packages/*'] }),
    'apps/web/package.json': JSON.stringify({
      name: '@acme/web',
      devDependencies: { '@acme/tsconfig': 'workspace:*' },
    }),
    'apps/web/tsconfig.json': tsconfig,
    'apps/web/drizzle.config.ts': CONFIG,
    'apps/web/src/db/schema.ts': ALIASED_SCHEMA,
    'apps/web/src/db/columns.ts': COLUMNS,
    ...extra,
  });
  return path.join(root, 'apps/web');
}

const userColumns = (ir: { tables: { name: string; columns: { name: string }[] }[] }) =>
  ir.tables.find((t) => t.name === 'users')?.columns.map((c) => c.name);

describe('loadDrizzle: a tsconfig the loader cannot fully read never stops the load', () => {
  it('loads when `extends` names a workspace package that is not there, keeping the paths, and warns at tsconfig.json:line', async () => {
    const dir = monorepo(`{
  // the shared config of the monorepo
  "extends": "@acme/tsconfig/base.json",
  "compilerOptions": {
    "paths": { "@/*": ["./src/db/*"], },
  },
}
`);
    const { ir, diagnostics } = await loadDrizzle({ cwd: dir });
    expect(userColumns(ir)).toEqual(['id', 'display_name']);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'drizzle/tsconfig-extends',
        file: 'tsconfig.json',
        line: 3,
        message: expect.stringContaining('"@acme/tsconfig/base.json"'),
      }),
    ]);
  });

  it('loads when `extends` names a generated file that is not there yet (SvelteKit: ./.svelte-kit/tsconfig.json)', async () => {
    const dir = monorepo(
      `{\n  "extends": "./.svelte-kit/tsconfig.json",\n  "compilerOptions": { "paths": { "@/*": ["./src/db/*"] } }\n}\n`,
    );
    const { ir, diagnostics } = await loadDrizzle({ cwd: dir });
    expect(userColumns(ir)).toEqual(['id', 'display_name']);
    expect(diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([
      ['drizzle/tsconfig-extends', 'tsconfig.json', 2],
    ]);
  });

  it('keeps every entry of an `extends` array that resolves and warns once for the one that does not', async () => {
    const dir = monorepo(`{ "extends": ["@acme/missing/tsconfig.json", "./tsconfig.paths.json"] }`, {
      'apps/web/tsconfig.paths.json': `{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["src/db/*"] } } }`,
    });
    const { ir, diagnostics } = await loadDrizzle({ cwd: dir });
    expect(userColumns(ir)).toEqual(['id', 'display_name']);
    expect(diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([
      ['drizzle/tsconfig-extends', 'tsconfig.json', 1],
    ]);
    expect(diagnostics[0]?.message).toContain('"@acme/missing/tsconfig.json"');
  });

  it('follows an extends chain through node_modules (a linked workspace package) with no warning', async () => {
    const dir = monorepo(
      `{ "extends": "@acme/tsconfig/base.json", "compilerOptions": { "paths": { "@/*": ["./src/db/*"] } } }`,
      {
        'apps/web/node_modules/@acme/tsconfig/package.json': JSON.stringify({ name: '@acme/tsconfig' }),
        'apps/web/node_modules/@acme/tsconfig/base.json': `{ "extends": "./strict.json", /* chained */ "compilerOptions": { "target": "ES2022", }, }`,
        'apps/web/node_modules/@acme/tsconfig/strict.json': `{ "compilerOptions": { "strict": true } }`,
      },
    );
    const { ir, diagnostics } = await loadDrizzle({ cwd: dir });
    expect(userColumns(ir)).toEqual(['id', 'display_name']);
    expect(diagnostics).toEqual([]);
  });

  it('names the file deep in the chain whose own `extends` is missing', async () => {
    const dir = monorepo(
      `{ "extends": "@acme/tsconfig/base.json", "compilerOptions": { "paths": { "@/*": ["./src/db/*"] } } }`,
      {
        'apps/web/node_modules/@acme/tsconfig/package.json': JSON.stringify({ name: '@acme/tsconfig' }),
        'apps/web/node_modules/@acme/tsconfig/base.json': `{\n  "extends": "@acme/gone/base.json"\n}`,
      },
    );
    const { ir, diagnostics } = await loadDrizzle({ cwd: dir });
    expect(userColumns(ir)).toEqual(['id', 'display_name']);
    expect(diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([
      ['drizzle/tsconfig-extends', 'node_modules/@acme/tsconfig/base.json', 2],
    ]);
  });

  it('resolves a package of the same workspace that is not linked into node_modules (dependencies not installed)', async () => {
    const dir = monorepo(`{ "extends": "@acme/tsconfig/base.json" }`, {
      'packages/tsconfig/package.json': JSON.stringify({ name: '@acme/tsconfig', private: true }),
      'packages/tsconfig/base.json': `{ "compilerOptions": { "strict": true, "paths": { "@/*": ["../../apps/web/src/db/*"] } } }`,
    });
    const { ir, diagnostics } = await loadDrizzle({ cwd: dir });
    expect(userColumns(ir)).toEqual(['id', 'display_name']);
    expect(diagnostics).toEqual([]);
  });

  it('loads a top-level-await schema (jiti) under a tsconfig with a missing `extends`', async () => {
    const dir = monorepo(
      `{ "extends": "@acme/tsconfig/base.json", "compilerOptions": { "paths": { "@/*": ["./src/db/*"] } } }`,
    );
    writeFiles(dir, { 'src/db/schema.ts': `${ALIASED_SCHEMA}\nawait Promise.resolve();\n` });
    const { ir, diagnostics } = await loadDrizzle({ cwd: dir });
    expect(userColumns(ir)).toEqual(['id', 'display_name']);
    expect(diagnostics.map((d) => d.code)).toEqual(['drizzle/tsconfig-extends']);
  });

  it('loads with no tsconfig at all when even a copy cannot be read (an extends cycle), and says so', async () => {
    const dir = monorepo(`{ "extends": "./tsconfig.base.json" }`, {
      'apps/web/tsconfig.base.json': `{ "extends": "./tsconfig.json" }`,
    });
    writeFiles(dir, { 'src/db/schema.ts': ALIASED_SCHEMA.replace("'@/columns'", "'./columns'") });
    const { ir, diagnostics } = await loadDrizzle({ cwd: dir });
    expect(userColumns(ir)).toEqual(['id', 'display_name']);
    expect(diagnostics.map((d) => [d.code, d.file])).toEqual([
      ['drizzle/tsconfig-unreadable', 'tsconfig.json'],
    ]);
  });
});
