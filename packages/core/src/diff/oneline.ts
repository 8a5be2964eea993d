import { code } from '../render/markdown.js';
import { RISK_CLASSES } from './report.js';
import type { Risk, SchemaChange } from './schema.js';

/**
 * One line for a list of changes, for a Changelog cell: the first few changes in words, how many
 * more, and the risks by class. Names go through `code` (safe in a table cell).
 */
export function changesOneLine(changes: readonly SchemaChange[], risks: readonly Risk[], max = 4): string {
  if (changes.length === 0) return 'No schema changes';
  const phrases = [...new Set(changes.map(phrase))];
  const shown = phrases.slice(0, max).join('; ');
  const more = phrases.length > max ? `; and ${phrases.length - max} more` : '';
  const counts = RISK_CLASSES.map((c) => [c, risks.filter((r) => r.class === c).length] as const)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${n} ${c}`);
  const first = shown.charAt(0).toUpperCase() + shown.slice(1);
  return `${first}${more}${counts.length ? ` (risks: ${counts.join(', ')})` : ''}`;
}

const verbOf = (kind: string) => /-(added|dropped|changed|renamed)$/.exec(kind)?.[1] ?? 'changed';

const NOUN: Partial<Record<SchemaChange['kind'], string>> = {
  'primary-key-added': 'primary key',
  'primary-key-dropped': 'primary key',
  'primary-key-changed': 'primary key',
  'unique-added': 'unique',
  'unique-dropped': 'unique',
  'index-added': 'index',
  'index-dropped': 'index',
  'foreign-key-added': 'foreign key',
  'foreign-key-dropped': 'foreign key',
  'foreign-key-action-changed': 'foreign key actions',
  'check-added': 'check',
  'check-dropped': 'check',
  'check-changed': 'check',
  'constraint-renamed': 'constraint name',
  'description-changed': 'description',
  'tags-changed': 'tags',
  'enforcement-changed': 'enforcement',
  'view-changed': 'view definition',
};

function phrase(c: SchemaChange): string {
  const table = code(c.table ?? '');
  const column = code(`${c.table}.${c.column ?? ''}`);
  switch (c.kind) {
    case 'table-added':
    case 'table-dropped':
    case 'view-added':
    case 'view-dropped':
      return `${verbOf(c.kind)} ${c.kind.startsWith('view') ? 'view' : 'table'} ${table}`;
    case 'column-added':
    case 'column-dropped':
      return `${verbOf(c.kind)} column ${column}`;
    case 'column-renamed':
      return `renamed ${code(`${c.table}.${c.before ?? ''}`)} to ${code(c.column ?? '')} (probably)`;
    case 'column-type-changed':
      return `${column} type ${code(c.before ?? '')} → ${code(c.after ?? '')}`;
    case 'column-nullability-changed':
      return `${column} ${c.after === 'NOT NULL' ? 'made NOT NULL' : 'made nullable'}`;
    case 'column-default-changed':
      return `${column} default changed`;
    case 'enum-added':
    case 'enum-dropped':
      return `${verbOf(c.kind)} enum ${code(c.enum ?? '')}`;
    case 'enum-value-added':
      return `added value ${code(c.name ?? '')} to ${code(c.enum ?? '')}`;
    case 'enum-value-dropped':
      return `dropped value ${code(c.name ?? '')} from ${code(c.enum ?? '')}`;
    default: {
      const noun = NOUN[c.kind] ?? c.kind;
      const target = c.column ? column : c.table ? table : code(c.enum ?? '');
      return `${noun} ${verbOf(c.kind)} on ${target}`;
    }
  }
}
