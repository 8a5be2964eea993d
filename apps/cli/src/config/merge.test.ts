import { resolveConfig } from '@ormdoc/core';
import { describe, expect, it } from 'vitest';
import { type CliFlags, toCliFlags } from '../args.js';
import { mergeFlags, templateEntry } from './merge.js';

const flags = (over: Partial<CliFlags>): CliFlags => ({ verbose: false, quiet: false, color: true, ...over });

describe('mergeFlags: flags override the config, the config overrides defaults', () => {
  it('keeps config values when no flag is given and fills defaults on resolve', () => {
    const merged = resolveConfig(
      mergeFlags({ source: { orm: 'drizzle' }, output: { dir: 'docs/db' } }, flags({})),
    );
    expect(merged.source.orm).toBe('drizzle');
    expect(merged.output.dir).toBe('docs/db');
    expect(merged.output.templates).toEqual(['overview', 'schema', 'design', 'target-state', 'architecture']);
  });

  it('lets flags win over the config, key by key', () => {
    const raw = {
      source: { orm: 'drizzle', tsconfig: 'tsconfig.app.json' },
      output: { dir: 'docs/db', layout: 'single' },
    };
    const merged = resolveConfig(
      mergeFlags(
        raw,
        flags({ orm: 'prisma', schema: ['db/schema.prisma'], out: 'out', templates: ['schema', 'x.md'] }),
      ),
    );
    expect(merged.source).toMatchObject({
      orm: 'prisma',
      schema: 'db/schema.prisma',
      tsconfig: 'tsconfig.app.json',
    });
    expect(merged.output.dir).toBe('out');
    expect(merged.output.layout).toBe('single');
    expect(merged.output.templates).toEqual(['schema', { path: 'x.md' }]);
  });

  it('keeps several --schema values as an array', () => {
    const merged = mergeFlags(undefined, flags({ schema: ['a.ts', 'b.ts'] })) as {
      source: { schema: unknown };
    };
    expect(merged.source.schema).toEqual(['a.ts', 'b.ts']);
  });

  it('does not mutate the raw config and passes unknown keys on for validation to name', () => {
    const raw = { sourc: { orm: 'prisma' } };
    const merged = mergeFlags(raw, flags({ out: 'x' }));
    expect(raw).toEqual({ sourc: { orm: 'prisma' } });
    expect(() => resolveConfig(merged, 'ormdoc.config.ts')).toThrow(/unknown key "sourc"/);
  });

  it('names the key and the accepted values for a wrong type', () => {
    expect(() => resolveConfig(mergeFlags({ output: { layout: 'pages' } }, flags({})))).toThrow(
      /output\.layout.*(single|per-table|auto)/s,
    );
  });
});

describe('templateEntry', () => {
  it('keeps built-in ids and turns anything else into a template path', () => {
    expect(templateEntry('design')).toBe('design');
    expect(templateEntry('templates/mine.md')).toEqual({ path: 'templates/mine.md' });
  });
});

describe('toCliFlags', () => {
  it('reads repeatable and comma-separated --template and repeated --schema from raw args', () => {
    const raw = [
      '--template',
      'overview,schema',
      '--template=design',
      '--schema',
      'a.prisma',
      '--schema=b.prisma',
    ];
    const parsed = toCliFlags({ template: 'design', schema: 'b.prisma', color: false, verbose: true }, raw);
    expect(parsed.templates).toEqual(['overview', 'schema', 'design']);
    expect(parsed.schema).toEqual(['a.prisma', 'b.prisma']);
    expect(parsed.color).toBe(false);
    expect(parsed.verbose).toBe(true);
    expect(parsed.out).toBeUndefined();
  });
});
