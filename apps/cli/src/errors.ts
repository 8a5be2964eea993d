import { isOrmdocError } from '@ormdoc/core';
import type { Colors } from './io.js';
import { reportWhere } from './meta.js';

/** citty's own argument errors (unknown command, bad enum value): user errors. */
export function isUsageError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && error.name === 'CLIError';
}

/** The text printed for an error, and the exit code: 1 for user errors, 2 for bugs. */
export function formatError(
  error: unknown,
  options: { colors: Colors; verbose: boolean },
): { text: string; exitCode: 1 | 2 } {
  const c = options.colors;
  if (isOrmdocError(error)) {
    const lines = [`${c.red(c.bold('error:'))} ${error.message}`];
    if (error.location) lines.push(`  at ${error.location}`);
    const detailsShown = error.details.every((d) => error.message.includes(d));
    if (!detailsShown) for (const d of error.details) lines.push(`  - ${d}`);
    if (error.hint) lines.push(`${c.cyan('hint:')} ${error.hint}`);
    if (options.verbose && error.stack) lines.push('', c.dim(error.stack));
    if (options.verbose && error.cause instanceof Error && error.cause.stack) {
      lines.push(c.dim(`caused by: ${error.cause.stack}`));
    }
    return { text: `${lines.join('\n')}\n`, exitCode: 1 };
  }
  if (isUsageError(error)) {
    const text = `${c.red(c.bold('error:'))} ${error.message}\n${c.cyan('hint:')} run \`ormdoc --help\` for the commands and flags.\n`;
    return { text, exitCode: 1 };
  }
  const stack = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  const text = [
    `${c.red(c.bold('internal error:'))} ormdoc crashed. This is a bug in ormdoc, not in your schema.`,
    stack,
    '',
    `Please report this ${reportWhere()} with the command you ran, your ORM and its version, and the output above.`,
    '',
  ].join('\n');
  return { text, exitCode: 2 };
}
