import { bigserial, index, integer, jsonb, pgTable, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { organizations } from './organizations';
import { users } from './users';

/** Append-only record of changes, for compliance. */
export const auditLogs = pgTable(
  'audit_logs',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: varchar({ length: 100 }).notNull(),
    entityType: varchar('entity_type', { length: 50 }).notNull(),
    entityId: varchar('entity_id', { length: 64 }).notNull(),
    metadata: jsonb(),
    /** @pii */
    ipAddress: varchar('ip_address', { length: 45 }),
    ...createdAt,
  },
  (t) => [
    index().on(t.entityType, t.entityId),
    index().on(t.organizationId, t.createdAt.desc().nullsFirst()),
  ],
);
