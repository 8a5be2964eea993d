import { canonicalizeIr, type Ir, parseIr } from '@ormdoc/core';
import {
  aColumn,
  aForeignKey,
  anEnum,
  anIndex,
  anIr,
  aPrimaryKey,
  aTable,
  HOSTILE_COMMENT,
} from '@ormdoc/core/testing';

/** Names that have broken documentation tools: Markdown, HTML, Mermaid, SQL and file-system hazards. */
export const HOSTILE_NAMES: Record<string, string> = {
  pipe: 'pipe|name',
  backtick: 'back`tick',
  backticks: '``double``',
  script: '<script>alert(1)</script>',
  commentEnd: 'end-->here',
  commentStart: '<!--open',
  marker: '<!-- ormdoc:end tables -->',
  newline: 'line\nbreak',
  crlf: 'cr\r\nlf',
  quotes: `it's "quoted"`,
  emoji: 'emoji_😀_table',
  rtl: 'جدول_المستخدمين',
  combining: 'e\u0301cole',
  select: 'select',
  order: 'order',
  user: 'user',
  group: 'group',
  long63: `t${'l'.repeat(62)}`,
  long200: `t${'x'.repeat(199)}`,
  dotdot: '../../escape',
  slash: 'a/b',
  backslash: 'a\\b',
  backslashPipe: 'a\\|b',
  colon: 'c:d',
  star: 's*t',
  hash: '# heading',
  percent: '100%',
  brackets: '[link](javascript:alert(1))',
  entity: '&lt;b&gt;',
  control: 'ctl\t\u0001\u001f\u007f',
  spaces: ' padded ',
};

/**
 * One table per hostile name (the table, a column, an index and a description all carry it), each
 * referencing the previous one by a foreign key, plus an enum with a hostile name and values used
 * by every table. Constraint names are short and explicit: PostgreSQL truncates identifiers to 63
 * bytes, and the point here is the table and column names, not colliding constraint names.
 */
export function hostileIr(): Ir {
  const entries = Object.entries(HOSTILE_NAMES);
  const enumName = `status "<script>" | \`x\``;
  const tables = entries.map(([key, name], i) => {
    const prev = i > 0 ? entries[i - 1]![1] : undefined;
    const columns = [
      aColumn('id', 'integer'),
      aColumn(name, 'text', { nullable: true, description: `${HOSTILE_COMMENT} (${name})` }),
      aColumn('state', `"${enumName.replace(/"/g, '""')}"`, {
        type: {
          sql: `"${enumName.replace(/"/g, '""')}"`,
          category: 'enum',
          isArray: false,
          enum: { schema: null, name: enumName },
        },
      }),
    ];
    if (prev !== undefined) columns.push(aColumn('prev_id', 'integer', { nullable: true }));
    return aTable(name, {
      description: `Table ${name}: ${HOSTILE_COMMENT}`,
      codeName: `Hostile_${key}`,
      columns,
      primaryKey: { ...aPrimaryKey(name, ['id']), name: `h${i}_pkey`, nameExplicit: true },
      indexes: [{ ...anIndex(name, [name]), name: `h${i}_idx`, nameExplicit: true }],
      foreignKeys:
        prev === undefined
          ? []
          : [{ ...aForeignKey(name, ['prev_id'], prev, ['id']), name: `h${i}_fkey`, nameExplicit: true }],
    });
  });
  return canonicalizeIr(
    parseIr(
      anIr({
        tables,
        enums: [anEnum(enumName, ['a|b', "it's", '<script>', 'new\nline', '-->', 'ünï'])],
      }),
    ),
  );
}
