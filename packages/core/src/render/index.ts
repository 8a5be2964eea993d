import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { OrmdocConfig, TemplateId } from '../config/schema.js';
import type { Diagnostic } from '../diagnostics.js';
import { OrmdocError } from '../errors.js';
import { analyze } from '../findings/index.js';
import type { Changelog } from '../history/types.js';
import { toDbml } from '../interop/dbml.js';
import { toTblsSchema } from '../interop/tbls.js';
import { irJsonSchema } from '../ir/jsonSchema.js';
import { pinLookups, qualifiedName } from '../ir/names.js';
import type { Ir } from '../ir/types.js';
import { pinDependencyOrder } from '../relationships/order.js';
import { renderDomainPages } from '../templates/domains.js';
import { renderFindings } from '../templates/findings.js';
import { BUILTIN_TEMPLATES, DEFAULT_FILE_NAMES } from '../templates/index.js';
import { createContext, type RenderContext } from './context.js';
import { renderCustomTemplate } from './directives.js';
import { chunkedFile, jsonChunks } from './jsonChunks.js';
import { fence } from './markdown.js';
import { HEADER_COMMENT, wrapRegion } from './markers.js';
import { applyOverlay } from './overlay.js';
import { schemaDdl, schemaDiagrams } from './shared.js';
import { prepareSvg, svgFiles } from './svg.js';
import type { RenderedFile, RenderResult } from './types.js';

export { DIRECTIVES } from './directives.js';
export type { RenderedFile, RenderResult } from './types.js';

/** Above this many tables, `layout: 'auto'` splits the schema reference into one file per table. */
export const PER_TABLE_THRESHOLD = 50;

/** A safe file name for a table: `[schema.]name.md` with anything outside `[A-Za-z0-9._-]` replaced. */
export function tableFileName(ref: { schema: string | null; name: string }): string {
  const raw = ref.schema === null ? ref.name : `${ref.schema}.${ref.name}`;
  const safe = raw
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/\.{2,}/g, '_')
    .replace(/^\./, '_')
    .slice(0, 120);
  return `${safe === '' ? '_' : safe}.md`;
}

function tableFiles(ir: Ir, perTable: boolean): Map<string, string> {
  const files = new Map<string, string>();
  if (!perTable) return files;
  const taken = new Set<string>();
  for (const t of ir.tables) {
    const base = tableFileName(t).replace(/\.md$/, '');
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    taken.add(name.toLowerCase());
    files.set(qualifiedName(t), `tables/${name}.md`);
  }
  return files;
}

/** Render every configured template and artefact from the IR. Pure apart from reading custom templates. */
export async function renderDocuments(options: {
  ir: Ir;
  config: OrmdocConfig;
  cwd: string;
  /** The schema reference's Changelog from git (see history/changelog.ts); absent: the section a person writes. */
  changelog?: Changelog;
}): Promise<RenderResult> {
  const overlaid = applyOverlay(options.ir, options.config.overlay);
  // Every document asks for the FK-safe order of these tables and looks tables and enums up by
  // name: the order and the name indexes are computed once for this render.
  const pin = pinDependencyOrder(overlaid.ir.tables);
  const lookups = pinLookups(overlaid.ir);
  try {
    return await renderOverlaid(
      overlaid.ir,
      options.config,
      options.cwd,
      overlaid.diagnostics,
      options.changelog,
    );
  } finally {
    lookups.release();
    pin.release();
  }
}

async function renderOverlaid(
  ir: Ir,
  config: OrmdocConfig,
  cwd: string,
  overlayDiagnostics: Diagnostic[],
  changelog: Changelog | undefined,
): Promise<RenderResult> {
  const diagnostics: Diagnostic[] = [...overlayDiagnostics];
  const findings = analyze(ir, {
    disable: config.findings.disable,
    enable: config.findings.enable,
    ...(config.findings.piiPatterns ? { piiPatterns: config.findings.piiPatterns } : {}),
  });

  const builtins = config.output.templates.filter((t): t is TemplateId => typeof t === 'string');
  const documents: Partial<Record<TemplateId, string>> = {};
  for (const id of builtins) documents[id] = DEFAULT_FILE_NAMES[id];
  const baseCount = ir.tables.filter((t) => t.kind === 'table').length;
  const perTable =
    builtins.includes('schema') &&
    (config.output.layout === 'per-table' ||
      (config.output.layout === 'auto' && baseCount > PER_TABLE_THRESHOLD));
  const ctx = createContext(ir, config, findings, documents, tableFiles(ir, perTable));
  // SVG diagrams (`diagrams.svg`) are drawn first: Graphviz loads asynchronously, the templates are synchronous.
  await prepareSvg(ctx);
  if (changelog) ctx.changelog = changelog;

  const files: RenderedFile[] = [];
  for (const template of config.output.templates) {
    if (typeof template === 'string') {
      files.push(...BUILTIN_TEMPLATES[template](ctx, DEFAULT_FILE_NAMES[template]));
      continue;
    }
    const path = resolve(cwd, template.path);
    let source: string;
    try {
      source = await readFile(path, 'utf8');
    } catch (error) {
      throw new OrmdocError(
        'TEMPLATE_INVALID',
        `Cannot read the template ${template.path}: ${(error as Error).message}`,
        {
          file: template.path,
          cause: error,
          hint: 'output.templates[].path is resolved against the project directory; check that the file exists.',
        },
      );
    }
    files.push({
      path: template.name ?? basename(template.path),
      content: renderCustomTemplate(ctx, source, template.path),
    });
  }
  // Pages every built-in document links to: one per domain (the overview's map), and the findings.
  if (builtins.length > 0) files.push(...renderDomainPages(ctx), renderFindings(ctx));
  files.push(...artifacts(ctx));
  files.push(...svgFiles(ctx));
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.path))
      throw new OrmdocError('TEMPLATE_INVALID', `Two outputs would be written to ${f.path}.`, {
        hint: 'Give the custom template a different `name` in output.templates.',
      });
    seen.add(f.path);
  }
  return { files, findings, diagnostics: [...diagnostics, ...ctx.diagnostics] };
}

function artifacts(ctx: RenderContext): RenderedFile[] {
  const { ir, config } = ctx;
  const files: RenderedFile[] = [];
  for (const kind of config.output.artifacts) {
    switch (kind) {
      case 'ir-json':
        // Tables one at a time: the document is never one string (~80 MB at 10,000 tables).
        files.push(chunkedFile('schema.json', () => withNewline(jsonChunks(ir))));
        break;
      case 'ir-schema':
        files.push({ path: 'ir.schema.json', content: `${JSON.stringify(irJsonSchema(), null, 2)}\n` });
        break;
      case 'ddl': {
        const dialects = config.output.ddlDialects;
        if (!dialects || dialects.length === 0)
          files.push({ path: 'schema.sql', content: ensureNewline(schemaDdl(ctx)) });
        else if (dialects.length === 1)
          files.push({ path: 'schema.sql', content: ensureNewline(schemaDdl(ctx, dialects[0])) });
        else
          for (const d of dialects)
            files.push({ path: `schema.${d}.sql`, content: ensureNewline(schemaDdl(ctx, d)) });
        break;
      }
      case 'tbls':
        files.push({ path: 'schema.tbls.json', content: `${JSON.stringify(toTblsSchema(ir), null, 2)}\n` });
        break;
      case 'dbml':
        files.push({
          path: 'schema.dbml',
          content: toDbml(ir, config.domains ? { domains: config.domains } : {}),
        });
        break;
      case 'mermaid': {
        const diagrams = schemaDiagrams(ctx);
        diagrams.forEach((d, i) => {
          files.push({
            path: diagrams.length === 1 ? 'er-diagram.mmd' : `er-diagram-${i + 1}.mmd`,
            content: ensureNewline(d.code),
          });
        });
        const body =
          diagrams.map((d) => `## ${d.title}\n\n${fence('mermaid', d.code)}`).join('\n\n') ||
          '_The schema defines no tables._';
        files.push({
          path: 'er-diagram.md',
          content: `${HEADER_COMMENT}\n\n${wrapRegion('er-diagram', `# Entity-Relationship Diagram\n\n${body}`)}\n`,
        });
        break;
      }
    }
  }
  return files;
}

const ensureNewline = (s: string) => (s.endsWith('\n') ? s : `${s}\n`);

function* withNewline(chunks: Iterable<string>): Generator<string> {
  yield* chunks;
  yield '\n';
}
