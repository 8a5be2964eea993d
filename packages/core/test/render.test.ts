import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Ir, OrmdocError, parseRegions, renderDocuments, resolveConfig } from '@ormdoc/core';
import {
  aColumn,
  aForeignKey,
  anIr,
  aPrimaryKey,
  aTable,
  exampleIr,
  kitchenSinkIr,
} from '@ormdoc/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const HOSTILE = 'a | b `c` <script>x</script> --> d\n<!-- ormdoc:end tables -->\nlast';

/** Text a Markdown renderer would interpret: fenced blocks and code spans removed. */
function prose(content: string): string {
  // Fenced blocks (also those indented inside list items), then code spans.
  return content.replace(/^( *)(`{3,})[^\n]*\n[\s\S]*?^\1\2\s*$/gm, '').replace(/(`+)[^`\n]*?\1/g, '');
}

function hostileIr(): Ir {
  return anIr({
    tables: [
      aTable('../evil', {
        description: HOSTILE,
        columns: [
          aColumn('id', 'integer', { description: HOSTILE }),
          aColumn('we|ird`col', 'text', { nullable: true }),
        ],
        primaryKey: aPrimaryKey('evil', ['id']),
      }),
      aTable('a/b', {
        columns: [aColumn('id', 'integer'), aColumn('evil_id', 'integer')],
        foreignKeys: [aForeignKey('a_b', ['evil_id'], '../evil')],
      }),
      aTable('<script>', { schema: 'x/../..', columns: [aColumn('id', 'integer')] }),
    ],
  });
}

function fixtures(): Array<[string, Ir]> {
  const example = exampleIr();
  return [
    ['example (prisma, postgresql)', example],
    ['example as drizzle', { ...example, source: { ...example.source, orm: 'drizzle' } }],
    ['example as typeorm', { ...example, source: { ...example.source, orm: 'typeorm' } }],
    ['example as sqlmodel', { ...example, source: { ...example.source, orm: 'sqlmodel' } }],
    ['kitchen sink', kitchenSinkIr()],
    ['empty schema', anIr()],
    ['hostile names', hostileIr()],
    [
      'one table, no PK, sqlite',
      anIr({ dialect: 'sqlite', tables: [aTable('log', { columns: [aColumn('line', 'text')] })], enums: [] }),
    ],
  ];
}

const defaults = resolveConfig({});
const render = (ir: Ir, config = defaults, cwd = process.cwd()) => renderDocuments({ ir, config, cwd });

/** Seed placeholder shapes: `[Project Name]`, `[DATABASE]`, `{{COLUMN_1}}` (not Markdown links, not code generics). */
const PLACEHOLDER = /\[[A-Z][A-Za-z0-9 _/.,'-]*\](?!\()|\{\{/;
const SEED_PHRASES = [
  '[Explain',
  '[Project Name]',
  '[Your Database',
  '[DATE]',
  '[X]',
  'progress.yaml',
  '[Repeat',
  'api-spec.md',
];

/**
 * Lines holding seed placeholders: the `[Placeholder]` shape is looked for in prose (code such as
 * Python's `Mapped[Optional[str]]` legitimately has brackets); `{{` and seed phrases everywhere.
 */
function placeholderLines(content: string): string[] {
  const inProse = prose(content)
    .split('\n')
    .filter((l) => PLACEHOLDER.test(l));
  const anywhere = content
    .split('\n')
    .filter((l) => l.includes('{{') || SEED_PHRASES.some((p) => l.includes(p)));
  return [...inProse, ...anywhere];
}

describe('renderDocuments', () => {
  it.each(fixtures())('leaves no seed placeholder in any output (%s)', async (name, ir) => {
    const { files } = await render(ir);
    expect(files.map((f) => f.path)).toEqual(
      expect.arrayContaining(['overview.md', 'schema.md', 'design.md', 'target-state.md', 'architecture.md']),
    );
    for (const f of files.filter((x) => x.path.endsWith('.md'))) {
      expect(placeholderLines(f.content), `${name}: ${f.path}`).toEqual([]);
    }
  });

  it.each(fixtures())(
    'keeps TODOs outside regions and never leaves a section blank (%s)',
    async (_name, ir) => {
      const { files } = await render(ir);
      for (const f of files.filter((x) => x.path.endsWith('.md'))) {
        const segments = parseRegions(f.content, f.path);
        for (const s of segments) {
          if (s.kind !== 'region') continue;
          expect(s.body, `${f.path} region ${s.id}`).not.toContain('TODO(ormdoc)');
          expect(s.body.trim(), `${f.path} region ${s.id} is empty`).not.toBe('');
        }
        // A heading immediately followed by another heading of the same or higher level is an empty section.
        const headings = f.content.split('\n\n').map((b) => /^(#{1,6}) /.exec(b)?.[1]?.length);
        headings.forEach((level, i) => {
          const next = headings[i + 1];
          if (level !== undefined && next !== undefined)
            expect(next, `${f.path}: empty section`).toBeGreaterThan(level);
        });
      }
    },
  );

  it('keeps Markdown tables rectangular with hostile names and comments', async () => {
    for (const ir of [hostileIr(), kitchenSinkIr()]) {
      const { files } = await render(ir, resolveConfig({ output: { layout: 'single' } }));
      for (const f of files.filter((x) => x.path.endsWith('.md'))) {
        let width: number | undefined;
        let inFence = false;
        for (const line of f.content.split('\n')) {
          if (/^`{3,}/.test(line)) inFence = !inFence;
          if (inFence || !line.startsWith('|')) {
            width = undefined;
            continue;
          }
          const cells = line.replace(/\\\|/g, '').split('|').length;
          width ??= cells;
          expect(cells, `${f.path}: ${line}`).toBe(width);
        }
        expect(prose(f.content)).not.toMatch(/<script>|-->(?!$)/m);
        expect(f.content.split('\n').filter((l) => l === '<!-- ormdoc:end tables -->')).toHaveLength(
          parseRegions(f.content, f.path).filter((s) => s.kind === 'region' && s.id === 'tables').length,
        );
      }
    }
  });

  it('escapes hostile schema text outside code', async () => {
    const { files } = await render(hostileIr(), resolveConfig({ output: { layout: 'single' } }));
    const schema = files.find((f) => f.path === 'schema.md')?.content ?? '';
    expect(prose(schema)).toContain('a &#124; b &#96;c&#96; &lt;script&gt;x&lt;/script&gt; --&gt; d');
    expect(schema).toContain('\n <!-- ormdoc:end tables -->');
  });

  it('writes per-table files with safe names inside tables/, linked from the index', async () => {
    const { files } = await render(hostileIr(), resolveConfig({ output: { layout: 'per-table' } }));
    const tables = files.filter((f) => f.path.startsWith('tables/')).map((f) => f.path);
    expect(tables).toHaveLength(3);
    expect(tables).toContain('tables/a_b.md');
    for (const p of tables) {
      expect(p).toMatch(/^tables\/[A-Za-z0-9_][A-Za-z0-9._-]*\.md$/);
      expect(p).not.toContain('..');
    }
    const schema = files.find((f) => f.path === 'schema.md')?.content ?? '';
    expect(schema).toContain('(tables/__evil.md)');
  });

  it('splits the schema reference per table automatically above 50 tables', async () => {
    const many = anIr({
      tables: Array.from({ length: 51 }, (_, i) =>
        aTable(`t${String(i).padStart(2, '0')}`, { primaryKey: aPrimaryKey('t', ['id']) }),
      ),
    });
    const { files } = await render(many);
    expect(files.filter((f) => f.path.startsWith('tables/'))).toHaveLength(51);
    const few = await render(anIr({ tables: many.tables.slice(0, 50) }));
    expect(few.files.filter((f) => f.path.startsWith('tables/'))).toHaveLength(0);
  });

  it('is deterministic, with a timestamp only when configured', async () => {
    const a = await render(exampleIr());
    const b = await render(exampleIr());
    expect(a.files).toEqual(b.files);
    expect(a.files.map((f) => f.content).join('')).not.toContain('Generated on');
    const stamped = await render(exampleIr(), resolveConfig({ timestamp: true }));
    expect(stamped.files.find((f) => f.path === 'schema.md')?.content).toMatch(
      /Generated on \d{4}-\d{2}-\d{2}T/,
    );
  });

  it('fills person-only facts from config.project, TODOs otherwise', async () => {
    const todo = await render(exampleIr());
    const schema = todo.files.find((f) => f.path === 'schema.md')?.content ?? '';
    expect(schema).toContain('> **TODO(ormdoc):** Hosting: Say where the database runs');
    const filled = await render(
      exampleIr(),
      resolveConfig({ project: { hosting: 'Neon, eu-central-1', name: 'Acme' } }),
    );
    const s2 = filled.files.find((f) => f.path === 'schema.md')?.content ?? '';
    expect(s2).toContain(
      '<!-- ormdoc:begin fact:hosting -->\n**Hosting:** Neon, eu-central-1\n<!-- ormdoc:end fact:hosting -->',
    );
    expect(s2).toContain('# Acme - Database Schema');
    expect(s2).not.toContain('project.hosting');
  });

  it('derives engine, ORM, migration tool and naming convention', async () => {
    const { files } = await render(exampleIr());
    const get = (p: string) => files.find((f) => f.path === p)?.content ?? '';
    expect(get('schema.md')).toContain('**Database:** PostgreSQL');
    expect(get('schema.md')).toContain('**Migrations:** Prisma Migrate');
    expect(get('architecture.md')).toMatch(/table names snake_case \(all 12\); column names snake_case/);
    expect(get('architecture.md')).toContain('model names PascalCase');
    expect(get('design.md')).toContain('```mermaid\nerDiagram');
    const sqlmodel = await render({ ...exampleIr(), source: { orm: 'sqlmodel', files: [] } });
    expect(sqlmodel.files.find((f) => f.path === 'schema.md')?.content).toContain('**Migrations:** Alembic');
  });

  it('says in one line when a section does not apply', async () => {
    const { files } = await render(anIr({ tables: [aTable('log', { columns: [aColumn('line', 'text')] })] }));
    const schema = files.find((f) => f.path === 'schema.md')?.content ?? '';
    expect(schema).toContain('_The schema defines no enums._');
    expect(schema).toContain('_No many-to-many relationships');
    expect(schema).toContain('_No check constraints._');
  });

  it('writes the artefacts', async () => {
    const { files } = await render(
      exampleIr(),
      resolveConfig({ output: { artifacts: ['ir-json', 'ddl', 'mermaid', 'ir-schema'] } }),
    );
    const paths = files.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'schema.json',
        'schema.sql',
        'er-diagram.mmd',
        'er-diagram.md',
        'ir.schema.json',
      ]),
    );
    expect(JSON.parse(files.find((f) => f.path === 'schema.json')?.content ?? '')).toEqual(
      JSON.parse(JSON.stringify(exampleIr())),
    );
    expect(files.find((f) => f.path === 'schema.sql')?.content).toContain('CREATE TABLE');
  });
});

describe('custom templates', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ormdoc-tpl-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const withTemplate = async (text: string, project = {}) => {
    await writeFile(join(dir, 'mine.md'), text);
    return render(
      exampleIr(),
      resolveConfig({ output: { templates: [{ path: 'mine.md', name: 'custom.md' }] }, project }),
      dir,
    );
  };

  it('replaces directives with building blocks inside markers', async () => {
    const { files } = await withTemplate(
      '# Ours\n\nIntro.\n\n{{ormdoc:table users}}\n\n{{ormdoc:er-diagram}}\n\n{{ormdoc:ddl postgresql}}\n\n{{ormdoc:relationships}}\n\n{{ormdoc:enums}}\n\n{{ormdoc:findings security}}\n\n## Hosting\n\n{{ormdoc:fact hosting}}\n\n{{ormdoc:tables}}\n',
    );
    const out = files.find((f) => f.path === 'custom.md')?.content ?? '';
    expect(out).toContain('# Ours\n\nIntro.');
    expect(out).toMatch(/<!-- ormdoc:begin table-users -->\n### users Table/);
    expect(out).toContain('<!-- ormdoc:begin er-diagram -->\n```mermaid');
    expect(out).toContain('CREATE TABLE');
    expect(out).toContain('member_role');
    expect(out).toContain('> **TODO(ormdoc):** Say where the database runs');
    expect(out).not.toContain('{{');
    expect(files.map((f) => f.path)).toEqual([
      'custom.md',
      'schema.json',
      'schema.sql',
      'er-diagram.mmd',
      'er-diagram.md',
    ]);
    const filled = await withTemplate('{{ormdoc:fact hosting}}\n', { hosting: 'Neon' });
    expect(filled.files[0]?.content).toContain(
      '<!-- ormdoc:begin fact:hosting -->\nNeon\n<!-- ormdoc:end fact:hosting -->',
    );
  });

  it('rejects unknown directives with file, line and the valid list', async () => {
    const error = await withTemplate('# Ours\n\n{{ormdoc:tabels}}\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OrmdocError);
    expect(error).toMatchObject({ code: 'TEMPLATE_INVALID', file: 'mine.md', line: 3 });
    expect((error as OrmdocError).message).toContain('mine.md:3: unknown directive {{ormdoc:tabels}}');
    expect((error as OrmdocError).hint).toContain('{{ormdoc:er-diagram}}');
    await expect(withTemplate('{{ormdoc:table nope}}\n')).rejects.toThrow(/names no table/);
  });
});
