// The rows of the bench: which generated project each measures, its floor script and the ormdoc
// flags. Two rows share the SQLModel project: `sqlmodel` (the CLI runs the Python exporter on the
// models package, as users run it) and `sqlmodel-json` (the CLI reads the saved export).
import { DEFAULT_PYTHON } from './resolve.mjs';

/**
 * @typedef {{ id: string, orm: string, floor: string, floorArgs?: string[], cliArgs: string[],
 *   infoOnly?: string }} Row
 *   `orm`: the generated project (bench/.out/<orm>-<n>/) and the peers' ORM; `floor`: script in
 *   bench/floor/; `infoOnly`: why the row is never PASS/FAIL (printed with it).
 */

/** @returns {Row[]} every row; `python` runs the SQLModel models (floor and ormdoc alike). */
export function allRows({ python = DEFAULT_PYTHON } = {}) {
  return [
    { id: 'prisma', orm: 'prisma', floor: 'prisma.mjs', cliArgs: ['--orm', 'prisma'] },
    { id: 'drizzle', orm: 'drizzle', floor: 'drizzle.mjs', cliArgs: ['--orm', 'drizzle'] },
    { id: 'typeorm', orm: 'typeorm', floor: 'typeorm.mjs', cliArgs: ['--orm', 'typeorm'] },
    {
      id: 'sqlmodel',
      orm: 'sqlmodel',
      floor: 'sqlmodel-python.mjs',
      floorArgs: ['--module', 'app.models', '--python', python],
      // The project also holds schema.json, which auto-detection would prefer: name the module.
      cliArgs: ['--orm', 'sqlmodel', '--module', 'app.models', '--python', python],
    },
    {
      id: 'sqlmodel-json',
      orm: 'sqlmodel',
      floor: 'sqlmodel.mjs',
      cliArgs: ['--orm', 'sqlmodel', '--json', 'schema.json'],
      infoOnly: 'floor is JSON.parse of the export, no ORM code in it',
    },
  ];
}

/** Rows selected by `--orms`: an item names a row (`sqlmodel-json`) or an ORM (all of its rows). */
export function selectRows(rows, items) {
  const known = new Set(rows.flatMap((r) => [r.id, r.orm]));
  for (const item of items)
    if (!known.has(item)) throw new Error(`unknown row or ORM ${item} (one of ${[...known].join(', ')})`);
  return rows.filter((r) => items.includes(r.id) || items.includes(r.orm));
}
