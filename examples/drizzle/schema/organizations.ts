import { index, integer, jsonb, pgTable, primaryKey, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAt, timestamps, ts3 } from './columns';
import { memberRole } from './enums';
import { users } from './users';

/** A tenant: every post and membership belongs to one organization. */
export const organizations = pgTable('organizations', {
  id: uuid().primaryKey().defaultRandom(),
  name: varchar({ length: 200 }).notNull(),
  /** URL-safe identifier, unique across the platform. */
  slug: varchar({ length: 100 }).notNull().unique(),
  settings: jsonb().notNull().default({}),
  ...timestamps,
});

/** Which users belong to which organizations, and their role. */
export const memberships = pgTable(
  'memberships',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: memberRole().notNull().default('member'),
    joinedAt: ts3('joined_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.userId] }), index().on(t.userId)],
);

/** A pending invitation to join an organization. */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** @pii */
    email: varchar({ length: 320 }).notNull(),
    role: memberRole().notNull().default('member'),
    invitedById: integer('invited_by_id').references(() => users.id, { onDelete: 'set null' }),
    token: varchar({ length: 64 }).notNull().unique(),
    expiresAt: ts3('expires_at').notNull(),
    acceptedAt: ts3('accepted_at'),
    ...createdAt,
  },
  (t) => [unique().on(t.organizationId, t.email)],
);
