import type { CliIo, Colors } from './io.js';
import { isCi } from './io.js';

export type Phase = 'load' | 'extract' | 'render' | 'write' | 'check';

/**
 * Progress per phase on stderr: shown when stderr is a terminal outside CI, or always with
 * `--verbose`; never with `--quiet`. Each line names the phase, what it counted and how long it took.
 */
export class Progress {
  readonly enabled: boolean;
  private readonly io: CliIo;
  private readonly colors: Colors;

  constructor(options: { io: CliIo; colors: Colors; verbose: boolean; quiet: boolean }) {
    this.io = options.io;
    this.colors = options.colors;
    this.enabled = !options.quiet && (options.verbose || (options.io.stderrIsTTY && !isCi(options.io.env)));
  }

  async phase<T>(name: Phase, run: () => Promise<T>, describe: (result: T) => string): Promise<T> {
    const started = performance.now();
    const result = await run();
    if (this.enabled) this.done(name, Math.round(performance.now() - started), describe(result));
    return result;
  }

  /** The line of a phase timed elsewhere (core's `generateDocs` reports its own phases). */
  done(name: Phase, ms: number, text: string): void {
    if (!this.enabled) return;
    const c = this.colors;
    this.io.stderr(`${c.green('✔')} ${c.bold(name.padEnd(7))} ${text} ${c.dim(`(${ms} ms)`)}\n`);
  }

  /** A free-form line (diagnostics, notes), shown under the same conditions as the phases. */
  note(text: string): void {
    if (this.enabled) this.io.stderr(`${text}\n`);
  }
}

export const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count} ${count === 1 ? one : many}`;
