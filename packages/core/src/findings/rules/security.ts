import type { Column, ColumnCategory, Table } from '../../ir/types.js';
import { type At, defineRule } from '../_rule.js';
import { columnsLabel, nameTokens } from '../_util.js';
import type { Finding, FindingRuleInfo, RuleContext } from '../types.js';
import { ABOUT_THE_VALUE, NOT_THE_VALUE_BEFORE, PERSON_WORDS, secretPatterns } from './_words.js';

export { defaultPiiPatterns, secretPatterns } from './_words.js';

/** Value categories that cannot hold a secret or a person's data: counters, flags, timestamps, durations. */
const NOT_SECRET: ReadonlySet<ColumnCategory> = new Set<ColumnCategory>([
  'integer',
  'bigint',
  'decimal',
  'float',
  'boolean',
  'datetime',
  'date',
  'time',
  'interval',
  'enum',
]);
/** Personal data can be a date (of birth), an enum (gender) or coordinates; not a counter, flag or duration. */
const NOT_PERSONAL: ReadonlySet<ColumnCategory> = new Set<ColumnCategory>([
  'integer',
  'bigint',
  'boolean',
  'interval',
  'uuid',
]);
/** A date or timestamp is personal only as a date of birth (`readInEmailAt` is not). */
const TEMPORAL: ReadonlySet<ColumnCategory> = new Set<ColumnCategory>(['datetime', 'date', 'time']);
const BIRTH = new Set(['birth', 'birthday', 'birthdate', 'dob']);

/** Is the table about people (its last word names people)? */
export function isPersonTable(table: Table): boolean {
  const words = nameTokens(table.codeName ?? table.name);
  const last = words[words.length - 1];
  return last !== undefined && PERSON_WORDS.has(last);
}

/**
 * The first pattern whose words occur in the name with no word after them that describes the value
 * (`email` in `replyToEmail`, not in `emailVerified`); `/regex/` patterns match the whole name.
 */
export function valuePattern(name: string, patterns: readonly string[]): string | undefined {
  const words = nameTokens(name);
  for (const p of patterns) {
    if (p.length > 2 && p.startsWith('/') && p.endsWith('/')) {
      if (new RegExp(p.slice(1, -1), 'i').test(name)) return p;
      continue;
    }
    const want = nameTokens(p);
    if (want.length === 0) continue;
    for (let i = 0; i + want.length <= words.length; i++)
      if (
        want.every((w, j) => words[i + j] === w) &&
        !words.slice(i + want.length).some((w) => ABOUT_THE_VALUE.has(w)) &&
        !notTheValueBefore(words.slice(0, i))
      )
        return p;
  }
  return undefined;
}

/** Do the words before a match say it is not the value (`public`, or two words such as `no_reply`)? */
const notTheValueBefore = (before: readonly string[]) =>
  before.some(
    (w, k) => NOT_THE_VALUE_BEFORE.has(w) || NOT_THE_VALUE_BEFORE.has(`${w}_${before[k + 1] ?? ''}`),
  );

const hasTag = (tags: Array<{ name: string }>, name: string) => tags.some((t) => t.name === name);

/** One rule that flags columns by tag, or by name among value types: personal data and secrets. */
function sensitiveColumns(
  info: FindingRuleInfo,
  options: {
    tag: string;
    patterns: (ctx: RuleContext) => readonly string[];
    excluded: ReadonlySet<ColumnCategory>;
    /** Categories where only these patterns count. */
    narrow?: { categories: ReadonlySet<ColumnCategory>; keep: (pattern: string) => boolean };
    extra?: (table: Table, col: Column) => string | undefined;
    table: (table: Table) => Pick<Finding, 'message' | 'hint'>;
    column: (table: Table, col: Column, why: string[]) => Pick<Finding, 'message' | 'hint'>;
  },
) {
  return defineRule({
    ...info,
    check(ctx: RuleContext, at: At): Finding[] {
      const out: Finding[] = [];
      const patterns = options.patterns(ctx);
      for (const table of ctx.tables) {
        if (hasTag(table.tags, options.tag)) out.push({ ...at(table), ...options.table(table) });
        for (const col of table.columns) {
          const why: string[] = [];
          if (hasTag(col.tags, options.tag)) why.push(`tagged @${options.tag}`);
          else if (!options.excluded.has(col.type.category)) {
            const narrow = options.narrow?.categories.has(col.type.category)
              ? patterns.filter(options.narrow.keep)
              : patterns;
            const hit =
              valuePattern(col.name, narrow) ?? (col.codeName && valuePattern(col.codeName, narrow));
            if (hit) why.push(`name matches "${hit}"`);
            else {
              const extra = options.extra?.(table, col);
              if (extra) why.push(extra);
            }
          }
          if (why.length === 0) continue;
          out.push({ ...at(table), columns: [col.name], ...options.column(table, col, why) });
        }
      }
      return out;
    },
  });
}

export const piiColumn = sensitiveColumns(
  {
    id: 'pii-column',
    title: 'Personal data',
    category: 'security',
    severity: 'info',
    description:
      "Columns (or tables tagged @pii) that likely hold personal data, by @pii tag or by name and type (email, phone, address, ip, ssn, birth, people's names, signatures...; configurable with piiPatterns): they need access control, masking in non-production copies and a retention/erasure story.",
  },
  {
    tag: 'pii',
    patterns: (ctx) => ctx.piiPatterns,
    excluded: NOT_PERSONAL,
    narrow: { categories: TEMPORAL, keep: (p) => nameTokens(p).some((w) => BIRTH.has(w)) },
    extra: (table, col) =>
      col.type.category === 'string' && nameTokens(col.name).join('_') === 'name' && isPersonTable(table)
        ? `a name on ${table.name}, a table of people`
        : undefined,
    table: (table) => ({
      message: `${table.name} is tagged @pii: its rows describe people.`,
      hint: 'Restrict access to this table, mask it in non-production copies and document retention and erasure.',
    }),
    column: (table, col, why) => ({
      message: `${columnsLabel(table, [col.name])} likely holds personal data (${why.join(', ')}).`,
      hint: `Restrict who can read ${col.name}, mask it in non-production copies and include it in data export/erasure requests.`,
    }),
  },
);

export const secretColumn = sensitiveColumns(
  {
    id: 'secret-column',
    title: 'Secret or credential',
    category: 'security',
    severity: 'warning',
    description:
      'Text, binary or JSON columns (or tables tagged @sensitive) named like secrets or credentials (password, token, secret, API/private keys, salts, one-time and backup codes, or the @sensitive tag): store only salted hashes or encrypted values and keep them out of logs, exports and sample data.',
  },
  {
    tag: 'sensitive',
    patterns: () => secretPatterns,
    excluded: NOT_SECRET,
    table: (table) => ({
      message: `${table.name} is tagged @sensitive: it holds credentials or other secrets.`,
      hint: 'Grant read access to this table only to the services that need it, and keep it out of exports and analytics copies.',
    }),
    column: (table, col, why) => ({
      message: `${columnsLabel(table, [col.name])} looks like a secret or credential (${why.join(', ')}).`,
      hint: /hash|digest/i.test(col.name)
        ? `Keep ${col.name} a one-way hash (a slow, salted one such as argon2/bcrypt for passwords) and never log it.`
        : `Store only a hash (or an encrypted value) in ${col.name}, never the plain secret, and keep it out of logs and exports.`,
    }),
  },
);
