import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { OrmdocError } from '../errors.js';
import { resolveInside } from '../write/files.js';
import type { SiteFile } from './index.js';
import { SITE_MARKER } from './paths.js';

const FS_USER_ERRORS = new Set([
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOTDIR',
  'EEXIST',
  'EISDIR',
  'ENOSPC',
  'EDQUOT',
]);

function unwritable(dir: string, error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !FS_USER_ERRORS.has(code)) return error;
  const path = (error as { path?: unknown }).path;
  return new OrmdocError(
    'OUTPUT_UNWRITABLE',
    `Cannot write the site to ${dir}: ${code}${typeof path === 'string' ? ` (${path})` : ''}.`,
    {
      cause: error,
      hint: 'Check that the folder is writable, or choose another with --out.',
    },
  );
}

/** `dir` may be replaced: absent, an empty folder, or a site ormdoc wrote (it holds the marker). */
function assertReplaceable(dir: string): boolean {
  if (!existsSync(dir)) return false;
  if (!statSync(dir).isDirectory())
    throw new OrmdocError(
      'OUTPUT_UNWRITABLE',
      `Cannot write the site to ${dir}: it is a file, not a folder.`,
      {
        hint: 'Choose another folder with --out.',
      },
    );
  const entries = readdirSync(dir);
  if (entries.length > 0 && !entries.includes(SITE_MARKER))
    throw new OrmdocError(
      'OUTPUT_UNWRITABLE',
      `Refusing to replace ${dir}: it is not empty and holds no ${SITE_MARKER} (ormdoc site replaces the whole folder).`,
      { hint: 'Choose an empty or new folder with --out, or remove this one first.' },
    );
  return true;
}

function writeFile(path: string, content: SiteFile['content']): void {
  const fd = openSync(path, 'wx');
  try {
    if (typeof content === 'string') writeSync(fd, content);
    else for (const chunk of content()) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

/**
 * Write the whole site at once: every file into a new folder beside `dir`, then that folder renamed
 * into place (the old site, if any, renamed away first and removed last). A failure leaves `dir`
 * as it was. Only an empty folder or an earlier site (with its marker file) is ever replaced.
 */
export function writeSite(dir: string, files: readonly SiteFile[]): void {
  const parent = dirname(dir);
  const replace = assertReplaceable(dir);
  const tag = randomBytes(6).toString('hex');
  const temp = join(parent, `.ormdoc-tmp-site-${tag}`);
  const old = join(parent, `.ormdoc-tmp-old-${basename(dir)}-${tag}`);
  try {
    mkdirSync(temp, { recursive: true });
    const made = new Set<string>([temp]);
    for (const file of files) {
      const path = resolveInside(temp, file.path);
      const folder = dirname(path);
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      writeFile(path, file.content);
    }
    if (replace) renameSync(dir, old);
    try {
      renameSync(temp, dir);
    } catch (error) {
      if (replace) renameSync(old, dir);
      throw error;
    }
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw unwritable(dir, error);
  }
  rmSync(old, { recursive: true, force: true });
}
