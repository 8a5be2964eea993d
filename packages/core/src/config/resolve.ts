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
  const details = parsed.error.issues.map((issue) => {
    const path = jsonPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      const where = issue.path.length ? `${path}.` : '';
      return `unknown key ${issue.keys.map((k) => `"${where}${k}"`).join(', ')}`;
    }
    if (issue.code === 'invalid_value') return `${path}: ${issue.message}`;
    return `${path}: ${issue.message}`;
  });
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

export type { OrmdocConfigInput };
