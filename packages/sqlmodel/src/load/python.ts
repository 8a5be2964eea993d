import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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

/** How the project manages its environment, from pyproject.toml and the lock files next to it. */
function projectTool(dir: string): { uv: boolean; poetry: boolean } {
  const pyproject = path.join(dir, 'pyproject.toml');
  const text = existsSync(pyproject) ? readFileSync(pyproject, 'utf8') : '';
  return {
    uv: existsSync(path.join(dir, 'uv.lock')) || /^\[tool\.uv[\].]/m.test(text),
    poetry: existsSync(path.join(dir, 'poetry.lock')) || /^\[tool\.poetry[\].]/m.test(text),
  };
}

/** The project folder and its parents up to the repository root (the folder holding .git). */
function upToRepositoryRoot(cwd: string): string[] {
  const dirs: string[] = [];
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    dirs.push(dir);
    if (existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir || dirs.length >= 4) return dirs;
  }
}

/** `poetry env info -p` in the project, when poetry is installed: the environment poetry made for it. */
function poetryEnvironment(cwd: string, env: NodeJS.ProcessEnv): string | undefined {
  try {
    const out = execFileSync('poetry', ['env', 'info', '-p'], {
      cwd,
      env,
      encoding: 'utf8',
      timeout: 20_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return out ? venvPython(out) : undefined;
  } catch {
    return undefined; // no poetry on PATH, or no environment created yet
  }
}

/**
 * Which Python runs the exporter, the way the project's users run it: the `python` option, else
 * the active virtualenv (`$VIRTUAL_ENV`), else uv's project environment (`$UV_PROJECT_ENVIRONMENT`
 * in a uv project), else `.venv` or `venv` in the project or a parent folder up to the
 * repository root (uv's and poetry's in-project environment), else poetry's own environment
 * (`poetry env info -p`) in a poetry project, else `python3` from PATH.
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
  const dirs = upToRepositoryRoot(cwd);
  const tools = dirs.map(projectTool);
  const uvProject = tools.findIndex((t) => t.uv);
  if (uvProject >= 0 && env.UV_PROJECT_ENVIRONMENT) {
    const p = venvPython(path.resolve(dirs[uvProject]!, env.UV_PROJECT_ENVIRONMENT));
    if (p)
      return {
        command: p,
        reason: `uv's project environment (UV_PROJECT_ENVIRONMENT=${env.UV_PROJECT_ENVIRONMENT})`,
      };
  }
  for (const [i, dir] of dirs.entries()) {
    for (const name of ['.venv', 'venv']) {
      const p = venvPython(path.join(dir, name));
      const tool = tools[i]!.uv ? "uv's " : tools[i]!.poetry ? "poetry's " : '';
      const where = path.relative(cwd, path.join(dir, name)) || name;
      if (p) return { command: p, reason: `${tool || 'the project '}virtualenv ${where}` };
    }
  }
  const poetryProject = dirs.find((_, i) => tools[i]!.poetry);
  if (poetryProject) {
    const p = poetryEnvironment(poetryProject, env);
    if (p) return { command: p, reason: "poetry's environment of the project (poetry env info -p)" };
  }
  return {
    command: 'python3',
    reason: 'python3 from PATH (no --python, no VIRTUAL_ENV, no .venv or venv, no poetry environment found)',
  };
}
