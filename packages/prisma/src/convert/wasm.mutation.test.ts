import { isOrmdocError, type OrmdocError } from '@ormdoc/core';
import { describe, expect, it } from 'vitest';
import { isCompleteDatamodel, type PrismaDatamodel } from './dmmf.js';
import { getConfig, getDatamodel, schemaError } from './wasm.js';

/**
 * Prisma's own parser (prisma-schema-wasm) as ormdoc calls it: errors carry Prisma's message and
 * the file, line and column Prisma points at; the datasource is read from the config blocks.
 */

const DS = 'datasource db {\n  provider = "postgresql"\n}\n';

async function rejection(p: Promise<unknown>): Promise<OrmdocError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!isOrmdocError(e)) throw new Error(`expected an OrmdocError, got ${String(e)}`);
  return e;
}

describe('getDatamodel: an invalid schema', () => {
  it.each([
    ['ASCII only', ''],
    // Prisma's spans count UTF-16 units: characters of 2, 3 and 4 UTF-8 bytes before the error
    ['non-ASCII characters before the error', '/// é — 😀\n'],
  ])('%s: SCHEMA_INVALID at the file, line and column of the error', async (_name, lead) => {
    const content = `${lead}${DS}model A {\n  id Int @id\n  x  Strin\n}\n`;
    const line = content.split('\n').indexOf('  x  Strin') + 1;
    const e = await rejection(getDatamodel([['a.prisma', content]]));
    expect(e.code).toBe('SCHEMA_INVALID');
    expect([e.file, e.line, e.column]).toEqual(['a.prisma', line, 6]);
    expect(e.message).toMatch(
      new RegExp(`^Prisma rejected the schema at a\\.prisma:${line}:6 \\(P1012\\): .*Strin`),
    );
    expect(e.message).not.toContain('Error validating');
    expect(e.details?.length).toBeGreaterThan(1);
    expect(e.hint).toMatch(/prisma validate/);
  });

  it('several files: the one with the error', async () => {
    const b = `model B {\n  id Int @id\n  y  Strin\n}\n`;
    const e = await rejection(
      getDatamodel([
        ['a.prisma', `${DS}model A {\n  id Int @id\n}\n`],
        ['b.prisma', b],
      ]),
    );
    expect([e.file, e.line, e.column]).toEqual(['b.prisma', 3, 6]);
  });

  it('a valid schema: its datamodel', async () => {
    const dm = await getDatamodel([['a.prisma', `${DS}model A {\n  id Int @id\n}\n`]]);
    expect(dm.models.map((m) => m.name)).toEqual(['A']);
  });
});

describe('getConfig', () => {
  it('the provider and schemas of the datasource', async () => {
    const files = [
      ['a.prisma', `datasource db {\n  provider = "postgresql"\n  schemas = ["a", "b"]\n}\n`],
    ] as const;
    expect(await getConfig(files)).toMatchObject({ provider: 'postgresql', schemas: ['a', 'b'] });
    expect((await getConfig([['a.prisma', DS]])).schemas).toEqual([]);
  });

  it('from the config blocks alone (`only`), the same answer', async () => {
    const full = [['a.prisma', `${DS}model A {\n  id Int @id\n}\n`]] as const;
    const only = [['a.prisma', `${DS}\n\n\n`]] as const;
    expect(await getConfig(full, only)).toEqual(await getConfig(full));
  });

  it('`only` without a datasource: the whole files are read', async () => {
    const full = [['a.prisma', DS]] as const;
    expect((await getConfig(full, [['a.prisma', '\n\n\n']])).provider).toBe('postgresql');
  });

  it('no datasource: SCHEMA_INVALID naming the first file, with the block to add', async () => {
    const e = await rejection(getConfig([['x.prisma', 'model A {\n  id Int @id\n}\n']]));
    expect(e.code).toBe('SCHEMA_INVALID');
    expect(e.file).toBe('x.prisma');
    expect(e.message).toMatch(/no datasource block/);
    expect(e.hint).toMatch(/datasource db \{ provider = "postgresql" \}/);
  });

  it("a configuration error: Prisma's message, at its file and line", async () => {
    const e = await rejection(getConfig([['x.prisma', 'datasource db {\n  provider = "nosuchdb"\n}\n']]));
    expect(e.code).toBe('SCHEMA_INVALID');
    expect(e.message).toMatch(/nosuchdb/);
    expect(e.message).toMatch(/\(P1012\)/);
    expect(e.file).toBe('x.prisma');
  });
});

describe('schemaError: the wasm error text -> OrmdocError', () => {
  it('JSON with a location: file, line and column from Prisma\'s "-->" line', () => {
    const message = 'error: Error validating: Bad thing\n  -->  s.prisma:7:3\n   | \n';
    const e = schemaError(new Error(JSON.stringify({ error_code: 'P1012', message })));
    expect([e.file, e.line, e.column]).toEqual(['s.prisma', 7, 3]);
    expect(e.message).toBe('Prisma rejected the schema at s.prisma:7:3 (P1012): Bad thing');
    expect(e.details).toEqual(message.split('\n'));
  });

  it('a location without a column', () => {
    const message = 'error: Bad\n  -->  s.prisma:7\n';
    const e = schemaError(new Error(JSON.stringify({ error_code: 'P1012', message })));
    expect([e.file, e.line, e.column]).toEqual(['s.prisma', 7, undefined]);
    expect(e.message).toBe('Prisma rejected the schema at s.prisma:7 (P1012): Bad');
  });

  it('a span of the same line adds the column; a span elsewhere loses to the message', () => {
    const message = 'error: Bad\n  -->  s.prisma:7\n';
    const err = new Error(JSON.stringify({ error_code: 'P1012', message }));
    const same = schemaError(err, { file: 's.prisma', line: 7, column: 9 });
    expect([same.file, same.line, same.column]).toEqual(['s.prisma', 7, 9]);
    const other = schemaError(err, { file: 's.prisma', line: 8, column: 9 });
    expect([other.file, other.line, other.column]).toEqual(['s.prisma', 7, undefined]);
    const otherFile = schemaError(err, { file: 't.prisma', line: 7, column: 9 });
    expect(otherFile.file).toBe('s.prisma');
  });

  it('text that is not JSON: kept whole, no location, no code', () => {
    const e = schemaError(new Error('wasm trap'));
    expect(e.message).toBe('Prisma rejected the schema: wasm trap');
    expect([e.file, e.line, e.column]).toEqual([undefined, undefined, undefined]);
    expect(schemaError('thrown text').message).toBe('Prisma rejected the schema: thrown text');
  });

  it('JSON without a message: the raw text', () => {
    const e = schemaError(new Error('{"error_code":"P1"}'));
    expect(e.message).toBe('Prisma rejected the schema (P1): {"error_code":"P1"}');
  });
});

describe("isCompleteDatamodel: whether a generator's DMMF has what ormdoc reads", () => {
  const dmmf = async () =>
    JSON.parse(
      JSON.stringify(
        await getDatamodel([
          [
            'a.prisma',
            `${DS}model A {\n  id Int @id\n  bs B[]\n}\nmodel B {\n  id Int @id\n  aId Int\n  a A @relation(fields: [aId], references: [id], onUpdate: Cascade)\n}\n`,
          ],
        ]),
      ),
    ) as { models: Array<Record<string, unknown> & { fields: Array<Record<string, unknown>> }> };

  // (get_datamodel gives relationOnUpdate only when written; a generator's DMMF always has it)
  it("Prisma 7's own DMMF is complete", async () => {
    expect(isCompleteDatamodel((await dmmf()) as unknown as PrismaDatamodel)).toBe(true);
  });

  // Prisma 5's DMMF lacks each of these
  it.each([
    ['a model without `schema`', (d: Awaited<ReturnType<typeof dmmf>>) => delete d.models[1]!.schema],
    [
      'a scalar field without `nativeType`',
      (d: Awaited<ReturnType<typeof dmmf>>) => delete d.models[1]!.fields[1]!.nativeType,
    ],
    [
      'a foreign-key relation field without `relationOnUpdate`',
      (d: Awaited<ReturnType<typeof dmmf>>) =>
        delete d.models[1]!.fields.find((f) => f.name === 'a')!.relationOnUpdate,
    ],
  ])('incomplete: %s', async (_name, strip) => {
    const d = await dmmf();
    strip(d);
    expect(isCompleteDatamodel(d as unknown as PrismaDatamodel)).toBe(false);
  });

  it('the back-relation (no foreign key) needs no `relationOnUpdate`', async () => {
    const d = await dmmf();
    delete d.models[0]!.fields.find((f) => f.name === 'bs')!.relationOnUpdate;
    expect(isCompleteDatamodel(d as unknown as PrismaDatamodel)).toBe(true);
  });
});
