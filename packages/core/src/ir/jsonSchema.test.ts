import { describe, expect, it } from 'vitest';
import { irJsonSchema } from './jsonSchema.js';

describe('ir.schema.json', () => {
  it('is current with the zod schema (run `pnpm test -u` after changing the IR)', async () => {
    await expect(`${JSON.stringify(irJsonSchema(), null, 2)}\n`).toMatchFileSnapshot('../../ir.schema.json');
  });
});
