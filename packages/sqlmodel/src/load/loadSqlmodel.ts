import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ExtractResult } from '@ormdoc/core';
import { OrmdocError, relativePosix } from '@ormdoc/core';
import { withDdlEvents } from '../convert/ddlEvents.js';
import { fromSqlmodelExport } from '../convert/toIr.js';
import { detectSqlmodel } from '../detect.js';
import { parseExport } from '../format/parse.js';
import { sqlmodelInputs } from './inputs.js';
import { chooseInterpreter } from './python.js';
import { runExporter, timeoutFromEnv } from './run.js';

export interface LoadSqlmodelOptions {
  cwd: string;
  /** `package.module` or `path/to/models.py`, optionally `:attr` (a MetaData, Base or SQLModel class). */
  module?: string;
  /** A JSON file exported earlier (no Python needed); takes precedence over `module`. */
  json?: string;
  /** The Python interpreter; default: $VIRTUAL_ENV, then .venv in cwd, then python3. */
  python?: string;
  dialect?: 'postgresql' | 'mysql' | 'sqlite';
  /**
   * Stop the exporter after this long; default: `ORMDOC_SQLMODEL_TIMEOUT` (seconds) when set, else
   * 10 minutes.
   */
  timeoutMs?: number;
}

async function readExportFile(cwd: string, file: string): Promise<ExtractResult> {
  const abs = path.resolve(cwd, file);
  const rel = relativePosix(cwd, abs);
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch (cause) {
    throw new OrmdocError('INPUT_NOT_FOUND', `The SQLAlchemy export ${rel} could not be read.`, {
      file: rel,
      cause,
      hint: 'Create it with `python node_modules/@ormdoc/sqlmodel/python/ormdoc_export.py app.models --out schema.json`, or pass the models module instead.',
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new OrmdocError('EXPORT_INVALID', `${rel} is not JSON: ${(cause as Error).message}.`, {
      file: rel,
      cause,
      hint: 'Re-export it with ormdoc_export.py; do not edit the file by hand.',
    });
  }
  const result = await convert(json, rel);
  return { ...result, inputs: [abs] };
}

/** The pure conversion, then the DDL attached to create events (which needs PostgreSQL's parser: async). */
function convert(json: unknown, file: string): Promise<ExtractResult> {
  const doc = parseExport(json, file);
  return withDdlEvents(fromSqlmodelExport(doc, { file }), doc, file);
}

/** Read SQLModel/SQLAlchemy models: run the shipped Python exporter on the module (or read a saved export). */
export async function loadSqlmodel(options: LoadSqlmodelOptions): Promise<ExtractResult> {
  const { cwd } = options;
  if (options.json) return readExportFile(cwd, options.json);
  let target = options.module;
  if (!target) {
    const found = await detectSqlmodel(cwd);
    if (found.length === 0)
      throw new OrmdocError('INPUT_NOT_FOUND', `No SQLModel/SQLAlchemy models module found in ${cwd}.`, {
        hint: 'Name it: --module app.models (or path/to/models.py[:Base]), or pass a saved export with --json.',
      });
    if (found.length > 1)
      throw new OrmdocError(
        'INPUT_NOT_FOUND',
        `Several Python files declare SQLAlchemy models (${found.join(', ')}); ormdoc cannot tell which module to export.`,
        { hint: 'Name the module that imports all models: --module app.models (or app/models.py:Base).' },
      );
    target = found[0]!;
  }
  const interpreter = chooseInterpreter(cwd, options.python);
  const timeoutMs = options.timeoutMs ?? timeoutFromEnv();
  // The exporter reports what the import loaded there: the unchanged run's inputs (`sqlmodelInputs`).
  const reportDir = await mkdtemp(path.join(os.tmpdir(), 'ormdoc-sqlmodel-'));
  const report = path.join(reportDir, 'inputs.json');
  let stdout: string;
  let inputs: string[] | undefined;
  try {
    stdout = await runExporter({
      cwd,
      interpreter,
      target,
      ...(options.dialect ? { dialect: options.dialect } : {}),
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      extraArgs: ['--compact', '--inputs', report],
    });
    inputs = sqlmodelInputs(cwd, report);
  } finally {
    await rm(reportDir, { recursive: true, force: true });
  }
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch (cause) {
    throw new OrmdocError(
      'EXPORT_INVALID',
      `The exporter's output for ${target} is not JSON (${(cause as Error).message}); does the module print to stdout when imported?`,
      {
        cause,
        details: stdout.split('\n').slice(0, 5),
        hint: 'Remove print() calls that run at import time, or export to a file with --out and pass it with --json.',
      },
    );
  }
  const result = await convert(json, target);
  return inputs ? { ...result, inputs } : result;
}
