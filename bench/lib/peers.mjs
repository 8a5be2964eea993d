// Peer tools measured on the same schema in the same run. Each peer gets its own copy of the
// generated project (a generator block added, or the datasource as its Prisma version wants it).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { OUT_DIR, REPO_DIR } from './resolve.mjs';

const NM = path.join(REPO_DIR, 'node_modules');
const PRISMA_CLI = path.join(OUT_DIR, 'node_modules/prisma/build/index.js');
const LIAM_CLI = path.join(NM, '@liam-hq/cli/dist-cli/bin/cli.js');
const FAKE_ENGINE = path.join(OUT_DIR, 'fake-schema-engine');

// `prisma generate` offline: Prisma first tries to download a native schema engine; pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips that (generate never executes it).
const PRISMA_ENV = { PRISMA_SCHEMA_ENGINE_BINARY: FAKE_ENGINE, CHECKPOINT_DISABLE: '1', NO_COLOR: '1' };

function version(pkg) {
  try {
    return JSON.parse(readFileSync(path.join(NM, pkg, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

const generatorPeer = (id, pkg, bin, output) => ({
  id,
  orm: 'prisma',
  label: `${pkg} (prisma generate)`,
  version: () => version(pkg),
  available: () => existsSync(path.join(NM, pkg, bin)),
  missing: `${pkg} is not installed (root devDependencies)`,
  setup(projectDir, workDir) {
    const schema = readFileSync(path.join(projectDir, 'schema.prisma'), 'utf8');
    const block = `generator peer {\n  provider = "node ${path.join(NM, pkg, bin)}"\n  output   = "${output}"\n}\n\n`;
    writeFileSync(path.join(workDir, 'schema.prisma'), block + schema);
    if (!existsSync(FAKE_ENGINE)) writeFileSync(FAKE_ENGINE, '');
  },
  command: () => ({
    cmd: process.execPath,
    args: [PRISMA_CLI, 'generate', '--schema', 'schema.prisma'],
    env: PRISMA_ENV,
  }),
});

export const PEERS = [
  generatorPeer('prisma-markdown', 'prisma-markdown', 'lib/executable/markdown.js', './out/ERD.md'),
  generatorPeer('prisma-dbml-generator', 'prisma-dbml-generator', 'dist/generator.js', './out'),
  // Markdown output (Mermaid text): no mermaid-cli/Chromium needed. It needs the folder to exist.
  generatorPeer('prisma-erd-generator', 'prisma-erd-generator', 'dist/index.js', './out/ERD.md'),
  {
    id: 'liam-erd',
    orm: 'prisma',
    label: '@liam-hq/cli erd build --format prisma',
    version: () => version('@liam-hq/cli'),
    available: () => existsSync(LIAM_CLI),
    missing: '@liam-hq/cli is not installed (root devDependencies)',
    setup(projectDir, workDir) {
      // Liam bundles Prisma 6 (getDMMF), which requires `url` in the datasource (Prisma 7 forbids it).
      const schema = readFileSync(path.join(projectDir, 'schema.prisma'), 'utf8').replace(
        /datasource db \{\n {2}provider = "postgresql"\n\}/,
        'datasource db {\n  provider = "postgresql"\n  url      = "postgresql://localhost:5432/bench"\n}',
      );
      writeFileSync(path.join(workDir, 'schema.prisma'), schema);
    },
    command: () => ({
      cmd: process.execPath,
      args: [
        LIAM_CLI,
        'erd',
        'build',
        '--input',
        'schema.prisma',
        '--format',
        'prisma',
        '--output-dir',
        'out',
      ],
      env: { CHECKPOINT_DISABLE: '1', NO_COLOR: '1' },
    }),
  },
  {
    id: 'liam-erd',
    orm: 'drizzle',
    label: '@liam-hq/cli erd build --format drizzle',
    version: () => version('@liam-hq/cli'),
    available: () => existsSync(LIAM_CLI),
    missing: '@liam-hq/cli is not installed (root devDependencies)',
    setup() {},
    inProject: true,
    command: (workDir) => ({
      cmd: process.execPath,
      args: [
        LIAM_CLI,
        'erd',
        'build',
        '--input',
        'schema/*.ts',
        '--format',
        'drizzle',
        '--output-dir',
        path.join(workDir, 'out'),
      ],
      env: { CHECKPOINT_DISABLE: '1', NO_COLOR: '1' },
    }),
  },
];

/** Prepare a peer's working folder; returns { cwd, outDir, cmd, args, env }. */
export function preparePeer(peer, projectDir, orm, n) {
  const workDir = path.join(OUT_DIR, 'peers', `${peer.id}-${orm}-${n}`);
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  peer.setup(projectDir, workDir);
  const { cmd, args, env } = peer.command(workDir);
  return { cwd: peer.inProject ? projectDir : workDir, outDir: path.join(workDir, 'out'), cmd, args, env };
}
