import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  Column,
  DataSource,
  Entity,
  JoinTable,
  ManyToMany,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEntityMetadatas } from '../load/dataSource.js';
import type { TypeormDialect } from '../types.js';
import { fromTypeormMetadata } from './fromTypeormMetadata.js';

/**
 * How the tables are put together on real TypeORM metadata: a table mapped both by an entity and
 * by a @JoinTable is one table (as TypeORM's schema builder makes it), entity files give sources,
 * and bad input is an error that says what to do.
 */
async function build(dialect: TypeormDialect, entities: unknown[]) {
  const { dataSource } = await buildEntityMetadatas({ DataSource: DataSource as never, entities, dialect });
  return dataSource;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'ormdoc-typeorm-tables-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a table mapped by an entity and by a @JoinTable', () => {
  @Entity({ name: 'students' })
  class Student {
    @PrimaryGeneratedColumn() id!: number;
    @ManyToMany(() => Course) @JoinTable({ name: 'enrolments' }) courses!: Course[];
  }
  @Entity({ name: 'courses' })
  class Course {
    @PrimaryGeneratedColumn() id!: number;
  }

  it('agreeing: one table, not implicit, the junction keys added, an info naming the table', async () => {
    @Entity({ name: 'enrolments' })
    class Enrolment {
      @PrimaryColumn({ type: 'int' }) studentsId!: number;
      @PrimaryColumn({ type: 'int' }) coursesId!: number;
      @Column({ type: 'varchar', nullable: true }) grade!: string | null;
    }
    const ds = await build('postgresql', [Student, Course, Enrolment]);
    const file = path.join(dir, 'entities.ts');
    writeFileSync(file, 'export class Student {}\n\nexport class Enrolment {}\n');
    const { ir, diagnostics } = fromTypeormMetadata({
      dialect: 'postgresql',
      entityMetadatas: ds.entityMetadatas,
      entityFiles: new Map([[Enrolment, file]]),
      cwd: dir,
    });
    const tables = ir.tables.filter((t) => t.name === 'enrolments');
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.implicit).toBeUndefined();
    expect(t.codeName).toBe('Enrolment');
    expect(t.columns.map((c) => c.name)).toEqual(['studentsId', 'coursesId', 'grade']);
    expect(t.primaryKey!.columns).toEqual(['studentsId', 'coursesId']);
    expect(t.foreignKeys.map((f) => f.references.name).sort()).toEqual(['courses', 'students']);
    expect(t.source).toEqual({ file: 'entities.ts', line: 3 });
    expect(diagnostics).toEqual([
      {
        severity: 'info',
        code: 'typeorm/table-mapped-twice',
        message:
          'Table enrolments is mapped by an entity and by a @JoinTable; documented as one table, as TypeORM creates it.',
        file: 'entities.ts',
        line: 3,
        hint: expect.any(String),
      },
    ]);
  });

  it('disagreeing on a column: documented as the entity declares it, with a warning naming the column', async () => {
    @Entity({ name: 'enrolments' })
    class Enrolment {
      @PrimaryColumn({ type: 'int' }) studentsId!: number;
      @Column({ type: 'varchar' }) coursesId!: string;
      @PrimaryColumn({ type: 'int' }) id!: number;
    }
    const ds = await build('postgresql', [Student, Course, Enrolment]);
    const { ir, diagnostics } = fromTypeormMetadata({
      dialect: 'postgresql',
      entityMetadatas: ds.entityMetadatas,
    });
    const t = ir.tables.find((x) => x.name === 'enrolments')!;
    expect(t.columns.find((c) => c.name === 'coursesId')!.type.sql).toBe('varchar');
    expect(t.primaryKey!.columns).toEqual(['studentsId', 'id']);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'warning', code: 'typeorm/table-mapped-twice' });
    expect(diagnostics[0]!.message).toContain('disagree on coursesId, primary key (studentsId,coursesId)');
    expect(diagnostics[0]!.file).toBeUndefined();
  });
});

describe('sources and files', () => {
  it('entity files give file and class line (relative, forward slashes); files are listed once, sorted', async () => {
    @Entity({ name: 'things' })
    class Thing {
      @PrimaryColumn({ type: 'int' }) id!: number;
    }
    @Entity({ name: 'others' })
    class Other$ {
      @PrimaryColumn({ type: 'int' }) id!: number;
    }
    const file = path.join(dir, 'sub', 'thing.ts');
    rmSync(path.dirname(file), { recursive: true, force: true });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(
      file,
      '// things\nclass Things {}\n@Entity()\nexport class Thing {}\nexport class Other$ {}\n',
    );
    const ds = await build('sqlite', [Thing, Other$]);
    const { ir } = fromTypeormMetadata({
      dialect: 'sqlite',
      entityMetadatas: ds.entityMetadatas,
      entityFiles: new Map<unknown, string>([
        [Thing, file],
        [Other$, file],
      ]),
      files: [file, 'b.ts', file, 'a.ts'],
      cwd: dir,
      typeormVersion: '1.1.1',
    });
    expect(ir.tables.find((t) => t.name === 'things')!.source).toEqual({ file: 'sub/thing.ts', line: 4 });
    expect(ir.tables.find((t) => t.name === 'others')!.source).toEqual({ file: 'sub/thing.ts', line: 5 });
    expect(ir.source).toEqual({
      orm: 'typeorm',
      ormVersion: '1.1.1',
      files: ['a.ts', 'b.ts', 'sub/thing.ts'],
    });
  });

  it('a file that cannot be read: the file without a line', async () => {
    @Entity({ name: 'things' })
    class Thing {
      @PrimaryColumn({ type: 'int' }) id!: number;
    }
    const ds = await build('sqlite', [Thing]);
    const { ir } = fromTypeormMetadata({
      dialect: 'sqlite',
      entityMetadatas: ds.entityMetadatas,
      entityFiles: new Map([[Thing, path.join(dir, 'missing.ts')]]),
      cwd: dir,
    });
    expect(ir.tables[0]!.source).toEqual({ file: 'missing.ts' });
    expect(ir.source.ormVersion).toBeUndefined();
  });
});

describe('schemas the driver ignores', () => {
  it('mysql and sqlite: a note per table naming the schema; postgresql: the schema is the namespace', async () => {
    @Entity({ name: 'things', schema: 'app' })
    class Thing {
      @PrimaryColumn({ type: 'int' }) id!: number;
    }
    for (const [dialect, db] of [
      ['mysql', 'MySQL'],
      ['sqlite', 'SQLite'],
    ] as const) {
      const ds = await build(dialect, [Thing]);
      const { ir, diagnostics } = fromTypeormMetadata({ dialect, entityMetadatas: ds.entityMetadatas });
      expect(ir.tables[0]!.schema).toBeNull();
      expect(diagnostics).toEqual([
        expect.objectContaining({ severity: 'info', code: 'typeorm/schema-ignored' }),
      ]);
      expect(diagnostics[0]!.message).toBe(
        `things: TypeORM's ${db} driver ignores schema "app"; the table is created in ${dialect === 'mysql' ? 'the connection database' : 'the database file'}.`,
      );
      expect(diagnostics[0]!.hint).toMatch(
        dialect === 'mysql' ? /@Entity\(\{ database \}\)/ : /SQLite has no schemas/,
      );
    }
    const ds = await build('postgresql', [Thing]);
    const { ir, diagnostics } = fromTypeormMetadata({
      dialect: 'postgresql',
      entityMetadatas: ds.entityMetadatas,
    });
    expect(ir.tables[0]!.schema).toBe('app');
    expect(diagnostics).toEqual([]);
  });
});

describe('namespaces', () => {
  it('mysql: @Entity({ database }) is the namespace unless it is the connection database', async () => {
    @Entity({ name: 'ledgers', database: 'finance' })
    class Ledger {
      @PrimaryColumn({ type: 'int' }) id!: number;
    }
    @Entity({ name: 'local', database: 'ormdoc' }) // the database the loader's MySQL DataSource names
    class Local {
      @PrimaryColumn({ type: 'int' }) id!: number;
    }
    @Entity({ name: 'plain' })
    class Plain {
      @PrimaryColumn({ type: 'int' }) id!: number;
      @ManyToMany(() => Ledger) @JoinTable({ name: 'plain_ledgers' }) ledgers!: Ledger[];
    }
    const ds = await build('mysql', [Ledger, Local, Plain]);
    const { ir } = fromTypeormMetadata({ dialect: 'mysql', entityMetadatas: ds.entityMetadatas });
    const schemaOf = (name: string) => ir.tables.find((t) => t.name === name)!.schema;
    expect([schemaOf('ledgers'), schemaOf('local'), schemaOf('plain')]).toEqual(['finance', null, null]);
    const fk = ir.tables
      .find((t) => t.name === 'plain_ledgers')!
      .foreignKeys.find((f) => f.references.name === 'ledgers')!;
    expect(fk.references.schema).toBe('finance');
    expect(ir.relations.find((r) => r.from.field === 'ledgers')!.to).toMatchObject({
      schema: 'finance',
      name: 'ledgers',
    });
  });
});

describe('bad input', () => {
  it('no entity metadata: INPUT_EMPTY with the fix', () => {
    expect(() => fromTypeormMetadata({ dialect: 'postgresql', entityMetadatas: [{}, 'x'] })).toThrow(
      expect.objectContaining({ code: 'INPUT_EMPTY', hint: expect.stringContaining('DataSource') }),
    );
  });

  it('metadata without a driver, and none given: UNSUPPORTED, asking for the driver', async () => {
    @Entity({ name: 'things' })
    class Thing {
      @PrimaryColumn({ type: 'int' }) id!: number;
    }
    const ds = await build('postgresql', [Thing]);
    // the metadata's own fields without its DataSource (`connection` is a getter of the class)
    const bare = ds.entityMetadatas.map((m) => ({ ...m }));
    expect(() => fromTypeormMetadata({ dialect: 'postgresql', entityMetadatas: bare })).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED', hint: expect.stringContaining('dataSource.driver') }),
    );
    const { ir } = fromTypeormMetadata({ dialect: 'postgresql', entityMetadatas: bare, driver: ds.driver });
    expect(ir.tables[0]!.columns[0]!.type.sql).toBe('integer');
  });
});
