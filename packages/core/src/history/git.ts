import { execFile, spawn } from 'node:child_process';

/**
 * `git` itself, run without a shell: one process per question, and `git cat-file --batch` to read
 * any number of objects (blobs at `<rev>:<path>`, or by id) in one process.
 */

/** The stdout of `git <args>` in `cwd`, or undefined when git fails (not a repository, unknown revision, no git). */
export function tryGit(cwd: string, args: readonly string[]): Promise<string | undefined> {
  return new Promise((done) => {
    execFile(
      'git',
      [...args],
      { cwd, maxBuffer: 1 << 30, encoding: 'utf8', windowsHide: true },
      (error, stdout) => done(error ? undefined : stdout),
    );
  });
}

export interface GitObject {
  oid: string;
  data: Buffer;
}

/**
 * The objects `names` denote (`<rev>:<path>` or object ids), read by one `git cat-file --batch`:
 * each with its id, undefined for a name git does not know (a path missing at that revision).
 */
export function readObjects(root: string, names: readonly string[]): Promise<Array<GitObject | undefined>> {
  if (names.length === 0) return Promise.resolve([]);
  return new Promise((done, fail) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd: root, windowsHide: true });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0) return fail(new Error(`git cat-file --batch exited ${code}: ${stderr.trim()}`));
      try {
        done(parseBatch(Buffer.concat(chunks), names.length));
      } catch (error) {
        fail(error);
      }
    });
    // A name with a newline cannot be asked for; it is missing.
    child.stdin.end(`${names.map((n) => n.replace(/[\r\n]/g, ' ')).join('\n')}\n`);
  });
}

/** `<oid> <type> <size>\n<bytes>\n` per found object, `<name> missing\n` (or `ambiguous`) otherwise. */
function parseBatch(out: Buffer, count: number): Array<GitObject | undefined> {
  const result: Array<GitObject | undefined> = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const eol = out.indexOf(10, at);
    if (eol < 0) throw new Error('git cat-file --batch: output ended early');
    const header = out.toString('utf8', at, eol);
    at = eol + 1;
    const found = /^([0-9a-f]{40,64}) \S+ (\d+)$/.exec(header);
    if (!found) {
      result.push(undefined);
      continue;
    }
    const size = Number(found[2]);
    result.push({ oid: found[1]!, data: out.subarray(at, at + size) });
    at += size + 1;
  }
  return result;
}

/** Whether each of `names` exists, by one `git cat-file --batch-check` (no contents read). */
export function checkObjects(root: string, names: readonly string[]): Promise<boolean[]> {
  if (names.length === 0) return Promise.resolve([]);
  return new Promise((done, fail) => {
    const child = spawn('git', ['cat-file', '--batch-check'], { cwd: root, windowsHide: true });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0) return fail(new Error(`git cat-file --batch-check exited ${code}`));
      done(
        out
          .split('\n')
          .slice(0, names.length)
          .map((line) => /^[0-9a-f]{40,64} /.test(line)),
      );
    });
    child.stdin.end(`${names.map((n) => n.replace(/[\r\n]/g, ' ')).join('\n')}\n`);
  });
}
