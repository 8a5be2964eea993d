// The install matrix's cases: the ORM versions tested (bump them here) and the tiny project each
// case writes. The extractors' peer ranges are not repeated here: matrix.mjs reads them from
// packages/*/package.json at run time and says, per case, whether the tested version is inside.

const prismaSchema = (major) => `generator docs {
  provider = "ormdoc-prisma"
  output   = "../docs/from-generator"
}

datasource db {
  provider = "postgresql"${major < 7 ? '\n  url      = env("DATABASE_URL")' : ''}
}

model User {
  id    Int    @id @default(autoincrement())
  email String @unique
  posts Post[]

  @@map("users")
}

model Post {
  id       Int    @id @default(autoincrement())
  title    String
  authorId Int    @map("author_id")
  author   User   @relation(fields: [authorId], references: [id])

  @@map("posts")
}
`;

const drizzleSchema = `import { integer, pgTable, serial, text } from 'drizzle-orm/pg-core';

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  email: text('email').notNull().unique(),
});

export const posts = pgTable('posts', {
  id: serial('id').primaryKey(),
  title: text('title').notNull(),
  authorId: integer('author_id').notNull().references(() => users.id),
});
`;

const drizzleConfig = `import { withOrmdoc } from '@ormdoc/drizzle/config';
import { defineConfig } from 'drizzle-kit';

export default withOrmdoc(
  defineConfig({ dialect: 'postgresql', schema: './src/db/schema.ts', out: './drizzle' }),
  { output: 'docs/database' },
);
`;

const typeormFiles = {
  'tsconfig.json': `${JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        module: 'CommonJS',
        strict: true,
        strictPropertyInitialization: false,
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
      },
      include: ['src'],
    },
    null,
    2,
  )}\n`,
  'src/entity/User.ts': `import { Column, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { Post } from './Post';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ unique: true })
  email: string;

  @OneToMany(() => Post, (post) => post.author)
  posts: Post[];
}
`,
  'src/entity/Post.ts': `import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './User';

@Entity('posts')
export class Post {
  @PrimaryGeneratedColumn()
  id: number;

  @Column()
  title: string;

  @ManyToOne(() => User, (user) => user.posts)
  @JoinColumn({ name: 'author_id' })
  author: User;
}
`,
  'src/data-source.ts': `import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Post } from './entity/Post';
import { User } from './entity/User';

export const AppDataSource = new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_URL,
  entities: [User, Post],
});
`,
};

/** Packages of the other ORMs (and the test-only PGlite) that must not be installed in a case of `orm`. */
export const FOREIGN = {
  prisma: ['typeorm', 'drizzle-orm', 'drizzle-kit', '@ormdoc/drizzle', '@ormdoc/typeorm', '@ormdoc/sqlmodel'],
  drizzle: ['prisma', '@prisma/client', 'typeorm', '@ormdoc/prisma', '@ormdoc/typeorm', '@ormdoc/sqlmodel'],
  typeorm: [
    'prisma',
    '@prisma/client',
    'drizzle-orm',
    'drizzle-kit',
    '@ormdoc/prisma',
    '@ormdoc/drizzle',
    '@ormdoc/sqlmodel',
  ],
};

/**
 * Packages the ORM itself may bring (Prisma 7 brings PGlite for `prisma dev`) but ormdoc must not:
 * npm ls must show no path to them through ormdoc or its packages. A Prisma project gets no
 * TypeScript from ormdoc; PGlite is a test-only dependency of ormdoc everywhere.
 */
export const NOT_FROM_ORMDOC = {
  prisma: ['typescript', 'tsx', '@electric-sql/pglite'],
  drizzle: ['@electric-sql/pglite'],
  typeorm: ['@electric-sql/pglite'],
};

const prismaCase = (version, pm = 'npm') => {
  const major = Number(version.split('.')[0]);
  return {
    id: `prisma-${major}${pm === 'npm' ? '' : `-${pm}`}`,
    orm: 'prisma',
    pm,
    orm_packages: { prisma: version },
    extractor: '@ormdoc/prisma',
    files: { 'prisma/schema.prisma': prismaSchema(major), 'app.db': '' },
    runs: [
      { cmd: ['ormdoc', 'generate'], docs: 'docs/database' },
      { cmd: ['prisma', 'generate'], docs: 'docs/from-generator' },
      // npx runs ormdoc from npm's cache; the extractor the project installed is still found.
      ...(major === 7 && pm === 'npm'
        ? [
            { npx: [], cmd: ['ormdoc', 'generate', '--out', 'docs/npx'], docs: 'docs/npx' },
            // The live-database reader is an optional peer: without it, drift says what to install;
            // with it (npx -p), it reads the file (an empty SQLite database, not this PostgreSQL schema's).
            {
              cmd: ['ormdoc', 'drift', '--database-url', 'app.db'],
              exit: 1,
              stderr: /reads a live database with @ormdoc\/database, which is not installed/,
            },
            {
              npx: ['@ormdoc/database'],
              cmd: ['ormdoc', 'drift', '--database-url', 'app.db'],
              exit: 1,
              stderr: /is a sqlite database/,
            },
          ]
        : []),
    ],
  };
};

const drizzleCase = (orm, kit) => ({
  id: `drizzle-${orm.replace(/^(\d+\.\d+)\.\d+$/, '$1')}`,
  orm: 'drizzle',
  pm: 'npm',
  orm_packages: { 'drizzle-orm': orm, 'drizzle-kit': kit },
  extractor: '@ormdoc/drizzle',
  files: { 'src/db/schema.ts': drizzleSchema, 'drizzle.config.ts': drizzleConfig },
  runs: [
    { cmd: ['ormdoc', 'generate'], docs: 'docs/database' },
    { cmd: ['drizzle-kit', 'generate'], files: ['drizzle'] },
  ],
});

const typeormCase = (version) => ({
  id: `typeorm-${version.replace(/^(\d+\.\d+)\.\d+$/, '$1')}`,
  orm: 'typeorm',
  pm: 'npm',
  orm_packages: { typeorm: version, 'reflect-metadata': '0.2.2', pg: '8.16.3' },
  extractor: '@ormdoc/typeorm',
  files: typeormFiles,
  runs: [{ cmd: ['ormdoc', 'generate'], docs: 'docs/database' }],
});

export const CASES = [
  prismaCase('5.22.0'),
  prismaCase('6.19.3'),
  prismaCase('7.10.1'),
  prismaCase('6.19.3', 'pnpm'),
  drizzleCase('0.32.2', '0.23.2'), // the oldest in @ormdoc/drizzle's peer ranges
  drizzleCase('0.43.1', '0.31.0'), // a popular starter's pin (issue 16)
  drizzleCase('0.45.4', '0.31.11'),
  drizzleCase('1.0.0-rc.5', '1.0.0-rc.5'),
  typeormCase('0.3.31'),
  typeormCase('1.1.4'),
  // Without its extractor: `ormdoc generate` must say what to install (exit 1), and
  // `npx -p ormdoc -p @ormdoc/prisma ormdoc generate` must work in one step.
  {
    ...prismaCase('6.19.3'),
    id: 'prisma-6-no-extractor',
    extractor: null,
    runs: [
      {
        cmd: ['ormdoc', 'generate'],
        exit: 1,
        stderr: /This is a Prisma project: install the Prisma extractor/,
      },
      { npx: ['@ormdoc/prisma'], cmd: ['ormdoc', 'generate'], docs: 'docs/database' },
    ],
  },
];
