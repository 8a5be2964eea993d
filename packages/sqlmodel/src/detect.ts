import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { relativePosix } from '@ormdoc/core';

const SKIP = new Set([
  'node_modules',
  '.venv',
  'venv',
  'env',
  '__pycache__',
  'site-packages',
  'dist',
  'build',
]);
const IMPORT_RE = /^\s*(from\s+(sqlmodel|sqlalchemy)(\.\w+)*\s+import|import\s+(sqlmodel|sqlalchemy)\b)/m;
const MODELS_RE =
  /table\s*=\s*True|declarative_base\s*\(|DeclarativeBase\b|registry\s*\(|MetaData\s*\(|\bTable\s*\(/;

async function pythonFiles(root: string, dir: string, depth: number, out: string[]): Promise<void> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.name.startsWith('.') || SKIP.has(e.name)) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory() && depth > 0) await pythonFiles(root, full, depth - 1, out);
    else if (e.isFile() && e.name.endsWith('.py')) out.push(relativePosix(root, full));
  }
}

/**
 * Python files in the project (up to three folders deep, virtualenvs skipped) that import SQLModel
 * or SQLAlchemy and declare models; empty when neither is used. Paths relative to cwd, sorted.
 */
export async function detectSqlmodel(cwd: string): Promise<string[]> {
  const files: string[] = [];
  await pythonFiles(cwd, cwd, 3, files);
  const out: string[] = [];
  for (const f of files) {
    const text = await readFile(path.join(cwd, f), 'utf8').catch(() => '');
    if (IMPORT_RE.test(text) && MODELS_RE.test(text)) out.push(f);
  }
  return out;
}
