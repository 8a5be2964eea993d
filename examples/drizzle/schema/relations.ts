import { relations } from 'drizzle-orm';
import { auditLogs } from './audit';
import { attachments, comments, posts, postTags, tags } from './content';
import { invitations, memberships, organizations } from './organizations';
import { apiKeys, userProfiles, users } from './users';

export const organizationsRelations = relations(organizations, ({ many }) => ({
  memberships: many(memberships),
  posts: many(posts),
  invitations: many(invitations),
  auditLogs: many(auditLogs),
}));

export const usersRelations = relations(users, ({ one, many }) => ({
  profile: one(userProfiles),
  memberships: many(memberships),
  posts: many(posts),
  comments: many(comments),
  apiKeys: many(apiKeys),
  sentInvitations: many(invitations),
  auditLogs: many(auditLogs),
}));

export const userProfilesRelations = relations(userProfiles, ({ one }) => ({
  user: one(users, { fields: [userProfiles.userId], references: [users.id] }),
}));

export const membershipsRelations = relations(memberships, ({ one }) => ({
  organization: one(organizations, { fields: [memberships.organizationId], references: [organizations.id] }),
  user: one(users, { fields: [memberships.userId], references: [users.id] }),
}));

export const postsRelations = relations(posts, ({ one, many }) => ({
  organization: one(organizations, { fields: [posts.organizationId], references: [organizations.id] }),
  author: one(users, { fields: [posts.authorId], references: [users.id] }),
  comments: many(comments),
  postTags: many(postTags),
  attachments: many(attachments),
}));

export const commentsRelations = relations(comments, ({ one, many }) => ({
  post: one(posts, { fields: [comments.postId], references: [posts.id] }),
  author: one(users, { fields: [comments.authorId], references: [users.id] }),
  parent: one(comments, { fields: [comments.parentId], references: [comments.id], relationName: 'thread' }),
  replies: many(comments, { relationName: 'thread' }),
}));

export const tagsRelations = relations(tags, ({ many }) => ({
  postTags: many(postTags),
}));

export const postTagsRelations = relations(postTags, ({ one }) => ({
  post: one(posts, { fields: [postTags.postId], references: [posts.id] }),
  tag: one(tags, { fields: [postTags.tagId], references: [tags.id] }),
}));

export const apiKeysRelations = relations(apiKeys, ({ one }) => ({
  user: one(users, { fields: [apiKeys.userId], references: [users.id] }),
}));

export const invitationsRelations = relations(invitations, ({ one }) => ({
  organization: one(organizations, { fields: [invitations.organizationId], references: [organizations.id] }),
  invitedBy: one(users, { fields: [invitations.invitedById], references: [users.id] }),
}));

export const attachmentsRelations = relations(attachments, ({ one }) => ({
  post: one(posts, { fields: [attachments.postId], references: [posts.id] }),
}));

export const auditLogsRelations = relations(auditLogs, ({ one }) => ({
  organization: one(organizations, { fields: [auditLogs.organizationId], references: [organizations.id] }),
  actor: one(users, { fields: [auditLogs.actorId], references: [users.id] }),
}));
