import { describe, expect, it } from 'vitest';
import { relaxNewerRules } from './compat.js';
import { getDatamodel, lintSchema, type SchemaFiles } from './wasm.js';

/**
 * relaxNewerRules against Prisma's own validator (the bundled prisma-schema-wasm): what it takes
 * out is exactly what a newer Prisma refuses and the project's Prisma accepts; the rest of the
 * text stays, at the same lines, and the bundled Prisma then accepts the files.
 */

const HEAD = `generator client {
  provider        = "prisma-client-js"
  previewFeatures = ["views", "metrics"]
}

datasource db {
  provider = "postgresql"
}
`;

const VIEWS = `
/// Accounts — 😀 characters of 3 and 4 UTF-8 bytes before the spans (Prisma's offsets count UTF-16 units)
model Account {
  id Int @id
}

view AccountDomain {
  id     Int    @id
  domain String
}

view AccountPair {
  left  Int
  right Int

  @@id([left, right])
}
`;

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const P5 = { major: 5, from: 'package.json "prisma": "5.22.0"' };

describe('a Prisma 5 project: view keys and the `metrics` preview feature are taken out', () => {
  const files: SchemaFiles = [['schema.prisma', HEAD + VIEWS]];

  it.each([
    ['Prisma 5', P5],
    ['an unknown version (read as the oldest)', undefined],
  ])('%s', async (_name, project) => {
    const relaxed = await relaxNewerRules(files, project);
    if (!relaxed) throw new Error('nothing relaxed');
    const [[name, text]] = relaxed.files as [[string, string]];
    const original = files[0]![1];
    expect(name).toBe('schema.prisma');
    // the same lines, every one but the three edited unchanged
    const before = original.split('\n');
    const after = text.split('\n');
    expect(after).toHaveLength(before.length);
    const changed = before.flatMap((l, i) => (l === after[i] ? [] : [i + 1]));
    expect(changed).toEqual([
      lineOf(original, 'previewFeatures'),
      lineOf(original, 'id     Int    @id'),
      lineOf(original, '@@id([left, right])'),
    ]);
    expect(after[lineOf(original, 'previewFeatures') - 1]).toBe('  previewFeatures = ["views"]');
    expect(after[lineOf(original, 'id     Int    @id') - 1]).toBe('  id     Int       ');
    expect(after[lineOf(original, '@@id([left, right])') - 1]?.trim()).toBe('');
    // the bundled Prisma accepts the result
    expect((await lintSchema(relaxed.files)).filter((d) => !d.is_warning)).toEqual([]);
    expect((await getDatamodel(relaxed.files)).models.map((m) => m.name)).toContain('Account');

    expect(relaxed.diagnostics.map((d) => [d.severity, d.code, d.file, d.line])).toEqual([
      [
        'warning',
        'prisma/newer-rule/removed-preview-feature',
        'schema.prisma',
        lineOf(original, 'previewFeatures'),
      ],
      [
        'warning',
        'prisma/newer-rule/view-primary-key',
        'schema.prisma',
        lineOf(original, 'id     Int    @id'),
      ],
      [
        'warning',
        'prisma/newer-rule/view-primary-key',
        'schema.prisma',
        lineOf(original, '@@id([left, right])'),
      ],
    ]);
    const [feature, key] = relaxed.diagnostics;
    expect(feature?.message).toMatch(
      /^schema\.prisma:3: Prisma 7\+ refuses this \("The preview feature "metrics" is not known/,
    );
    expect(key?.message).toMatch(/Prisma 6\+ refuses this \("Views cannot have primary keys\.?"\)/);
    expect(key?.message).not.toContain('Error validating');
    expect(key?.hint).toMatch(/@unique/);
    expect(feature?.hint).toMatch(/previewFeatures/);
    for (const d of relaxed.diagnostics)
      expect(d.message).toContain(
        project
          ? 'but the project\'s Prisma 5 (package.json "prisma": "5.22.0") accepts it; documented as that version reads it.'
          : "the project's Prisma version was not found",
      );
  });

  it('Prisma 6: the metrics feature only (Prisma 6 refuses view keys itself)', async () => {
    const relaxed = await relaxNewerRules(files, { major: 6, from: 'x' });
    expect(relaxed?.diagnostics.map((d) => d.code)).toEqual(['prisma/newer-rule/removed-preview-feature']);
  });

  it('Prisma 7: nothing (the bundled Prisma is its own)', async () => {
    expect(await relaxNewerRules(files, { major: 7, from: 'x' })).toBeUndefined();
  });
});

describe('what is left as an error', () => {
  it('a schema Prisma 7 accepts: nothing to relax', async () => {
    expect(await relaxNewerRules([['s.prisma', `${HEAD.replace(', "metrics"', '')}`]], P5)).toBeUndefined();
  });

  it('an unknown preview feature that Prisma 7 did not remove (a typo)', async () => {
    const text = HEAD.replace('"metrics"', '"metricz"');
    expect(await relaxNewerRules([['s.prisma', text]], P5)).toBeUndefined();
  });

  it('a preview feature list over several lines: refused by every Prisma, so left as it is', async () => {
    const text = HEAD.replace('["views", "metrics"]', '[\n    "metrics",\n    "views"\n  ]');
    expect((await lintSchema([['s.prisma', text]])).some((d) => /not a valid definition/.test(d.text))).toBe(
      true,
    );
    expect(await relaxNewerRules([['s.prisma', text]], P5)).toBeUndefined();
  });
});

describe('several files: each edit in its own file', () => {
  it('the view key in the second file, the feature in the first', async () => {
    const files: SchemaFiles = [
      ['a.prisma', HEAD],
      ['b.prisma', VIEWS],
    ];
    const relaxed = await relaxNewerRules(files, P5);
    expect(relaxed?.diagnostics.map((d) => [d.file, d.line, d.code])).toEqual([
      ['a.prisma', 3, 'prisma/newer-rule/removed-preview-feature'],
      ['b.prisma', lineOf(VIEWS, 'id     Int    @id'), 'prisma/newer-rule/view-primary-key'],
      ['b.prisma', lineOf(VIEWS, '@@id([left, right])'), 'prisma/newer-rule/view-primary-key'],
    ]);
    expect(relaxed?.files.map(([name]) => name)).toEqual(['a.prisma', 'b.prisma']);
  });
});
