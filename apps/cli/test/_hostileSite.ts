import { canonicalizeIr, type Ir, parseIr } from '@ormdoc/core';
import {
  aColumn,
  aForeignKey,
  anEnum,
  anIndex,
  anIr,
  aPrimaryKey,
  aTable,
  HOSTILE_COMMENT,
} from '@ormdoc/core/testing';

/** The window property every payload below tries to set: it must stay unset. */
export const PWNED = '__ormdocPwned';

/** Markup that runs a script wherever it is not encoded for its context. */
const PAYLOADS = [
  `<img src=x onerror="window.${PWNED}=1">`,
  `</script><script>window.${PWNED}=1</script>`,
  `"><svg onload="window.${PWNED}=1">`,
  `'><iframe srcdoc="<script>parent.${PWNED}=1</script>"></iframe>`,
  `[click](javascript:window.${PWNED}=1)`,
  `<!-- ormdoc:end tables --><script>window.${PWNED}=1</script>`,
  `x\u2028</script>\u2029<b>y</b>&amp;`,
];

/**
 * A schema whose table names, code names, column names, descriptions, index and constraint names
 * and enum values are script-injection payloads, linked by foreign keys (so they meet in links,
 * relationships and diagrams).
 */
export function hostileSiteIr(): Ir {
  const tables = PAYLOADS.map((name, i) => {
    const prev = i > 0 ? PAYLOADS[i - 1] : undefined;
    return aTable(name, {
      description: `${name} ${HOSTILE_COMMENT}`,
      codeName: `Model${i}${name.slice(0, 12)}`,
      columns: [
        aColumn('id', 'integer'),
        aColumn(`${name}_col`, 'text', { nullable: true, description: name, codeName: `f${i}${name}` }),
        ...(prev === undefined ? [] : [aColumn('prev_id', 'integer', { nullable: true })]),
      ],
      primaryKey: { ...aPrimaryKey(name, ['id']), name: `p${i}_${name}` },
      indexes: [{ ...anIndex(name, [`${name}_col`]), name: `i${i}_${name}`, where: name }],
      checks: [{ name: `c${i}`, nameExplicit: true, expression: `"${name}" <> '</script>'` }],
      foreignKeys:
        prev === undefined
          ? []
          : [{ ...aForeignKey(name, ['prev_id'], prev, ['id']), name: `f${i}_${name}` }],
    });
  });
  return canonicalizeIr(parseIr(anIr({ tables, enums: [anEnum('e<script>', PAYLOADS)] })));
}
