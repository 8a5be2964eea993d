import { nameTokens } from '../findings/_util.js';
import type { Column, Table } from '../ir/types.js';
import { allowedValues } from './_checks.js';
import { hexFrom } from './_hash.js';
import { singularize } from './_names.js';

/**
 * Text sample values that read like real data. Every list is chosen from the column's own table
 * and column context (an organization's slug comes from its own name, a user's bio is a bio), so
 * two tables never borrow each other's values.
 */

/** What a table holds, guessed from its (singular) name; picks the word lists for its text columns. */
export type TableKind =
  | 'person'
  | 'org'
  | 'tag'
  | 'content'
  | 'comment'
  | 'credential'
  | 'file'
  | 'event'
  | 'invite'
  | 'product'
  | 'project'
  | 'line'
  | 'other';

const KINDS: Array<[TableKind, RegExp]> = [
  ['invite', /^(invitation|invite|pending_member|signup_request|join_request)/],
  ['credential', /(^|_)(api_key|key|token|credential|secret|access_key|personal_access_token)$/],
  [
    'person',
    /^(user|person|people|member|customer|author|employee|contact|profile|player|student|patient|admin)/,
  ],
  ['org', /^(organi[sz]ation|org|company|companie|tenant|workspace|team|business|vendor|supplier|account)/],
  ['tag', /^(tag|label|categor|topic|keyword)/],
  ['content', /^(post|article|page|story|entr|blog|news|document|doc|chapter|lesson)/],
  ['comment', /^(comment|repl|review|message|note|feedback|answer)/],
  ['file', /(^|_)(attachment|file|upload|asset|media|image|photo)$/],
  ['event', /(^|_)(audit_log|log|event|history|activit|journal|change)/],
  ['product', /^(product|item|sku|article_item|good)/],
  ['project', /^(project|repo|repositor|board|campaign|pipeline)/],
  ['line', /(^|_)(line|line_item|order_item|invoice_line)$/],
];

export function tableKind(table: Pick<Table, 'name'>): TableKind {
  const word = nameTokens(singularize(table.name)).join('_');
  return KINDS.find(([, re]) => re.test(word))?.[0] ?? 'other';
}

export const PEOPLE = [
  'Ada Lovelace',
  'Grace Hopper',
  'Alan Turing',
  'Edsger Dijkstra',
  'Barbara Liskov',
  'Donald Knuth',
];
/** People who are invited but not (yet) users: invitations never duplicate an existing membership. */
const INVITEES = [
  'Katherine Johnson',
  'Margaret Hamilton',
  'Radia Perlman',
  'Ken Thompson',
  'Frances Allen',
  'John Backus',
];
const BIOS = [
  'Mathematician; wrote the first published algorithm for a machine.',
  'Rear admiral and compiler pioneer; popularised the term "debugging".',
  'Mathematician and codebreaker; defined what a machine can compute.',
  'Computer scientist; known for shortest paths and structured programming.',
  'Computer scientist; known for data abstraction and the substitution principle.',
  'Author of The Art of Computer Programming and of TeX.',
];
const COMPANIES = [
  'Acme Publishing',
  'Globex Media',
  'Initech Press',
  'Umbrella News',
  'Stark Journal',
  'Wayne Weekly',
];
const TAGS = ['postgres', 'typescript', 'design', 'security', 'performance', 'news'];
const TITLES = ['Getting Started', 'Release Notes', 'Hello World', 'Roadmap 2025', 'FAQ', 'Changelog'];
const ARTICLES = [
  'A short tour of the platform: create an organization, invite your team and publish a first post.',
  'What changed in this release: faster search, threaded comments and a new editor.',
  'Our first post. We write about databases, TypeScript and shipping small changes often.',
  'Where we are heading next year: better collaboration, offline drafts and public APIs.',
  'Answers to the questions readers ask most often about accounts and billing.',
  'Every change to the platform, newest first.',
];
const COMMENTS = [
  'Thanks for the detailed write-up!',
  'Agreed. Could you share the benchmark numbers?',
  'This fixed the problem I had with the importer.',
  'Is there a way to turn this off per organization?',
  'Great news, looking forward to trying it.',
  'The link in the second paragraph seems broken.',
];
const NOTES = [
  'Created during onboarding.',
  'Imported from the previous system.',
  'Updated after the quarterly review.',
  'Kept for reference.',
  'Needs a follow-up next week.',
  'Reviewed and approved.',
];
const NAMES: Partial<Record<TableKind, string[]>> = {
  org: COMPANIES,
  tag: TAGS,
  content: TITLES,
  invite: INVITEES,
  credential: [
    'CI deploy key',
    'Local development',
    'Analytics export',
    'Staging smoke tests',
    'Billing webhook',
    'Nightly backup job',
  ],
  file: [
    'Quarterly report',
    'Product screenshot',
    'Customer export',
    'Signed contract',
    'Team photo',
    'Release checklist',
  ],
  product: [
    'Espresso grinder',
    'Standing desk',
    'Wireless keyboard',
    'Noise-cancelling headphones',
    'Desk lamp',
    'Laptop stand',
  ],
  project: [
    'Website redesign',
    'Mobile app',
    'Data warehouse',
    'Customer portal',
    'Billing migration',
    'Design system',
  ],
  line: [
    'Monthly subscription',
    'Setup fee',
    'Consulting hours',
    'Support plan',
    'Training day',
    'Extra seats',
  ],
};
const QUALIFIERS = ['Main', 'Secondary', 'Shared', 'Personal', 'Archived', 'Legacy'];
const FILES: Array<[string, string]> = [
  ['quarterly-report', 'pdf'],
  ['product-screenshot', 'png'],
  ['customer-export', 'csv'],
];
const CONTENT_TYPES: Record<string, string> = { pdf: 'application/pdf', png: 'image/png', csv: 'text/csv' };

export const pick = <T>(list: T[], i: number): T => list[i % list.length] as T;
/** Keep values distinct across rows even after the list wraps around. */
export const distinct = (list: string[], i: number, sep = ' '): string =>
  i < list.length ? (list[i] as string) : `${pick(list, i)}${sep}${Math.floor(i / list.length) + 1}`;

export const slugify = (s: string) =>
  s
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const isNameLike = (words: readonly string[]) =>
  ['name', 'title', 'label', 'headline', 'subject'].some((w) => words.includes(w));

/** The person a row of this table stands for (invitations use people who are not users). */
export function personOf(table: Table, row: number): string {
  return tableKind(table) === 'invite' ? pick(INVITEES, row) : pick(PEOPLE, row);
}

function emailOf(table: Table, row: number): string {
  const people = tableKind(table) === 'invite' ? INVITEES : PEOPLE;
  const first = (pick(people, row).split(' ')[0] ?? 'ada').toLowerCase();
  return row < people.length ? `${first}@example.com` : `${first}${row + 1}@example.com`;
}

/** A name/title/label that reads like real data for this table. */
function nameValue(table: Table, words: readonly string[], row: number): string {
  const kind = tableKind(table);
  if (kind === 'person' || ['display', 'full', 'user', 'author'].some((w) => words.includes(w)))
    return distinct(PEOPLE, row);
  const list = NAMES[kind];
  if (list) return distinct(list, row, kind === 'tag' ? '-' : ' ');
  const label = nameTokens(singularize(table.name)).join(' ') || 'item';
  return distinct(
    QUALIFIERS.map((q) => `${q} ${label}`),
    row,
  );
}

/** Free text (bodies, bios, descriptions, notes) from the table's own context. */
function proseValue(table: Table, words: readonly string[], row: number): string {
  const kind = tableKind(table);
  if (words.includes('bio') || words.includes('about')) return pick(BIOS, row);
  switch (kind) {
    case 'content':
      return pick(ARTICLES, row);
    case 'comment':
      return pick(COMMENTS, row);
    case 'line':
      return pick(NAMES.line ?? NOTES, row);
    default:
      return pick(NOTES, row);
  }
}

/** The slug of a row: its own name or title, slugified; else the table's singular name and the row. */
function slugValue(table: Table, column: Column, row: number): string {
  const source = table.columns.find(
    (c) =>
      c !== column &&
      c.type.category === 'string' &&
      isNameLike(nameTokens(c.name)) &&
      !nameTokens(c.name).includes('slug'),
  );
  if (source) return slugify(stringValue(table, source, row));
  return `${slugify(singularize(table.name)) || 'item'}-${row + 1}`;
}

const SECRET_WORDS = ['password', 'hash', 'token', 'secret', 'checksum', 'digest', 'key', 'salt'];
const PROSE_WORDS = [
  'body',
  'content',
  'text',
  'description',
  'bio',
  'about',
  'summary',
  'comment',
  'note',
  'notes',
  'message',
];

/** A string value for a column from its name, its table and the row number (no length fitting). */
export function stringValue(table: Table, column: Column, row: number, maxLen?: number): string {
  const words = nameTokens(column.name);
  const joined = words.join('_');
  const has = (w: string) => words.includes(w);
  const allowed = allowedValues(table, column.name);
  if (allowed) return pick(allowed, row);
  const person = personOf(table, row);
  if (has('email') || has('emails')) return emailOf(table, row);
  if (has('slug')) return slugValue(table, column, row);
  if (/(^|_)(first_name|given_name)$/.test(joined)) return person.split(' ')[0] ?? person;
  if (/(^|_)(last_name|family_name|surname)$/.test(joined)) return person.split(' ')[1] ?? person;
  if (has('url') || has('link') || has('website') || has('href')) {
    const kind = words.find((w) => !['url', 'link', 'href'].includes(w)) ?? 'page';
    return `https://example.com/${kind}s/${row + 1}${kind === 'avatar' || kind === 'image' ? '.png' : ''}`;
  }
  if (has('phone') || has('mobile')) return `+1-202-555-01${String(row + 1).padStart(2, '0')}`;
  if (has('ip')) return row % 2 === 0 ? `192.0.2.${10 + row}` : `198.51.100.${10 + row}`;
  if (has('timezone') || has('tz')) return pick(['UTC', 'Europe/London', 'America/New_York'], row);
  if (has('locale') || has('language') || has('lang')) return pick(['en', 'fr', 'de'], row);
  if (has('country')) return pick(['US', 'GB', 'DE'], row);
  if (has('currency')) return pick(['EUR', 'USD', 'GBP'], row);
  if (has('color') || has('colour')) return pick(['#3366ff', '#ff6633', '#33cc99'], row);
  if (SECRET_WORDS.some(has)) return hexFrom(`${table.name}.${column.name}.${row}`, maxLen ?? 64);
  const [file, ext] = pick(FILES, row);
  if (has('file') && (has('name') || has('path')))
    return `${file}${row >= FILES.length ? `-${row + 1}` : ''}.${ext}`;
  if ((has('content') && has('type')) || has('mime')) return CONTENT_TYPES[ext] ?? 'application/octet-stream';
  if (has('action') || has('event'))
    return pick(['post.published', 'member.invited', 'comment.created'], row);
  if (joined.endsWith('_type') || has('kind') || has('type'))
    return pick([tableKind(table) === 'event' ? 'post' : 'standard', 'user', 'comment'], row);
  if (joined.endsWith('_id') || has('ref') || has('reference') || has('external')) return String(row + 1);
  if (has('city')) return pick(['London', 'Berlin', 'Lisbon'], row);
  if (has('address') || has('street')) return `${12 + row} Example Street`;
  if (has('zip') || has('postal') || has('postcode')) return pick(['10115', 'SW1A 1AA', '1000-001'], row);
  if (has('status') || has('state')) return pick(['active', 'pending', 'archived'], row);
  if (isNameLike(words)) return nameValue(table, words, row);
  if (PROSE_WORDS.some(has)) return proseValue(table, words, row);
  if (has('code') || has('sku'))
    return `${column.name.slice(0, 3).toUpperCase()}-${String(row + 1).padStart(3, '0')}`;
  return `${words.join(' ') || 'value'} ${row + 1}`;
}
