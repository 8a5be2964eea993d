/**
 * The `ormdoc` package: the CLI (bin `ormdoc`), plus what an `ormdoc.config.ts` imports:
 * `import { defineConfig } from 'ormdoc'`.
 */

export type { OrmdocConfig, OrmdocConfigInput, TemplateId } from '@ormdoc/core';
export { defineConfig, TEMPLATE_IDS } from '@ormdoc/core';
export type { CliIo } from './io.js';
export { main } from './run.js';
