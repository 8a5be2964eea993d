import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The exporter shipped in this package (`python/ormdoc_export.py`; same place from src/ and dist/). */
export const EXPORTER_PATH = fileURLToPath(new URL('../../python/ormdoc_export.py', import.meta.url));

export interface InterpreterChoice {
  command: string;
  /** Why this interpreter was chosen, for error messages. */
  reason: string;
}

function venvPython(dir: string): string | undefined {
  const candidates =
    process.platform === 'win32'
      ? [path.join(dir, 'Scripts', 'python.exe')]
      : [path.join(dir, 'bin', 'python3'), path.join(dir, 'bin', 'python')];
  return candidates.find((p) => existsSync(p));
}

/**
 * Which Python runs the exporter: the `python` option, else the active virtualenv
 * (`$VIRTUAL_ENV`), else `.venv` in the project, else `python3` from PATH.
 */
export function chooseInterpreter(
  cwd: string,
  python?: string,
  env: NodeJS.ProcessEnv = process.env,
): InterpreterChoice {
  if (python) {
    const command = python.includes('/') || python.includes('\\') ? path.resolve(cwd, python) : python;
    return { command, reason: 'the python option (--python)' };
  }
  if (env.VIRTUAL_ENV) {
    const p = venvPython(env.VIRTUAL_ENV);
    if (p) return { command: p, reason: `the active virtualenv (VIRTUAL_ENV=${env.VIRTUAL_ENV})` };
  }
  const local = venvPython(path.join(cwd, '.venv'));
  if (local) return { command: local, reason: 'the project virtualenv .venv' };
  return { command: 'python3', reason: 'python3 from PATH (no --python, no virtualenv found)' };
}
