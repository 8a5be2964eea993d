import { pgEnum } from 'drizzle-orm/pg-core';

/** Role of a user inside an organization. */
export const memberRole = pgEnum('member_role', ['owner', 'admin', 'member']);

/** Publication state of a post. */
export const postStatus = pgEnum('post_status', ['draft', 'published', 'archived']);
