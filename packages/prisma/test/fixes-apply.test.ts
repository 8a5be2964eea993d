import { analyze, type Finding } from '@ormdoc/core';
import { fromPrismaSchema } from '@ormdoc/prisma';
import { describe, expect, it } from 'vitest';

/**
 * Issue 17 item 4: a finding's ORM edit, applied to the Prisma schema text, is valid Prisma and
 * makes the finding go away when the schema is extracted again.
 */

const SCHEMA = `datasource db {
  provider = "postgresql"
}

model User {
  id        String   @id @unique @default(cuid())
  email     String   @unique
  name      String?
  bio       String?
  posts     Post[]

  @@index([email])
}

model Post {
  id        Int      @id @default(autoincrement())
  title     String
  authorId  String
  author    User     @relation(fields: [authorId], references: [id])
  publicId  String   @default(uuid())
  createdAt DateTime @default(now())
  updatedAt DateTime @updatedAt
}
`;

const extract = async (content: string) =>
  (await fromPrismaSchema({ files: [{ path: 'schema.prisma', content }] })).ir;

/** The lines of one model block: [start, end] line indexes of `model X {` and its `}`. */
function modelBlock(lines: string[], model: string): [number, number] {
  const start = lines.findIndex((l) => new RegExp(`^model ${model}\\s*\\{`).test(l));
  const end = lines.findIndex((l, i) => i > start && /^\}/.test(l));
  if (start < 0 || end < 0) throw new Error(`model ${model} not found`);
  return [start, end];
}

/** Apply one finding's Prisma edit, as a person would from what the documents say. */
export function applyPrismaEdit(schema: string, f: Finding): string {
  const fix = f.fix;
  if (!fix?.orm || !fix.text) throw new Error(`no ORM edit: ${f.ruleId}`);
  const lines = schema.split('\n');
  const field = /(?:from|on) field (\w+) of model (\w+)/.exec(fix.text);
  const model = /model (\w+)/.exec(fix.text)?.[1] as string;
  const [start, end] = modelBlock(lines, model);
  const fieldLine = (name: string) => {
    const i = lines.findIndex((l, k) => k > start && k < end && new RegExp(`^\\s+${name}\\s`).test(l));
    if (i < 0) throw new Error(`field ${name} not found in ${model}`);
    return i;
  };
  if (fix.remove) {
    if (field) {
      const i = fieldLine(field[1] as string);
      lines[i] = (lines[i] as string).replace(` ${fix.orm}`, '');
    } else {
      const i = lines.findIndex((l, k) => k > start && k < end && l.trim() === fix.orm);
      if (i < 0) throw new Error(`${fix.orm} not found in ${model}`);
      lines.splice(i, 1);
    }
  } else if (field) {
    const i = fieldLine(field[1] as string);
    const line = lines[i] as string;
    lines[i] = fix.orm.startsWith('@default(')
      ? line.replace(/@default\((?:[^()]|\([^()]*\))*\)/, fix.orm)
      : `${line} ${fix.orm}`;
  } else lines.splice(end, 0, ...fix.orm.split('\n').map((l) => `  ${l}`));
  return lines.join('\n');
}

describe('Prisma edits offered by findings apply to the schema and clear the finding', () => {
  it('every finding with a Prisma edit: the edited schema extracts and the finding is gone', async () => {
    const before = analyze(await extract(SCHEMA));
    const editable = before.filter((f) => f.fix?.orm && f.fix.text);
    const rules = new Set(editable.map((f) => f.ruleId));
    // What this schema exercises: additions (index, timestamps, database default) and removals.
    for (const r of ['fk-without-index', 'duplicate-index', 'missing-timestamps', 'orm-only-default'])
      expect(rules, r).toContain(r);
    for (const f of editable) {
      const edited = applyPrismaEdit(SCHEMA, f);
      expect(edited, `${f.ruleId} changed nothing`).not.toBe(SCHEMA);
      const after = analyze(await extract(edited));
      const same = (g: Finding) =>
        g.ruleId === f.ruleId && g.table?.name === f.table?.name && g.columns?.join() === f.columns?.join();
      expect(after.filter(same), `${f.ruleId} on ${f.table?.name} after:\n${edited}`).toEqual([]);
    }
  });

  it('the redundant-index edits are removals: @@index([email]) beside @unique, @unique beside @id', async () => {
    const dup = analyze(await extract(SCHEMA)).filter((f) => f.ruleId === 'duplicate-index');
    expect(dup.map((f) => [f.fix?.orm, f.fix?.text, f.fix?.remove])).toEqual([
      ['@@index([email])', 'from model User', true],
      ['@unique', 'from field id of model User', true],
    ]);
  });
});
