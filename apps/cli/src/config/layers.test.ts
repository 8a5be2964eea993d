import { resolveConfig } from '@ormdoc/core';
import { toOrmdocConfig } from '@ormdoc/drizzle';
import { describe, expect, it } from 'vitest';
import type { CliFlags } from '../args.js';
import { withOrmConfig } from './load.js';
import { mergeFlags, mergeLayers } from './merge.js';

const flags = (over: Partial<CliFlags> = {}): CliFlags => ({
  verbose: false,
  quiet: false,
  color: true,
  ...over,
});

/** What `loadCliConfig` returns for a raw config (no file read). */
const loaded = (raw: unknown, file?: string) => ({
  config: resolveConfig(mergeFlags(raw, flags()), file),
  raw,
  ...(file ? { file } : {}),
});

describe('mergeLayers', () => {
  it('merges objects key by key, the upper layer winning; arrays and scalars are replaced', () => {
    expect(
      mergeLayers(
        { title: 'A', output: { dir: 'a', templates: ['overview', 'schema'] }, project: { hosting: 'h' } },
        { output: { templates: ['design'] }, project: { rpo: '5m' } },
      ),
    ).toEqual({
      title: 'A',
      output: { dir: 'a', templates: ['design'] },
      project: { hosting: 'h', rpo: '5m' },
    });
    expect(mergeLayers({ a: 1 }, undefined)).toEqual({ a: 1 });
    expect(mergeLayers(undefined, { a: 1 })).toEqual({ a: 1 });
  });
});

describe('withOrmConfig: flags > ormdoc config file > drizzle.config.ts withOrmdoc options > defaults', () => {
  const drizzle = {
    input: toOrmdocConfig(
      { title: 'From drizzle', output: 'docs/db', project: { hosting: 'Neon', rpo: '1h' } },
      'drizzle.config.ts',
    ),
    file: 'drizzle.config.ts',
  };

  it('uses the withOrmdoc options when nothing else sets those keys', () => {
    const { config, ormFile } = withOrmConfig(loaded({}), flags(), drizzle);
    expect(ormFile).toBe('drizzle.config.ts');
    expect(config.title).toBe('From drizzle');
    expect(config.output.dir).toBe('docs/db');
    expect(config.project).toMatchObject({ hosting: 'Neon', rpo: '1h' });
    expect(config.source).toMatchObject({ orm: 'drizzle', drizzleConfig: 'drizzle.config.ts' });
  });

  it('lets the ormdoc config file win key by key, and flags win over both', () => {
    const raw = { title: 'From ormdoc.config.ts', project: { rpo: '5 minutes' } };
    const { config } = withOrmConfig(loaded(raw, 'ormdoc.config.ts'), flags({ out: 'flag-out' }), drizzle);
    expect(config.title).toBe('From ormdoc.config.ts');
    expect(config.project).toMatchObject({ hosting: 'Neon', rpo: '5 minutes' });
    expect(config.output.dir).toBe('flag-out');
  });

  it('returns the loaded config untouched when the ORM gave no options', () => {
    const first = loaded({ title: 'x' });
    expect(withOrmConfig(first, flags(), undefined)).toBe(first);
  });

  it('reports an invalid withOrmdoc option in drizzle.config.ts, not in the ormdoc config', () => {
    const bad = { input: { ...drizzle.input, colour: 'blue' } as never, file: 'drizzle.config.ts' };
    expect(() => withOrmConfig(loaded({}, 'ormdoc.config.ts'), flags(), bad)).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', file: 'drizzle.config.ts' }),
    );
  });
});
