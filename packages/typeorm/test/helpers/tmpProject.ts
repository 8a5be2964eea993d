import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

const testDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/**
 * Throwaway projects for one test file, under test/ so that `typeorm` resolves from them; removed
 * after the file's tests. Returns a function that writes one project and gives its directory.
 */
export function tmpProjects(): (files: Record<string, string>) => string {
  const root = mkdtempSync(path.join(testDir, '.ormdoc-tmp-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let n = 0;
  return (files) => {
    const dir = path.join(root, `p${n++}`);
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    return dir;
  };
}
