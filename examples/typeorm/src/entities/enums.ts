export enum MemberRole {
  Owner = 'owner',
  Admin = 'admin',
  Member = 'member',
}

export enum PostStatus {
  Draft = 'draft',
  Published = 'published',
  Archived = 'archived',
}

/** TypeORM has no comment on enum types: the descriptions of DOMAIN.md live here only. */
export const MEMBER_ROLE_DESCRIPTION = 'Role of a user inside an organization.';
export const POST_STATUS_DESCRIPTION = 'Publication state of a post.';
