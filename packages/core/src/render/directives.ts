import { asciiRelationshipMap, modelDefinitions, seedScriptSql } from '../blocks/index.js';
import { ProjectFacts } from '../config/schema.js';
import { renderDdl } from '../ddl/index.js';
import { OrmdocError } from '../errors.js';
import type { FindingCategory } from '../findings/index.js';
import { qualifiedName } from '../ir/names.js';
import { mermaidBlocks } from '../templates/design.js';
import { modelLanguage } from '../templates/schema.js';
import { findingsOf, type RenderContext } from './context.js';
import { bullets, escapeHeading, fence } from './markdown.js';
import { HEADER_COMMENT, wrapRegion } from './markers.js';
import { enumBody } from './parts/enums.js';
import { findingList } from './parts/findings.js';
import { functionsReference, rlsReference, triggersReference } from './parts/objects.js';
import { describeRelationship } from './parts/relationships.js';
import { tableSection } from './parts/tableSection.js';
import { renderSampleSet } from './shared.js';
import { type FactKey, todoLine } from './todo.js';

const DIRECTIVE = /\{\{\s*ormdoc:([a-z-]+)((?:\s+[^\s}]+)*)\s*\}\}/;
const CATEGORIES: FindingCategory[] = [
  'performance',
  'indexing',
  'security',
  'validation',
  'integrity',
  'maintenance',
];
const FACT_KEYS = Object.keys(ProjectFacts.unwrap().shape) as FactKey[];

export const DIRECTIVES = [
  'tables',
  'table <name>',
  'er-diagram',
  'ddl [postgresql|mysql|sqlite]',
  'relationships',
  'enums',
  'findings [category]',
  'fact <key>',
  'relationship-map',
  'seed-script',
  'model-definitions [prisma|typescript|sqlalchemy]',
  'row-level-security',
  'triggers',
  'functions',
] as const;

interface Rendered {
  body: string;
  /** A fact without a value: the TODO line goes outside regions. */
  todo?: string;
}

function block(ctx: RenderContext, name: string, args: string[], fail: (msg: string) => never): Rendered {
  const arg = args[0];
  switch (name) {
    case 'tables':
      return {
        body:
          ctx.tables.map((t) => tableSection(ctx, t, 3)).join('\n\n') || '_The schema defines no tables._',
      };
    case 'table': {
      const t = ctx.tables.find((x) => qualifiedName(x) === arg || x.name === arg || x.codeName === arg);
      if (!t)
        return fail(
          `{{ormdoc:table ${arg ?? ''}}} names no table of the schema (tables: ${ctx.tables.map(qualifiedName).join(', ') || 'none'})`,
        );
      return { body: tableSection(ctx, t, 3) };
    }
    case 'er-diagram':
      return { body: mermaidBlocks(ctx) };
    case 'ddl': {
      if (arg !== undefined && arg !== 'postgresql' && arg !== 'mysql' && arg !== 'sqlite')
        return fail(`{{ormdoc:ddl ${arg}}}: the dialect must be postgresql, mysql or sqlite`);
      return { body: fence('sql', renderDdl(ctx.ir, arg ? { dialect: arg } : {})) };
    }
    case 'relationships':
      return { body: bullets(ctx.relationships.map(describeRelationship), '_No relationships._') };
    case 'relationship-map':
      return { body: fence('', asciiRelationshipMap(ctx.ir)) };
    case 'enums':
      return {
        body: ctx.ir.enums.length
          ? ctx.ir.enums
              .map((e) => `### ${escapeHeading(qualifiedName(e))}\n\n${enumBody(ctx, e)}`)
              .join('\n\n')
          : '_The schema defines no enums._',
      };
    case 'findings': {
      if (arg !== undefined && !CATEGORIES.includes(arg as FindingCategory))
        return fail(`{{ormdoc:findings ${arg}}}: the category must be one of ${CATEGORIES.join(', ')}`);
      return {
        body: findingList(
          findingsOf(ctx, arg ? [arg as FindingCategory] : CATEGORIES),
          '_The analysis found nothing here._',
          ctx.ir.source.orm,
        ),
      };
    }
    case 'fact': {
      if (!arg || !FACT_KEYS.includes(arg as FactKey))
        return fail(`{{ormdoc:fact ${arg ?? ''}}}: the key must be one of ${FACT_KEYS.join(', ')}`);
      const value = ctx.config.project[arg as FactKey];
      return value ? { body: value.trim() } : { body: '', todo: todoLine(arg as FactKey) };
    }
    case 'seed-script':
      return { body: fence('sql', seedScriptSql(ctx.ir, { samples: renderSampleSet(ctx) })) };
    case 'model-definitions': {
      const lang = (arg ?? modelLanguage(ctx.ir).lang) as 'prisma' | 'typescript' | 'sqlalchemy';
      if (!['prisma', 'typescript', 'sqlalchemy'].includes(lang))
        return fail(
          `{{ormdoc:model-definitions ${arg}}}: the language must be prisma, typescript or sqlalchemy`,
        );
      const text = modelDefinitions(ctx.ir, lang);
      return {
        body: text
          ? fence(lang === 'sqlalchemy' ? 'python' : lang, text)
          : `_No ${lang} model definitions available._`,
      };
    }
    case 'row-level-security': {
      // The schema's RLS facts, or (when it says nothing) the counted TODO, as the built-in documents do.
      const body = rlsReference(ctx, false);
      return body === undefined ? { body: '', todo: todoLine('rowLevelSecurity') } : { body };
    }
    case 'triggers':
      return { body: triggersReference(ctx, false) };
    case 'functions':
      return { body: functionsReference(ctx, false) };
    default:
      return fail(`unknown directive {{ormdoc:${name}}}`);
  }
}

/**
 * Render a user's Markdown template: each line holding a `{{ormdoc:<block> <args>}}` directive is
 * replaced by that building block inside markers; everything else is copied as written.
 */
export function renderCustomTemplate(ctx: RenderContext, source: string, file: string): string {
  const ids = new Set<string>();
  const out = source.split('\n').map((line, index) => {
    const m = DIRECTIVE.exec(line);
    const fail = (msg: string): never => {
      throw new OrmdocError('TEMPLATE_INVALID', `${file}:${index + 1}: ${msg}.`, {
        file,
        line: index + 1,
        details: DIRECTIVES.map((d) => `{{ormdoc:${d}}}`),
        hint: `Valid directives: ${DIRECTIVES.map((d) => `{{ormdoc:${d}}}`).join(', ')}. Put each directive on a line of its own.`,
      });
    };
    if (!m) {
      if (/\{\{\s*ormdoc:/.test(line)) fail(`malformed directive "${line.trim()}"`);
      return line;
    }
    if (line.trim() !== m[0]) fail(`the directive ${m[0]} must be alone on its line`);
    const name = m[1] as string;
    const args = (m[2] ?? '').trim().split(/\s+/).filter(Boolean);
    const rendered = block(ctx, name, args, fail);
    if (rendered.todo !== undefined) return rendered.todo;
    const base = [name, ...args].join('-').replace(/[^A-Za-z0-9._:-]/g, '_');
    let id = name === 'fact' ? `fact:${args[0]}` : base;
    for (let n = 2; ids.has(id); n++) id = `${name === 'fact' ? `fact:${args[0]}` : base}-${n}`;
    ids.add(id);
    return wrapRegion(id, rendered.body);
  });
  const text = out.join('\n');
  return `${HEADER_COMMENT}\n\n${text.endsWith('\n') ? text : `${text}\n`}`;
}
