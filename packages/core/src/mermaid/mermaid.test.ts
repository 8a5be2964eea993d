import { beforeAll, describe, expect, it } from 'vitest';
import { qualifiedName } from '../ir/names.js';
import type { Ir } from '../ir/types.js';
import { aColumn, aForeignKey, anIr, aPrimaryKey, aTable } from '../testing/builders.js';
import { exampleIr, kitchenSinkIr } from '../testing/exampleIr.js';
import { type ErDb, loadMermaidErParser } from '../testing/mermaidParser.js';
import {
  type MermaidDiagram,
  OVERVIEW_MAX_LINKS,
  renderMermaid,
  renderNeighbourhoodMermaid,
} from './index.js';

let parseMermaid: (code: string) => ErDb;

beforeAll(async () => {
  parseMermaid = await loadMermaidErParser();
});

function parsed(d: MermaidDiagram): ErDb {
  try {
    return parseMermaid(d.code);
  } catch (e) {
    throw new Error(`Mermaid rejected "${d.title}": ${(e as Error).message}\n${d.code}`);
  }
}

/** Every database FK as `child(cols)->parent`. */
const fkKeys = (ir: Ir) =>
  ir.tables.flatMap((t) =>
    t.foreignKeys.map((f) => `${qualifiedName(t)}(${f.columns.join(', ')})->${qualifiedName(f.references)}`),
  );

describe('renderMermaid', () => {
  it('draws the example as one diagram that Mermaid parses, with keys and crow feet', () => {
    const ir = exampleIr();
    const [d, ...rest] = renderMermaid(ir);
    expect(rest).toHaveLength(0);
    expect(d!.kind).toBe('full');
    const db = parsed(d!);
    expect([...db.getEntities().keys()].sort()).toEqual(ir.tables.map((t) => t.name).sort());
    const users = db.getEntities().get('users')!;
    expect(users.attributes.find((a) => a.name === 'id')).toMatchObject({ type: 'integer', keys: ['PK'] });
    expect(users.attributes.find((a) => a.name === 'email')).toMatchObject({
      keys: ['UK'],
      comment: 'Login email address.',
    });
    expect(
      db
        .getEntities()
        .get('memberships')!
        .attributes.find((a) => a.name === 'role')!.type,
    ).toBe('member_role');
    expect(db.getRelationships()).toHaveLength(fkKeys(ir).length);
    expect(d!.code).toContain('  "users" |o--o{ "posts" : "author_id"'); // nullable FK
    expect(d!.code).toContain('  "posts" ||--o{ "comments" : "post_id"');
    expect(d!.code).toContain('  "users" ||--o| "user_profiles" : "user_id"'); // one-to-one
    expect(d!.code).toContain('  "comments" |o--o{ "comments" : "parent_id"'); // self relation
    // many-to-many through the junction: both FKs of post_tags are drawn
    expect(d!.code).toContain('  "tags" ||--o{ "post_tags" : "tag_id"');
    expect(d!.code).toContain('  "posts" ||--o{ "post_tags" : "post_id"');
    expect(renderMermaid(ir)).toEqual(renderMermaid(ir));
  });

  it('keeps hostile names and comments valid', () => {
    const ir = kitchenSinkIr();
    const [d] = renderMermaid(ir);
    const db = parsed(d!);
    expect(db.getEntities().size).toBe(ir.tables.length);
    const order = db.getEntities().get('order')!;
    expect(order.attributes.map((a) => a.name)).toEqual([
      'id',
      'select',
      'café',
      'CamelCase',
      'we_ird',
      'account_id',
    ]);
    expect(d!.code).toContain('"billing.invoices"');
    expect(d!.code).toContain('"accounts" ||..o{ "order" : "account_id (ORM)"'); // ORM-enforced: dotted
    expect(d!.code).toContain(
      '"billing.invoice_lines" ||--o{ "billing.line_adjustments" : "invoice_id, line_no"',
    );
    const hostile = anIr({
      tables: [
        aTable('we"ird%\\name', {
          description: 'x',
          columns: [
            aColumn('PK', 'double precision', {
              description: 'a "quoted" 100% \\ <b>#1</b> --> | `tick`\nnext',
            }),
            aColumn('1st', '"My Type"'),
          ],
          primaryKey: aPrimaryKey('t', ['PK']),
        }),
        aTable('end', { foreignKeys: [aForeignKey('end', ['id'], 'we"ird%\\name', ['PK'])] }),
      ],
    });
    const [h] = renderMermaid(hostile);
    const hdb = parsed(h!);
    const e = hdb.getEntities().get('we_ird__name')!;
    expect(e.alias).toBe('we#quot;ird#37;#92;name');
    expect(e.attributes[0]).toMatchObject({ type: 'double_precision', name: 'PK_', keys: ['PK'] });
    expect(e.attributes[0]!.comment).toBe(
      'a #quot;quoted#quot; 100#37; #92; #lt;b#gt;#35;1#lt;/b#gt; --#gt; | `tick` next',
    );
    expect(e.attributes[1]).toMatchObject({ type: '_My_Type_', name: '_1st' });
    expect(hdb.getRelationships()).toHaveLength(1);
  });

  it('splits a 250-table schema into parsable diagrams of at most max tables, losing no table or FK', () => {
    const tables = [];
    for (let i = 0; i < 250; i++) {
      const name = `t${String(i).padStart(3, '0')}`;
      const schema = i < 40 ? 'audit' : null;
      const parent = i % 10 === 0 ? undefined : i - (i % 10); // groups of 10 around a hub
      const other = i % 7 === 3 && i > 50 ? i - 50 : undefined; // cross-links between groups
      const fks = [parent, other]
        .filter((p): p is number => p !== undefined)
        .map((p) =>
          aForeignKey(name, [`ref_${p}`], `t${String(p).padStart(3, '0')}`, ['id'], {
            references: {
              schema: p < 40 ? 'audit' : null,
              name: `t${String(p).padStart(3, '0')}`,
              columns: ['id'],
            },
          }),
        );
      tables.push(
        aTable(name, {
          schema,
          columns: [
            aColumn('id', 'integer'),
            ...fks.map((f) => aColumn(f.columns[0]!, 'integer', { nullable: true })),
          ],
          primaryKey: aPrimaryKey(name, ['id']),
          foreignKeys: fks,
        }),
      );
    }
    const ir = anIr({ tables, namespaces: ['audit'] });
    const max = 30;
    const diagrams = renderMermaid(ir, { maxTablesPerDiagram: max });
    expect(diagrams[0]!.kind).toBe('overview');
    const parts = diagrams.filter((d) => d.kind === 'part');
    for (const d of parts) {
      expect(d.tables.length).toBeLessThanOrEqual(max);
      expect(new Set(d.tables.map((t) => t.schema)).size, `${d.title} stays in one namespace`).toBe(1);
      const stubs = (d.stubs ?? []).map(qualifiedName);
      expect(stubs.filter((s) => d.tables.some((t) => qualifiedName(t) === s))).toEqual([]);
      expect(parsed(d).getEntities().size).toBe(d.tables.length + stubs.length);
    }
    const shown = parts.flatMap((d) => d.tables.map(qualifiedName)).sort();
    expect(shown).toEqual(ir.tables.map(qualifiedName).sort()); // every table exactly once
    // 250 tables are too many to draw one by one: the overview shows the parts and their links.
    const overview = parsed(diagrams[0]!);
    expect(overview.getEntities().size).toBe(parts.length);
    const partOf = new Map(parts.flatMap((d, i) => d.tables.map((t) => [qualifiedName(t), i + 1] as const)));
    const across = new Map<string, number>();
    for (const t of ir.tables)
      for (const f of t.foreignKeys) {
        const [p, c] = [partOf.get(qualifiedName(f.references)), partOf.get(qualifiedName(t))];
        if (p !== c) across.set(`part_${p}->part_${c}`, (across.get(`part_${p}->part_${c}`) ?? 0) + 1);
      }
    const id = (e: string) => e.replace(/^entity-(.*)-\d+$/, '$1'); // Mermaid's internal entity ids
    const drawn = overview.getRelationships().map((r) => `${id(r.entityA)}->${id(r.entityB)}`);
    expect(drawn.length).toBe(Math.min(across.size, OVERVIEW_MAX_LINKS));
    for (const d of drawn) expect(across.has(d), d).toBe(true);
    expect(diagrams[0]!.code).toContain(`"${Math.max(...across.values())} FKs"`); // the strongest link is kept
    // Every FK is drawn once, in the part of the table that holds it (its parent a stub when elsewhere).
    const inParts = parts.reduce((n, d) => n + parsed(d).getRelationships().length, 0);
    expect(inParts).toBe(fkKeys(ir).length);
    // Each 40/210-table schema is too large for one domain: clustered, each part titled by schema and hub.
    expect(parts.map((d) => d.title)).toContain('audit: t000 (10 tables)');
    expect(renderMermaid(ir, { maxTablesPerDiagram: max })).toEqual(diagrams);
  });

  it('titles parts by domain and draws a referenced table of another domain as a stub with the edge', () => {
    const fkTo = (from: string, to: string) => aForeignKey(from, [`${to}_id`], to);
    const ir = anIr({
      tables: [
        aTable('users'),
        aTable('sessions', { foreignKeys: [fkTo('sessions', 'users')] }),
        aTable('invoices', { foreignKeys: [fkTo('invoices', 'users')] }),
        aTable('invoice_lines', { foreignKeys: [fkTo('invoice_lines', 'invoices')] }),
      ],
    });
    const diagrams = renderMermaid(ir, {
      maxTablesPerDiagram: 2,
      domains: [
        {
          id: 'billing',
          name: 'Billing',
          source: 'config',
          tables: [
            { schema: null, name: 'invoice_lines' },
            { schema: null, name: 'invoices' },
          ],
        },
        {
          id: 'identity',
          name: 'Identity',
          source: 'config',
          tables: [
            { schema: null, name: 'sessions' },
            { schema: null, name: 'users' },
          ],
        },
      ],
    });
    expect(
      renderMermaid(ir, { maxTablesPerDiagram: 2, domains: [] })
        .filter((d) => d.kind === 'part')
        .flatMap((d) => d.tables.map((t) => t.name))
        .sort(),
    ).toEqual(['invoice_lines', 'invoices', 'sessions', 'users']);
    const all = {
      id: 'all',
      name: 'All',
      source: 'config' as const,
      tables: ir.tables.map((x) => ({ schema: null, name: x.name })),
    };
    const cut = renderMermaid(ir, { maxTablesPerDiagram: 3, domains: [all] }).filter(
      (d) => d.kind === 'part',
    );
    expect(cut.map((d) => d.title)).toEqual([
      expect.stringMatching(/^All \(4 tables\), part 1 of 2: \S+ and \d more$/),
      expect.stringMatching(/^All \(4 tables\), part 2 of 2: \S+( and \d more)?$/),
    ]);
    const billing = diagrams.find((d) => d.domain === 'billing')!;
    expect(billing.title).toBe('Billing (2 tables)');
    expect(billing.stubs).toEqual([{ schema: null, name: 'users' }]);
    expect(billing.code).toContain('  "users"["users (Identity)"]');
    expect(billing.code).toContain('  "users" ||--o{ "invoices" : "users_id"');
    expect(parsed(billing).getEntities().get('users')!.attributes).toEqual([]);
    expect(diagrams.find((d) => d.domain === 'identity')!.stubs).toEqual([]);
  });

  it('renderNeighbourhoodMermaid: comments with its post, its author and its own self-relation', () => {
    const ir = exampleIr();
    const d = renderNeighbourhoodMermaid(ir, { schema: null, name: 'comments' })!;
    expect(d.kind).toBe('neighbourhood');
    const db = parsed(d);
    expect(db.getEntities().get('comments')!.attributes.length).toBeGreaterThan(0);
    expect(d.code).toContain('  "comments" |o--o{ "comments" : "parent_id"');
    expect(d.code).toContain('  "posts" ||--o{ "comments" : "post_id"');
    expect(d.stubs!.map((t) => t.name)).toContain('posts');
    expect(renderNeighbourhoodMermaid(ir, { schema: null, name: 'nope' })).toBeUndefined();
  });
});
