import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { relativePosix, toPosixPath } from './paths.js';

describe('toPosixPath', () => {
  it.each([
    ['windows separators', path.win32, 'prisma\\schema\\user.prisma', 'prisma/schema/user.prisma'],
    ['windows absolute', path.win32, 'C:\\proj\\src\\db.ts', 'C:/proj/src/db.ts'],
    ['windows parent segments', path.win32, '..\\..\\shared\\db.ts', '../../shared/db.ts'],
    ['already posix on windows', path.win32, 'src/db/schema.ts', 'src/db/schema.ts'],
    ['already posix on posix', path.posix, 'src/db/schema.ts', 'src/db/schema.ts'],
    ['backslash is a file-name character on posix', path.posix, 'src/a\\b.ts', 'src/a\\b.ts'],
    ['empty', path.win32, '', ''],
    ['glob kept', path.win32, 'C:\\proj\\src\\**\\*', 'C:/proj/src/**/*'],
  ])('%s', (_name, flavour, input, expected) => {
    expect(toPosixPath(input, flavour)).toBe(expected);
  });

  it('uses the platform separator by default', () => {
    expect(toPosixPath(['a', 'b', 'c.ts'].join(path.sep))).toBe('a/b/c.ts');
  });
});

describe('relativePosix', () => {
  it.each([
    ['windows file below', path.win32, 'C:\\proj', 'C:\\proj\\prisma\\schema.prisma', 'prisma/schema.prisma'],
    ['windows file outside', path.win32, 'C:\\proj\\app', 'C:\\proj\\lib\\db.ts', '../lib/db.ts'],
    ['windows same directory', path.win32, 'C:\\proj', 'C:\\proj', ''],
    ['windows other drive stays absolute', path.win32, 'C:\\proj', 'D:\\db\\x.ts', 'D:/db/x.ts'],
    ['posix file below', path.posix, '/proj', '/proj/src/db/schema.ts', 'src/db/schema.ts'],
    [
      'posix parent segments',
      path.posix,
      '/proj/apps/api',
      '/proj/packages/db/s.ts',
      '../../packages/db/s.ts',
    ],
    ['posix same directory', path.posix, '/proj', '/proj/', ''],
    ['posix dot segments resolved', path.posix, '/proj/./a/..', '/proj/b/c.ts', 'b/c.ts'],
    ['posix backslash in a file name kept', path.posix, '/proj', '/proj/a\\b.ts', 'a\\b.ts'],
  ])('%s', (_name, flavour, from, to, expected) => {
    expect(relativePosix(from, to, flavour)).toBe(expected);
  });

  it('uses the platform path by default', () => {
    const root = path.resolve('/proj');
    expect(relativePosix(root, path.join(root, 'a', 'b.ts'))).toBe('a/b.ts');
  });
});
