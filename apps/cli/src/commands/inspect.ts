import {
  analyze,
  type DomainsConfig,
  type Ir,
  qualifiedName,
  renderDdl,
  renderMermaid,
  toDbml,
  toTblsSchema,
} from '@ormdoc/core';
import { commonArgs, DIALECTS, type Dialect, sourceArgs } from '../args.js';
import { loadAndExtract } from '../pipeline/extract.js';
import { defineOrmdocCommand } from './_define.js';

export const INSPECT_FORMATS = ['json', 'sql', 'mermaid', 'tbls', 'dbml'] as const;
export type InspectFormat = (typeof INSPECT_FORMATS)[number];

const { dialect: _sourceDialect, ...inspectSourceArgs } = sourceArgs;

export const inspectCommand = defineOrmdocCommand({
  name: 'inspect',
  description: "Print the IR as JSON, or the schema as DDL, Mermaid, tbls's schema.json or DBML, on stdout",
  args: {
    ...commonArgs,
    ...inspectSourceArgs,
    format: { type: 'enum', options: [...INSPECT_FORMATS], default: 'json', description: 'What to print' },
    dialect: {
      type: 'enum',
      options: [...DIALECTS],
      description: "DDL dialect for --format sql (default: the schema's own)",
    },
  },
  run: async (ctx, args) => {
    const format = (args.format ?? 'json') as InspectFormat;
    const dialect = args.dialect as Dialect | undefined;
    // `--dialect` here is the output dialect, not the source's: keep it out of the source config.
    const flags = { ...ctx.flags };
    delete flags.dialect;
    const { loaded, extracted } = await loadAndExtract(ctx, flags);
    const { config } = loaded;
    const { ir } = extracted;
    ctx.io.stdout(
      `${render(format, ir, dialect, config.mermaid.maxTablesPerDiagram, config.domains).trimEnd()}\n`,
    );
    // What PostgreSQL would reject goes to stderr, so the printed IR/DDL stays usable as it is.
    const rejected = analyze(ir, {
      disable: config.findings.disable,
      enable: config.findings.enable,
      ...(config.findings.piiPatterns ? { piiPatterns: config.findings.piiPatterns } : {}),
    }).filter((f) => f.severity === 'error');
    for (const f of rejected)
      ctx.io.stderr(
        `${ctx.colors.red('error')} ${f.table ? `${qualifiedName(f.table)}: ` : ''}${f.message}${f.hint ? ` Fix: ${f.hint}` : ''} (${f.ruleId})\n`,
      );
    return 0;
  },
});

function render(
  format: InspectFormat,
  ir: Ir,
  dialect: Dialect | undefined,
  maxTablesPerDiagram: number,
  domains: DomainsConfig | undefined,
): string {
  switch (format) {
    case 'json':
      return JSON.stringify(ir, null, 2);
    case 'sql':
      return renderDdl(ir, dialect ? { dialect } : {});
    case 'mermaid':
      return renderMermaid(ir, { maxTablesPerDiagram })
        .map((d) => `%% ${d.title}\n${d.code.trimEnd()}`)
        .join('\n\n');
    case 'tbls':
      return JSON.stringify(toTblsSchema(ir), null, 2);
    case 'dbml':
      return toDbml(ir, domains ? { domains } : {});
    default: {
      const never: never = format;
      return never;
    }
  }
}
