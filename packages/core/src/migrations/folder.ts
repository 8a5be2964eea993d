import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { relativePosix } from '../paths.js';
import type { MigrationFile } from './types.js';

async function isDir(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

async function read(cwd: string, file: string): Promise<MigrationFile | undefined> {
  try {
    return { path: relativePosix(cwd, file) || '.', content: await readFile(file, 'utf8') };
  } catch {
    return undefined;
  }
}

/** drizzle-kit's journal (`meta/_journal.json`): the migrations' tags in the order they apply. */
async function journalTags(dir: string): Promise<string[] | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(dir, 'meta', '_journal.json'), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const journal = JSON.parse(text) as { entries?: Array<{ idx?: number; tag?: string }> };
    return [...(journal.entries ?? [])]
      .sort((a, b) => (a.idx ?? 0) - (b.idx ?? 0))
      .flatMap((e) => (typeof e.tag === 'string' ? [e.tag] : []));
  } catch {
    return undefined;
  }
}

/**
 * The SQL migration files of a folder, in the order they apply, with paths relative to `cwd`:
 * - drizzle-kit's layout: `meta/_journal.json` lists `<tag>.sql` in order;
 * - one folder per migration holding `migration.sql` (Prisma Migrate, drizzle-kit 1.0), by folder name;
 * - otherwise every `*.sql` of the folder, by file name.
 * A folder that does not exist gives no files.
 */
export async function readMigrationFolder(dir: string, cwd: string): Promise<MigrationFile[]> {
  if (!(await isDir(dir))) return [];
  const tags = await journalTags(dir);
  const names = tags ? tags.map((t) => `${t}.sql`) : (await readdir(dir)).sort();
  const out: MigrationFile[] = [];
  for (const name of names) {
    const full = path.join(dir, name);
    const file = name.endsWith('.sql')
      ? await read(cwd, full)
      : (await isDir(full))
        ? await read(cwd, path.join(full, 'migration.sql'))
        : undefined;
    if (file) out.push(file);
  }
  return out;
}
