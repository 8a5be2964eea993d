import type { Column, Table } from '../../ir/types.js';
import { columnsLabel, firstMatchingPattern } from '../_util.js';
import type { Finding, FindingRule, RuleContext } from '../types.js';

/** Column-name patterns that suggest personal data (identifier words, or `/regex/`). */
export const defaultPiiPatterns: string[] = [
  'email',
  'e_mail',
  'ip',
  'ip_address',
  'phone',
  'mobile',
  'address',
  'street',
  'city',
  'zip',
  'zipcode',
  'postal_code',
  'postcode',
  'ssn',
  'social_security',
  'national_id',
  'passport',
  'tax_id',
  'birth',
  'birthday',
  'birthdate',
  'dob',
  'first_name',
  'last_name',
  'full_name',
  'display_name',
  'given_name',
  'family_name',
  'surname',
  'gender',
  'iban',
  'card_number',
  'latitude',
  'longitude',
];

/** Column-name patterns that suggest secrets or credentials. */
export const secretPatterns: string[] = [
  'password',
  'passwd',
  'pwd',
  'token',
  'secret',
  'hash',
  'key',
  'apikey',
  'salt',
  'otp',
  'credential',
  'credentials',
  'private_key',
];

const hasTag = (tags: Array<{ name: string }>, name: string) => tags.some((t) => t.name === name);
const ref = (t: Table) => ({ schema: t.schema, name: t.name });

function reasons(col: Column, patterns: string[], tag: string): string[] {
  const out: string[] = [];
  if (hasTag(col.tags, tag)) out.push(`tagged @${tag}`);
  const hit = firstMatchingPattern([col.name, col.codeName], patterns);
  if (hit) out.push(`name matches "${hit}"`);
  return out;
}

export const piiColumn: FindingRule = {
  id: 'pii-column',
  title: 'Personal data',
  category: 'security',
  severity: 'info',
  description:
    'Columns (or tables tagged @pii) that likely hold personal data, by @pii tag or by name (email, phone, address, ip, ssn, birth, names...; configurable with piiPatterns): they need access control, masking in non-production copies and a retention/erasure story.',
  check(ctx: RuleContext): Finding[] {
    const out: Finding[] = [];
    for (const table of ctx.tables) {
      if (hasTag(table.tags, 'pii'))
        out.push({
          ruleId: this.id,
          severity: this.severity,
          category: this.category,
          table: ref(table),
          message: `${table.name} is tagged @pii: its rows describe people.`,
          hint: 'Restrict access to this table, mask it in non-production copies and document retention and erasure.',
        });
      for (const col of table.columns) {
        const why = reasons(col, ctx.piiPatterns, 'pii');
        if (why.length === 0) continue;
        out.push({
          ruleId: this.id,
          severity: this.severity,
          category: this.category,
          table: ref(table),
          columns: [col.name],
          message: `${columnsLabel(table, [col.name])} likely holds personal data (${why.join(', ')}).`,
          hint: `Restrict who can read ${col.name}, mask it in non-production copies and include it in data export/erasure requests.`,
        });
      }
    }
    return out;
  },
};

export const secretColumn: FindingRule = {
  id: 'secret-column',
  title: 'Secret or credential',
  category: 'security',
  severity: 'warning',
  description:
    'Columns (or tables tagged @sensitive) that look like secrets or credentials (password, token, secret, hash, key names, or the @sensitive tag): store only salted hashes or encrypted values and keep them out of logs, exports and sample data.',
  check(ctx: RuleContext): Finding[] {
    const out: Finding[] = [];
    for (const table of ctx.tables) {
      if (hasTag(table.tags, 'sensitive'))
        out.push({
          ruleId: this.id,
          severity: this.severity,
          category: this.category,
          table: ref(table),
          message: `${table.name} is tagged @sensitive: it holds credentials or other secrets.`,
          hint: 'Grant read access to this table only to the services that need it, and keep it out of exports and analytics copies.',
        });
      for (const col of table.columns) {
        const why = reasons(col, secretPatterns, 'sensitive');
        if (why.length === 0) continue;
        const hashed = /hash|digest/i.test(col.name);
        out.push({
          ruleId: this.id,
          severity: this.severity,
          category: this.category,
          table: ref(table),
          columns: [col.name],
          message: `${columnsLabel(table, [col.name])} looks like a secret or credential (${why.join(', ')}).`,
          hint: hashed
            ? `Keep ${col.name} a one-way hash (a slow, salted one such as argon2/bcrypt for passwords) and never log it.`
            : `Store only a hash (or an encrypted value) in ${col.name}, never the plain secret, and keep it out of logs and exports.`,
        });
      }
    }
    return out;
  },
};
