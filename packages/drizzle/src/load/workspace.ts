import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';

/**
 * The tsconfig an `extends` such as `@acme/tsconfig/base.json` names when `@acme/tsconfig` is a
 * package of the same workspace that is not linked into node_modules (dependencies not installed):
 * the nearest enclosing workspace root (`pnpm-workspace.yaml`, or a package.json with
 * `workspaces`), its package of that name, and the file within it (`base.json`, else
 * `base.json.json`; a bare package name means its `tsconfig.json`). Undefined when none is found.
 */
export function findWorkspaceTsconfig(entry: string, from: string): string | undefined {
  const name = packageName(entry);
  if (!name) return undefined;
  const subpath = entry.slice(name.length).replace(/^\//, '');
  for (let dir = from; ; dir = path.dirname(dir)) {
    const patterns = workspacePatterns(dir);
    if (patterns) {
      const folder = packageFolder(dir, patterns, name);
      return folder ? tsconfigIn(folder, subpath) : undefined;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

function packageName(entry: string): string | undefined {
  if (entry.startsWith('.') || path.isAbsolute(entry)) return undefined;
  const parts = entry.split('/');
  return entry.startsWith('@') ? (parts.length >= 2 ? parts.slice(0, 2).join('/') : undefined) : parts[0];
}

/** The workspace globs declared in `dir`, if it is a workspace root. */
function workspacePatterns(dir: string): string[] | undefined {
  const pnpm = path.join(dir, 'pnpm-workspace.yaml');
  if (existsSync(pnpm)) return yamlPackages(readFileSync(pnpm, 'utf8'));
  const pkg = path.join(dir, 'package.json');
  if (!existsSync(pkg)) return undefined;
  try {
    const ws = (JSON.parse(readFileSync(pkg, 'utf8')) as { workspaces?: unknown }).workspaces;
    const list = Array.isArray(ws) ? ws : (ws as { packages?: unknown } | undefined)?.packages;
    return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : undefined;
  } catch {
    return undefined;
  }
}

/** The `packages:` list of a pnpm-workspace.yaml (a plain block list, as pnpm writes it). */
function yamlPackages(text: string): string[] {
  const out: string[] = [];
  let inPackages = false;
  for (const line of text.split('\n')) {
    if (/^packages\s*:/.test(line)) inPackages = true;
    else if (/^\S/.test(line)) inPackages = false;
    else if (inPackages) {
      const item = /^\s*-\s*['"]?([^'"#]+?)['"]?\s*(#.*)?$/.exec(line);
      if (item?.[1]) out.push(item[1]);
    }
  }
  return out;
}

function packageFolder(root: string, patterns: string[], name: string): string | undefined {
  const manifests = globSync(
    patterns.filter((p) => !p.startsWith('!')).map((p) => `${p.replace(/\/$/, '')}/package.json`),
    { cwd: root, absolute: true, ignore: ['**/node_modules/**'] },
  );
  for (const manifest of manifests) {
    try {
      if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === name)
        return path.dirname(manifest);
    } catch {}
  }
  return undefined;
}

function tsconfigIn(folder: string, subpath: string): string | undefined {
  const candidates = subpath
    ? [subpath, `${subpath}.json`, path.join(subpath, 'tsconfig.json')]
    : ['tsconfig.json'];
  for (const c of candidates) {
    const file = path.join(folder, c);
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return undefined;
}
