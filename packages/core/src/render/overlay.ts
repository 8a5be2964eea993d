import type { OrmdocConfig } from '../config/schema.js';
import type { Diagnostic } from '../diagnostics.js';
import { qualifiedName } from '../ir/names.js';
import type { Ir, Tag } from '../ir/types.js';

const toTags = (tags: string[]): Tag[] => tags.map((t) => ({ name: t.replace(/^@/, '').toLowerCase() }));
const mergeTags = (a: Tag[], b: Tag[]): Tag[] => [
  ...a,
  ...b.filter((t) => !a.some((x) => x.name === t.name)),
];

/** Apply `config.overlay` (descriptions and tags per table and column) over the ORM's own. */
export function applyOverlay(
  ir: Ir,
  overlay: OrmdocConfig['overlay'],
): { ir: Ir; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const keys = Object.keys(overlay);
  if (keys.length === 0) return { ir, diagnostics };
  const used = new Set<string>();
  const tables = ir.tables.map((t) => {
    const key = [qualifiedName(t), t.name].find((k) => overlay[k] !== undefined);
    const o = key === undefined ? undefined : overlay[key];
    if (!o || key === undefined) return t;
    used.add(key);
    const columns = t.columns.map((c) => {
      const co = o.columns?.[c.name];
      if (!co) return c;
      return {
        ...c,
        ...(co.description !== undefined ? { description: co.description } : {}),
        tags: co.tags ? mergeTags(c.tags, toTags(co.tags)) : c.tags,
      };
    });
    for (const col of Object.keys(o.columns ?? {}))
      if (!t.columns.some((c) => c.name === col))
        diagnostics.push({
          severity: 'warning',
          code: 'config/overlay-unknown-column',
          message: `overlay["${key}"].columns names "${col}", which ${qualifiedName(t)} does not have.`,
          hint: `Use a database column name of ${qualifiedName(t)}.`,
        });
    return {
      ...t,
      ...(o.description !== undefined ? { description: o.description } : {}),
      tags: o.tags ? mergeTags(t.tags, toTags(o.tags)) : t.tags,
      columns,
    };
  });
  for (const key of keys)
    if (!used.has(key))
      diagnostics.push({
        severity: 'warning',
        code: 'config/overlay-unknown-table',
        message: `overlay names "${key}", which is not a table of the schema.`,
        hint: 'Use the database table name, or schema.name for a table outside the default schema.',
      });
  return { ir: { ...ir, tables }, diagnostics };
}
