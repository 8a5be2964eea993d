import { z } from 'zod';
import { IR_VERSION, Ir } from './schema.js';

/** The published JSON Schema of the IR (committed as packages/core/ir.schema.json). */
export function irJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Ir, { io: 'output', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $id: `https://ormdoc.dev/schema/ir-v${IR_VERSION}.json`,
    title: 'ormdoc intermediate representation',
    ...schema,
  };
}
