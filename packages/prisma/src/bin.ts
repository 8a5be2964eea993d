#!/usr/bin/env node
import { isOrmdocError } from '@ormdoc/core';
import generatorHelper from '@prisma/generator-helper';
import { createGenerator, type OrmdocGeneratorOptions } from './generator/createGenerator.js';

const generator = createGenerator({
  check: process.env.ORMDOC_CHECK === '1' || process.env.ORMDOC_CHECK === 'true',
});

// Thin transport: Prisma speaks JSON-RPC over stdio; everything else is in createGenerator().
generatorHelper.generatorHandler({
  onManifest: () => generator.onManifest(),
  onGenerate: async (options) => {
    try {
      await generator.onGenerate(options as unknown as OrmdocGeneratorOptions);
    } catch (e) {
      if (isOrmdocError(e)) {
        const where = e.location ? `${e.location}: ` : '';
        throw new Error(`ormdoc: ${where}${e.message}${e.hint ? `\n  hint: ${e.hint}` : ''}`);
      }
      throw e;
    }
  },
});
