import { appendFileSync } from 'node:fs';
import {
  diffReport,
  type FailOn,
  failsOn,
  type Ir,
  type OrmdocConfig,
  renderDiffMarkdown,
  summaryLine,
} from '@ormdoc/core';
import type { ArgsDef } from 'citty';
import { commonArgs, type Orm, sourceArgs } from '../args.js';
import { loadCliConfig } from '../config/load.js';
import type { CommandContext } from '../context.js';
import { chooseOrm } from '../detect/detect.js';
import { loadAndExtract } from '../pipeline/extract.js';
import { defineOrmdocCommand } from './_define.js';
import { defaultBase, gitRoot, irAtRevision, type RevisionSource, resolveRef } from './_diff-git.js';

export const DIFF_FORMATS = ['markdown', 'json', 'github'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];
export const FAIL_ON = ['destructive', 'data-dependent', 'any'] as const;

/** The flags of `ormdoc diff` that take a value (run.ts must not read their value as the command). */
export const diffArgs = {
  base: {
    type: 'string',
    description: 'Base git revision (default: the merge base of HEAD with the default branch)',
    valueHint: 'ref',
  },
  head: { type: 'string', description: 'Head git revision (default: the working tree)', valueHint: 'ref' },
  out: {
    type: 'string',
    description: "Documents directory holding schema.json (default: the config's output.dir)",
    valueHint: 'dir',
  },
  format: {
    type: 'enum',
    options: [...DIFF_FORMATS],
    default: 'markdown',
    description: 'markdown, json, or github (the Markdown into $GITHUB_STEP_SUMMARY when set)',
  },
  'fail-on': {
    type: 'enum',
    options: [...FAIL_ON],
    description: 'Exit 1 on destructive changes, on destructive or data-dependent ones, or on any risk',
  },
} as const satisfies ArgsDef;

export const diffCommand = defineOrmdocCommand({
  name: 'diff',
  description:
    'Compare the schema at two git revisions: the changes, their risks, a PR report (writes nothing)',
  args: { ...commonArgs, ...sourceArgs, ...diffArgs },
  run: async (ctx, args) => {
    const format = (args.format ?? 'markdown') as DiffFormat;
    const failOn = args['fail-on'] as FailOn | undefined;
    const root = await gitRoot(ctx.cwd);
    const base =
      typeof args.base === 'string' && args.base
        ? { label: args.base, sha: await resolveRef(root, args.base) }
        : await defaultBase(root).then((b) => ({ label: b.ref, sha: b.sha }));
    const headRef = typeof args.head === 'string' && args.head ? args.head : undefined;
    const headSha = headRef ? await resolveRef(root, headRef) : undefined;

    const { head, source } = await headAndSource(
      ctx,
      root,
      headRef && headSha ? { ref: headRef, sha: headSha } : undefined,
    );
    const baseLabel = `${base.label} (${base.sha.slice(0, 7)})`;
    const before = await ctx.progress.phase(
      'extract',
      () => irAtRevision(source, base.sha, baseLabel),
      (ir) => `base: ${ir.tables.length} tables at ${baseLabel}`,
    );
    const headLabel = headRef && headSha ? `${headRef} (${headSha.slice(0, 7)})` : 'working tree';
    const report = diffReport(before, head, { base: baseLabel, head: headLabel });

    if (format === 'json') ctx.io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else {
      const markdown = renderDiffMarkdown(report, before, head);
      const summaryFile = ctx.io.env.GITHUB_STEP_SUMMARY;
      if (format === 'github' && summaryFile) {
        appendFileSync(summaryFile, `${markdown}\n`);
        ctx.io.stdout(
          `${summaryLine(report).replace(/\*\*/g, '')} (report written to $GITHUB_STEP_SUMMARY)\n`,
        );
      } else ctx.io.stdout(markdown);
    }
    return failOn && failsOn(report, failOn) ? 1 : 0;
  },
});

/** The head IR (the working tree, extracted as `generate` would, or a revision) and where revisions are read. */
async function headAndSource(
  ctx: CommandContext,
  root: string,
  head: { ref: string; sha: string } | undefined,
): Promise<{ head: Ir; source: RevisionSource }> {
  const flags = { ...ctx.flags };
  const outDir = (orm: Orm, config: OrmdocConfig): RevisionSource => ({
    root,
    cwd: ctx.cwd,
    outDir: config.output.dir,
    orm,
    source: config.source,
    ...(config.source.schema !== undefined ? { schema: config.source.schema } : {}),
  });
  if (!head) {
    const { loaded, extracted } = await loadAndExtract(ctx, flags);
    return { head: extracted.ir, source: outDir(extracted.detection.orm, loaded.config) };
  }
  const { config } = await loadCliConfig(ctx.cwd, flags);
  const orm = config.source.orm ?? (await chooseOrm(ctx.cwd)).orm;
  const source = outDir(orm, config);
  const label = `${head.ref} (${head.sha.slice(0, 7)})`;
  const ir = await ctx.progress.phase(
    'extract',
    () => irAtRevision(source, head.sha, label),
    (r) => `head: ${r.tables.length} tables at ${label}`,
  );
  return { head: ir, source };
}
