import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt, listFiles, project, removeProjects, runCliAsync } from './_cli.js';

/**
 * Issue 10: "none leaves a half-written document (interrupt a run mid-write and show the old files
 * intact)". A 120-model Prisma project is generated once (the old documents, plus a person's edit),
 * the schema changes, and `ormdoc generate` is killed with SIGKILL at several points of its write
 * phase. Every document left must be byte for byte the old one or the complete new one, and the
 * only other files allowed are clearly named temporary files.
 */

const MODELS = 120;

function schema(withNote: boolean): string {
  const parts = ['datasource db {\n  provider = "postgresql"\n}\n'];
  for (let i = 0; i < MODELS; i++) {
    const fk =
      i > 0 ? `\n  parentId Int?\n  parent M${i - 1}? @relation(fields: [parentId], references: [id])` : '';
    const back = i < MODELS - 1 ? `\n  children M${i + 1}[]` : '';
    const note = withNote ? '\n  note String? @db.VarChar(500)' : '';
    parts.push(
      `model M${i} {\n  id Int @id @default(autoincrement())\n  name String\n  email String @unique${note}${fk}${back}\n}\n`,
    );
  }
  return parts.join('\n');
}

const TEMP_FILE = /(^|\/)\.[0-9a-f]+\.ormdoc\.tmp$/;
const HAND_EDIT = '\n## Notes from the team\n\nWritten by a person; must survive every run.\n';

type Snapshot = Record<string, string>;
const snapshot = (dir: string): Snapshot =>
  Object.fromEntries(
    listFiles(join(dir, 'docs')).map((f) => [f, readFileSync(join(dir, 'docs', f), 'utf8')]),
  );

let base: string; // old documents (with a hand edit) + the changed schema
let oldDocs: Snapshot;
let newDocs: Snapshot;
const copies: string[] = [];

function copyOfBase(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ormdoc-robustness-kill-'));
  copies.push(dir);
  cpSync(base, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  ensureBuilt();
  base = project({ 'prisma/schema.prisma': schema(false) });
  const first = await runCliAsync(['generate'], base);
  expect(first.code, first.stderr).toBe(0);
  const overview = join(base, 'docs/database/overview.md');
  writeFileSync(overview, readFileSync(overview, 'utf8') + HAND_EDIT);
  oldDocs = snapshot(base);
  writeFileSync(join(base, 'prisma/schema.prisma'), schema(true));
  const reference = copyOfBase();
  const second = await runCliAsync(['generate'], reference);
  expect(second.code, second.stderr).toBe(0);
  newDocs = snapshot(reference);
}, 180_000);

afterAll(async () => {
  const { rmSync } = await import('node:fs');
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
  removeProjects();
});

/**
 * Run generate in `dir` and SIGKILL it: `afterRenderMs` after the render phase reports (the write
 * phase starts then), or `afterFirstWriteMs` after the first document (architecture.md, the first
 * in write order) changes on disk.
 */
type KillPoint = { afterRenderMs: number } | { afterFirstWriteMs: number };

function generateAndKill(dir: string, when: KillPoint): Promise<string> {
  return new Promise((resolveKill, reject) => {
    const watched = join(dir, 'docs/database/architecture.md');
    const mtime0 = statSync(watched).mtimeMs;
    const child = spawn(process.execPath, [BIN, 'generate', '--verbose'], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stderr = '';
    let poll: NodeJS.Timeout | undefined;
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      if (poll || !/render /.test(stderr)) return;
      if ('afterFirstWriteMs' in when) {
        poll = setInterval(() => {
          if (statSync(watched).mtimeMs === mtime0) return;
          clearInterval(poll);
          setTimeout(() => child.kill('SIGKILL'), when.afterFirstWriteMs);
        }, 1);
      } else {
        poll = setTimeout(() => child.kill('SIGKILL'), when.afterRenderMs);
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(poll);
      clearTimeout(poll);
      resolveKill(`${signal ?? `exit ${code}`}\n${stderr}`);
    });
  });
}

interface Outcome {
  old: string[];
  new: string[];
  temp: string[];
}

/** Classify what a killed run left; fail on any partial or unexpected file. */
function classify(dir: string): Outcome {
  const outcome: Outcome = { old: [], new: [], temp: [] };
  for (const [path, content] of Object.entries(snapshot(dir))) {
    if (TEMP_FILE.test(path)) {
      outcome.temp.push(path);
      continue;
    }
    const isNew = newDocs[path] === content;
    const isOld = oldDocs[path] === content;
    expect(isNew || isOld, `${path} is neither the old nor the complete new document`).toBe(true);
    if (isNew && !isOld) outcome.new.push(path);
    else outcome.old.push(path);
  }
  for (const path of Object.keys(oldDocs))
    expect(existsIn(dir, path), `${path} (an old document) disappeared`).toBe(true);
  return outcome;
}

const existsIn = (dir: string, path: string) => {
  try {
    return statSync(join(dir, 'docs', path)).isFile();
  } catch {
    return false;
  }
};

describe('interrupting generate mid-write (SIGKILL)', () => {
  it('the change touches many documents and keeps the hand edit (sanity of the setup)', () => {
    const changed = Object.keys(newDocs).filter((p) => oldDocs[p] !== newDocs[p]);
    expect(changed.length).toBeGreaterThan(100);
    expect(newDocs['database/overview.md']).toContain(HAND_EDIT);
    expect(oldDocs['database/overview.md']).toContain(HAND_EDIT);
  });

  it('every document is the old or the complete new one at every kill point; leftovers are named as temp files', async () => {
    const points: KillPoint[] = [
      { afterRenderMs: 0 },
      { afterFirstWriteMs: 0 },
      { afterFirstWriteMs: 10 },
      { afterFirstWriteMs: 40 },
    ];
    const outcomes: Array<Outcome & { point: string }> = [];
    for (const point of points) {
      const dir = copyOfBase();
      const log = await generateAndKill(dir, point);
      expect(log.split('\n')[0], log).toBe('SIGKILL');
      outcomes.push({ ...classify(dir), point: JSON.stringify(point) });
    }
    // At least one kill landed inside the write phase: some documents new, some still old.
    const midWrite = outcomes.filter((o) => o.new.length > 0 && o.old.some((p) => oldDocs[p] !== newDocs[p]));
    expect(
      midWrite.length,
      JSON.stringify(outcomes.map((o) => [o.point, o.new.length, o.old.length])),
    ).toBeGreaterThan(0);
    // Temporary files of a killed run may remain, but only hidden and named *.ormdoc.tmp.
    for (const o of outcomes) for (const t of o.temp) expect(t).toMatch(TEMP_FILE);
  }, 120_000);

  it('a later run after a kill completes the new documents exactly, hand edit included', async () => {
    const dir = copyOfBase();
    await generateAndKill(dir, { afterFirstWriteMs: 10 });
    const rerun = await runCliAsync(['generate'], dir);
    expect(rerun.code, rerun.stderr).toBe(0);
    const after = snapshot(dir);
    const docs = Object.fromEntries(Object.entries(after).filter(([p]) => !TEMP_FILE.test(p)));
    expect(docs).toEqual(newDocs);
  }, 60_000);
});
