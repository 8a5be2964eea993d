// Generator mode (issue 19): what ormdoc adds to every `prisma generate` a Prisma user runs. Three
// commands on copies of the same project, each `prisma generate` with one generator block:
//   noop       a generator that answers Prisma and writes nothing (what any generator costs);
//   ormdoc     ormdoc-prisma writing the documents into an empty folder (a changed schema);
//   unchanged  ormdoc-prisma again over the documents it wrote (nothing changed since: the stamp).
// The budget: `ormdoc` and `unchanged` within 10% of `noop`, at 100 and at 1,000 models.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { OUT_DIR, REPO_DIR } from './resolve.mjs';

const PRISMA_CLI = path.join(OUT_DIR, 'node_modules/prisma/build/index.js');
const FAKE_ENGINE = path.join(OUT_DIR, 'fake-schema-engine');
const ORMDOC_BIN = path.join(REPO_DIR, 'packages/prisma/dist/bin.js');
const NOOP_BIN = path.join(OUT_DIR, 'noop-generator.cjs');
const PRISMA_ENV = { PRISMA_SCHEMA_ENGINE_BINARY: FAKE_ENGINE, CHECKPOINT_DISABLE: '1', NO_COLOR: '1' };
export const GENERATOR_BUDGET = 1.1;

// The smallest generator Prisma accepts, speaking its JSON-RPC over stdio through the same
// @prisma/generator-helper that ormdoc-prisma uses (so both pay for loading it).
const noopSource = (helper) => `const { generatorHandler } = require(${JSON.stringify(helper)});
generatorHandler({
  onManifest: () => ({ prettyName: 'noop', defaultOutput: './noop', requiresGenerators: [] }),
  onGenerate: async () => {},
});
`;

function helperPath() {
  return path.join(REPO_DIR, 'packages/prisma/node_modules/@prisma/generator-helper');
}

/** One copy of the project per command, with its generator block first in schema.prisma. */
function prepare(projectDir, n, id, provider) {
  const workDir = path.join(OUT_DIR, 'generator', `${id}-${n}`);
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const schema = readFileSync(path.join(projectDir, 'schema.prisma'), 'utf8');
  const block = `generator docs {\n  provider = "node ${provider}"\n  output   = "./docs"\n}\n\n`;
  writeFileSync(path.join(workDir, 'schema.prisma'), block + schema);
  writeFileSync(path.join(workDir, 'package.json'), '{ "name": "bench-generator", "private": true }\n');
  return workDir;
}

/** The three commands, or an error saying what is missing. */
export function generatorCommands(projectDir, n) {
  if (!existsSync(PRISMA_CLI)) return { error: `prisma CLI missing at ${PRISMA_CLI}` };
  if (!existsSync(ORMDOC_BIN)) return { error: 'packages/prisma/dist/bin.js missing: run pnpm build' };
  if (!existsSync(FAKE_ENGINE)) writeFileSync(FAKE_ENGINE, '');
  writeFileSync(NOOP_BIN, noopSource(helperPath()));
  const command = (workDir) => ({
    cmd: process.execPath,
    args: [PRISMA_CLI, 'generate', '--schema', 'schema.prisma'],
    env: PRISMA_ENV,
    cwd: workDir,
  });
  const noopDir = prepare(projectDir, n, 'noop', NOOP_BIN);
  const ormdocDir = prepare(projectDir, n, 'ormdoc', ORMDOC_BIN);
  const docs = path.join(ormdocDir, 'docs');
  return {
    noop: { ...command(noopDir) },
    ormdoc: { ...command(ormdocDir), beforeEach: () => rmSync(docs, { recursive: true, force: true }) },
    // Runs after `ormdoc`, whose last run left the documents and the stamp in place.
    unchanged: { ...command(ormdocDir) },
    docs,
  };
}
