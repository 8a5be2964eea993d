import { type Enum, parseDescription, type TableRef } from '@ormdoc/core';
import type { DzEnum } from '../types.js';

interface EnumEntry {
  ir: Enum;
  values: readonly string[];
}

/**
 * The enums of a schema: PostgreSQL `pgEnum`s (native types, keyed by schema + name) and the
 * inline enums of MySQL `mysqlEnum` / SQLite `text({ enum })` columns (native: false). An inline
 * enum is named after its column; when two columns of that name carry different values, each is
 * named `{table}_{column}` instead.
 */
export class EnumRegistry {
  private readonly native = new Map<string, EnumEntry>();
  private readonly inlineByName = new Map<string, EnumEntry>();

  addNative(
    e: DzEnum,
    info: { codeName?: string; description?: string; file?: string; line?: number } = {},
  ): TableRef {
    const schema = e.schema ?? null;
    // Stryker disable next-line StringLiteral: any separator keeps schema and name apart
    const key = `${schema ?? ''}.${e.enumName}`;
    const existing = this.native.get(key);
    if (existing) {
      if (info.codeName && !existing.ir.codeName && info.codeName !== e.enumName)
        existing.ir.codeName = info.codeName;
      return { schema, name: e.enumName };
    }
    const { text, tags } = parseDescription(info.description);
    const ir: Enum = {
      schema,
      name: e.enumName,
      values: e.enumValues.map((name) => ({ name })),
      native: true,
      tags,
    };
    if (info.codeName && info.codeName !== e.enumName) ir.codeName = info.codeName;
    if (text) ir.description = text;
    if (info.file) ir.source = { file: info.file, ...(info.line ? { line: info.line } : {}) };
    this.native.set(key, { ir, values: e.enumValues });
    return { schema, name: e.enumName };
  }

  /** The enum of a PostgreSQL enum column; registers enums not exported from the schema files. */
  refOf(e: DzEnum): TableRef {
    return this.addNative(e);
  }

  /** `enforcedBy: 'orm'` when drizzle-kit creates no type nor CHECK for it (SQLite `text({ enum })`). */
  inline(table: string, column: string, values: readonly string[], enforcedBy: 'database' | 'orm'): TableRef {
    const same = (x: EnumEntry) => x.values.join('\u0000') === values.join('\u0000');
    const byColumn = this.inlineByName.get(column);
    if (byColumn && same(byColumn)) return { schema: null, name: column };
    const name = byColumn ? `${table}_${column}` : column;
    const existing = this.inlineByName.get(name);
    // Stryker disable next-line ConditionalExpression,ObjectLiteral: registering the same values under that name again changes nothing
    if (existing && same(existing)) return { schema: null, name };
    const ir: Enum = {
      schema: null,
      name,
      values: values.map((v) => ({ name: v })),
      native: false,
      tags: [],
    };
    if (enforcedBy === 'orm') ir.enforcedBy = 'orm';
    this.inlineByName.set(name, { ir, values });
    return { schema: null, name };
  }

  all(): Enum[] {
    return [...this.native.values(), ...this.inlineByName.values()].map((e) => e.ir);
  }
}
