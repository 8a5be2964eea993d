import type { Table } from '@ormdoc/core';

/** A glob (`*`, `?`, `{a,b}`, `[abc]`) as a regular expression, as minimatch reads table names. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  let inClass = false;
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (inClass) {
      re += ch === '\\' ? '\\\\' : ch;
      if (ch === ']') inClass = false;
      continue;
    }
    switch (ch) {
      case '*':
        re += glob[i + 1] === '*' ? '.*' : '[^/]*';
        if (glob[i + 1] === '*') i++;
        break;
      case '?':
        re += '[^/]';
        break;
      case '[':
        inClass = true;
        re += '[';
        if (glob[i + 1] === '!') {
          re += '^';
          i++;
        }
        break;
      case '{':
        braces++;
        re += '(?:';
        break;
      case '}':
        if (braces > 0) {
          braces--;
          re += ')';
        } else re += '\\}';
        break;
      case ',':
        re += braces > 0 ? '|' : ',';
        break;
      default:
        re += ch.replace(/[.+^$()|\\/]/g, '\\$&');
    }
  }
  return new RegExp(`^${re}$`);
}

/**
 * drizzle-kit's `tablesFilter` semantics: no patterns keep everything; otherwise a name is kept
 * when at least one pattern matches it and no `!pattern` excludes it.
 */
export function tableFilter(patterns: string | string[] | undefined): (name: string) => boolean {
  const list = patterns === undefined ? [] : Array.isArray(patterns) ? patterns : [patterns];
  if (list.length === 0) return () => true;
  const matchers = list.map((p) => {
    const negate = p.startsWith('!');
    return { negate, re: globToRegExp(negate ? p.slice(1) : p) };
  });
  return (name) => {
    const flags: boolean[] = [];
    for (const m of matchers) {
      const matched = m.negate ? !m.re.test(name) : m.re.test(name);
      if (m.negate && !matched) flags.push(false);
      if (matched) flags.push(true);
    }
    return flags.length > 0 && flags.every(Boolean);
  };
}

/** Keep the tables drizzle-kit manages: `schemaFilter` (PostgreSQL schemas, `public` for the default) and `tablesFilter`. */
export function applyFilters(
  tables: Table[],
  options: {
    schemaFilter?: string[] | undefined;
    tablesFilter?: string | string[] | undefined;
    dialect: string;
  },
): Table[] {
  const byName = tableFilter(options.tablesFilter);
  const schemas =
    options.dialect === 'postgresql' && options.schemaFilter && options.schemaFilter.length > 0
      ? options.schemaFilter
      : undefined;
  return tables.filter((t) => byName(t.name) && (!schemas || schemas.includes(t.schema ?? 'public')));
}
