import { execFile } from 'node:child_process';
import { OrmdocError } from '@ormdoc/core';
import { EXPORTER_PATH, type InterpreterChoice } from './python.js';

/** The `ORMDOC_ERROR {...}` line the exporter prints last on stderr when it fails. */
interface ExporterError {
  code: string;
  message: string;
  hint?: string;
  file?: string;
  line?: number;
}

export interface RunExporterOptions {
  cwd: string;
  interpreter: InterpreterChoice;
  target: string;
  dialect?: 'postgresql' | 'mysql' | 'sqlite';
  /** Extra exporter arguments (e.g. `--ddl`). */
  extraArgs?: string[];
  /** Stop the exporter after this long (default {@link DEFAULT_EXPORTER_TIMEOUT_MS}). */
  timeoutMs?: number;
}

/**
 * Ten minutes: importing the models is the exporter's main cost (10–15 s per 1,000 SQLModel classes
 * on a slow machine; 10,000 classes took 140–200 s on a loaded 2-CPU machine), so this stops an
 * import that hangs (a database connection, `input()`), not a large project.
 */
export const DEFAULT_EXPORTER_TIMEOUT_MS = 10 * 60_000;

/** `ORMDOC_SQLMODEL_TIMEOUT`: the exporter's time limit in seconds, for CLI users. */
export const TIMEOUT_ENV = 'ORMDOC_SQLMODEL_TIMEOUT';

/** The limit from the environment (seconds), undefined when unset; throws CONFIG_INVALID when not a number. */
export function timeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env[TIMEOUT_ENV]?.trim();
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new OrmdocError('CONFIG_INVALID', `${TIMEOUT_ENV}=${raw} is not a number of seconds.`, {
      hint: `Set it to the exporter's time limit in seconds, e.g. ${TIMEOUT_ENV}=1800, or unset it for the default (${DEFAULT_EXPORTER_TIMEOUT_MS / 1000} s).`,
    });
  return seconds * 1000;
}

function parseExporterError(stderr: string): ExporterError | undefined {
  const line = stderr
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('ORMDOC_ERROR '));
  if (!line) return undefined;
  try {
    return JSON.parse(line.slice('ORMDOC_ERROR '.length)) as ExporterError;
  } catch {
    return undefined;
  }
}

/** The stderr a person should see: the traceback and message, without the machine-readable line. */
function humanStderr(stderr: string, maxLines = 30): string[] {
  const lines = stderr.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('ORMDOC_ERROR '));
  return lines.slice(-maxLines);
}

function toError(code: number | null, stderr: string, o: RunExporterOptions): Error {
  const info = parseExporterError(stderr);
  const details = humanStderr(stderr);
  const python = `${o.interpreter.command} (${o.interpreter.reason})`;
  const where = { ...(info?.file ? { file: info.file } : {}), ...(info?.line ? { line: info.line } : {}) };
  switch (code) {
    case 3:
      return new OrmdocError(
        'DEPENDENCY_MISSING',
        info?.message ?? `SQLAlchemy is not installed for ${python}.`,
        {
          details,
          hint:
            `${info?.hint ?? 'Install SQLAlchemy (and sqlmodel) in that environment.'} ` +
            `ormdoc used ${python}; choose another with --python.`,
        },
      );
    case 4:
      return new OrmdocError('MODULE_LOAD_FAILED', info?.message ?? `Importing ${o.target} failed.`, {
        ...where,
        details,
        hint: info?.hint ?? 'Fix the error shown in the Python traceback.',
      });
    case 5: {
      const notFound = info?.code === 'INPUT_NOT_FOUND' || info?.code === 'ATTR_NOT_FOUND';
      return new OrmdocError(
        notFound ? 'INPUT_NOT_FOUND' : 'INPUT_EMPTY',
        info?.message ?? `No SQLAlchemy MetaData found in ${o.target}.`,
        { details, hint: info?.hint ?? 'Name the MetaData or Base explicitly, e.g. app.models:Base.' },
      );
    }
    default:
      return new Error(
        `The ormdoc Python exporter failed (exit ${code}) running ${python} on ${o.target}:\n${details.join('\n')}`,
      );
  }
}

function duration(ms: number): string {
  if (ms >= 120_000 && ms % 60_000 === 0) return `${ms / 60_000} minutes`;
  return `${Number((ms / 1000).toFixed(1))} s`;
}

function timeoutError(o: RunExporterOptions, limitMs: number, stderr: string): OrmdocError {
  return new OrmdocError(
    'MODULE_LOAD_FAILED',
    `The Python exporter did not finish exporting ${o.target} within its time limit of ${duration(limitMs)} and was stopped.`,
    {
      details: humanStderr(stderr, 10),
      hint:
        `If the models are only large, raise the limit: ${TIMEOUT_ENV}=<seconds> (e.g. ${TIMEOUT_ENV}=${Math.max(1800, Math.ceil((limitMs * 2) / 1000))}) ` +
        'or the timeoutMs option of loadSqlmodel. If importing the module waits for something ' +
        '(a database, input(), a server started at import time), move that out of the import. ' +
        'Or export once yourself (python node_modules/@ormdoc/sqlmodel/python/ormdoc_export.py ' +
        `${o.target} --out schema.json) and pass --json schema.json.`,
    },
  );
}

/** Run `python ormdoc_export.py <target>` (no shell) and return its stdout. */
export function runExporter(o: RunExporterOptions): Promise<string> {
  const args = [
    EXPORTER_PATH,
    o.target,
    ...(o.dialect ? ['--dialect', o.dialect] : []),
    ...(o.extraArgs ?? []),
  ];
  const limitMs = o.timeoutMs ?? DEFAULT_EXPORTER_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    let stderrSoFar = '';
    let settled = false;
    const child = execFile(
      o.interpreter.command,
      args,
      {
        cwd: o.cwd,
        maxBuffer: 256 * 1024 * 1024,
        env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONIOENCODING: 'utf-8' },
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        clearTimeout(timer);
        if (settled) return;
        settled = true;
        if (!error) {
          resolve(stdout);
          return;
        }
        const errno = (error as NodeJS.ErrnoException).code;
        if (errno === 'ENOENT' || errno === 'EACCES') {
          reject(
            new OrmdocError(
              'PYTHON_NOT_FOUND',
              `The Python interpreter ${o.interpreter.command} was not found (chosen from ${o.interpreter.reason}).`,
              {
                cause: error,
                hint: 'Install Python 3 with SQLAlchemy, or pass the interpreter of your project: --python path/to/venv/bin/python (python option), or activate its virtualenv.',
              },
            ),
          );
          return;
        }
        const exit = typeof errno === 'number' ? errno : ((error as { code?: number | null }).code ?? null);
        reject(toError(typeof exit === 'number' ? exit : null, String(stderr), o));
      },
    );
    child.stderr?.on('data', (chunk: string) => {
      stderrSoFar = (stderrSoFar + chunk).slice(-64 * 1024);
    });
    // not execFile's `timeout`: its error looks like any other kill, and it waits for the pipes to
    // close, which a process the module started may keep open
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      child.kill('SIGKILL');
      child.stdout?.destroy();
      child.stderr?.destroy();
      reject(timeoutError(o, limitMs, stderrSoFar));
    }, limitMs);
  });
}
