import { checkedValueList } from '../findings/rules/validation.js';
import type { Table } from '../ir/types.js';

/** Numeric bounds a table's simple CHECKs put on a column (`x >= 0`, `x > 0`, `x BETWEEN a AND b`, `0 < x`). */
export interface Bounds {
  min?: number;
  minExclusive?: boolean;
  max?: number;
  maxExclusive?: boolean;
  notEqual: number[];
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NUM = '(-?\\d+(?:\\.\\d+)?)';

export function numericBounds(table: Table, column: string): Bounds {
  const b: Bounds = { notEqual: [] };
  const col = `\\(*"?${esc(column)}"?\\)*(?:::[\\w ]+)?`;
  const num = `\\(*${NUM}(?:::[\\w ]+)?\\)*`;
  const setMin = (v: number, exclusive: boolean) => {
    if (b.min === undefined || v > b.min || (v === b.min && exclusive)) {
      b.min = v;
      b.minExclusive = exclusive;
    }
  };
  const setMax = (v: number, exclusive: boolean) => {
    if (b.max === undefined || v < b.max || (v === b.max && exclusive)) {
      b.max = v;
      b.maxExclusive = exclusive;
    }
  };
  const between = new RegExp(`${col}\\s+BETWEEN\\s+${num}\\s+AND\\s+${num}`, 'gi');
  for (const check of table.checks) {
    for (const m of check.expression.matchAll(between)) {
      setMin(Number(m[1]), false);
      setMax(Number(m[2]), false);
    }
    for (const part of check.expression.replace(between, 'TRUE').split(/\s+AND\s+/i)) {
      const p = part.trim();
      let m = new RegExp(`^\\(*\\s*${col}\\s*(>=|>|<=|<|<>|!=)\\s*${num}\\s*\\)*$`, 'i').exec(p);
      if (m) {
        const v = Number(m[2]);
        if (m[1] === '>=') setMin(v, false);
        else if (m[1] === '>') setMin(v, true);
        else if (m[1] === '<=') setMax(v, false);
        else if (m[1] === '<') setMax(v, true);
        else b.notEqual.push(v);
        continue;
      }
      m = new RegExp(`^\\(*\\s*${num}\\s*(>=|>|<=|<)\\s*${col}\\s*\\)*$`, 'i').exec(p);
      if (m) {
        const v = Number(m[1]);
        if (m[2] === '<=') setMin(v, false);
        else if (m[2] === '<') setMin(v, true);
        else if (m[2] === '>=') setMax(v, false);
        else setMax(v, true);
      }
    }
  }
  return b;
}

/** Move a number into the bounds (integers step by 1, decimals by 0.01). */
export function clampToBounds(value: number, b: Bounds, integer: boolean): number {
  const step = integer ? 1 : 0.01;
  let v = value;
  if (b.min !== undefined && (v < b.min || (b.minExclusive && v <= b.min)))
    v = b.minExclusive ? b.min + step : b.min;
  if (b.max !== undefined && (v > b.max || (b.maxExclusive && v >= b.max)))
    v = b.maxExclusive ? b.max - step : b.max;
  while (b.notEqual.includes(v)) v += step;
  return integer ? Math.round(v) : Math.round(v * 100) / 100;
}

/** The values a CHECK restricts a text column to, if any. */
export function allowedValues(table: Table, column: string): string[] | undefined {
  for (const check of table.checks) {
    const values = checkedValueList(check.expression, column);
    if (values && values.length > 0) return values;
  }
  return undefined;
}
