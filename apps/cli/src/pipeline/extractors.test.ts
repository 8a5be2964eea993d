import { fileURLToPath } from 'node:url';
import { isOrmdocError } from '@ormdoc/core';
import { describe, expect, it } from 'vitest';
import { ORMS } from '../args.js';
import { extractorImportError, importExtractor, requireExtractor } from './extractors.js';

describe('extractor packages', () => {
  it('imports every extractor with its detect and load functions', async () => {
    for (const orm of ORMS) {
      const imported = await importExtractor(orm);
      expect(imported.ok, orm).toBe(true);
      const extractor = await requireExtractor(orm);
      expect(typeof extractor.detect).toBe('function');
      expect(typeof extractor.load).toBe('function');
      // detection in a folder without any schema finds nothing
      expect(await extractor.detect(fileURLToPath(new URL('.', import.meta.url)))).toEqual([]);
    }
  });

  it('turns a package that is not installed into DEPENDENCY_MISSING, naming what to install', () => {
    const missing = Object.assign(new Error("Cannot find package 'drizzle-orm' imported from /app/x.js"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    const error = extractorImportError('drizzle', missing);
    expect(isOrmdocError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'DEPENDENCY_MISSING', cause: missing });
    expect((error as Error).message).toContain('@ormdoc/drizzle');
    expect((error as { hint?: string }).hint).toMatch(/Install @ormdoc\/drizzle and drizzle-orm/);
  });

  it('passes any other import failure through unchanged (a bug, reported as an internal error)', () => {
    const bug = new TypeError('x is not a function');
    expect(extractorImportError('typeorm', bug)).toBe(bug);
  });
});
