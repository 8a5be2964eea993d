import {
  buildIr,
  canonicalizeIr,
  type Diagnostic,
  type ExtractResult,
  IR_VERSION,
  type IrInput,
  OrmdocError,
  type Table,
} from '@ormdoc/core';
import { bundledDrizzleApi } from '../api.js';
import { applyFilters } from '../config/filters.js';
import { indexSources, type SourceFile, type SourceIndex } from '../source/jsdoc.js';
import type {
  DrizzleApi,
  DrizzleCasing,
  DrizzleDialect,
  DrizzleLegacyRelationsApi,
  DzEnum,
} from '../types.js';
import { createAdapter } from './adapter.js';
import { declarationFinder } from './declarations.js';
import { convertDefinedRelations, type DefinedRelations, isDefinedRelations } from './defineRelations.js';
import { EnumRegistry } from './enums.js';
import { convertObjects } from './objects.js';
import { convertRelations } from './relations.js';
import { tableIndex } from './tableIndex.js';
import { convertTable, convertView } from './tables.js';

export interface DrizzleModule {
  /** Path relative to the project root (forward slashes), when the values came from a file. */
  file?: string;
  /** The module's exports, as drizzle-kit reads them (every exported table, enum, view, schema, relations). */
  exports: Record<string, unknown>;
}

export interface FromDrizzleTablesInput {
  dialect: DrizzleDialect;
  /** Schema modules (export name -> value); classified like drizzle-kit does. */
  modules?: DrizzleModule[];
  /**
   * Or explicit lists of drizzle objects (`relations`: 0.x `relations()` values and 1.0
   * `defineRelations()` results; `objects`: pgPolicy, pgRole and pgSequence values).
   */
  tables?: unknown[];
  enums?: unknown[];
  views?: unknown[];
  schemas?: unknown[];
  relations?: unknown[];
  objects?: unknown[];
  casing?: DrizzleCasing;
  /** Schema source files (for JSDoc descriptions and declaration lines). */
  files?: SourceFile[];
  /** drizzle-kit's `schemaFilter` (PostgreSQL schemas; default: all). */
  schemaFilter?: string[];
  /** drizzle-kit's `tablesFilter` globs (`!` negates). */
  tablesFilter?: string | string[];
  /** drizzle-orm as loaded from the user's project; default: the copy ormdoc resolves. */
  api?: DrizzleApi;
  ormVersion?: string;
}

export interface Found {
  value: object;
  codeName?: string;
  file?: string;
}

/**
 * drizzle tables, views, enums, schemas and relations -> the ormdoc IR. Pure: no I/O; the
 * loader (`loadDrizzle`) imports the schema modules and reads the source files.
 */
export function fromDrizzleTables(input: FromDrizzleTablesInput): ExtractResult {
  const api = input.api ?? bundledDrizzleApi();
  const adapter = createAdapter(api, input.dialect, input.casing);
  // drizzle 0.4x exports relations() from its root; the 1.0 RCs from drizzle-orm/_relations.
  const legacy = api.orm.Relations ? api.orm : api.legacyRelations;
  const isLegacyRelations = (v: unknown) =>
    legacy?.Relations !== undefined && api.orm.is(v, legacy.Relations);
  const diagnostics: Diagnostic[] = [];
  const found = {
    tables: [] as Found[],
    views: [] as Found[],
    enums: [] as Found[],
    schemas: [] as Found[],
    relations: [] as Found[],
    definedRelations: [] as Found[],
    policies: [] as Found[],
    roles: [] as Found[],
    sequences: [] as Found[],
  };
  const seen = new Set<unknown>();
  const classify = (value: unknown, codeName?: string, file?: string) => {
    if (!value || typeof value !== 'object' || seen.has(value)) return;
    const bucket = adapter.isEnum(value)
      ? found.enums
      : adapter.isTable(value)
        ? found.tables
        : adapter.isView(value)
          ? found.views
          : adapter.isSchema(value)
            ? found.schemas
            : isLegacyRelations(value)
              ? found.relations
              : isDefinedRelations(value, adapter)
                ? found.definedRelations
                : adapter.isPolicy(value)
                  ? found.policies
                  : adapter.isRole(value)
                    ? found.roles
                    : adapter.isSequence(value)
                      ? found.sequences
                      : undefined;
    if (!bucket) return;
    seen.add(value);
    bucket.push({
      value,
      ...(codeName !== undefined ? { codeName } : {}),
      ...(file !== undefined ? { file } : {}),
    });
  };
  for (const m of input.modules ?? [])
    for (const [k, v] of Object.entries(m.exports)) classify(v, k === 'default' ? undefined : k, m.file);
  for (const list of [input.tables, input.views, input.enums, input.schemas, input.relations, input.objects])
    for (const v of list ?? []) classify(v);
  // PostgreSQL enums are functions with properties, not objects.
  for (const m of input.modules ?? [])
    for (const [k, v] of Object.entries(m.exports))
      if (typeof v === 'function' && adapter.isEnum(v) && !seen.has(v)) {
        seen.add(v);
        // (a default export has no code name, as for tables)
        found.enums.push({
          value: v,
          ...(k !== 'default' ? { codeName: k } : {}),
          ...(m.file ? { file: m.file } : {}),
        });
      }
  for (const v of input.enums ?? [])
    if (typeof v === 'function' && adapter.isEnum(v) && !seen.has(v)) {
      seen.add(v);
      found.enums.push({ value: v });
    }

  const sources: SourceIndex =
    input.files && input.files.length > 0 ? indexSources(input.files) : { declarations: [] };
  const declare = declarationFinder(sources);

  const enums = new EnumRegistry();
  for (const e of found.enums) {
    const en = e.value as unknown as DzEnum;
    const decl = declare(e, en.enumName);
    enums.addNative(en, {
      ...(e.codeName ? { codeName: e.codeName } : {}),
      ...(decl?.description ? { description: decl.description } : {}),
      ...(decl ? { file: decl.file, line: decl.line } : {}),
    });
  }

  const keyCache = new Map<object, Map<object, string>>();
  const ctx = {
    adapter,
    enums,
    diagnostics,
    columnKeys(table: object): Map<object, string> {
      let m = keyCache.get(table);
      if (!m) {
        m = new Map(
          Object.entries(api.orm.getTableColumns(table as never) as Record<string, object>).map(([k, c]) => [
            c,
            k,
          ]),
        );
        keyCache.set(table, m);
      }
      return m;
    },
  };
  const tables: Table[] = [];
  for (const t of found.tables) {
    const decl = declare(t, adapter.tableName(t.value));
    tables.push(
      convertTable(
        {
          value: t.value,
          ...(t.codeName ? { codeName: t.codeName } : {}),
          ...(decl ? { declaration: decl } : {}),
        },
        ctx,
      ),
    );
  }
  for (const v of found.views) {
    const name = adapter.viewConfig(v.value).name;
    const decl = declare(v, name);
    tables.push(
      convertView(
        {
          value: v.value,
          ...(v.codeName ? { codeName: v.codeName } : {}),
          ...(decl ? { declaration: decl } : {}),
        },
        ctx,
      ),
    );
  }
  const namespaces = found.schemas.map((s) => (s.value as { schemaName: string }).schemaName);
  assertUniqueTableNames(tables);
  const filtered = dropDanglingForeignKeys(
    applyFilters(tables, {
      schemaFilter: input.schemaFilter,
      tablesFilter: input.tablesFilter,
      dialect: input.dialect,
    }),
    diagnostics,
  );
  const objects = convertObjects({
    adapter,
    tables: found.tables,
    policies: found.policies,
    roles: found.roles,
    sequences: found.sequences,
    irTables: filtered,
    declare,
    calls: sources.calls ?? [],
    diagnostics,
  });
  const kept = objects.tables;
  const legacyRelations = legacy
    ? convertRelations({
        legacy: legacy as DrizzleLegacyRelationsApi,
        is: api.orm.is as (value: unknown, type: never) => boolean,
        adapter,
        tables: found.tables.map((t, i) => ({ value: t.value, codeName: t.codeName ?? `table${i}` })),
        relations: found.relations.map((r) => r.value),
        irTables: kept,
        diagnostics,
      })
    : [];
  const definedRelations = convertDefinedRelations({
    adapter,
    definitions: found.definedRelations.map((d) => d.value as DefinedRelations),
    irTables: kept,
    diagnostics,
  });
  const documented = tableIndex(kept);
  const relations = [...legacyRelations, ...definedRelations].filter((r) =>
    [r.from, r.to].every((ref) => documented.get(ref.schema, ref.name) !== undefined),
  );

  const files = [
    ...new Set([
      ...(input.files ?? []).map((f) => f.path),
      ...(input.modules ?? []).flatMap((m) => (m.file ? [m.file] : [])),
    ]),
  ].sort();
  const ir: IrInput = {
    irVersion: IR_VERSION,
    dialect: input.dialect,
    source: {
      orm: 'drizzle',
      ...((input.ormVersion ?? api.version) ? { ormVersion: input.ormVersion ?? api.version } : {}),
      files,
    },
    namespaces: namespaces.filter(
      (n) => input.dialect !== 'postgresql' || !input.schemaFilter || input.schemaFilter.includes(n),
    ),
    tables: kept,
    enums: enums
      .all()
      .filter(
        (e) =>
          !input.schemaFilter ||
          input.dialect !== 'postgresql' ||
          input.schemaFilter.includes(e.schema ?? 'public'),
      ),
    relations,
    policies: objects.policies,
    roles: objects.roles,
    sequences: objects.sequences.filter(
      (s) =>
        !input.schemaFilter ||
        input.dialect !== 'postgresql' ||
        input.schemaFilter.includes(s.schema ?? 'public'),
    ),
  };
  return { ir: canonicalizeIr(buildIr(ir)), diagnostics };
}

/**
 * Two exports declaring the same database table (the same name passed to pgTable in two files,
 * say) are a mistake in the user's schema, not something to document twice: name both places.
 */
function assertUniqueTableNames(tables: Table[]): void {
  const first = new Map<string, Table>();
  const where = (t: Table) =>
    `${t.codeName ?? t.name}${t.source ? ` (${t.source.file}${t.source.line ? `:${t.source.line}` : ''})` : ''}`;
  for (const t of tables) {
    const key = `${t.schema ?? ''}.${t.name}`;
    const other = first.get(key);
    if (!other) {
      first.set(key, t);
      continue;
    }
    const table = t.schema ? `${t.schema}.${t.name}` : t.name;
    throw new OrmdocError(
      'SCHEMA_INVALID',
      `The ${t.kind === 'table' ? 'table' : 'view'} "${table}" is declared twice: by ${where(other)} and by ${where(t)}.`,
      {
        ...(t.source ? { file: t.source.file, ...(t.source.line ? { line: t.source.line } : {}) } : {}),
        hint: 'Give one of them another name (the first argument of the table function), or export the same table object from one place only.',
      },
    );
  }
}

/** Foreign keys to tables outside the documented set (not exported, or filtered out) cannot be drawn. */
function dropDanglingForeignKeys(tables: Table[], diagnostics: Diagnostic[]): Table[] {
  const index = tableIndex(tables);
  return tables.map((t) => {
    const foreignKeys = t.foreignKeys.filter((fk) => {
      if (index.get(fk.references.schema, fk.references.name)) return true;
      diagnostics.push({
        severity: 'warning',
        code: 'drizzle/foreign-key-target-missing',
        message: `Foreign key ${fk.name} of ${t.name} references ${fk.references.name}, which is not among the documented tables; it is left out.`,
        ...(t.source ? { file: t.source.file, line: t.source.line } : {}),
        hint: 'Export the referenced table from a schema file (drizzle-kit only sees exported tables), or widen tablesFilter/schemaFilter.',
      });
      return false;
    });
    return foreignKeys.length === t.foreignKeys.length ? t : { ...t, foreignKeys };
  });
}
