import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Ir } from '../ir/types.js';
import { exampleIr, kitchenSinkIr } from '../testing/index.js';
import { toTblsSchema } from './tbls.js';

const LIAM = resolve(import.meta.dirname, '../../../../node_modules/.bin/liam');

interface LiamSchema {
  tables: Record<
    string,
    {
      columns: Record<string, { name: string; type: string; notNull: boolean }>;
      constraints: Record<
        string,
        {
          type: string;
          columnNames?: string[];
          targetTableName?: string;
          targetColumnNames?: string[];
          deleteConstraint?: string;
          updateConstraint?: string;
        }
      >;
    }
  >;
  enums: Record<string, { values: string[] }>;
}

const tblsName = (t: { schema: string | null; name: string }) => `${t.schema ?? 'public'}.${t.name}`;
const action = (a: string) => a.replace(' ', '_');

/** What Liam ERD's own tbls parser built (the `schema.json` it writes beside its site). */
async function liamBuild(ir: Ir): Promise<{ schema: LiamSchema; output: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'ormdoc-liam-'));
  try {
    writeFileSync(join(dir, 'schema.json'), JSON.stringify(toTblsSchema(ir), null, 2));
    const { stdout, stderr } = await promisify(execFile)(
      LIAM,
      ['erd', 'build', '--format', 'tbls', '--input', 'schema.json', '--output-dir', 'out'],
      { cwd: dir, env: { ...process.env, NO_COLOR: '1' } },
    );
    const built = join(dir, 'out', 'schema.json');
    expect(existsSync(built), `${stdout}\n${stderr}`).toBe(true);
    return { schema: JSON.parse(readFileSync(built, 'utf8')) as LiamSchema, output: `${stdout}\n${stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('Liam ERD builds from the tbls export', () => {
  it('example and kitchen-sink IRs: accepted without warnings; tables, columns and foreign keys as in the IR', async () => {
    for (const ir of [exampleIr(), kitchenSinkIr()]) {
      const { schema, output } = await liamBuild(ir);
      // Liam exits 0 even when it rejects the input; it says so with a WARN line.
      expect(output).not.toMatch(/WARN|Invalid schema format|error/i);
      expect(Object.keys(schema.tables).sort()).toEqual(ir.tables.map(tblsName).sort());
      for (const table of ir.tables) {
        const t = schema.tables[tblsName(table)];
        expect(Object.values(t?.columns ?? {}).map((c) => [c.name, c.type, c.notNull])).toEqual(
          table.columns.map((c) => [c.name, c.type.sql, !c.nullable]),
        );
        const fks = Object.values(t?.constraints ?? {}).filter((c) => c.type === 'FOREIGN KEY');
        expect(
          fks.map((c) => [
            c.columnNames,
            c.targetTableName,
            c.targetColumnNames,
            c.deleteConstraint,
            c.updateConstraint,
          ]),
        ).toEqual(
          table.foreignKeys
            .filter((fk) => fk.enforcedBy === 'database')
            .map((fk) => [
              fk.columns,
              tblsName(fk.references),
              fk.references.columns,
              action(fk.onDelete),
              action(fk.onUpdate),
            ]),
        );
        const pk = Object.values(t?.constraints ?? {}).find((c) => c.type === 'PRIMARY KEY');
        expect(pk?.columnNames).toEqual(table.primaryKey?.columns);
      }
      for (const e of ir.enums.filter((x) => x.native))
        expect(schema.enums[e.name]?.values).toEqual(e.values.map((v) => v.name));
    }
  }, 180_000);
});
