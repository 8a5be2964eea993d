import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readLines } from './protocol.js';
import { parseRequest } from './request.js';

const big = 'x'.repeat(1 << 20); // past the size from which the schema is skipped

/** A `generate` request shaped like Prisma's, with `schema` as given. */
function request(schema: unknown, extra: { dmmfTail?: boolean; otherConfig?: object } = {}) {
  const dmmf = extra.dmmfTail
    ? { datamodel: { models: [{ name: 'User' }] }, mappings: { modelOperations: [] }, schema }
    : { datamodel: { models: [{ name: 'User' }] }, schema, mappings: { modelOperations: [] } };
  return {
    jsonrpc: '2.0',
    method: 'generate',
    params: {
      datamodel: 'model User {\n  id Int @id // "quoted" ,"mappings":{ \\ }\n}',
      datasources: [{ name: 'db', provider: 'postgresql', activeProvider: 'postgresql', schemas: [] }],
      generator: {
        name: 'docs',
        config: { title: 'Ünïcode ✓ 🚀' },
        output: { value: '/x', fromEnvVar: null },
      },
      dmmf,
      otherGenerators: [{ name: 'client', config: extra.otherConfig ?? {} }],
      schemaPath: '/p/schema.prisma',
      version: 'abc',
      allowNoModels: true,
    },
    id: 7,
  };
}

/** What `JSON.parse` gives, without `params.dmmf.schema`. */
function withoutSchema(message: ReturnType<typeof request>) {
  const copy = JSON.parse(JSON.stringify(message)) as ReturnType<typeof request>;
  delete (copy.params.dmmf as { schema?: unknown }).schema;
  return copy;
}

const line = (message: unknown) => Buffer.from(JSON.stringify(message));

describe('parseRequest', () => {
  it('parses every member of a large generate request but the DMMF schema', () => {
    const message = request({ inputObjectTypes: { prisma: [{ name: 'A', doc: big }] } });
    expect(parseRequest(line(message))).toStrictEqual(withoutSchema(message));
  });

  it('is not misled by the next member’s text inside the schema, in strings, or after the DMMF', () => {
    const cases = [
      // a "mappings" member nested in the schema: the shortcut would cut the schema short
      request({ nested: { deeper: [{ x: 1 }], mappings: { modelOperations: ['a'] } }, pad: big }),
      // the text inside a schema string, with escaped quotes and backslashes around it
      request({ doc: `a\\",\\"mappings\\":{ \\\\ } ${big}`, s: '\\\\' }),
      // the schema last in the DMMF, and another generator's config with a "mappings" option
      request({ pad: big }, { dmmfTail: true, otherConfig: { a: '1', mappings: '{"modelOperations":[]}' } }),
      request({ pad: big }, { otherConfig: { a: '1', mappings: 'x' } }),
    ];
    for (const message of cases) expect(parseRequest(line(message))).toStrictEqual(withoutSchema(message));
  });

  it('accepts JSON whitespace between tokens', () => {
    const message = request({ pad: big });
    const spaced = JSON.stringify(message)
      .replace('{"jsonrpc"', '{ "jsonrpc" ')
      .replace('"dmmf":{', '"dmmf" :\t{ ')
      .replace(',"mappings":', ' , "mappings" : ');
    expect(parseRequest(Buffer.from(`${spaced} \r`))).toStrictEqual(withoutSchema(message));
  });

  it('parses small requests whole, and reports a line that is not JSON as JSON.parse does', () => {
    const small = request({ inputObjectTypes: {} });
    expect(parseRequest(line(small))).toStrictEqual(small);
    expect(() => parseRequest(Buffer.from(`${JSON.stringify(request({ pad: big })).slice(0, -1)}`))).toThrow(
      SyntaxError,
    );
  });
});

describe('readLines', () => {
  it('gives each line once, however the input is cut into chunks', async () => {
    const input = new PassThrough();
    const lines: string[] = [];
    readLines(input, (l) => lines.push(l.toString()));
    const text = '{"a":1}\n{"b":"✓"}\n\n{"c":[1,2]}\n';
    const bytes = Buffer.from(text);
    for (let i = 0; i < bytes.length; i += 3) input.write(bytes.subarray(i, i + 3));
    input.end();
    await new Promise((resolve) => input.on('end', resolve));
    expect(lines).toEqual(['{"a":1}', '{"b":"✓"}', '', '{"c":[1,2]}']);
  });
});
