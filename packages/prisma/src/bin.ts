#!/usr/bin/env node
import type * as Core from '@ormdoc/core';
import type * as Generator from './generator/createGenerator.js';
import type { OrmdocGeneratorOptions } from './generator/createGenerator.js';
import { DEFAULT_OUTPUT } from './generator/defaults.js';
import { renderLikely } from './generator/prefetch.js';
import { serveGenerator } from './generator/protocol.js';

const check = process.env.ORMDOC_CHECK === '1' || process.env.ORMDOC_CHECK === 'true';

/** The renderer and core: imported once, either while Prisma prepares `generate` or when it arrives. */
let renderer: Promise<[typeof Generator, typeof Core]> | undefined;
const loadRenderer = () => {
  renderer ??= Promise.all([import('./generator/createGenerator.js'), import('@ormdoc/core')]);
  return renderer;
};

// Thin transport: Prisma speaks JSON-RPC over stdio (generator/protocol.ts); everything else is in
// createGenerator(). The rest of ormdoc is loaded only when the documents must be rendered: an
// unchanged run answers from the stamp beside them (generator/unchanged.ts).
serveGenerator({
  onManifest: (config) => {
    // Answered first: Prisma waits for the manifest, not for this import (generator/prefetch.ts).
    if (renderLikely(config)) setImmediate(() => loadRenderer().catch(() => undefined));
    return { prettyName: 'ormdoc', defaultOutput: DEFAULT_OUTPUT, requiresGenerators: [] };
  },
  onGenerate: async (raw) => {
    const options = raw as OrmdocGeneratorOptions;
    const [{ reuseForGenerator }, { printDiagnostics }] = await Promise.all([
      import('./generator/unchanged.js'),
      import('./generator/report.js'),
    ]);
    const reused = await reuseForGenerator(options, check);
    if (reused) {
      printDiagnostics(reused);
      return undefined;
    }
    const [{ createGenerator }, { isOrmdocError }] = await loadRenderer();
    try {
      printDiagnostics((await createGenerator({ check }).onGenerate(options)).diagnostics);
      return undefined;
    } catch (e) {
      if (isOrmdocError(e)) {
        const where = e.location ? `${e.location}: ` : '';
        throw new Error(`ormdoc: ${where}${e.message}${e.hint ? `\n  hint: ${e.hint}` : ''}`);
      }
      throw e;
    }
  },
});
