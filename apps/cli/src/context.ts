import { isAbsolute, resolve } from 'node:path';
import type { CliFlags } from './args.js';
import { type CliIo, type Colors, makeColors } from './io.js';
import { Progress } from './progress.js';

/** What every command gets: its flags, where to write, colours, progress, and the project directory. */
export interface CommandContext {
  io: CliIo;
  flags: CliFlags;
  colors: Colors;
  progress: Progress;
  /** Absolute project directory (`--cwd` resolved against the process's working directory). */
  cwd: string;
}

export function createContext(io: CliIo, flags: CliFlags): CommandContext {
  const colors = makeColors(io, flags.color);
  const cwd = flags.cwd ? (isAbsolute(flags.cwd) ? flags.cwd : resolve(io.cwd, flags.cwd)) : io.cwd;
  return {
    io,
    flags,
    colors,
    cwd,
    progress: new Progress({ io, colors, verbose: flags.verbose, quiet: flags.quiet }),
  };
}

/** Print a result line on stdout unless `--quiet`. */
export function say(ctx: CommandContext, text: string): void {
  if (!ctx.flags.quiet) ctx.io.stdout(`${text}\n`);
}
