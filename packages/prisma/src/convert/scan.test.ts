import { describe, expect, it } from 'vitest';
import { configOnly } from './configBlocks.js';
import { stripDatasourceUrls } from './datasourceUrls.js';
import { scanSchema } from './scan.js';

/** The line-by-line version `stripDatasourceUrls` replaced: the reference. */
function stripDatasourceUrlsByLine(content: string): string {
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

const PRISMA6 = `generator client {
  provider = "prisma-client-js"
  url      = "not a datasource"
}

datasource db {
  provider          = "postgresql"
  url               = env("DATABASE_URL")
  directUrl         = env("DIRECT_URL")
  // url = "a comment"
  shadowDatabaseUrl = "postgres://x"
}

model A {
  id  Int    @id
  url String
}
`;

describe('stripDatasourceUrls', () => {
  it.each([
    ['a Prisma 6 datasource', PRISMA6],
    ['CRLF', PRISMA6.replace(/\n/g, '\r\n')],
    ['no datasource', 'model A {\n  id Int @id\n}\n'],
    ['a datasource never closed, url on the last line', 'datasource db {\n  provider = "x"\n  url = "y"'],
    ['two datasources', `${PRISMA6}\ndatasource two {\n  url = "z"\n}\nurl = "outside"\n`],
    ['a header after a lone CR', 'x\rdatasource db {\n  url = "y"\n}\n'],
    ['a header inside a datasource', 'datasource a {\n datasource b {\n  url = 1\n}\n  url = 2\n'],
    ['indented header and closing brace', '  datasource db {\n\turl = "a"\n  }  \n'],
  ])('%s: the same text as the line-by-line version', (_name, content) => {
    expect(stripDatasourceUrls(content)).toBe(stripDatasourceUrlsByLine(content));
  });

  it('blanks the url lines only, keeping the line count', () => {
    const out = stripDatasourceUrls(PRISMA6);
    expect(out.split('\n')).toHaveLength(PRISMA6.split('\n').length);
    expect(out).not.toContain('DATABASE_URL');
    expect(out).toContain('url      = "not a datasource"');
    expect(out).toContain('url String');
  });
});

describe('scanSchema', () => {
  it('finds blocks, their lines and whether the DMMF has all they say', () => {
    const scan = scanSchema(PRISMA6);
    expect(scan?.blocks.map((b) => [b.kind, b.name, b.start + 1, b.end + 1, b.plain])).toEqual([
      ['generator', 'client', 1, 4, true],
      ['datasource', 'db', 6, 12, false],
      ['model', 'A', 14, 17, true],
    ]);
  });

  it('attaches `///` docs the way prisma-ast does', () => {
    const scan = scanSchema(
      '/// a\n// plain\n/// b\nmodel A {\n}\n/// dropped\n\n/// c\n \t\nmodel B {\n}\n/// d\n\n \nmodel C {\n}\n',
    );
    expect(scan?.blocks.map((b) => b.docs)).toEqual([['a', 'b'], ['c'], []]);
  });

  it.each([
    ['@@ignore', '  id Int @id\n  @@ignore'],
    ['@ignore', '  id Int @id\n  x Int @ignore'],
    ['Unsupported', '  id Int @id\n  v Unsupported("tsvector")'],
    ['@relation(map:)', '  id Int @id\n  b B @relation(fields: [bId], references: [id], map: "fk")'],
    ['a doc comment that is not right above a field', '  id Int @id\n  /// doc\n\n  x Int'],
  ])('a model with %s is parsed', (_name, body) => {
    expect(scanSchema(`model A {\n${body}\n}\n`)?.blocks[0]?.plain).toBe(false);
  });

  it('gives up on what it does not understand', () => {
    expect(scanSchema('model A {\n  id Int @id\n')).toBeUndefined(); // never closed
    expect(scanSchema('model A {\n  id Int @id\n} // done\n')).toBeUndefined();
    expect(scanSchema('hello\n')).toBeUndefined();
    expect(scanSchema('/// a\u2028b\nmodel A {\n}\n')).toBeUndefined();
  });

  it('configOnly keeps the datasource and generator blocks at their lines', () => {
    const scan = scanSchema(PRISMA6);
    if (!scan) throw new Error('scan failed');
    const lines = configOnly(PRISMA6, scan).split('\n');
    expect(lines).toHaveLength(PRISMA6.split('\n').length);
    expect(lines.slice(0, 12)).toEqual(PRISMA6.split('\n').slice(0, 12));
    expect(lines.slice(12).every((l) => l === '')).toBe(true);
  });
});
