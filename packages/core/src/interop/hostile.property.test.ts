import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTable, parseDbml } from '../../test/interop/dbmlParse.js';
import { TblsJsonSchema } from '../../test/interop/tblsSchema.js';
import type { Ir } from '../ir/types.js';
import {
  aColumn,
  aForeignKey,
  anEnum,
  anIndex,
  anIr,
  aPrimaryKey,
  aTable,
  HOSTILE_COMMENT,
} from '../testing/index.js';
import { toDbml } from './dbml.js';
import { toTblsSchema } from './tbls.js';

/** Names and comments made of what breaks exporters: quotes, backticks, braces, newlines, markup. */
const hazard = fc.constantFrom(
  '"',
  "'",
  '`',
  '}',
  '{',
  '[',
  ']',
  '\n',
  '\r\n',
  '\\',
  '<script>',
  '//',
  '/*',
  '*/',
  ':',
  '.',
  ',',
  ' ',
  'Table',
  'Ref',
  'Note',
  '\t',
  '\u0001',
  'é',
  '😀',
);
const hostileText = fc
  .array(fc.oneof(hazard, fc.string({ minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''));

function irOf(names: string[], comment: string, enumName: string): Ir {
  const [parent = 'p', child = 'c', col = 'x', ...rest] = names;
  return anIr({
    enums: [
      anEnum(
        enumName,
        [comment, ...rest.slice(0, 2)].filter((v, i, a) => a.indexOf(v) === i),
      ),
    ],
    tables: [
      aTable(parent, {
        description: comment,
        columns: [aColumn('id', 'integer', { description: comment })],
        primaryKey: aPrimaryKey(parent, ['id']),
      }),
      aTable(child, {
        schema: rest[0] ?? null,
        columns: [
          aColumn('id', 'integer'),
          aColumn(col, 'integer', { description: comment }),
          aColumn('state', 'text', {
            type: {
              sql: `"${enumName}"`,
              category: 'enum',
              isArray: false,
              enum: { schema: null, name: enumName },
            },
          }),
        ],
        primaryKey: aPrimaryKey(child, ['id']),
        indexes: [anIndex(child, [col], { name: col })],
        foreignKeys: [aForeignKey(child, [col], parent, ['id'], { name: comment, onDelete: 'CASCADE' })],
      }),
    ],
  });
}

/** The exact names and comments, as the tbls export and the parsed DBML carry them. */
function expectInert(ir: Ir): void {
  const json = JSON.stringify(toTblsSchema(ir));
  const tbls = JSON.parse(json) as unknown;
  expect(TblsJsonSchema.safeParse(tbls).success).toBe(true);
  const out = TblsJsonSchema.parse(tbls);
  expect(out.tables.map((t) => t.columns.map((c) => c.name))).toEqual(
    ir.tables.map((t) => t.columns.map((c) => c.name)),
  );
  expect(out.tables.map((t) => t.name)).toEqual(ir.tables.map((t) => `${t.schema ?? 'public'}.${t.name}`));

  const schemas = parseDbml(toDbml(ir));
  for (const table of ir.tables) {
    const t = findTable(schemas, table);
    expect(t?.name).toBe(table.name);
    expect(t?.note ?? undefined).toBe(table.description);
    expect(t?.fields.map((f) => [f.name, f.note ?? undefined])).toEqual(
      table.columns.map((c) => [c.name, c.description]),
    );
    expect(t?.indexes.map((i) => i.name)).toEqual(table.indexes.map((i) => i.name));
  }
  const refs = schemas.flatMap((s) => s.refs);
  expect(refs.map((r) => r.name)).toEqual(ir.tables.flatMap((t) => t.foreignKeys.map((f) => f.name)));
  for (const e of ir.enums)
    expect(
      schemas
        .flatMap((s) => s.enums)
        .find((x) => x.name === e.name)
        ?.values.map((v) => v.name),
    ).toEqual(e.values.map((v) => v.name));
}

describe('hostile names stay inert in the tbls JSON and the DBML', () => {
  // The names tests/robustness/_hostile.ts uses against the documents (that module imports the
  // package by name, which core's own tests cannot).
  for (const name of [
    'pipe|name',
    'back`tick',
    '<script>alert(1)</script>',
    'end-->here',
    'line\nbreak',
    'cr\r\nlf',
    `it's "quoted"`,
    'emoji_😀_table',
    'e\u0301cole',
    'select',
    'a\\b',
    'ctl\t\u0001\u001f\u007f',
    ' padded ',
    '} Table x {',
  ])
    it(`the hostile name ${JSON.stringify(name)}`, () =>
      expectInert(irOf([`${name}_p`, `${name}_c`, name, `${name}_s`], HOSTILE_COMMENT, `${name}_e`)));

  it('the hostile comment', () => expectInert(irOf(['a', 'b', 'c'], HOSTILE_COMMENT, 'e')));

  it('any names and comments (property)', () => {
    fc.assert(
      fc.property(
        fc
          .uniqueArray(hostileText, { minLength: 4, maxLength: 6 })
          .filter((a) => !a.includes('id') && !a.includes('state')),
        hostileText.filter((s) => s.trim() === s && s.length > 0),
        hostileText,
        (names, comment, enumName) => expectInert(irOf(names, comment, enumName)),
      ),
      { numRuns: 150 },
    );
  });
});
