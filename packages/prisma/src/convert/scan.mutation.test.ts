import { describe, expect, it } from 'vitest';
import { parseSchemaText } from './ast.js';
import { docText, withoutBlockComments } from './comments.js';
import { datasourceAssignments } from './configBlocks.js';
import { stripDatasourceUrls } from './datasourceUrls.js';
import { scanSchema } from './scan.js';
import { readSchemaText, readSchemaTextByAst, type SchemaText } from './schemaText.js';

/**
 * The text readers that stand in for a prisma-ast parse, each held to a reference: the scanner and
 * the direct datasource reader to prisma-ast itself (same facts), `stripDatasourceUrls` to the
 * line-by-line version it replaced, `withoutBlockComments` and `docText` row by row.
 */

/** The line-by-line version `stripDatasourceUrls` replaced (as in scan.test.ts): the reference. */
function stripByLine(content: string): string {
  const lines = content.split('\n');
  let inDatasource = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*datasource\s+\w+\s*\{/.test(line)) inDatasource = true;
    else if (inDatasource && /^\s*}/.test(line)) inDatasource = false;
    else if (inDatasource && /^\s*(url|directUrl|shadowDatabaseUrl)\s*=/.test(line)) lines[i] = '';
  }
  return lines.join('\n');
}

describe('stripDatasourceUrls: the same text as the line-by-line version, for every spelling', () => {
  const HEADERS = [
    'datasource db {',
    'datasource  db  {',
    'datasource db{',
    '\tdatasource\tdb\t{',
    '  datasource database {',
    'xdatasource db {',
    'datasourcedb {',
  ];
  const BODIES = [
    ['  url = "a"', '  provider = "x"'],
    ['url="a"', '\tdirectUrl\t=\t"b"'],
    ['  shadowDatabaseUrl   = "c"', '  urls = "d"', '  // url = "e"'],
    ['  datasource b {', '  url = "f"'],
    ['  datasource  b{', '  url = "g"'],
    ['  provider = "}"', '  url = "h"'],
  ];
  const CLOSINGS = ['}', '  }', '\t}  ', ' }x'];
  const cases: Array<[string, string]> = [];
  for (const header of HEADERS)
    for (const body of BODIES)
      for (const closing of CLOSINGS)
        for (const end of ['', '\n', '\nurl = "after"\n'])
          cases.push([
            JSON.stringify([header, body, closing, end]),
            [header, ...body, closing].join('\n') + end,
          ]);
  // the last line of the file is a url line (no line break after it)
  cases.push(['unclosed, url last', 'datasource db {\n  provider = "x"\n  url = "y"']);
  cases.push(['unclosed, header last', 'model A {\n}\ndatasource db {']);
  cases.push(['unclosed, a bare `url =` last', 'datasource db {\n  url =']);

  it.each(cases)('%s', (_name, content) => {
    expect(stripDatasourceUrls(content)).toBe(stripByLine(content));
    const crlf = content.replace(/\n/g, '\r\n');
    expect(stripDatasourceUrls(crlf)).toBe(stripByLine(crlf));
  });

  it('a file without any url line comes back unchanged (the same string)', () => {
    const content = 'datasource db {\n  provider = "x"\n}\n';
    expect(stripDatasourceUrls(content)).toBe(content);
  });
});

describe('datasourceAssignments: what prisma-ast reads, or undefined (then prisma-ast reads it)', () => {
  /** prisma-ast's assignments of the datasource block. */
  const byAst = (content: string) => {
    const ds = parseSchemaText(content).list.find((b) => b.type === 'datasource') as
      | { assignments: Array<{ type: string; key: string; value: unknown }> }
      | undefined;
    // without node locations; an empty array's `args` is undefined there, [] here
    const value = (v: unknown) =>
      JSON.parse(
        JSON.stringify(v, (k, x) =>
          k === 'location'
            ? undefined
            : x && typeof x === 'object' && x.type === 'array'
              ? { ...x, args: x.args ?? [] }
              : x,
        ),
      );
    return ds?.assignments
      .filter((a) => a.type === 'assignment')
      .map((a) => ({ key: a.key, value: value(a.value) }));
  };
  const direct = (content: string) => {
    const scan = scanSchema(content);
    const block = scan?.blocks.find((b) => b.kind === 'datasource');
    if (!scan || !block) throw new Error('no datasource block');
    return datasourceAssignments(scan, block);
  };
  const block = (...lines: string[]) => `datasource db {\n${lines.join('\n')}\n}\n`;

  it.each([
    ['  provider = "postgresql"'],
    ['provider="postgresql"'],
    ['\tprovider   =   "postgresql"   '],
    ['  provider = ""'],
    ['  schemas = ["a", "b"]'],
    ['  schemas = []'],
    ['  schemas = [ "a" ]'],
    ['  schemas = ["ab","cd"]'],
    ['  schemas = ["a" , "b"]'],
    ['  schemas = [""]'],
    ['  url = env("DATABASE_URL")'],
    ['  url = env( "X" )'],
    ['  url=env("X")'],
    ['  relationMode = "prisma"', '', '  // a comment', '  provider = "mysql"'],
    ['  provider = "x"\r'],
  ])('read directly, as prisma-ast reads it: %j', (...lines) => {
    const content = block(...lines);
    const got = direct(content);
    expect(got).toBeDefined();
    expect(got).toEqual(byAst(content));
  });

  it.each([
    ['  relationMode = "prisma" // why'],
    ['  provider = "a\\"b"'],
    ['  extensions = [pg_trgm]'],
    ['  schemas = ["a", x]'],
    ['  schemas = x["a"]'],
    ['  schemas = ["a"]x'],
    ['  provider = x"pg"'],
    ['  provider = "pg"x'],
    ['  url = xenv("X")'],
    ['  url = env("X")x'],
    ['  url = env(X)'],
    ['  1provider = "x"'],
    ['  = "x"'],
    ['  provider "x"'],
  ])('left to prisma-ast: %j', (line) => {
    expect(direct(block('  provider = "postgresql"', line))).toBeUndefined();
  });

  it('an empty datasource has no assignments', () => {
    expect(direct('datasource db {\n}\n')).toEqual([]);
  });
});

describe('withoutBlockComments, row by row (each block comment blanked, nothing else)', () => {
  it.each([
    ['no block comment at all', 'a // b\n"c"', 'a // b\n"c"'],
    ['two blocks back to back', '/* a *//* b */x', '              x'],
    ['a slash after the opening star', '/*/ x */y', '        y'],
    ['a star that opens nothing', 'a *b\n/* c */', 'a *b\n       '],
    ['a slash that opens nothing', 'a / b /* c */', 'a / b        '],
    ['a // comment at the end of the file', 'a // /* b', 'a // /* b'],
    ['a // comment, then a block comment on the next line', '// x\n/* y */', '// x\n       '],
    ['a string left open at the end of its line', 'x "open\n/* c */', 'x "open\n       '],
    ['a string left open at the end of the file', 'x "/* c */', 'x "/* c */'],
  ])('%s', (_name, input, output) => {
    expect(withoutBlockComments(input)).toBe(output);
  });
});

describe('docText: a JSDoc-decorated block comment as plain documentation', () => {
  it.each<[string | null | undefined, string | undefined]>([
    [null, undefined],
    [undefined, undefined],
    ['plain', 'plain'],
    ['*\n * Text', '\nText'],
    ['** bold\n ** more', 'bold\nmore'],
    ['* a\nb * c', '* a\nb * c'], // a line without a leading star: left as it is
    ['x * y', 'x * y'],
  ])('%j -> %j', (doc, text) => {
    expect(docText(doc)).toBe(text);
  });
});

/** The facts both readers give (parsed blocks whole; header-only blocks their header facts). */
function facts(t: SchemaText, headerOnly: (name: string) => boolean) {
  return {
    blocks: [...t.blocks.values()].map((b) =>
      headerOnly(b.name)
        ? {
            kind: b.kind,
            name: b.name,
            file: b.file,
            line: b.line,
            documentation: b.documentation,
            ignored: b.ignored,
          }
        : {
            kind: b.kind,
            name: b.name,
            file: b.file,
            line: b.line,
            documentation: b.documentation,
            ignored: b.ignored,
            fields: b.fields.map((f) => [
              f.name,
              f.line,
              f.ignored,
              f.unsupported,
              f.relationMap,
              f.documentation,
            ]),
            dbName: b.dbName,
            schema: b.schema,
          },
    ),
    enums: t.enums,
    relationMode: t.relationMode,
    provider: t.provider,
    schemas: t.schemas,
  };
}

describe('scanSchema: the scanner finds what prisma-ast finds', () => {
  const SCHEMAS: Array<[string, string]> = [
    [
      'headers and closings spelled every way',
      'datasource db {\n  provider = "postgresql"\n}\n\n  model A  {\n  id Int @id\n  }  \n\tmodel\tB\t{\n  id Int @id\n\t}\nmodel C{\n  id Int @id\n  x Int @ignore\n}\n',
    ],
    [
      'docs, blank and whitespace-only lines between blocks',
      '/// a\n// plain\n/// b\nmodel A {\n  id Int @id\n}\n/// dropped\n\n/// c\n \t\nmodel B {\n  id Int @id\n}\n/// d\n\n \nmodel C {\n  id Int @id\n}\n   /// e\nmodel D {\n  id Int @id\n  x Int @ignore\n}\n',
    ],
    [
      'facts after a parsed block keep their lines',
      'model A {\n  id Int @id\n  x Int @ignore\n}\n\n/// doc\nmodel B {\n  id Int @id\n  y Int @ignore\n  /// about z\n  z Int @default(2.50)\n}\nenum E {\n  /// first\n  X\n}\n',
    ],
    [
      'CRLF',
      'model A {\r\n  id Int @id\r\n  x Int @ignore\r\n}\r\n/// d\r\nmodel B {\r\n  id Int @id\r\n}\r\n',
    ],
  ];
  it.each(SCHEMAS)('%s', (_name, content) => {
    const files = [{ path: 'schema.prisma', content }];
    expect(scanSchema(content)).toBeDefined();
    const fast = readSchemaText(files);
    // a block the scanner read from its header alone is compared on its header facts
    const headerOnly = (name: string) => fast.blocks.get(name)?.headerOnly === true;
    expect(facts(fast, headerOnly)).toEqual(facts(readSchemaTextByAst(files), headerOnly));
    expect([...fast.blocks.values()].some((b) => !b.headerOnly)).toBe(true);
  });

  it.each([
    ['model Name {', 'model', 'Name'],
    ['  model  Name  {', 'model', 'Name'],
    ['model\tName{', 'model', 'Name'],
    ['view V {', 'view', 'V'],
    ['enum E {', 'enum', 'E'],
    ['type T {', 'type', 'T'],
    ['generator g {', 'generator', 'g'],
  ])('a header: %j', (header, kind, name) => {
    const scan = scanSchema(`${header}\n}\n`);
    expect(scan?.blocks.map((b) => [b.kind, b.name, b.start, b.end])).toEqual([[kind, name, 0, 1]]);
  });

  it.each([
    ['xmodel A {\n}\n'],
    ['model A { x\n}\n'],
    ['model A {\n} x\n'],
    ['model A {\nx }\n'],
    ['model A {\n  id Int @id\nmodel B {\n}\n'],
    ['model A {\n  id Int @id\n  model B {\n}\n'],
  ])('gives up: %j', (content) => {
    expect(scanSchema(content)).toBeUndefined();
  });

  const plain = (kind: string, ...body: string[]) =>
    scanSchema(`${kind} {\n${body.join('\n')}\n}\n`)?.blocks[0]?.plain;

  it.each([
    ['model A', ['  id Int @id', '  x Float @default(1)']],
    ['model A', ['  id Int @id', '  x String @default("1")']],
    ['model A', ['  id Int @id', '  x Decimal @default(10)']],
    ['model A', ['  id Int @id', '  /// doc', '  x Int']],
    ['model A', ['  id Int @id', '  /// doc', '  /// more', '  x Int']],
    [
      'model A',
      ['  id Int @id', '  b B @relation(fields: [bId], references: [id])', '  bId Int', '  map Int'],
    ],
    ['enum E', ['  A', '  B']],
    ['type T', ['  /// doc', '  a Int @ignore']],
    ['generator g', ['  provider = "x"', '  /// doc']],
  ])('plain (read from the DMMF): %s %j', (header, body) => {
    expect(plain(header, ...body)).toBe(true);
  });

  it.each([
    ['model A', ['  id Int @id', '  x Decimal @default(2.50)']],
    ['model A', ['  id Int @id', '  x Decimal @default( 2.50)']],
    ['model A', ['  id Int @id', '  x Decimal @default("2.50")']],
    ['model A', ['  id Int @id', '  x Float @default(-0.5)']],
    ['model A', ['  id Int @id', '  x Float @default(.5)']],
    ['model A', ['  id Int @id', '  x Float @default(12.5)']],
    ['model A', ['  id Int @id', '  b B @relation(fields: [bId], references: [id], map : "fk")']],
    ['model A', ['  id Int @id', '  b B @relation(fields: [bId], references: [id], map: "fk")']],
    ['model A', ['  id Int @id', '  /// doc']],
    ['model A', ['  id Int @id', '  /// doc', '  // plain', '  x Int']],
    ['model A', ['  id Int @id', '  /// doc', '  @@index([id])']],
    ['enum E', ['  /// doc', '  A']],
    ['enum E', ['  A', '  @@schema("s")']],
    ['view V', ['  id Int @unique']],
    ['datasource db', ['  provider = "x"']],
  ])('parsed: %s %j', (header, body) => {
    expect(plain(header, ...body)).toBe(false);
  });
});
