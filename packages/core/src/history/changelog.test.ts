import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OrmdocConfig } from '../config/schema.js';
import { shopAfter, shopBefore } from '../diff/_fixtures.js';
import type { Ir } from '../ir/types.js';
import { readChangelog } from './changelog.js';

/**
 * readChangelog on real git histories of a committed schema.json (no ORM: the IRs are written as
 * ormdoc writes them): the versions that are not schema changes, deleted documents, an old file
 * this ormdoc cannot read, and the row cap.
 */

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ormdoc-history-'));
  dirs.push(dir);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 'a@example.com');
  git(dir, 'config', 'user.name', 'Ann');
  git(dir, 'config', 'commit.gpgsign', 'false');
  mkdirSync(join(dir, 'docs'));
  return dir;
}

/** Commit `schema` as docs/schema.json (a string as is, an IR as JSON; null deletes it). */
function commit(dir: string, schema: Ir | string | null, message: string): string {
  const file = join(dir, 'docs/schema.json');
  if (schema === null) git(dir, 'rm', '-q', 'docs/schema.json');
  else {
    mkdirSync(join(dir, 'docs'), { recursive: true });
    writeFileSync(file, typeof schema === 'string' ? schema : `${JSON.stringify(schema, null, 2)}\n`);
    git(dir, 'add', 'docs/schema.json');
  }
  git(dir, 'commit', '-q', '-m', message);
  return git(dir, 'rev-parse', '--short=7', 'HEAD').trim();
}

const rowsOf = async (dir: string, ir: Ir, history: object = {}) => {
  const log = await readChangelog({
    cwd: dir,
    outputDir: join(dir, 'docs'),
    ir,
    config: OrmdocConfig.parse({ history }),
    schemaDocument: 'schema.md',
  });
  return log?.kind === 'rows' ? log.rows.map((r) => [r.version, r.changes]) : log;
};

/** shopAfter plus one more table (a copy of `users`): a third version. */
function third(): Ir {
  const ir = shopAfter();
  const users = ir.tables.find((t) => t.name === 'users')!;
  ir.tables.push({ ...users, name: 'gift_cards', codeName: 'GiftCard' });
  return ir;
}

describe('readChangelog', () => {
  it('a commit that rewrites schema.json without a schema change is no row', async () => {
    const dir = repo();
    const c1 = commit(dir, shopBefore(), 'v1');
    const c2 = commit(dir, shopAfter(), 'v2');
    // The same IR written compact: the file changed, the schema did not.
    commit(dir, JSON.stringify(shopAfter()), 'reformat');
    const rows = await rowsOf(dir, third());
    expect(rows).toEqual([
      ['This version', 'Added table `gift_cards`'],
      [c2, expect.stringMatching(/^Dropped table `audit_log`; .*\(risks: .*3 destructive/)],
      [c1, 'Initial schema: 5 tables, 1 enum'],
    ]);
  });

  it('deleted documents are no version; the history goes on past them', async () => {
    const dir = repo();
    const c1 = commit(dir, shopBefore(), 'v1');
    commit(dir, null, 'documents removed');
    const c3 = commit(dir, shopAfter(), 'documents back, v2');
    const rows = (await rowsOf(dir, third())) as string[][];
    expect(rows.map((r) => r[0])).toEqual(['This version', c3, c1]);
  });

  it('an older schema.json this ormdoc cannot read ends the history with a row that says so', async () => {
    const dir = repo();
    commit(dir, '{ "irVersion": 0 }\n', 'very old');
    const c2 = commit(dir, shopBefore(), 'v1');
    commit(dir, shopAfter(), 'v2');
    const rows = await rowsOf(dir, shopAfter());
    expect(rows).toEqual([
      ['This version', expect.stringContaining('Dropped table `audit_log`')],
      [c2, 'Schema of 5 tables, 1 enum (older schema.json not readable by this ormdoc)'],
    ]);
  });

  it('history.rows caps the rows; the first version alone has no row', async () => {
    const dir = repo();
    commit(dir, shopBefore(), 'v1');
    expect(await rowsOf(dir, shopBefore())).toBeUndefined();
    commit(dir, shopAfter(), 'v2');
    expect(await rowsOf(dir, third(), { rows: 2 })).toHaveLength(2);
    expect(await rowsOf(dir, third(), { rows: 1 })).toEqual([['This version', 'Added table `gift_cards`']]);
    expect(await rowsOf(dir, third(), { changelog: 'off' })).toBeUndefined();
  });
});
