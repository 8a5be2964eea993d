import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareShapes, shapeOfDdl, startPglite } from '@ormdoc/core/testing';
import { loadTypeormMetadata } from '@ormdoc/typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// TypeORM's own schema synchronisation on PGlite: the ground truth the extractor's tests use too.
import { typeormShape } from '../../../packages/typeorm/test/helpers/typeormShape.js';
import { ensureBuilt, makeProject, removeProject, runCli } from './_harness.js';

const TSCONFIG = JSON.stringify({
  compilerOptions: {
    target: 'ES2022',
    module: 'CommonJS',
    moduleResolution: 'Node10',
    strict: true,
    strictPropertyInitialization: false,
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    esModuleInterop: true,
  },
  include: ['src'],
});

const USER = `import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { Post } from './Post';

export enum Role {
  Admin = 'admin',
  Member = 'member',
}

@Entity({ name: 'users', comment: 'People who sign in.' })
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  // no explicit type: TypeORM needs the decorator metadata of \`string\`
  @Column({ unique: true, length: 255 })
  email: string;

  @Column({ name: 'display_name', type: 'text', nullable: true })
  displayName: string | null;

  @Column({ type: 'enum', enum: Role, enumName: 'role', default: Role.Member })
  role: Role;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @OneToMany(() => Post, (post) => post.author)
  posts: Post[];
}
`;

const POST = `import { Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Tag } from './Tag';
import { User } from './User';

@Entity('posts')
@Index('posts_author_id_idx', ['author'])
export class Post {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ length: 200 })
  title: string;

  @ManyToOne(() => User, (user) => user.posts, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_id' })
  author: User;

  @ManyToMany(() => Tag)
  @JoinTable({ name: 'post_tags' })
  tags: Tag[];
}
`;

const TAG = `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('tags')
export class Tag {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ unique: true })
  name: string;
}
`;

const DATA_SOURCE = `import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Post } from './entity/Post';
import { Tag } from './entity/Tag';
import { User } from './entity/User';

export const AppDataSource = new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_URL,
  entities: [User, Post, Tag],
});
`;

const PACKAGE_JSON = JSON.stringify({
  name: 'blog',
  private: true,
  dependencies: { 'reflect-metadata': '^0.2.2', typeorm: '1.1.1' },
});

const projects: string[] = [];
function project(files: Record<string, string>): string {
  const dir = makeProject(
    { 'package.json': PACKAGE_JSON, 'tsconfig.json': TSCONFIG, ...files },
    { link: ['typeorm', 'reflect-metadata'] },
  );
  projects.push(dir);
  return dir;
}
const withDataSource = () =>
  project({
    'src/data-source.ts': DATA_SOURCE,
    'src/entity/User.ts': USER,
    'src/entity/Post.ts': POST,
    'src/entity/Tag.ts': TAG,
  });
const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

let db: Awaited<ReturnType<typeof startPglite>>;
beforeAll(async () => {
  ensureBuilt();
  db = await startPglite();
});
afterAll(async () => {
  await db?.close();
  for (const dir of projects) removeProject(dir);
});

describe('ormdoc with a TypeORM project', () => {
  it('auto-detects src/data-source.ts; generate writes the documents, a second run changes nothing', () => {
    const dir = withDataSource();
    const first = runCli(['generate', '--verbose'], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/extract typeorm \(src\/data-source\.ts\): 4 tables, 1 enum/);
    expect(first.stdout).toMatch(/documents in docs\/database: \d+ written, 0 unchanged, 4 tables/);
    const schema = read(dir, 'docs/database/schema.md');
    for (const name of ['users', 'posts', 'tags', 'post_tags']) expect(schema).toContain(name);
    expect(schema).toContain('People who sign in.');
    const second = runCli(['generate'], { cwd: dir });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/: 0 written, \d+ unchanged, 4 tables/);
  });

  it('inspect --format sql creates the database TypeORM synchronize creates (PGlite, names included)', async () => {
    const dir = withDataSource();
    const run = runCli(['inspect', '--format', 'sql'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const loaded = await loadTypeormMetadata({ cwd: dir, dataSource: 'src/data-source.ts' });
    const expected = await typeormShape(db, loaded);
    expect(Object.keys(expected.tables).sort()).toEqual([
      'public.post_tags',
      'public.posts',
      'public.tags',
      'public.users',
    ]);
    expect(compareShapes(expected, await shapeOfDdl(db, run.stdout))).toEqual([]);
  });

  it('check: exit 1 naming the stale document after an entity changes, writing nothing', () => {
    const dir = withDataSource();
    expect(runCli(['generate', '--template', 'schema'], { cwd: dir }).code).toBe(0);
    expect(runCli(['check', '--template', 'schema'], { cwd: dir }).code).toBe(0);
    writeFileSync(
      join(dir, 'src/entity/Tag.ts'),
      TAG.replace(
        '  name: string;',
        "  name: string;\n\n  @Column({ type: 'text', nullable: true })\n  colour: string | null;",
      ),
    );
    const before = read(dir, 'docs/database/schema.md');
    const stale = runCli(['check', '--template', 'schema'], { cwd: dir });
    expect(stale.code).toBe(1);
    expect(stale.stdout).toMatch(/^stale: docs\/database\/schema\.md$/m);
    expect(stale.stdout).toMatch(/^\+.*colour/m);
    expect(read(dir, 'docs/database/schema.md')).toBe(before);
  });

  it('without a data source: detects typeorm from package.json and *.entity.ts files', () => {
    const dir = project({
      'src/user.entity.ts': USER.replace("from './Post'", "from './post.entity'"),
      'src/post.entity.ts': POST.replace("from './Tag'", "from './tag.entity'").replace(
        "from './User'",
        "from './user.entity'",
      ),
      'src/tag.entity.ts': TAG,
    });
    const run = runCli(['inspect'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const ir = JSON.parse(run.stdout) as { source: { orm: string }; tables: Array<{ name: string }> };
    expect(ir.source.orm).toBe('typeorm');
    expect(ir.tables.map((t) => t.name).sort()).toEqual(['post_tags', 'posts', 'tags', 'users']);
    expect(existsSync(join(dir, 'docs'))).toBe(false);
  });

  it('beside a drizzle.config.ts: exit 1 listing both ORMs with their evidence; --orm typeorm chooses', () => {
    const dir = project({
      'src/data-source.ts': DATA_SOURCE,
      'src/entity/User.ts': USER,
      'src/entity/Post.ts': POST,
      'src/entity/Tag.ts': TAG,
      'drizzle.config.ts': "export default { dialect: 'postgresql', schema: './db/schema.ts' };\n",
    });
    const ambiguous = runCli(['inspect'], { cwd: dir });
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toMatch(
      /^error: More than one ORM found: drizzle \(drizzle\.config\.ts\); typeorm \(src\/data-source\.ts\)\.$/m,
    );
    expect(ambiguous.stderr).toMatch(/^hint: Pass --orm drizzle\|typeorm/m);
    const chosen = runCli(['inspect', '--orm', 'typeorm'], { cwd: dir });
    expect(chosen.code, chosen.stderr).toBe(0);
    expect((JSON.parse(chosen.stdout) as { source: { orm: string } }).source.orm).toBe('typeorm');
  });

  it('--data-source pointing at a missing file is a user error (exit 1), not a crash', () => {
    const dir = withDataSource();
    const run = runCli(['inspect', '--orm', 'typeorm', '--data-source', 'src/nope.ts'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: .*nope\.ts/m);
    expect(run.stderr).not.toMatch(/internal error/);
  });
});
