import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { OrmdocError } from '@ormdoc/core';
import { type ArgsDef, type CommandDef, renderUsage, runCommand } from 'citty';
import { commonArgs, outputArgs, sourceArgs } from './args.js';
import { checkCommand } from './commands/check.js';
import { diffArgs, diffCommand } from './commands/diff.js';
import { driftArgs, driftCommand } from './commands/drift.js';
import { generateCommand } from './commands/generate.js';
import { initCommand } from './commands/init.js';
import { inspectCommand } from './commands/inspect.js';
import { siteCommand } from './commands/site.js';
import { formatError } from './errors.js';
import { assertKnownFlags, closest } from './flags.js';
import { type CliIo, colorsEnabled, makeColors, processIo, stripAnsi } from './io.js';
import { version } from './meta.js';

// biome-ignore lint/suspicious/noExplicitAny: citty commands differ in their args
const COMMANDS: Record<string, CommandDef<any>> = {
  generate: generateCommand,
  check: checkCommand,
  init: initCommand,
  inspect: inspectCommand,
  diff: diffCommand,
  site: siteCommand,
  drift: driftCommand,
};

const mainCommand: CommandDef<ArgsDef> = {
  meta: {
    name: 'ormdoc',
    version: version(),
    description: 'Database architecture documents from your Prisma, Drizzle, TypeORM or SQLModel schema',
  },
  args: { ...commonArgs },
  subCommands: COMMANDS,
};

/**
 * Test-only: when this environment variable is `1`, the CLI throws a plain Error after parsing its
 * arguments, so end-to-end tests can check the internal-error path (exit 2). Not for users.
 */
export const CRASH_ENV = 'ORMDOC_TEST_CRASH';

/** Every flag of every command. */
const ALL_ARGS: ArgsDef = Object.assign({}, ...Object.values(COMMANDS).map((c) => c.args as ArgsDef));

/** Flags that take a value, so the value is not mistaken for the command name. */
const VALUE_FLAGS = new Set(
  Object.entries({
    ...commonArgs,
    ...sourceArgs,
    ...outputArgs,
    ...diffArgs,
    ...driftArgs,
    format: { type: 'enum' },
  })
    .filter(([, def]) => def.type === 'string' || def.type === 'enum')
    .map(([name]) => `--${name}`),
);

/** The command name (first positional) and every other argument, flags before it included. */
export function splitCommand(argv: readonly string[]): { name?: string; rest: string[] } {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg.startsWith('-')) {
      if (VALUE_FLAGS.has(arg)) i++;
      continue;
    }
    return { name: arg, rest: [...argv.slice(0, i), ...argv.slice(i + 1)] };
  }
  return { rest: [...argv] };
}

const has = (argv: readonly string[], ...flags: string[]) => argv.some((a) => flags.includes(a));

/** Run the CLI and return its exit code. All errors end up here: the one place that handles them. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const colors = makeColors(io, !has(argv, '--no-color'));
  const verbose = has(argv, '--verbose');
  try {
    const { name, rest } = splitCommand(argv);
    if (name === undefined && has(argv, '--version', '-v')) {
      io.stdout(`${version()}\n`);
      return 0;
    }
    const command = name === undefined ? undefined : COMMANDS[name];
    if (name === undefined)
      assertKnownFlags(rest, { name: 'ormdoc', args: commonArgs, extra: ['--version', '-v'] });
    else if (command) assertKnownFlags(rest, { name, args: (command.args ?? {}) as ArgsDef });
    if (has(argv, '--help', '-h') || name === undefined) {
      const usage = await renderUsage(command ?? mainCommand, command ? mainCommand : undefined);
      const colored = colorsEnabled(io, !has(argv, '--no-color'), io.stdoutIsTTY);
      io.stdout(`${(colored ? usage : stripAnsi(usage)).replace(/[ \t]+$/gm, '')}\n`);
      return name === undefined && !has(argv, '--help', '-h') ? 1 : 0;
    }
    if (!command) {
      // A misspelt flag before the command may have taken the command's place: name the flag first.
      const before = argv.slice(0, argv.indexOf(name));
      assertKnownFlags(before, { name: 'ormdoc', args: ALL_ARGS, extra: ['--version', '-v'] });
      const suggestion = closest(name, Object.keys(COMMANDS));
      throw new OrmdocError('UNSUPPORTED', `Unknown command "${name}".`, {
        hint: `${suggestion ? `Did you mean \`ormdoc ${suggestion}\`? ` : ''}Commands: ${Object.keys(COMMANDS).join(', ')}. Run \`ormdoc --help\` for details.`,
      });
    }
    if (io.env[CRASH_ENV] === '1') throw new Error(`forced crash (${CRASH_ENV}=1, test only)`);
    assertCwd(io, rest);
    const { result } = await runCommand(command, { rawArgs: rest, data: { io } });
    return typeof result === 'number' ? result : 0;
  } catch (error) {
    const { text, exitCode } = formatError(error, { colors, verbose });
    io.stderr(text);
    return exitCode;
  }
}

/** `--cwd` must be an existing directory. */
function assertCwd(io: CliIo, argv: readonly string[]): void {
  const index = argv.findIndex((a) => a === '--cwd' || a.startsWith('--cwd='));
  if (index < 0) return;
  const arg = argv[index]!;
  const value = arg === '--cwd' ? argv[index + 1] : arg.slice('--cwd='.length);
  if (!value)
    throw new OrmdocError('INPUT_NOT_FOUND', '--cwd needs a directory.', {
      hint: 'e.g. --cwd examples/prisma',
    });
  const dir = resolve(io.cwd, value);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new OrmdocError('INPUT_NOT_FOUND', `--cwd ${value}: no such directory (${dir}).`, {
      hint: '--cwd is resolved against the current directory; check the path.',
    });
  }
}
