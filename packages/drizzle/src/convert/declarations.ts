import type { Declaration, SourceIndex } from '../source/jsdoc.js';
import type { Found } from './fromDrizzleTables.js';

/**
 * The declaration of a drizzle object: the export of that name in its file, else the only one
 * declaring that database name, else one of those (or any export) with the code name. Indexed once:
 * the first match in the declarations' order, as a scan of them would find.
 */
export function declarationFinder(
  sources: SourceIndex,
): (f: Found, dbName: string) => Declaration | undefined {
  const byExport = new Map<string, Declaration>();
  const byFileExport = new Map<string, Declaration>();
  const byDbName = new Map<string, Declaration[]>();
  for (const d of sources.declarations) {
    for (const name of d.exportNames) {
      if (!byExport.has(name)) byExport.set(name, d);
      const key = `${d.file}\u0000${name}`;
      if (!byFileExport.has(key)) byFileExport.set(key, d);
    }
    if (d.dbName !== undefined) {
      const list = byDbName.get(d.dbName);
      if (list) list.push(d);
      else byDbName.set(d.dbName, [d]);
    }
  }
  return (f, dbName) => {
    const codeName = f.codeName;
    if (codeName && f.file !== undefined) {
      const exact = byFileExport.get(`${f.file}\u0000${codeName}`);
      if (exact) return exact;
    }
    const byDb = byDbName.get(dbName) ?? [];
    if (byDb.length === 1) return byDb[0];
    if (codeName) return byDb.find((d) => d.varName === codeName) ?? byExport.get(codeName);
    return undefined;
  };
}
