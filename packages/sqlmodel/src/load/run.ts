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
  timeoutMs?: number;
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

/** Run `python ormdoc_export.py <target>` (no shell) and return its stdout. */
export function runExporter(o: RunExporterOptions): Promise<string> {
  const args = [
    EXPORTER_PATH,
    o.target,
    ...(o.dialect ? ['--dialect', o.dialect] : []),
    ...(o.extraArgs ?? []),
  ];
  return new Promise((resolve, reject) => {
    execFile(
      o.interpreter.command,
      args,
      {
        cwd: o.cwd,
        maxBuffer: 256 * 1024 * 1024,
        timeout: o.timeoutMs ?? 120_000,
        env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONIOENCODING: 'utf-8' },
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
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
  });
}
