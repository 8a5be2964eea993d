import { readFileSync } from 'node:fs';

interface PackageJson {
  version: string;
  bugs?: { url?: string } | string;
}

/** This package's package.json (one folder above both src/ and dist/). */
export function packageJson(): PackageJson {
  return JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as PackageJson;
}

export function version(): string {
  return packageJson().version;
}

export function issuesUrl(): string {
  const bugs = packageJson().bugs;
  const url = typeof bugs === 'string' ? bugs : bugs?.url;
  return url ?? 'https://github.com/ormdoc/ormdoc/issues';
}
