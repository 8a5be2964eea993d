import { describe, expect, it } from 'vitest';
import { checksFromMigrations } from './migrations.js';

const names = (sql: string[]) =>
  checksFromMigrations(sql.map((content, i) => ({ path: `m${i}/migration.sql`, content }))).map(
    (f) => `${f.schema ?? ''}.${f.table}.${f.check.name}: ${f.check.expression}`,
  );

describe('checksFromMigrations', () => {
  it('reads ALTER TABLE ... ADD CONSTRAINT ... CHECK with nested parentheses and quoting', () => {
    expect(
      names([
        `-- CreateTable\nCREATE TABLE "posts" ("id" SERIAL NOT NULL);\n` +
          `ALTER TABLE "posts" ADD CONSTRAINT "posts_len_check" CHECK (char_length(title) > 0 AND status IN ('a', ')'));\n` +
          'ALTER TABLE `shop`.`items` ADD CONSTRAINT `items_qty_check` CHECK (qty >= 0);',
      ]),
    ).toEqual([
      `.posts.posts_len_check: char_length(title) > 0 AND status IN ('a', ')')`,
      'shop.items.items_qty_check: qty >= 0',
    ]);
  });

  it('follows later migrations: DROP CONSTRAINT, and SQLite table redefinitions with inline checks', () => {
    expect(
      names([
        'ALTER TABLE "a" ADD CONSTRAINT "a_x_check" CHECK (x > 0);\nCREATE TABLE "b" (\n  "y" INTEGER,\n  CONSTRAINT "b_y_check" CHECK (y < 10)\n);',
        'ALTER TABLE "a" DROP CONSTRAINT "a_x_check";\n' +
          'CREATE TABLE "new_b" ("y" INTEGER, CONSTRAINT "b_y2_check" CHECK (y < 20));\n' +
          'DROP TABLE "b";\nALTER TABLE "new_b" RENAME TO "b";',
      ]),
    ).toEqual(['.b.b_y2_check: y < 20']);
  });

  it('ignores CHECK text inside comments', () => {
    expect(names(['-- ALTER TABLE "a" ADD CONSTRAINT "c" CHECK (x > 0);\nSELECT 1;'])).toEqual([]);
  });
});

describe('checksFromMigrations: DROP COLUMN drops the checks that involve the column', () => {
  it.each([
    [
      'a quoted column in a multi-action ALTER TABLE (Prisma Migrate style)',
      'ALTER TABLE "Field" DROP COLUMN "documentId",\nDROP COLUMN "templateId",\nALTER COLUMN "x" SET NOT NULL;',
      [],
    ],
    ['a bare column', 'ALTER TABLE "Field" DROP COLUMN templateId;', []],
    ['IF EXISTS', 'ALTER TABLE "Field" DROP COLUMN IF EXISTS "templateId";', []],
    [
      'another column: the check stays',
      'ALTER TABLE "Field" DROP COLUMN "other";',
      ['.Field.Field_one_parent_check: ("templateId" IS NULL) <> ("documentId" IS NULL)'],
    ],
    [
      'ALTER COLUMN ... DROP NOT NULL / DROP DEFAULT: the check stays',
      'ALTER TABLE "Field" ALTER COLUMN "templateId" DROP NOT NULL,\nALTER COLUMN "documentId" DROP DEFAULT;',
      ['.Field.Field_one_parent_check: ("templateId" IS NULL) <> ("documentId" IS NULL)'],
    ],
    [
      'the same column on another table: the check stays',
      'ALTER TABLE "Recipient" DROP COLUMN "templateId";',
      ['.Field.Field_one_parent_check: ("templateId" IS NULL) <> ("documentId" IS NULL)'],
    ],
  ])('%s', (_case, later, expected) => {
    expect(
      names([
        'ALTER TABLE "Field" ADD CONSTRAINT "Field_one_parent_check" CHECK (("templateId" IS NULL) <> ("documentId" IS NULL));',
        later,
      ]),
    ).toEqual(expected);
  });
});
