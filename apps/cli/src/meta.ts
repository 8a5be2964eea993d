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

/** Where to report a bug: the package's `bugs` URL when it has one, else the ormdoc repository's issues. */
export function reportWhere(): string {
  const bugs = packageJson().bugs;
  const url = typeof bugs === 'string' ? bugs : bugs?.url;
  return url ? `at ${url}` : 'as an issue in the ormdoc repository';
}
