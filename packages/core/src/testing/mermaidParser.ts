import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What Mermaid's erDiagram parser collects (its `db`). */
export interface ErDb {
  getEntities(): Map<
    string,
    { alias: string; attributes: Array<{ type: string; name: string; keys: string[]; comment: string }> }
  >;
  getRelationships(): Array<{
    entityA: string;
    entityB: string;
    roleA: string;
    relSpec: Record<string, string>;
  }>;
}

/**
 * Mermaid's own erDiagram parser (jison), loaded from the installed mermaid's ESM chunk: no DOM
 * needed. Load once per test file (in `beforeAll`); the returned function parses one diagram and
 * throws on invalid input.
 */
export async function loadMermaidErParser(): Promise<(code: string) => ErDb> {
  const require = createRequire(import.meta.url);
  const dist = dirname(require.resolve('mermaid/package.json'));
  const chunks = join(dist, 'dist', 'chunks', 'mermaid.core');
  const file = readdirSync(chunks).find((f) => /^erDiagram-[\w-]+\.mjs$/.test(f));
  if (!file) throw new Error(`no erDiagram chunk in ${chunks}`);
  const { diagram } = await import(pathToFileURL(join(chunks, file)).href);
  return (code: string) => {
    const db = diagram.db as ErDb & { clear?: () => void };
    db.clear?.();
    diagram.parser.parser.yy = db;
    diagram.parser.parse(code);
    return db;
  };
}
