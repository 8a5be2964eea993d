import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** A conformance case's fixture: `<id>.prisma`, or a folder `<id>/` (schema.prisma + migrations). */
export function conformanceSchema(id: string, dialect = 'postgresql'): { cwd: string; schema: string } {
  const dir = path.join(fixturesDir, dialect === 'postgresql' ? 'conformance' : `conformance-${dialect}`);
  if (existsSync(path.join(dir, `${id}.prisma`))) return { cwd: dir, schema: `${id}.prisma` };
  return { cwd: path.join(dir, id), schema: 'schema.prisma' };
}
