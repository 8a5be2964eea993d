import { findTable, type Ir, qualifiedName, typeChange } from '@ormdoc/core';
import type { DriftChange, DriftItem, DriftSide } from './report.js';

/**
 * harmless: the application keeps working and no data is at risk; needs-migration: the database
 * should be brought in line (or the schema told), but nothing fails today; dangerous: queries can
 * fail now, or rows can be lost or changed in ways the application does not expect.
 */
export type DriftClass = 'harmless' | 'needs-migration' | 'dangerous';

type Verdict = [DriftClass, string];

/** One change of `diffIr(database, orm)` as a drift item: side, definitions, class and reason. */
export function classify(c: DriftChange, db: Ir): DriftItem {
  const [side, verdict] = judge(c, db);
  return {
    side,
    kind: c.kind,
    ...(c.table !== undefined ? { table: c.table } : {}),
    ...(c.column !== undefined ? { column: c.column } : {}),
    ...(c.name !== undefined ? { name: c.name } : {}),
    ...(c.enum !== undefined ? { enum: c.enum } : {}),
    ...(c.before !== undefined ? { database: c.before } : {}),
    ...(c.after !== undefined ? { orm: c.after } : {}),
    class: verdict[0],
    reason: verdict[1],
  };
}

function columnIn(ir: Ir, table: string | undefined, column: string | undefined) {
  const t =
    ir.tables.find((x) => qualifiedName(x) === table) ??
    (table ? findTable(ir, { schema: null, name: table }) : undefined);
  return t?.columns.find((col) => col.name === column);
}

const DELETES = new Set(['CASCADE', 'SET NULL', 'SET DEFAULT']);

function judge(c: DriftChange, db: Ir): [DriftSide, Verdict] {
  switch (c.kind) {
    case 'table-added':
      return [
        'orm-only',
        ['dangerous', 'The ORM queries a table the database does not have: a migration was not applied.'],
      ];
    case 'view-added':
      return [
        'orm-only',
        ['dangerous', 'The ORM reads a view the database does not have: a migration was not applied.'],
      ];
    case 'table-dropped':
      return [
        'database-only',
        [
          'harmless',
          'A table the ORM does not know (another service, or a leftover); a migration generated from the ORM may drop it.',
        ],
      ];
    case 'view-dropped':
      return [
        'database-only',
        ['harmless', 'A view the ORM does not know; the application never reads it through the ORM.'],
      ];
    case 'view-changed':
      return ['differs', ['needs-migration', 'The view is defined differently in the database.']];
    case 'column-added':
      return [
        'orm-only',
        ['dangerous', 'The ORM reads and writes a column the database does not have: its queries fail.'],
      ];
    case 'column-dropped': {
      const col = columnIn(db, c.table, c.column);
      const required = col && !col.nullable && !col.default && !col.generated;
      return [
        'database-only',
        required
          ? [
              'dangerous',
              'NOT NULL without a default, and the ORM never writes it: every insert through the ORM fails.',
            ]
          : [
              'harmless',
              'A column the ORM does not know (another service, or a leftover); the ORM never writes it.',
            ],
      ];
    }
    case 'column-renamed':
      return [
        'differs',
        [
          'dangerous',
          "The database has the column under another name (a rename not applied?): the ORM's queries fail.",
        ],
      ];
    case 'column-type-changed': {
      const change = typeChange(c.before ?? '', c.after ?? '');
      return [
        'differs',
        change === 'narrow'
          ? [
              'needs-migration',
              "The database type is wider than the ORM's: values it holds may not fit the ORM's type.",
            ]
          : change === 'widen'
            ? [
                'dangerous',
                "The database type is narrower than the ORM's: values the ORM writes can be rejected or cut.",
              ]
            : ['dangerous', 'The types differ: values are converted, rejected or read wrongly.'],
      ];
    }
    case 'column-nullability-changed':
      return [
        'differs',
        c.before === 'NULL'
          ? [
              'dangerous',
              "The database accepts NULL where the ORM's types promise a value: reads can meet NULLs.",
            ]
          : ['dangerous', 'The database refuses NULL where the ORM allows it: writes without a value fail.'],
      ];
    case 'column-default-changed':
      return [
        'differs',
        c.after === '(none)'
          ? ['harmless', 'The database fills a default the ORM does not declare.']
          : [
              'needs-migration',
              "Rows inserted without a value get another default than the ORM's schema says.",
            ],
      ];
    case 'primary-key-added':
      return [
        'orm-only',
        [
          'dangerous',
          'The database has no primary key where the ORM assumes one: duplicate rows can be written.',
        ],
      ];
    case 'primary-key-dropped':
      return [
        'database-only',
        ['needs-migration', "The database has a primary key the ORM's schema does not declare."],
      ];
    case 'primary-key-changed':
      return [
        'differs',
        [
          'dangerous',
          'The primary key covers other columns than the ORM assumes: lookups and updates can hit other rows.',
        ],
      ];
    case 'unique-added':
      return [
        'orm-only',
        [
          'needs-migration',
          'The database does not enforce a uniqueness the ORM relies on: duplicates can be written.',
        ],
      ];
    case 'unique-dropped':
      return [
        'database-only',
        [
          'needs-migration',
          "The database rejects duplicates the ORM's schema allows: declare the unique key.",
        ],
      ];
    case 'index-added':
      return ['orm-only', ['needs-migration', 'The index is missing: the queries it serves scan the table.']];
    case 'index-dropped':
      return [
        'database-only',
        [
          'harmless',
          'A hand-made index the ORM does not know; declare it, or a migration generated from the ORM may drop it.',
        ],
      ];
    case 'index-changed':
      return [
        'differs',
        [
          'needs-migration',
          'The index is defined differently in the database (columns, order, method or predicate).',
        ],
      ];
    case 'foreign-key-added':
      return [
        'orm-only',
        ['needs-migration', 'Referential integrity is not enforced: orphan rows can be written.'],
      ];
    case 'foreign-key-dropped':
      return [
        'database-only',
        [
          'needs-migration',
          "The database enforces a reference the ORM's schema does not declare: writes can be refused.",
        ],
      ];
    case 'foreign-key-action-changed': {
      const dbDelete = /ON DELETE ([A-Z ]+?) ON UPDATE/.exec(c.before ?? '')?.[1] ?? '';
      const ormDelete = /ON DELETE ([A-Z ]+?) ON UPDATE/.exec(c.after ?? '')?.[1] ?? '';
      return [
        'differs',
        dbDelete !== ormDelete && DELETES.has(dbDelete)
          ? [
              'dangerous',
              `Deleting a parent row ${dbDelete === 'CASCADE' ? 'deletes' : 'changes'} child rows the ORM expects to be kept.`,
            ]
          : [
              'needs-migration',
              "The database reacts to deletes or updates of the parent otherwise than the ORM's schema says.",
            ],
      ];
    }
    case 'check-added':
      return [
        'orm-only',
        ['needs-migration', 'The database does not enforce the check: invalid rows can be written.'],
      ];
    case 'check-dropped':
      return [
        'database-only',
        ['needs-migration', "The database rejects rows the ORM's schema allows: declare the check."],
      ];
    case 'check-changed':
      return ['differs', ['needs-migration', 'The check is written differently in the database.']];
    case 'constraint-renamed':
      return ['differs', ['harmless', "Same definition under another name than the ORM's schema gives it."]];
    case 'enum-added':
      return [
        'orm-only',
        ['dangerous', 'The enum type is missing from the database: columns of it cannot exist.'],
      ];
    case 'enum-dropped':
      return ['database-only', ['harmless', 'An enum type the ORM does not use.']];
    case 'enum-value-added':
      return [
        'orm-only',
        ['dangerous', 'The database refuses this value: writing it through the ORM fails.'],
      ];
    case 'enum-value-dropped':
      return ['database-only', ['needs-migration', 'The database may hold a value the ORM cannot read.']];
    case 'policy-added':
      return [
        'orm-only',
        ['dangerous', 'The policy is missing from the database: rows it should hide or protect are open.'],
      ];
    case 'policy-dropped':
      return [
        'database-only',
        ['needs-migration', 'The database restricts rows by a policy the schema does not declare.'],
      ];
    case 'rls-changed':
      return [
        'differs',
        c.before === 'disabled'
          ? [
              'dangerous',
              'Row-level security is off in the database: every row is visible to every role with access.',
            ]
          : [
              'needs-migration',
              'Row-level security is on in the database but not in the schema: queries see fewer rows than the schema says.',
            ],
      ];
    case 'trigger-added':
      return [
        'orm-only',
        [
          'needs-migration',
          'The trigger is missing: what it maintains (timestamps, audit rows) is not done.',
        ],
      ];
    case 'trigger-dropped':
      return [
        'database-only',
        ['needs-migration', 'The database changes writes by a trigger the schema does not declare.'],
      ];
    case 'routine-added':
      return [
        'orm-only',
        ['needs-migration', 'The function is missing from the database: what calls it fails.'],
      ];
    case 'routine-dropped':
      return [
        'database-only',
        ['harmless', "A function the schema does not declare (another service's, or a leftover)."],
      ];
    default:
      return ['differs', ['harmless', "Not a difference of the database's structure."]];
  }
}
