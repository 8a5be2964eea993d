import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fromPrismaSchema } from '@ormdoc/prisma';
import { describe, expect, it } from 'vitest';
import { releaseSchemaWasm } from '../src/convert/wasm.js';

const require = createRequire(import.meta.url);
const wasmPath = require.resolve('@prisma/prisma-schema-wasm');
const schema = (model: string) => ({
  files: [
    {
      path: 'schema.prisma',
      content: `datasource db {\n  provider = "postgresql"\n}\n\nmodel ${model} {\n  id Int @id\n}\n`,
    },
  ],
});

function collectGarbage(): Promise<void> {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  // A WeakRef keeps its target alive until the current job ends: collect in the next one.
  return new Promise((resolve) =>
    setImmediate(() => {
      gc();
      resolve();
    }),
  );
}

describe("Prisma's parser (prisma-schema-wasm)", () => {
  it('keeps a small instance, and frees a large one (a wasm memory never shrinks) for the next collection', async () => {
    await fromPrismaSchema(schema('A'));
    expect(require.cache[wasmPath]).toBeDefined(); // a small schema: kept for the next call
    const instance = new WeakRef(require.cache[wasmPath]?.exports as object);
    releaseSchemaWasm(0); // as after a large schema
    expect(require.cache[wasmPath]).toBeUndefined();
    await collectGarbage();
    // Nothing else holds the instance: not the require cache, nor a parent module's children.
    expect(instance.deref()).toBeUndefined();
    const { ir } = await fromPrismaSchema(schema('B')); // a fresh instance is loaded
    expect(ir.tables.map((t) => t.name)).toEqual(['B']);
    expect(require.cache[wasmPath]?.exports).toBeDefined();
  });
});
