/**
 * JSON text laid out the way the repository's formatter (Biome, lineWidth 110) lays it out: objects
 * always expanded, arrays without objects on one line when they fit. Generated files then pass `biome check`.
 */
export function formatJson(value: unknown, lineWidth = 110): string {
  return `${render(value, 0, 0, lineWidth)}\n`;
}

/** One-line rendering when the formatter allows it (no non-empty object inside), else undefined. */
function flatOf(v: unknown): string | undefined {
  if (Array.isArray(v)) {
    const parts = v.map(flatOf);
    return parts.every((p) => p !== undefined) ? `[${parts.join(', ')}]` : undefined;
  }
  if (v !== null && typeof v === 'object') return Object.keys(v).length === 0 ? '{}' : undefined;
  return JSON.stringify(v);
}

/** `used` is how many characters precede the value on its line (indent + key). */
function render(value: unknown, indent: number, used: number, width: number, trailing = 0): string {
  const pad = ' '.repeat(indent + 2);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const flat = flatOf(value);
    if (flat !== undefined && used + flat.length + trailing <= width) return flat;
    const items = value.map(
      (v, i) => `${pad}${render(v, indent + 2, indent + 2, width, i < value.length - 1 ? 1 : 0)}`,
    );
    return `[\n${items.join(',\n')}\n${' '.repeat(indent)}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    const items = entries.map(([k, v], i) => {
      const head = `${pad}${JSON.stringify(k)}: `;
      return `${head}${render(v, indent + 2, head.length, width, i < entries.length - 1 ? 1 : 0)}`;
    });
    return `{\n${items.join(',\n')}\n${' '.repeat(indent)}}`;
  }
  return JSON.stringify(value);
}
