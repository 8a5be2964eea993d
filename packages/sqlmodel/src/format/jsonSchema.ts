import { z } from 'zod';
import { EXPORT_FORMAT_VERSION, SqlalchemyExport } from './schema.js';

/** The published JSON Schema of the export format (committed as packages/sqlmodel/export.schema.json). */
export function exportJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(SqlalchemyExport, { io: 'input', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  return {
    $id: `https://ormdoc.dev/schema/sqlalchemy-export-v${EXPORT_FORMAT_VERSION}.json`,
    title: 'ormdoc SQLAlchemy/SQLModel export',
    ...schema,
  };
}
