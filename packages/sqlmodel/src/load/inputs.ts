import { readFileSync } from 'node:fs';
import path from 'node:path';

/** What the exporter's `--inputs FILE` writes (python/src/ormdoc_export/inputs.py). */
interface ExporterInputs {
  complete: boolean;
  files?: string[];
  folders?: string[];
  sitePackages?: string[];
  executable?: string;
  prefix?: string;
}

/**
 * Every file and folder a SQLModel/SQLAlchemy export depended on (`ExtractResult.inputs`), from
 * the exporter's report, or undefined when it could not name them all:
 * - the file of every module the import loaded outside the standard library and site-packages
 *   (the project's, the exporter's own), the folder each is in (a module added beside it may
 *   shadow an import), and what the search for model modules in a package read;
 * - each site-packages folder (its listing names every installed distribution and its version),
 *   the interpreter's binary and the environment's pyvenv.cfg;
 * - `.env` (the exporter reads it) and what decides which interpreter runs: `.venv`/`venv`,
 *   pyproject.toml, uv.lock and poetry.lock from the project up to the repository root.
 * Environment variables (VIRTUAL_ENV, PATH, the models' settings) are not inputs (README: "The
 * unchanged run").
 */
export function sqlmodelInputs(cwd: string, reportFile: string): string[] | undefined {
  let report: ExporterInputs;
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8')) as ExporterInputs;
  } catch {
    return undefined;
  }
  if (!report.complete || !report.files?.length || !report.executable || !report.sitePackages)
    return undefined;
  const root = path.resolve(cwd);
  const out = [
    root,
    path.join(root, '.env'),
    ...report.files,
    ...report.files.map((f) => path.dirname(f)),
    ...(report.folders ?? []),
    ...report.sitePackages,
    report.executable,
  ];
  if (report.prefix) out.push(path.join(report.prefix, 'pyvenv.cfg'));
  for (let dir = root, depth = 0; depth < 4; depth++, dir = path.dirname(dir)) {
    for (const venv of ['.venv', 'venv'])
      for (const bin of ['python3', 'python']) out.push(path.join(dir, venv, 'bin', bin));
    for (const name of ['pyproject.toml', 'uv.lock', 'poetry.lock']) out.push(path.join(dir, name));
    if (path.dirname(dir) === dir) break;
  }
  return out;
}
