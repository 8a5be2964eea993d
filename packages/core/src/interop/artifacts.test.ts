import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/resolve.js';
import { renderDocuments } from '../render/index.js';
import { exampleIr } from '../testing/index.js';
import { toDbml } from './dbml.js';
import { toTblsSchema } from './tbls.js';

const render = (output?: {
  artifacts: Array<'ir-json' | 'ir-schema' | 'ddl' | 'mermaid' | 'tbls' | 'dbml'>;
}) =>
  renderDocuments({ ir: exampleIr(), config: resolveConfig(output ? { output } : {}), cwd: process.cwd() });

describe('output.artifacts tbls and dbml', () => {
  it('write schema.tbls.json and schema.dbml beside the documents when asked', async () => {
    const { files } = await render({ artifacts: ['tbls', 'dbml'] });
    const get = (p: string) => files.find((f) => f.path === p)?.content;
    expect(JSON.parse(String(get('schema.tbls.json')))).toEqual(toTblsSchema(exampleIr()));
    expect(get('schema.dbml')).toBe(toDbml(exampleIr()));
  });

  it('are off by default: the default output is unchanged', async () => {
    const paths = (await render()).files.map((f) => f.path);
    expect(paths).not.toContain('schema.tbls.json');
    expect(paths).not.toContain('schema.dbml');
  });
});
