// Run one command as its own process under GNU time and report wall seconds, peak RSS and CPU time.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const TIME = '/usr/bin/time';

/** pid -> child pids, from /proc (Linux). */
function processTree() {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(Number(name));
  }
  return children;
}

/** The descendants of `pid` (not `pid` itself), deepest first. */
function descendants(pid) {
  const tree = processTree();
  const levels = [];
  let level = tree.get(pid) ?? [];
  while (level.length > 0) {
    levels.push(level);
    level = level.flatMap((p) => tree.get(p) ?? []);
  }
  return levels.reverse();
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Stop everything GNU time runs, but not time itself, so it still reports what the command used:
 * the deepest processes first, giving each parent a moment to reap its children (a parent's peak
 * RSS as time sees it includes the children it has waited for). `timeout -s KILL` cannot do this:
 * it signals its whole process group, itself included, and time then reports only ~2 MB.
 */
async function killTree(pid, isDone) {
  for (let round = 0; round < 20 && !isDone(); round++) {
    for (const level of descendants(pid)) {
      for (const p of level) {
        try {
          process.kill(p, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      await sleep(200);
    }
    await sleep(500);
  }
}

/**
 * @returns {Promise<{ ok: boolean, code: number|null, wall: number, rssMb: number, cpu: number,
 *   stdout: string, stderr: string, timedOut: boolean }>}
 */
export function measure(cmd, args, { cwd, env, timeoutSec = 600 } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'ormdoc-bench-'));
  const timeFile = path.join(dir, 'time');
  return new Promise((resolve, reject) => {
    const child = spawn(TIME, ['-f', '%e %M %U %S', '-o', timeFile, cmd, ...args], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let closed = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(child.pid, () => closed);
    }, timeoutSec * 1000);
    child.stdout.on('data', (d) => {
      if (stdout.length < 1_000_000) stdout += d;
    });
    child.stderr.on('data', (d) => {
      if (stderr.length < 1_000_000) stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      closed = true;
      clearTimeout(timer);
      const lines = readFileSync(timeFile, 'utf8').trim().split('\n');
      rmSync(dir, { recursive: true, force: true });
      const [wall, rssKb, user, sys] = lines.at(-1).split(' ').map(Number);
      resolve({
        ok: code === 0 && !timedOut,
        code,
        wall,
        rssMb: rssKb / 1024,
        cpu: user + sys,
        stdout,
        stderr,
        timedOut,
      });
    });
  });
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Run `runs` times; the summary is the median of each metric over successful runs. Repeats stop
 * early after a failure, or when `enough(result)` says one run already decides the verdict.
 */
export async function measureRuns(runs, cmd, args, options) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    options?.beforeEach?.();
    const r = await measure(cmd, args, options);
    results.push(r);
    if (!r.ok) break; // a failure will not get better by repeating it
    if (options?.enough?.(r)) break;
  }
  const good = results.filter((r) => r.ok);
  const last = results.at(-1);
  if (good.length === 0)
    return {
      ok: false,
      runs: results.length,
      wall: last.wall,
      rssMb: last.rssMb,
      cpu: last.cpu,
      error: failure(last),
      last,
    };
  return {
    ok: true,
    runs: good.length,
    wall: median(good.map((r) => r.wall)),
    rssMb: median(good.map((r) => r.rssMb)),
    cpu: median(good.map((r) => r.cpu)),
    walls: good.map((r) => r.wall),
    last,
  };
}

/** A one-line reason for a failed run: the most telling line of its output. */
export function failure(r) {
  if (r.timedOut) return `killed after the time limit (${r.wall.toFixed(0)} s)`;
  const text = `${r.stderr}\n${r.stdout}`;
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const telling =
    lines.find((l) => /panicked|capacity overflow|out of memory|heap limit/i.test(l)) ??
    lines.find((l) => /^(error|Error|\w*Error)\b|failed|cannot|ENOENT|not found/i.test(l)) ??
    lines.at(-1) ??
    '(no output)';
  return `exit ${r.code}: ${telling.slice(0, 300)}`;
}
