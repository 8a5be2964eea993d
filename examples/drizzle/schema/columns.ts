import { timestamp } from 'drizzle-orm/pg-core';

/** `timestamptz(3)`, the precision every timestamp of this schema uses. */
export const ts3 = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** Set once, by the database, when the row is inserted. */
export const createdAt = { createdAt: ts3('created_at').notNull().defaultNow() };

/** Audit timestamps: `updated_at` is refreshed by drizzle on every update. */
export const timestamps = {
  ...createdAt,
  updatedAt: ts3('updated_at')
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};
