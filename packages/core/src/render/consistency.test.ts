import { type Ir, parseRegions, renderDocuments, resolveConfig } from '@ormdoc/core';
import {
  aColumn,
  aForeignKey,
  anIr,
  aPrimaryKey,
  aTable,
  exampleIr,
  kitchenSinkIr,
} from '@ormdoc/core/testing';
import { describe, expect, it } from 'vitest';
import { documentHeadings } from './markdown.js';

const render = (ir: Ir, config = resolveConfig({})) => renderDocuments({ ir, config, cwd: process.cwd() });

const region = (content: string, file: string, id: string) => {
  const s = parseRegions(content, file).find((x) => x.kind === 'region' && x.id === id);
  return s?.kind === 'region' ? s.body : '';
};

/** 40 tables: a user table everyone references, which itself references an avatar image table. */
function avatarIr(): Ir {
  const others = Array.from({ length: 37 }, (_, i) => `thing_${String(i).padStart(2, '0')}`);
  return anIr({
    source: { orm: 'prisma', files: ['prisma/schema.prisma'] },
    tables: [
      aTable('avatar_images', {
        columns: [aColumn('id', 'integer')],
        primaryKey: aPrimaryKey('avatar_images', ['id']),
      }),
      aTable('users', {
        columns: [aColumn('id', 'integer'), aColumn('avatar_id', 'integer', { nullable: true })],
        primaryKey: aPrimaryKey('users', ['id']),
        foreignKeys: [aForeignKey('users_avatar', ['avatar_id'], 'avatar_images')],
      }),
      aTable('workspaces', {
        columns: [aColumn('id', 'integer')],
        primaryKey: aPrimaryKey('workspaces', ['id']),
      }),
      ...others.map((name) =>
        aTable(name, {
          columns: [
            aColumn('id', 'integer'),
            aColumn('user_id', 'integer'),
            aColumn('workspace_id', 'integer'),
          ],
          primaryKey: aPrimaryKey(name, ['id']),
          foreignKeys: [
            aForeignKey(`${name}_user`, ['user_id'], 'users'),
            aForeignKey(`${name}_ws`, ['workspace_id'], 'workspaces'),
          ],
        }),
      ),
    ],
  });
}

/** The core tables each document shows. */
function coreSets(files: Array<{ path: string; content: string }>): {
  overview: string[];
  architecture: string[];
  'target-state': string[];
} {
  const get = (p: string) => files.find((f) => f.path === p)?.content ?? '';
  const overview = region(get('overview.md'), 'overview.md', 'core-tables');
  const architecture = region(get('architecture.md'), 'architecture.md', 'core-entities');
  const target = region(get('target-state.md'), 'target-state.md', 'schema-design');
  const created = (text: string) => [...text.matchAll(/^CREATE TABLE (\S+) \(/gm)].map((m) => m[1] as string);
  return {
    overview: documentHeadings(overview).map((h) => h.text),
    architecture: [...architecture.matchAll(/^- \[`([^`]+)`\]/gm)].map((m) => m[1] as string),
    'target-state': created(target),
  };
}

describe('the overview starts with the map', () => {
  it.each([
    ['example', exampleIr],
    ['kitchen sink', kitchenSinkIr],
    ['avatar', avatarIr],
  ] as const)('%s: the first heading after the title is the map, with no SQL before it', async (_, make) => {
    const { files } = await render(make());
    const overview = files.find((f) => f.path === 'overview.md')?.content ?? '';
    const headings = documentHeadings(overview);
    expect(headings[0]?.level).toBe(1);
    expect(headings[1]?.text).toBe('Start Here');
    const mapAt = overview.indexOf('## Start Here');
    expect(overview.slice(0, mapAt)).not.toContain('```sql');
    const map = region(overview, 'overview.md', 'start-here');
    expect(map).toContain('### Domains');
    expect(map).toContain('### Key Tables');
    expect(map).not.toContain('```');
  });

  it('names the key tables and the tenancy chain from NOT NULL foreign keys', async () => {
    const { files } = await render(exampleIr());
    const map = region(
      files.find((f) => f.path === 'overview.md')?.content ?? '',
      'overview.md',
      'start-here',
    );
    expect(map).toMatch(/\[`users`\]\([^)]*\): hub: /);
    expect(map).toMatch(/\[`organizations`\]\([^)]*\): tenancy root: 6 tables/);
    expect(map).toContain('`organizations` → `posts` → ');
  });

  it('gives every domain a page whose diagram draws every foreign key of its tables', async () => {
    const { files } = await render(exampleIr());
    const pages = files.filter((f) => f.path.startsWith('domains/'));
    const map = files.find((f) => f.path === 'overview.md')?.content ?? '';
    expect(pages.length).toBeGreaterThan(1);
    const ir = exampleIr();
    const seen = new Set<string>();
    for (const page of pages) {
      expect(map).toContain(`](${page.path})`);
      const tables = [...page.content.matchAll(/^\| \[`([^`]+)`\]/gm)].map((m) => m[1] as string);
      for (const name of tables) {
        seen.add(name);
        for (const fk of ir.tables.find((t) => t.name === name)?.foreignKeys ?? [])
          expect(page.content, `${page.path}: ${name}.${fk.columns.join(',')}`).toContain(
            `"${fk.references.name}" `,
          );
      }
    }
    expect([...seen].sort()).toEqual(ir.tables.map((t) => t.name).sort());
  });
});

describe('one definition of the core tables', () => {
  it('example: the overview and the architecture document show the same core tables', async () => {
    const { files } = await render(exampleIr());
    const sets = coreSets(files);
    expect(sets.overview.length).toBeGreaterThan(0);
    expect(sets.architecture).toEqual(sets.overview);
  });

  it('a large schema: every document shows the same core tables, the hub first, never the table it references', async () => {
    const { files } = await render(avatarIr());
    const sets = coreSets(files);
    expect(sets.overview[0]).toBe('users');
    expect(sets.overview).not.toContain('avatar_images');
    expect(sets.architecture).toEqual(sets.overview);
    expect([...sets['target-state']].sort()).toEqual([...sets.overview].sort());
  });
});

describe('one home per fact', () => {
  it.each([
    ['example', exampleIr],
    ['kitchen sink', kitchenSinkIr],
  ] as const)('%s: no finding text appears in more than one document', async (_, make) => {
    const { files, findings } = await render(make());
    const docs = files.filter((f) => f.path.endsWith('.md'));
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      const texts = [f.message, ...(f.fix?.sql ? [f.fix.sql.split('\n')[0] as string] : [])];
      for (const text of texts) {
        const holders = docs.filter((d) => d.content.includes(text)).map((d) => d.path);
        expect(holders, `${f.ruleId}: ${text}`).toEqual(['findings.md']);
      }
    }
  });
});

describe('a table file', () => {
  it('lists the table’s self-relation', async () => {
    const { files } = await render(exampleIr(), resolveConfig({ output: { layout: 'per-table' } }));
    const comments = files.find((f) => f.path === 'tables/comments.md')?.content ?? '';
    const relationships = comments.slice(comments.indexOf('**Relationships:**'));
    expect(relationships).toMatch(/\*\*Self-reference:\*\* `parent_id` → `comments`/);
    // Its one-hop neighbourhood, the self-relation drawn as an edge too.
    const around = comments.slice(comments.indexOf('**Neighbourhood:**'));
    expect(around).toContain('```mermaid\nerDiagram');
    expect(around).toMatch(/"comments" \S+ "comments" : "parent_id"/);
    expect(around).toMatch(/"posts" \S+ "comments" : "post_id"/);
  });
});
