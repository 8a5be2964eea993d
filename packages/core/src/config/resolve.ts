import type { z } from 'zod';
import { OrmdocError } from '../errors.js';
import { jsonPath } from '../ir/validate.js';
import { OrmdocConfig, type OrmdocConfigInput } from './schema.js';

/**
 * Validate raw config (from any source) into a complete OrmdocConfig.
 * Errors name the key, what was given and what is accepted.
 */
export function resolveConfig(input: unknown, file?: string): OrmdocConfig {
  const parsed = OrmdocConfig.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((issue) => describeIssue(issue, input));
  throw new OrmdocError(
    'CONFIG_INVALID',
    `Invalid ormdoc configuration${file ? ` in ${file}` : ''}:\n  ${details.join('\n  ')}`,
    {
      ...(file ? { file } : {}),
      details,
      hint: 'Fix the keys listed above; `defineConfig` from ormdoc gives completion and type errors in ormdoc.config.ts.',
    },
  );
}

function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v: unknown = input;
  for (const seg of path)
    v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[seg] : undefined;
  return v;
}

const show = (v: unknown) => (typeof v === 'string' ? `"${v}"` : (JSON.stringify(v) ?? String(v)));

/** One line per problem: the key, what was given, what is accepted. */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const path = jsonPath(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const where = issue.path.length ? `${path}.` : '';
      return `unknown key ${issue.keys.map((k) => `"${where}${k}"`).join(', ')}`;
    }
    case 'invalid_value':
      return `${path}: ${show(valueAt(input, issue.path))} is not accepted; use one of ${issue.values.map(show).join(', ')}`;
    case 'invalid_union': {
      // e.g. a template id or { path }: list every accepted literal and the other accepted shapes.
      const literals = new Set<string>();
      const shapes = new Set<string>();
      for (const branch of issue.errors)
        for (const sub of branch) {
          if (sub.code === 'invalid_value' && sub.path.length === 0)
            for (const v of sub.values) literals.add(show(v));
          else if (sub.code === 'invalid_type' && sub.path.length === 0)
            shapes.add(`${/^[aeiou]/.test(sub.expected) ? 'an' : 'a'} ${sub.expected}`);
          // The value is an object of the right kind with a wrong key inside: say which.
          else shapes.add(`an object where ${describeIssue(sub, valueAt(input, issue.path))}`);
        }
      const accepted = [...(literals.size ? [`one of ${[...literals].join(', ')}`] : []), ...shapes];
      return `${path}: ${show(valueAt(input, issue.path))} is not accepted; use ${accepted.join(', or ')}`;
    }
    case 'invalid_type':
      return `${path}: expected ${issue.expected}, got ${show(valueAt(input, issue.path))}`;
    default:
      return `${path}: ${issue.message}`;
  }
}

export type { OrmdocConfigInput };
