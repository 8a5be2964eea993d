#!/usr/bin/env node
import generatorHelper from '@prisma/generator-helper';
import type { OrmdocGeneratorOptions } from './generator/createGenerator.js';
import { DEFAULT_OUTPUT } from './generator/defaults.js';

const check = process.env.ORMDOC_CHECK === '1' || process.env.ORMDOC_CHECK === 'true';

// Thin transport: Prisma speaks JSON-RPC over stdio; everything else is in createGenerator(). The
// rest of ormdoc is loaded only when the documents must be rendered: an unchanged run answers
// from the stamp beside them (generator/unchanged.ts).
generatorHelper.generatorHandler({
  onManifest: () => ({ prettyName: 'ormdoc', defaultOutput: DEFAULT_OUTPUT, requiresGenerators: [] }),
  onGenerate: async (raw) => {
    const options = raw as unknown as OrmdocGeneratorOptions;
    const { reuseForGenerator } = await import('./generator/unchanged.js');
    if (await reuseForGenerator(options, check)) return;
    const { createGenerator } = await import('./generator/createGenerator.js');
    const { isOrmdocError } = await import('@ormdoc/core');
    try {
      await createGenerator({ check }).onGenerate(options);
    } catch (e) {
      if (isOrmdocError(e)) {
        const where = e.location ? `${e.location}: ` : '';
        throw new Error(`ormdoc: ${where}${e.message}${e.hint ? `\n  hint: ${e.hint}` : ''}`);
      }
      throw e;
    }
  },
});
