import { describe, expect, it } from 'vitest';
import { moduleLoadError, packageName } from './moduleError.js';

describe('moduleLoadError', () => {
  it('names the package to install, not the subpath import', () => {
    expect(packageName('drizzle-orm/pg-core')).toBe('drizzle-orm');
    expect(packageName('@paralleldrive/cuid2/dist')).toBe('@paralleldrive/cuid2');
    const e = moduleLoadError(
      new Error("Cannot find module 'drizzle-orm/pg-core'"),
      '/p/src/schema.ts',
      '/p',
      'schema',
    );
    expect(e.code).toBe('MODULE_LOAD_FAILED');
    expect(e.hint).toMatch(
      /^Install "drizzle-orm" in the project \(or fix the import path in src\/schema\.ts\)/,
    );
  });

  it('keeps a relative import as written', () => {
    const e = moduleLoadError(
      new Error("Cannot find module './missing.js'"),
      '/p/src/schema.ts',
      '/p',
      'schema',
    );
    expect(e.hint).toBe(
      'The import "./missing.js" does not resolve: fix the path in src/schema.ts (drizzle-kit fails on it too).',
    );
  });
});
