import { fromPrismaSchema } from '@ormdoc/prisma';
import { describe, expect, it } from 'vitest';
import { referentialAction } from '../src/convert/names.js';
import { prismaMigrateDdl } from './helpers/prismaDdl.js';

/**
 * Prisma's referential actions and their defaults, one row each, held to Prisma itself: the IR's
 * `onDelete`/`onUpdate` must be what Prisma Migrate writes in the foreign key of its own DDL
 * (the schema engine, `prisma migrate diff --from-empty --script`).
 */
const schema = (field: string) => `datasource db {
  provider = "postgresql"
}

model Parent {
  id       Int     @id
  children Child[]
}

model Child {
  id       Int     @id
  parentId ${field}
}
`;

/** `ON DELETE x ON UPDATE y` of the one foreign key in Prisma's DDL. */
function prismaActions(ddl: string): { onDelete: string; onUpdate: string } {
  const m =
    /ON DELETE (NO ACTION|RESTRICT|CASCADE|SET NULL|SET DEFAULT) ON UPDATE (NO ACTION|RESTRICT|CASCADE|SET NULL|SET DEFAULT)/.exec(
      ddl,
    );
  if (!m) throw new Error(`no foreign key actions in Prisma's DDL:\n${ddl}`);
  return { onDelete: m[1]!, onUpdate: m[2]! };
}

async function both(field: string) {
  const text = schema(field);
  const { ir } = await fromPrismaSchema({ files: [{ path: 'schema.prisma', content: text }] });
  const fk = ir.tables.find((t) => t.name === 'Child')!.foreignKeys[0]!;
  return {
    ormdoc: { onDelete: fk.onDelete, onUpdate: fk.onUpdate },
    prisma: prismaActions(await prismaMigrateDdl([{ path: 'schema.prisma', content: text }])),
  };
}

describe("Prisma referential actions: the IR says what Prisma Migrate's DDL says", () => {
  it.each([
    // Defaults (no onDelete/onUpdate): Restrict for a required relation, SetNull for an optional one; onUpdate Cascade.
    [
      'required, no actions',
      'Int\n  parent   Parent @relation(fields: [parentId], references: [id])',
      'RESTRICT',
      'CASCADE',
    ],
    [
      'optional, no actions',
      'Int?\n  parent   Parent? @relation(fields: [parentId], references: [id])',
      'SET NULL',
      'CASCADE',
    ],
    [
      'onDelete: Cascade',
      'Int\n  parent   Parent @relation(fields: [parentId], references: [id], onDelete: Cascade)',
      'CASCADE',
      'CASCADE',
    ],
    [
      'onDelete: Restrict',
      'Int?\n  parent   Parent? @relation(fields: [parentId], references: [id], onDelete: Restrict)',
      'RESTRICT',
      'CASCADE',
    ],
    [
      'onDelete: NoAction',
      'Int\n  parent   Parent @relation(fields: [parentId], references: [id], onDelete: NoAction)',
      'NO ACTION',
      'CASCADE',
    ],
    [
      'onDelete: SetNull',
      'Int?\n  parent   Parent? @relation(fields: [parentId], references: [id], onDelete: SetNull)',
      'SET NULL',
      'CASCADE',
    ],
    [
      'onDelete: SetDefault',
      'Int @default(0)\n  parent   Parent @relation(fields: [parentId], references: [id], onDelete: SetDefault)',
      'SET DEFAULT',
      'CASCADE',
    ],
    [
      'onUpdate: Cascade',
      'Int\n  parent   Parent @relation(fields: [parentId], references: [id], onUpdate: Cascade)',
      'RESTRICT',
      'CASCADE',
    ],
    [
      'onUpdate: Restrict',
      'Int\n  parent   Parent @relation(fields: [parentId], references: [id], onUpdate: Restrict)',
      'RESTRICT',
      'RESTRICT',
    ],
    [
      'onUpdate: NoAction',
      'Int\n  parent   Parent @relation(fields: [parentId], references: [id], onUpdate: NoAction)',
      'RESTRICT',
      'NO ACTION',
    ],
    [
      'onUpdate: SetNull',
      'Int?\n  parent   Parent? @relation(fields: [parentId], references: [id], onUpdate: SetNull)',
      'SET NULL',
      'SET NULL',
    ],
    [
      'onUpdate: SetDefault',
      'Int @default(0)\n  parent   Parent @relation(fields: [parentId], references: [id], onUpdate: SetDefault)',
      'RESTRICT',
      'SET DEFAULT',
    ],
  ])('%s', async (_case, field, onDelete, onUpdate) => {
    const { ormdoc, prisma } = await both(field);
    expect(prisma).toEqual({ onDelete, onUpdate });
    expect(ormdoc).toEqual(prisma);
  });
});

describe('referentialAction: one row per Prisma action name', () => {
  it.each([
    ['Cascade', 'CASCADE'],
    ['Restrict', 'RESTRICT'],
    ['NoAction', 'NO ACTION'],
    ['SetNull', 'SET NULL'],
    ['SetDefault', 'SET DEFAULT'],
    [undefined, undefined],
    ['cascade', undefined],
  ])('%s -> %s', (action, sql) => {
    expect(referentialAction(action)).toBe(sql);
  });
});
