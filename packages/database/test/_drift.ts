import type { DriftClass, DriftItem, DriftSide } from '../src/index.js';

/**
 * The drift a team makes by hand on a database its ORM created, each with what `ormdoc drift` must
 * report. Written for the example domain (examples/DOMAIN.md), the same for the four ORMs.
 */
export interface HandDrift {
  what: string;
  sql: string;
  expect: { side: DriftSide; kind: DriftItem['kind']; table: string; column?: string; class: DriftClass };
}

/** `ALTER ... DROP CONSTRAINT` of the FK on comments(author_id), whatever the ORM named it. */
const DROP_AUTHOR_FK = `DO $$ DECLARE n text; BEGIN
  SELECT conname INTO n FROM pg_constraint
   WHERE conrelid = 'comments'::regclass AND contype = 'f'
     AND conkey = ARRAY[(SELECT attnum FROM pg_attribute WHERE attrelid = 'comments'::regclass AND attname = 'author_id')];
  EXECUTE format('ALTER TABLE comments DROP CONSTRAINT %I', n);
END $$;`;

/** The plain index on comments(post_id) rebuilt as a hash index under the same name. */
const REBUILD_POST_INDEX = `DO $$ DECLARE n text; BEGIN
  SELECT c.relname INTO n FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
   WHERE i.indrelid = 'comments'::regclass AND NOT i.indisunique AND i.indnatts = 1
     AND i.indkey[0] = (SELECT attnum FROM pg_attribute WHERE attrelid = 'comments'::regclass AND attname = 'post_id');
  EXECUTE format('DROP INDEX %I', n);
  EXECUTE format('CREATE INDEX %I ON comments USING hash (post_id)', n);
END $$;`;

export const HAND_DRIFT: HandDrift[] = [
  {
    what: 'an index made by hand',
    sql: 'CREATE INDEX hand_users_display_name ON users (display_name);',
    expect: { side: 'database-only', kind: 'index-dropped', table: 'users', class: 'harmless' },
  },
  {
    what: 'a dropped column',
    sql: 'ALTER TABLE users DROP COLUMN bio;',
    expect: { side: 'orm-only', kind: 'column-added', table: 'users', column: 'bio', class: 'dangerous' },
  },
  {
    what: 'a changed default',
    sql: 'ALTER TABLE users ALTER COLUMN is_active SET DEFAULT false;',
    expect: {
      side: 'differs',
      kind: 'column-default-changed',
      table: 'users',
      column: 'is_active',
      class: 'needs-migration',
    },
  },
  {
    what: 'a changed FK action (RESTRICT -> CASCADE)',
    sql: `${DROP_AUTHOR_FK}
ALTER TABLE comments ADD CONSTRAINT comments_author_by_hand FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE CASCADE;`,
    expect: { side: 'differs', kind: 'foreign-key-action-changed', table: 'comments', class: 'dangerous' },
  },
  {
    what: "another service's column",
    sql: 'ALTER TABLE users ADD COLUMN legacy_code text;',
    expect: {
      side: 'database-only',
      kind: 'column-dropped',
      table: 'users',
      column: 'legacy_code',
      class: 'harmless',
    },
  },
  {
    what: 'a narrowed type',
    sql: 'ALTER TABLE users ALTER COLUMN display_name TYPE varchar(50);',
    expect: {
      side: 'differs',
      kind: 'column-type-changed',
      table: 'users',
      column: 'display_name',
      class: 'dangerous',
    },
  },
  {
    what: 'a column made NOT NULL',
    sql: 'ALTER TABLE users ALTER COLUMN deleted_at SET NOT NULL;',
    expect: {
      side: 'differs',
      kind: 'column-nullability-changed',
      table: 'users',
      column: 'deleted_at',
      class: 'dangerous',
    },
  },
  {
    what: 'an index rebuilt with another method',
    sql: REBUILD_POST_INDEX,
    expect: { side: 'differs', kind: 'index-changed', table: 'comments', class: 'needs-migration' },
  },
  {
    what: 'row-level security and a policy added by hand',
    sql: 'ALTER TABLE posts ENABLE ROW LEVEL SECURITY; CREATE POLICY hand_read ON posts FOR SELECT USING (deleted_at IS NULL);',
    expect: { side: 'differs', kind: 'rls-changed', table: 'posts', class: 'needs-migration' },
  },
  {
    what: '(the policy)',
    sql: '',
    expect: { side: 'database-only', kind: 'policy-dropped', table: 'posts', class: 'needs-migration' },
  },
  {
    what: 'a trigger and its function added by hand',
    sql: `CREATE FUNCTION hand_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at = now(); RETURN NEW; END $$;
CREATE TRIGGER hand_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION hand_touch();`,
    expect: { side: 'database-only', kind: 'trigger-dropped', table: 'users', class: 'needs-migration' },
  },
  {
    what: '(the function)',
    sql: '',
    expect: { side: 'database-only', kind: 'routine-dropped', table: '', class: 'harmless' },
  },
];

/** The fields of an item the expectations state. */
export function essentials(i: DriftItem): HandDrift['expect'] {
  return {
    side: i.side,
    kind: i.kind,
    table: i.table ?? '',
    ...(i.column !== undefined ? { column: i.column } : {}),
    class: i.class,
  };
}
