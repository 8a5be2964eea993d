import { OrmdocError } from '@ormdoc/core';
import type { ArgsDef } from 'citty';
import leven from 'leven';

/** Flags citty or `main` handle on every command, beside the command's own `args`. */
const BUILTIN_FLAGS = ['--help', '-h'];

const camelCase = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const toArray = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** The spellings of a command's flags: `--name` first (what a suggestion names), then the rest citty also accepts. */
export function knownFlags(
  args: ArgsDef,
  extra: readonly string[] = [],
): { canonical: string[]; all: Set<string> } {
  const canonical: string[] = [];
  const all = new Set<string>([...BUILTIN_FLAGS, ...extra]);
  for (const [name, def] of Object.entries(args)) {
    if (def.type === 'positional') continue;
    const spellings = [name, ...toArray('alias' in def ? def.alias : undefined)];
    for (const spelling of spellings) {
      const flag = spelling.length === 1 ? `-${spelling}` : `--${spelling}`;
      canonical.push(flag);
      all.add(flag);
      if (spelling.length > 1) all.add(`--${camelCase(spelling)}`);
      if (def.type === 'boolean' && spelling.length > 1) {
        canonical.push(`--no-${spelling}`);
        all.add(`--no-${spelling}`);
        all.add(`--no-${camelCase(spelling)}`);
      }
    }
  }
  canonical.push(...BUILTIN_FLAGS, ...extra);
  return { canonical, all };
}

/**
 * The closest of `candidates` to `input`, when it is close enough to be what the user meant: at most
 * 2 edits (a swapped pair of letters counts as one), and fewer edits than half of the name.
 */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(input, candidate);
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  if (!best) return undefined;
  const name = input.replace(/^-+/, '');
  return best.distance <= 2 && best.distance * 2 < Math.max(name.length, 2) ? best.candidate : undefined;
}

/** Levenshtein distance (the `leven` package), counting one transposition of neighbours as one edit. */
function editDistance(a: string, b: string): number {
  const plain = leven(a, b);
  for (let i = 0; i + 1 < a.length; i++) {
    if (a[i] === a[i + 1]) continue;
    const swapped = `${a.slice(0, i)}${a[i + 1]}${a[i]}${a.slice(i + 2)}`;
    if (swapped === b) return Math.min(plain, 1);
  }
  return plain;
}

/**
 * The flag names in `argv` (`--x`, `--x=v`, `-x`) and the other arguments (not a flag's value), in
 * order; the values of flags that take one are skipped.
 */
function flagsIn(
  argv: readonly string[],
  valueFlags: ReadonlySet<string>,
): { flags: string[]; others: string[] } {
  const flags: string[] = [];
  const others: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (!arg.startsWith('-') || arg === '-' || /^-\d/.test(arg)) {
      others.push(arg);
      continue;
    }
    const name = arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    flags.push(name);
    if (!arg.includes('=') && valueFlags.has(name)) i++;
  }
  return { flags, others };
}

/** Every spelling of the flags of `args` that take a value (string, enum). */
function valueFlagsOf(args: ArgsDef): Set<string> {
  const flags = new Set<string>();
  for (const [name, def] of Object.entries(args)) {
    if (def.type !== 'string' && def.type !== 'enum') continue;
    for (const spelling of [name, ...toArray('alias' in def ? def.alias : undefined)]) {
      flags.add(spelling.length === 1 ? `-${spelling}` : `--${spelling}`);
      flags.add(`--${camelCase(spelling)}`);
    }
  }
  return flags;
}

/**
 * A flag the command does not know is a user error (exit 1), never silently ignored: the error names
 * it and suggests the closest known flag.
 */
export function assertKnownFlags(
  argv: readonly string[],
  command: { name: string; args: ArgsDef; extra?: readonly string[] },
): void {
  const { canonical, all } = knownFlags(command.args, command.extra);
  const where = command.name === 'ormdoc' ? 'ormdoc' : `ormdoc ${command.name}`;
  const { flags, others } = flagsIn(argv, valueFlagsOf(command.args));
  for (const flag of flags) {
    if (all.has(flag)) continue;
    const suggestion = closest(flag, canonical);
    throw new OrmdocError('UNSUPPORTED', `Unknown flag ${flag} for \`${where}\`.`, {
      hint: `${suggestion ? `Did you mean ${suggestion}? ` : ''}Run \`${where} --help\` for its flags.`,
    });
  }
  // No command takes positional arguments: a stray word is usually a flag's value without its flag.
  const [stray] = others;
  if (stray !== undefined && !Object.values(command.args).some((def) => def.type === 'positional')) {
    throw new OrmdocError('UNSUPPORTED', `Unexpected argument "${stray}" for \`${where}\`.`, {
      hint: `\`${where}\` takes flags only (e.g. --out ${stray}). Run \`${where} --help\` for its flags.`,
    });
  }
}
