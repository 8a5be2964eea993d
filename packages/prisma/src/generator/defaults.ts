/** Where the generator writes when its block has no `output` (relative to the schema's folder). */
export const DEFAULT_OUTPUT = '../docs/database';
