import type { TemplateId } from '../config/schema.js';
import type { RenderContext } from '../render/context.js';
import type { RenderedFile } from '../render/types.js';
import { renderArchitecture } from './architecture.js';
import { renderDesign } from './design.js';
import { renderOverview } from './overview.js';
import { renderSchema } from './schema.js';
import { renderTargetState } from './targetState.js';

/** The five built-in templates, each rendering into `file` (plus extra files for per-table layout). */
export const BUILTIN_TEMPLATES: Record<TemplateId, (ctx: RenderContext, file: string) => RenderedFile[]> = {
  overview: renderOverview,
  schema: renderSchema,
  design: renderDesign,
  'target-state': renderTargetState,
  architecture: renderArchitecture,
};

export const DEFAULT_FILE_NAMES: Record<TemplateId, string> = {
  overview: 'overview.md',
  schema: 'schema.md',
  design: 'design.md',
  'target-state': 'target-state.md',
  architecture: 'architecture.md',
};
