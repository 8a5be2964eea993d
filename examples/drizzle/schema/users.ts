import { boolean, index, integer, pgTable, serial, text, varchar } from 'drizzle-orm/pg-core';
import { createdAt, timestamps, ts3 } from './columns';

/** A person who can sign in. */
export const users = pgTable('users', {
  id: serial().primaryKey(),
  /** Login email address. @pii */
  email: varchar({ length: 320 }).notNull().unique(),
  /** @pii */
  displayName: varchar('display_name', { length: 100 }).notNull(),
  bio: text(),
  isActive: boolean('is_active').notNull().default(true),
  /** Soft-delete marker; null while the account is active. */
  deletedAt: ts3('deleted_at'),
  ...timestamps,
});

/** Optional profile details, one per user. */
export const userProfiles = pgTable('user_profiles', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  avatarUrl: text('avatar_url'),
  timezone: varchar({ length: 64 }).notNull().default('UTC'),
  locale: varchar({ length: 10 }).notNull().default('en'),
  /** @pii */
  phone: varchar({ length: 32 }),
});

/** Hashed API credentials of a user. @sensitive */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: serial().primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: varchar({ length: 100 }).notNull(),
    /** SHA-256 of the key; the key itself is never stored. @sensitive */
    keyHash: varchar('key_hash', { length: 64 }).notNull().unique(),
    lastUsedAt: ts3('last_used_at'),
    expiresAt: ts3('expires_at'),
    ...createdAt,
  },
  (t) => [index().on(t.userId)],
);
