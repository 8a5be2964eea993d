import { describe, expect, it } from 'vitest';

// What the IR schema accepts beyond its JSON Schema (jsonSchema.test.ts): discriminated unions and
// refinements. The module is imported inside each test, so a schema that fails to build fails a
// test here instead of failing the loading of this file (see CONTRIBUTING.md, "Mutation testing").
const schema = () => import('./schema.js');

describe('ColumnDefault and ColumnOnUpdate: one row per kind', () => {
  it.each([
    [{ kind: 'sql', expression: 'now()' }],
    [{ kind: 'literal', value: 'member', sql: "'member'" }],
    [{ kind: 'sequence', style: 'identity-always', sequenceName: 's' }],
    [{ kind: 'orm', generator: 'uuid', description: 'uuid(4)' }],
  ])('default %j is read as itself', async (value) => {
    const { ColumnDefault } = await schema();
    expect(ColumnDefault.parse(value)).toEqual(value);
  });

  it.each([
    [{ kind: 'orm', description: 'Prisma @updatedAt' }],
    [{ kind: 'sql', expression: 'CURRENT_TIMESTAMP' }],
  ])('on update %j is read as itself', async (value) => {
    const { ColumnOnUpdate } = await schema();
    expect(ColumnOnUpdate.parse(value)).toEqual(value);
  });

  it('a kind that is none of them, or a mixed object, is refused', async () => {
    const { ColumnDefault, ColumnOnUpdate } = await schema();
    expect(ColumnDefault.safeParse({ kind: 'other', expression: 'x' }).success).toBe(false);
    expect(ColumnDefault.safeParse({ kind: 'sql', value: 1, sql: '1' }).success).toBe(false);
    expect(ColumnOnUpdate.safeParse({ kind: 'literal', expression: 'x' }).success).toBe(false);
  });
});

describe('an index part', () => {
  it('has exactly one of column or expression', async () => {
    const { IndexPart } = await schema();
    expect(IndexPart.safeParse({ column: 'a' }).success).toBe(true);
    expect(IndexPart.safeParse({ expression: 'lower(a)' }).success).toBe(true);
    for (const part of [{}, { column: 'a', expression: 'lower(a)' }]) {
      const result = IndexPart.safeParse(part);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => i.message)).toEqual([
        'an index part has exactly one of column or expression',
      ]);
    }
  });
});
