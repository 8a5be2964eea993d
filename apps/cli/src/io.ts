import pc from 'picocolors';

/** Where the CLI writes and what it knows about its terminal. Injected so tests can capture output. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** stderr is an interactive terminal (progress lines are only shown there, and never in CI). */
  stderrIsTTY: boolean;
  /** stdout is an interactive terminal (help text is only coloured there). */
  stdoutIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The CLI runs as its own process (bin.js), so it may tune that process's garbage collector. */
  ownsProcess?: boolean;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    cwd: process.cwd(),
    ownsProcess: true,
  };
}

export type Colors = ReturnType<typeof pc.createColors>;

/** Colours are on for a TTY unless `--no-color`, NO_COLOR or CI say otherwise (FORCE_COLOR forces them). */
export function colorsEnabled(io: CliIo, wanted: boolean, tty = io.stderrIsTTY): boolean {
  const env = io.env;
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0';
  return wanted && (forced || (tty && !env.NO_COLOR && env.TERM !== 'dumb'));
}

export function makeColors(io: CliIo, wanted: boolean, tty = io.stderrIsTTY): Colors {
  return pc.createColors(colorsEnabled(io, wanted, tty));
}

/** Remove ANSI colour codes (citty colours its usage text on its own). */
export function stripAnsi(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escapes is the point
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/** True when running under a CI service: progress stays quiet there. */
export function isCi(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.CI && env.CI !== 'false' && env.CI !== '0') || Boolean(env.GITHUB_ACTIONS);
}
