import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  unique,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { createdAt, timestamps, ts3 } from './columns';
import { postStatus } from './enums';
import { organizations } from './organizations';
import { users } from './users';

/** An article published inside an organization. */
export const posts = pgTable(
  'posts',
  {
    id: serial().primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    title: varchar({ length: 200 }).notNull(),
    slug: varchar({ length: 200 }).notNull(),
    body: text().notNull(),
    status: postStatus().notNull().default('draft'),
    publishedAt: ts3('published_at'),
    viewCount: integer('view_count').notNull().default(0),
    deletedAt: ts3('deleted_at'),
    ...timestamps,
  },
  (t) => [
    unique().on(t.organizationId, t.slug),
    index().on(t.authorId),
    // drizzle's .desc() alone means DESC NULLS LAST; PostgreSQL's plain DESC puts nulls first.
    index().on(t.status, t.publishedAt.desc().nullsFirst()),
    check('posts_view_count_check', sql`${t.viewCount} >= 0`),
  ],
);

/** A reader's comment on a post; replies point at their parent. */
export const comments = pgTable(
  'comments',
  {
    id: serial().primaryKey(),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    parentId: integer('parent_id').references((): AnyPgColumn => comments.id, { onDelete: 'cascade' }),
    body: text().notNull(),
    ...timestamps,
  },
  (t) => [index().on(t.postId), index().on(t.parentId)],
);

/** A label that can be attached to many posts. */
export const tags = pgTable('tags', {
  id: serial().primaryKey(),
  name: varchar({ length: 50 }).notNull().unique(),
});

/** Tags attached to posts. */
export const postTags = pgTable(
  'post_tags',
  {
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.postId, t.tagId] }), index().on(t.tagId)],
);

/** A file attached to a post. */
export const attachments = pgTable(
  'attachments',
  {
    id: serial().primaryKey(),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    fileName: varchar('file_name', { length: 255 }).notNull(),
    contentType: varchar('content_type', { length: 100 }).notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    checksum: varchar({ length: 64 }),
    ...createdAt,
  },
  (t) => [check('attachments_size_bytes_check', sql`${t.sizeBytes} > 0`), index().on(t.postId)],
);
