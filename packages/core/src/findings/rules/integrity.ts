import { compareRefs, qualifiedName, sameTable } from '../../ir/names.js';
import type { Table } from '../../ir/types.js';
import { uniqueKeys } from '../../relationships/derive.js';
import { freshName } from '../_fixes.js';
import { type At, defineRule } from '../_rule.js';
import { aRowOf, columnsLabel, findColumn, keysOf, sqlIdent, sqlTable } from '../_util.js';
import type { Finding, FindingFix, RuleContext } from '../types.js';

/** Promote a NOT NULL unique key, or add an identity column (named so it clashes with nothing). */
function primaryKeyFix(ctx: RuleContext, table: Table, candidate: string[] | undefined): FindingFix {
  const d = ctx.ir.dialect;
  const model = table.codeName ?? table.name;
  if (candidate) {
    const code = candidate.map((c) => findColumn(table, c)?.codeName ?? c);
    const sql = `ALTER TABLE ${sqlTable(table, d)} ADD PRIMARY KEY (${candidate.map((c) => sqlIdent(c, d)).join(', ')});`;
    return ctx.ir.source.orm === 'prisma'
      ? {
          orm: code.length === 1 ? '@id' : `@@id([${code.join(', ')}])`,
          text: code.length === 1 ? `on field ${code[0]} of model ${model}` : `in model ${model}`,
          sql,
        }
      : { sql };
  }
  const id = freshName(ctx.ir, table, 'id', 'column');
  const sql = `ALTER TABLE ${sqlTable(table, d)} ADD COLUMN ${sqlIdent(id, d)} bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;`;
  return ctx.ir.source.orm === 'prisma'
    ? { orm: `${id} BigInt @id @default(autoincrement())`, text: `in model ${model}`, sql }
    : { sql };
}

export const tableWithoutPrimaryKey = defineRule({
  id: 'table-without-primary-key',
  title: 'Table without a primary key',
  category: 'integrity',
  severity: 'warning',
  description:
    'A table with no primary key: rows cannot be addressed reliably, duplicates go unnoticed, and logical replication and most ORMs need one.',
  check(ctx: RuleContext, at: At): Finding[] {
    return ctx.tables
      .filter((t) => !t.primaryKey)
      .map((table) => {
        const candidate = uniqueKeys(table).find((k) =>
          k.every((c) => findColumn(table, c)?.nullable === false),
        );
        return {
          ...at(table),
          message: `${qualifiedName(table)} has no primary key.`,
          hint: candidate
            ? `Promote the NOT NULL unique key (${candidate.join(', ')}) to the primary key.`
            : 'Add a primary key, e.g. an identity column.',
          ...(ctx.ir.dialect !== 'sqlite' && (ctx.ir.dialect === 'postgresql' || candidate)
            ? { fix: primaryKeyFix(ctx, table, candidate) }
            : {}),
        };
      });
  },
});

export const nullableUnique = defineRule({
  id: 'nullable-unique',
  title: 'Unique key on nullable columns',
  category: 'validation',
  severity: 'info',
  description:
    'A unique constraint or index over several columns, some nullable: NULLs are distinct from each other, so rows with a NULL in the key may repeat the other columns. (A single optional unique column is left alone: unique when present is what it means.)',
  check(ctx: RuleContext, at: At): Finding[] {
    const out: Finding[] = [];
    for (const table of ctx.tables) {
      const nnd = new Set([
        ...table.uniques.filter((u) => u.nullsNotDistinct).map((u) => u.name),
        ...table.indexes.filter((i) => i.nullsNotDistinct).map((i) => i.name),
      ]);
      for (const key of keysOf(table)) {
        if (!key.unique || key.kind === 'primary-key' || !key.columns || nnd.has(key.name)) continue;
        // One nullable column: "unique when present" is what an optional unique field means (4 of
        // 73 such findings on real projects were a surprise). Several: a NULL in one part lets
        // the others repeat, which surprises.
        if (key.columns.length < 2) continue;
        const nullable = key.columns.filter((c) => findColumn(table, c)?.nullable);
        if (nullable.length === 0) continue;
        out.push({
          ...at(table),
          columns: key.columns,
          message: `${columnsLabel(table, key.columns)} is unique (${key.name}) but ${nullable.join(', ')} ${nullable.length > 1 ? 'are' : 'is'} nullable; rows with a NULL in the key are never considered duplicates.`,
          hint:
            ctx.ir.dialect === 'postgresql'
              ? `Make ${nullable.join(', ')} NOT NULL if every row has a value, or declare the key NULLS NOT DISTINCT (PostgreSQL 15+) if NULL should count once.`
              : `Make ${nullable.join(', ')} NOT NULL if every row has a value.`,
        });
      }
    }
    return out;
  },
});

export const emulatedForeignKey = defineRule({
  id: 'emulated-foreign-key',
  title: 'Foreign key enforced only by the ORM',
  category: 'integrity',
  severity: 'warning',
  description:
    'A relation the ORM emulates without a FOREIGN KEY in the database (e.g. Prisma relationMode = "prisma"): writes that bypass the ORM can leave dangling references, and referential actions run in application code.',
  check(ctx: RuleContext, at: At): Finding[] {
    const out: Finding[] = [];
    for (const table of ctx.tables)
      for (const fk of table.foreignKeys) {
        if (fk.enforcedBy !== 'orm') continue;
        out.push({
          ...at(table),
          columns: [...fk.columns],
          message: `${columnsLabel(table, fk.columns)} references ${qualifiedName(fk.references)} (${fk.references.columns.join(', ')}) only in the ORM: the database has no FOREIGN KEY, so rows written outside the ORM may point at missing ${qualifiedName(fk.references)} rows${fk.onDelete !== 'NO ACTION' ? ` and ON DELETE ${fk.onDelete} happens only through the ORM` : ''}.`,
          hint: 'Keep an index on the referencing columns, and check for orphans periodically (LEFT JOIN the parent and look for NULLs).',
        });
      }
    return out;
  },
});

/** ON DELETE CASCADE edges parent -> children (self-references left out), children sorted by name. */
function cascadeGraph(ctx: RuleContext): Map<string, Table[]> {
  const graph = new Map<string, Table[]>();
  for (const child of ctx.tables)
    for (const fk of child.foreignKeys) {
      if (fk.onDelete !== 'CASCADE' || sameTable(fk.references, child)) continue;
      const key = qualifiedName(fk.references);
      const list = graph.get(key) ?? [];
      if (!list.some((t) => sameTable(t, child))) list.push(child);
      graph.set(key, list);
    }
  for (const list of graph.values()) list.sort(compareRefs);
  return graph;
}

/** Longest cascade path (in tables) starting at each table; cycles are cut where they close. */
function longestPaths(graph: Map<string, Table[]>): (t: Table) => Table[] {
  const memo = new Map<string, Table[]>();
  const visiting = new Set<string>();
  const longest = (t: Table): Table[] => {
    const key = qualifiedName(t);
    const known = memo.get(key);
    if (known) return known;
    if (visiting.has(key)) return [t];
    visiting.add(key);
    let best: Table[] = [];
    for (const c of graph.get(key) ?? []) {
      const p = longest(c);
      if (p.length > best.length) best = p;
    }
    visiting.delete(key);
    const path = [t, ...best.filter((x) => !sameTable(x, t))];
    memo.set(key, path);
    return path;
  };
  return longest;
}

function reachedFrom(graph: Map<string, Table[]>, root: Table): string[] {
  const seen = new Set<string>([qualifiedName(root)]);
  const queue = [root];
  for (let t = queue.shift(); t; t = queue.shift())
    for (const c of graph.get(qualifiedName(t)) ?? [])
      if (!seen.has(qualifiedName(c))) {
        seen.add(qualifiedName(c));
        queue.push(c);
      }
  seen.delete(qualifiedName(root));
  return [...seen].sort();
}

/** `a → b → c`, shortened in the middle when long. */
const pathText = (names: string[]) =>
  names.length <= 6
    ? names.join(' → ')
    : [...names.slice(0, 3), `… ${names.length - 5} more`, ...names.slice(-2)].join(' → ');

const listed = (names: string[], max = 8) =>
  names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;

export const cascadeChain = defineRule({
  id: 'cascade-chain',
  title: 'Deletes cascading through several tables',
  category: 'integrity',
  severity: 'info',
  description:
    'ON DELETE CASCADE chains that reach three or more tables: one DELETE silently removes rows far away, can take many locks and runs long on big tables.',
  check(ctx: RuleContext, at: At): Finding[] {
    const graph = cascadeGraph(ctx);
    const longest = longestPaths(graph);
    const out: Finding[] = [];
    for (const table of ctx.tables) {
      const key = qualifiedName(table);
      // Three distinct tables: the root, a child, and a grandchild that is neither.
      const chains = (graph.get(key) ?? []).flatMap((c) =>
        (graph.get(qualifiedName(c)) ?? []).filter((d) => !sameTable(d, table)).map((d) => [table, c, d]),
      );
      if (chains.length === 0) continue;
      // Example paths: the deepest chain through each direct child that goes on cascading.
      const shown = (graph.get(key) ?? [])
        .map((c) => [table, ...longest(c).filter((t) => !sameTable(t, table))])
        .filter((p) => p.length >= 3);
      const examples = (shown.length > 0 ? shown : chains)
        .slice(0, 3)
        .map((p) => pathText(p.map((t) => qualifiedName(t))));
      // At least two: the child and the grandchild of a chain.
      const reached = reachedFrom(graph, table);
      out.push({
        ...at(table),
        message: `Deleting ${aRowOf(table)} cascades through ${reached.length} tables (${listed(reached)}), e.g. ${examples.join('; ')}.`,
        hint: `Prefer soft deletes or an explicit, batched cleanup for ${qualifiedName(table)}, or make the deepest link ON DELETE RESTRICT so a delete cannot remove far-away rows unnoticed.`,
      });
    }
    return out;
  },
});

export const ormOnlyDefault = defineRule({
  id: 'orm-only-default',
  title: 'Default generated only by the ORM',
  category: 'integrity',
  severity: 'info',
  description:
    'A column default produced by ORM code (uuid(), cuid(), $defaultFn, Python default=) with no DEFAULT in the database: rows inserted by SQL, migrations or other services get no value.',
  check(ctx: RuleContext, at: At): Finding[] {
    const out: Finding[] = [];
    for (const table of ctx.tables)
      for (const col of table.columns) {
        if (col.default?.kind !== 'orm') continue;
        const g = col.default.generator.toLowerCase();
        const pg = ctx.ir.dialect === 'postgresql';
        const expression = g.includes('now')
          ? 'now()'
          : g.startsWith('uuid') && pg
            ? 'gen_random_uuid()'
            : undefined;
        const dbEquivalent = expression
          ? `DEFAULT ${expression}`
          : g.startsWith('uuid')
            ? 'a database-side UUID default'
            : undefined;
        out.push({
          ...at(table),
          columns: [col.name],
          message: `${columnsLabel(table, [col.name])} gets its default (${col.default.description}) from the ORM, not the database; inserts outside the ORM ${col.nullable ? 'leave it NULL' : 'fail with a NOT NULL violation'}.`,
          hint: dbEquivalent
            ? `Add ${dbEquivalent} to the column so every writer gets a value.`
            : 'Document the generator for other writers, or move it into a database default.',
          ...(expression && (pg || ctx.ir.dialect === 'cockroachdb')
            ? {
                fix: {
                  ...(ctx.ir.source.orm === 'prisma'
                    ? {
                        orm: `@default(dbgenerated("${expression}"))`,
                        text: `on field ${col.codeName ?? col.name} of model ${table.codeName ?? table.name}, in place of its ORM default`,
                      }
                    : {}),
                  sql: `ALTER TABLE ${sqlTable(table, ctx.ir.dialect)} ALTER COLUMN ${sqlIdent(col.name, ctx.ir.dialect)} SET DEFAULT ${expression};`,
                },
              }
            : {}),
        });
      }
    return out;
  },
});
