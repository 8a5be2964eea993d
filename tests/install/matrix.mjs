#!/usr/bin/env node
// The install matrix: `pnpm pack` ormdoc's packages, then install the tarballs into fresh projects
// with npm (and pnpm), one per ORM version in cases.mjs, as a user would: the ORM first, then
// `ormdoc` and its extractor. Each case asserts: the install succeeds without ERESOLVE (no --force,
// no --legacy-peer-deps), no other ORM lands in node_modules, and the documents are written.
//
//   node tests/install/matrix.mjs [--only id,id] [--keep] [--no-build]
//
// Downloads are cached in ORMDOC_MATRIX_CACHE (default: $TMPDIR/ormdoc-install-cache), shared by
// every case of a run and by later runs. Exit 1 when a case fails; a report line per case.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CASES, FOREIGN, NOT_FROM_ORMDOC } from './cases.mjs';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const PACKAGES = [
  'packages/core',
  'packages/prisma',
  'packages/drizzle',
  'packages/typeorm',
  'packages/sqlmodel',
  'packages/database',
  'apps/cli',
];
/** ormdoc's packages that others depend on (@ormdoc/database: ormdoc's optional peer): not on the registry, so resolved to our tarballs. */
const INTERNAL = ['@ormdoc/core', '@ormdoc/database'];
const argv = process.argv.slice(2);
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1].split(',') : undefined;
const keep = argv.includes('--keep');
// biome-ignore lint/suspicious/noUndeclaredEnvVars: a script run by .ci/run, not a turbo task
const CACHE = resolve(process.env.ORMDOC_MATRIX_CACHE ?? join(tmpdir(), 'ormdoc-install-cache'));
mkdirSync(CACHE, { recursive: true });

const ENV = {
  ...process.env,
  npm_config_cache: join(CACHE, 'npm'),
  npm_config_update_notifier: 'false',
  npm_config_fund: 'false',
  npm_config_audit: 'false',
  CHECKPOINT_DISABLE: '1',
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  // Any existing file: `prisma generate` runs neither engine for a generator that is not prisma-client-js,
  // and Prisma 5/6 would otherwise download them (no network for that here).
  PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
  PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
  DATABASE_URL: 'postgresql://user:password@localhost:5432/app',
  NO_COLOR: '1',
};
for (const key of Object.keys(ENV))
  if (key.startsWith('npm_') && !key.startsWith('npm_config_')) delete ENV[key];
delete ENV.npm_config_user_agent;

/** Run a command; `bin` puts the project's node_modules/.bin first on PATH, as npx and npm scripts do. */
let timings = [];
function run(cmd, args, cwd, bin = false) {
  const t0 = performance.now();
  const env = bin ? { ...ENV, PATH: `${join(cwd, 'node_modules/.bin')}${delimiter}${ENV.PATH}` } : ENV;
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 600_000, maxBuffer: 64 << 20 });
  timings.push(`${cmd.split('/').pop()} ${args[0] ?? ''} ${seconds(t0)}s`);
  return {
    code: r.status ?? -1,
    out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`,
    stderr: r.stderr ?? '',
  };
}

const seconds = (since) => ((performance.now() - since) / 1000).toFixed(1);
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

// npm's own semver (no dependency of ours): says whether a tested version is inside a peer range.
let semver;
try {
  const npmRoot = run('npm', ['root', '-g'], ROOT).out.trim().split('\n')[0];
  semver = createRequire(join(npmRoot, 'npm/package.json'))('semver');
} catch {
  semver = undefined;
}

/** Build (unless --no-build) and pack each package; returns { name: absolute tarball path }. */
function pack() {
  const started = performance.now();
  if (!argv.includes('--no-build')) {
    const built = run('pnpm', ['turbo', 'run', 'build', '--filter=ormdoc...'], ROOT);
    if (built.code !== 0) throw new Error(`build failed:\n${built.out}`);
  }
  const dest = mkdtempSync(join(tmpdir(), 'ormdoc-tarballs-'));
  const tarballs = {};
  for (const pkg of PACKAGES) {
    const r = run('pnpm', ['pack', '--pack-destination', dest], join(ROOT, pkg));
    const { name, version } = readJson(join(ROOT, pkg, 'package.json'));
    const file = join(dest, `${name.replace('@', '').replace('/', '-')}-${version}.tgz`);
    if (r.code !== 0 || !existsSync(file)) throw new Error(`pnpm pack failed in ${pkg}:\n${r.out}`);
    tarballs[name] = file;
  }
  console.log(`packed ${Object.keys(tarballs).length} packages in ${seconds(started)} s`);
  return tarballs;
}

/** Every package name installed under dir (npm's nested node_modules and pnpm's .pnpm store). */
function installed(dir, found = new Set()) {
  const nm = join(dir, 'node_modules');
  if (!existsSync(nm)) return found;
  const visit = (path, name) => {
    found.add(name);
    if (!lstatSync(path).isSymbolicLink()) installed(path, found);
  };
  for (const entry of readdirSync(nm)) {
    if (entry === '.bin' || entry === '.cache') continue;
    if (entry === '.pnpm') {
      for (const stored of readdirSync(join(nm, entry))) {
        if (existsSync(join(nm, entry, stored, 'node_modules'))) installed(join(nm, entry, stored), found);
      }
    } else if (entry.startsWith('@')) {
      for (const sub of readdirSync(join(nm, entry))) visit(join(nm, entry, sub), `${entry}/${sub}`);
    } else if (!entry.startsWith('.')) visit(join(nm, entry), entry);
  }
  return found;
}

/** The folder of `name` as Node would find it from `from` (node_modules up the tree), real path. */
function findPackage(from, name) {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Every package installed because of ormdoc: the dependencies (not the peers: those are the
 * user's) of ormdoc and its packages, transitively, found as Node finds them (npm and pnpm alike).
 */
function ormdocClosure(dir) {
  const seen = new Map();
  const queue = [
    'ormdoc',
    '@ormdoc/core',
    '@ormdoc/prisma',
    '@ormdoc/drizzle',
    '@ormdoc/typeorm',
    '@ormdoc/sqlmodel',
  ]
    .map((name) => findPackage(dir, name))
    .filter(Boolean);
  while (queue.length) {
    const pkgDir = queue.pop();
    if (seen.has(pkgDir)) continue;
    const manifest = readJson(join(pkgDir, 'package.json'));
    seen.set(pkgDir, manifest.name);
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      const found = findPackage(pkgDir, dep);
      if (found) queue.push(found);
    }
  }
  return new Set(seen.values());
}

/** Whether each tested ORM version is inside the extractor's peer range (read now, not hard-coded). */
function peerNotes(c) {
  if (!c.extractor) return [];
  const dir = PACKAGES.find((p) => readJson(join(ROOT, p, 'package.json')).name === c.extractor);
  const peers = readJson(join(ROOT, dir, 'package.json')).peerDependencies ?? {};
  return Object.entries(c.orm_packages)
    .filter(([name]) => peers[name])
    .map(([name, version]) => {
      const inside = semver?.satisfies(version, peers[name], { includePrerelease: true });
      return `${name}@${version} ${inside === undefined ? '?' : inside ? 'inside' : 'OUTSIDE'} peer range "${peers[name]}"`;
    });
}

function install(c, dir, specs) {
  if (c.pm === 'pnpm') {
    const store = join(CACHE, 'pnpm-store');
    return run('pnpm', ['add', '-D', '--ignore-scripts', '--store-dir', store, ...specs], dir);
  }
  return run('npm', ['install', '--save-dev', '--ignore-scripts', '--prefer-offline', ...specs], dir);
}

function runCase(c, tarballs) {
  const started = performance.now();
  timings = [];
  const failures = [];
  const dir = mkdtempSync(join(tmpdir(), `ormdoc-matrix-${c.id}-`));
  const overrides = Object.fromEntries(INTERNAL.map((name) => [name, `file:${tarballs[name]}`]));
  const manifest = { name: `matrix-${c.id}`, version: '1.0.0', private: true };
  if (c.pm === 'pnpm') manifest.pnpm = { overrides };
  else manifest.overrides = overrides; // not on the registry: resolve them to our tarballs
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const [path, content] of Object.entries(c.files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  // As a user would: the project has its ORM, then adds ormdoc and the extractor of that ORM.
  const ormSpecs = Object.entries(c.orm_packages).map(([name, version]) => `${name}@${version}`);
  const steps = [ormSpecs, [tarballs.ormdoc, ...(c.extractor ? [tarballs[c.extractor]] : [])]];
  for (const specs of steps) {
    const r = install(c, dir, specs);
    if (/ERESOLVE/.test(r.out))
      failures.push(
        `ERESOLVE installing ${specs.map((s) => s.split('/').pop()).join(' ')}:\n${excerpt(r.out)}`,
      );
    else if (r.code !== 0) failures.push(`install failed (exit ${r.code}):\n${excerpt(r.out)}`);
    // pnpm installs anyway, then lists the packages whose peers are unmet: none may be ormdoc's.
    const peerIssues = r.out.split(/Issues with peer dependencies found/)[1] ?? '';
    if (c.pm === 'pnpm' && /[┬─] (@ormdoc\/\S+|ormdoc) \d/.test(peerIssues))
      failures.push(`unmet peer:\n${excerpt(peerIssues)}`);
  }
  if (failures.length === 0) {
    const names = installed(dir);
    const foreign = FOREIGN[c.orm].filter((p) => names.has(p));
    if (foreign.length) failures.push(`other ORMs' packages installed: ${foreign.join(', ')}`);
    const closure = ormdocClosure(dir);
    const pulled = NOT_FROM_ORMDOC[c.orm].filter((p) => closure.has(p));
    if (pulled.length) failures.push(`installed because of ormdoc: ${pulled.join(', ')}`);
    for (const step of c.runs) failures.push(...check(step, dir, tarballs));
  }
  if (!keep && failures.length === 0) rmSync(dir, { recursive: true, force: true });
  return {
    id: c.id,
    ok: failures.length === 0,
    failures,
    seconds: seconds(started),
    dir,
    notes: peerNotes(c),
    steps: timings.join(', '),
  };
}

/** One command of a case and what it must produce. */
function check(step, dir, tarballs) {
  const label = step.npx ? `npx ${step.cmd.join(' ')}` : step.cmd.join(' ');
  const r = step.npx
    ? run(
        'npx',
        [
          '--yes',
          // @ormdoc/core is not on the registry; the optional peers (extractors, @ormdoc/database) come as the step says.
          ...['@ormdoc/core', 'ormdoc', ...step.npx].flatMap((p) => ['-p', tarballs[p]]),
          ...step.cmd,
        ],
        dir,
      )
    : run(join(dir, 'node_modules/.bin', step.cmd[0]), step.cmd.slice(1), dir, true);
  const exit = step.exit ?? 0;
  if (r.code !== exit) return [`${label}: exit ${r.code}, expected ${exit}:\n${excerpt(r.out)}`];
  if (step.stderr && !step.stderr.test(r.stderr))
    return [`${label}: stderr does not match ${step.stderr}:\n${excerpt(r.out)}`];
  if (step.files) {
    const missing = step.files.filter((f) => !existsSync(join(dir, f)));
    if (missing.length) return [`${label}: did not write ${missing.join(', ')}`];
  }
  if (step.docs) {
    const schema = join(dir, step.docs, 'schema.md');
    if (!existsSync(schema)) return [`${label}: no ${step.docs}/schema.md:\n${excerpt(r.out)}`];
    const text = readFileSync(schema, 'utf8');
    if (!/\busers\b/.test(text) || !/\bposts\b/.test(text))
      return [`${label}: ${step.docs}/schema.md names neither users nor posts`];
  }
  return [];
}

const excerpt = (text) =>
  text
    .trim()
    .split('\n')
    .filter((l) => l.trim())
    .slice(0, 25)
    .map((l) => `      ${l}`)
    .join('\n');

const started = performance.now();
const tarballs = pack();
const selected = CASES.filter((c) => !only || only.includes(c.id));
const results = [];
for (const c of selected) {
  const result = runCase(c, tarballs);
  results.push(result);
  console.log(
    `${result.ok ? 'ok  ' : 'FAIL'} ${c.id.padEnd(24)} ${result.seconds.padStart(6)} s  ${result.notes.join('; ')}`,
  );
  console.log(`     steps: ${result.steps}`);
  for (const f of result.failures) console.log(`    - ${f}`);
  if (!result.ok) console.log(`    (project kept in ${result.dir})`);
}
rmSync(dirname(tarballs.ormdoc), { recursive: true, force: true });
// What each peer range admits against what the matrix tests: the oldest admitted should be tested.
for (const c of CASES.filter((x) => x.extractor && x.pm === 'npm')) {
  const dir = PACKAGES.find((p) => readJson(join(ROOT, p, 'package.json')).name === c.extractor);
  const peers = readJson(join(ROOT, dir, 'package.json')).peerDependencies ?? {};
  for (const name of Object.keys(c.orm_packages).filter((n) => peers[n] && semver)) {
    const tested = CASES.flatMap((x) => x.orm_packages[name] ?? []).sort(semver.compare);
    if (tested[0] !== c.orm_packages[name]) continue;
    const oldest = semver.minVersion(peers[name])?.version;
    console.log(
      `peer ${c.extractor} -> ${name} "${peers[name]}": oldest admitted ${oldest}, oldest tested ${tested[0]}`,
    );
  }
}
const failed = results.filter((r) => !r.ok);
console.log(
  `install matrix: ${results.length - failed.length}/${results.length} cases passed in ${seconds(started)} s (cache ${CACHE})`,
);
process.exitCode = failed.length ? 1 : 0;
