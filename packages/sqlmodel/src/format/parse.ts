import { jsonPath, OrmdocError } from '@ormdoc/core';
import { EXPORT_FORMAT_VERSION, SqlalchemyExport } from './schema.js';

/** Validate an export document; throws EXPORT_INVALID naming the JSON path of every problem. */
export function parseExport(json: unknown, file?: string): SqlalchemyExport {
  const where = file ?? 'the SQLAlchemy export';
  const version =
    json !== null && typeof json === 'object' ? (json as Record<string, unknown>).formatVersion : undefined;
  if (version !== EXPORT_FORMAT_VERSION) {
    throw new OrmdocError(
      'EXPORT_INVALID',
      `${where} has formatVersion ${JSON.stringify(version)}; this version of @ormdoc/sqlmodel reads formatVersion ${EXPORT_FORMAT_VERSION}.`,
      {
        file,
        details: ['formatVersion: expected 1'],
        hint: 'Re-export it with the ormdoc_export.py shipped in the installed @ormdoc/sqlmodel (python node_modules/@ormdoc/sqlmodel/python/ormdoc_export.py <module> --out schema.json).',
      },
    );
  }
  const parsed = SqlalchemyExport.safeParse(json);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${jsonPath(i.path)}: ${i.message}`);
    throw new OrmdocError(
      'EXPORT_INVALID',
      `${where} is not a valid ormdoc SQLAlchemy export (${details.length} problem(s), first at ${details[0]}).`,
      {
        file,
        details,
        hint: 'Re-export it with the ormdoc_export.py shipped in @ormdoc/sqlmodel instead of editing it by hand.',
      },
    );
  }
  return parsed.data;
}
