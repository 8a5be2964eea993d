import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Replace `dir` with exactly these files (paths relative to dir). Returns the file count. */
export function writeProject(dir, files) {
  rmSync(dir, { recursive: true, force: true });
  let count = 0;
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content.endsWith('\n') ? content : `${content}\n`);
    count++;
  }
  return count;
}
