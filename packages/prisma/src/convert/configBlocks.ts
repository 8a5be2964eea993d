import { type ScannedBlock, type ScannedSchema, stripCr } from './scan.js';

/**
 * The configuration blocks (`datasource`, `generator`) read from a scanned file without parsing
 * the schema again: `get_config` is given only these blocks (`configOnly`), and a datasource of
 * simple `key = value` lines is read directly (`datasourceAssignments`); prisma-ast reads the rest.
 */

/**
 * The file with every line outside `datasource` and `generator` blocks blanked: what get_config
 * reads, at the same line numbers.
 */
export function configOnly(content: string, scan: ScannedSchema): string {
  const lines = content.split('\n');
  const out = new Array<string>(lines.length).fill('');
  for (const b of scan.blocks) {
    if (b.kind !== 'datasource' && b.kind !== 'generator') continue;
    for (let j = b.start; j <= b.end; j++) out[j] = lines[j]!; // a block's lines are lines of the file
  }
  return out.join('\n');
}

/** A datasource assignment's value in prisma-ast's shape: string literals keep their quotes. */
export type AssignmentValue =
  | string
  | { type: 'array'; args: string[] }
  | { type: 'function'; name: 'env'; params: string[] };

const ASSIGNMENT = /^\s*([A-Za-z]\w*)\s*=\s*(.*?)\s*$/;
const STRING = /^"[^"\\]*"$/;
const STRING_ARRAY = /^\[\s*(?:"[^"\\]*"(?:\s*,\s*"[^"\\]*")*)?\s*\]$/;
const STRINGS = /"[^"\\]*"/g;
const ENV = /^env\(\s*("[^"\\]*")\s*\)$/;

/**
 * The assignments of a datasource block whose lines are all `key = "string"`, `key = ["a", "b"]`,
 * `key = env("X")`, comments or blank: `undefined` for anything else (prisma-ast reads those).
 */
export function datasourceAssignments(
  scan: ScannedSchema,
  block: ScannedBlock,
): Array<{ key: string; value: AssignmentValue }> | undefined {
  const out: Array<{ key: string; value: AssignmentValue }> = [];
  for (let j = block.start + 1; j < block.end; j++) {
    const line = stripCr(scan.lines[j]!);
    const text = line.trim();
    if (text === '' || text.startsWith('//')) continue;
    const m = ASSIGNMENT.exec(line);
    if (!m) return undefined;
    const raw = m[2]!;
    const env = ENV.exec(raw);
    if (STRING.test(raw)) out.push({ key: m[1]!, value: raw });
    else if (STRING_ARRAY.test(raw))
      out.push({ key: m[1]!, value: { type: 'array', args: raw.match(STRINGS) ?? [] } });
    else if (env) out.push({ key: m[1]!, value: { type: 'function', name: 'env', params: [env[1]!] } });
    else return undefined;
  }
  return out;
}
