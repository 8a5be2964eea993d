import { canonicalizeIr } from '../ir/canonical.js';
import type { ColumnDefault, ForeignKey, Index, Ir, NavigationRelation, Table } from '../ir/types.js';
import { parseIr } from '../ir/validate.js';
import { col, table } from './_fixtureHelpers.js';
import { aForeignKey, anEnum, anIndex, anIr, aPrimaryKey } from './builders.js';

/**
 * examples/DOMAIN.md written by hand as the IR a PostgreSQL extractor of the Prisma schema gives:
 * Prisma's code names (PascalCase models, camelCase fields), Prisma's default constraint and index
 * names, `CURRENT_TIMESTAMP` defaults, `@updatedAt` as an ORM-side refresh, unique fields as unique
 * indexes (`{table}_{cols}_key`).
 */

const now: ColumnDefault = { kind: 'sql', expression: 'CURRENT_TIMESTAMP' };
const uuidDefault: ColumnDefault = { kind: 'sql', expression: 'gen_random_uuid()' };
const serial: ColumnDefault = { kind: 'sequence', style: 'serial' };
const lit = (value: string | number | boolean | Record<string, unknown>, sql: string): ColumnDefault => ({
  kind: 'literal',
  value,
  sql,
});

const createdAt = () =>
  col('created_at', 'timestamptz(3)', { codeName: 'createdAt', orm: 'DateTime', default: now });
const updatedAt = () =>
  col('updated_at', 'timestamptz(3)', {
    codeName: 'updatedAt',
    orm: 'DateTime',
    default: now,
    onUpdate: { kind: 'orm', description: '@updatedAt' },
  });

const fk = (
  t: string,
  cols: string[],
  target: string,
  onDelete: ForeignKey['onDelete'],
  targetCols: string[] = ['id'],
): ForeignKey => aForeignKey(t, cols, target, targetCols, { onDelete, onUpdate: 'NO ACTION' });

const uniqueIndex = (t: string, cols: string[]): Index =>
  anIndex(t, cols, { name: `${t}_${cols.join('_')}_key`, unique: true });

const rel = (
  from: [string, string],
  to: [string, string | undefined],
  cardinality: 'one' | 'many',
  foreignKey: string | undefined,
  nullable?: boolean,
): NavigationRelation => ({
  from: { schema: null, name: from[0], field: from[1] },
  to: { schema: null, name: to[0], ...(to[1] ? { field: to[1] } : {}) },
  cardinality,
  ...(nullable !== undefined ? { nullable } : {}),
  ...(foreignKey ? { foreignKey } : {}),
});

function exampleTables(): Table[] {
  return [
    table('organizations', 'A tenant: every post and membership belongs to one organization.', {
      codeName: 'Organization',
      columns: [
        col('id', 'uuid', { orm: 'String', default: uuidDefault }),
        col('name', 'varchar(200)', { orm: 'String' }),
        col('slug', 'varchar(100)', {
          orm: 'String',
          description: 'URL-safe identifier, unique across the platform.',
        }),
        col('settings', 'jsonb', { orm: 'Json', default: lit({}, "'{}'") }),
        createdAt(),
        updatedAt(),
      ],
      primaryKey: aPrimaryKey('organizations', ['id']),
      indexes: [uniqueIndex('organizations', ['slug'])],
    }),
    table('users', 'A person who can sign in.', {
      codeName: 'User',
      columns: [
        col('id', 'integer', { orm: 'Int', default: serial }),
        col('email', 'varchar(320)', { orm: 'String', description: 'Login email address. @pii' }),
        col('display_name', 'varchar(100)', { codeName: 'displayName', orm: 'String', description: '@pii' }),
        col('bio', 'text', { orm: 'String', nullable: true }),
        col('is_active', 'boolean', { codeName: 'isActive', orm: 'Boolean', default: lit(true, 'true') }),
        col('deleted_at', 'timestamptz(3)', {
          codeName: 'deletedAt',
          orm: 'DateTime',
          nullable: true,
          description: 'Soft-delete marker; null while the account is active.',
        }),
        createdAt(),
        updatedAt(),
      ],
      primaryKey: aPrimaryKey('users', ['id']),
      indexes: [uniqueIndex('users', ['email'])],
    }),
    table('user_profiles', 'Optional profile details, one per user.', {
      codeName: 'UserProfile',
      columns: [
        col('user_id', 'integer', { codeName: 'userId', orm: 'Int' }),
        col('avatar_url', 'text', { codeName: 'avatarUrl', orm: 'String', nullable: true }),
        col('timezone', 'varchar(64)', { orm: 'String', default: lit('UTC', "'UTC'") }),
        col('locale', 'varchar(10)', { orm: 'String', default: lit('en', "'en'") }),
        col('phone', 'varchar(32)', { orm: 'String', nullable: true, description: '@pii' }),
      ],
      primaryKey: aPrimaryKey('user_profiles', ['user_id']),
      foreignKeys: [fk('user_profiles', ['user_id'], 'users', 'CASCADE')],
    }),
    table('memberships', 'Which users belong to which organizations, and their role.', {
      codeName: 'Membership',
      columns: [
        col('organization_id', 'uuid', { codeName: 'organizationId', orm: 'String' }),
        col('user_id', 'integer', { codeName: 'userId', orm: 'Int' }),
        col('role', 'member_role', {
          orm: 'MemberRole',
          enum: 'member_role',
          default: lit('member', "'member'"),
        }),
        col('joined_at', 'timestamptz(3)', { codeName: 'joinedAt', orm: 'DateTime', default: now }),
      ],
      primaryKey: aPrimaryKey('memberships', ['organization_id', 'user_id']),
      indexes: [anIndex('memberships', ['user_id'])],
      foreignKeys: [
        fk('memberships', ['organization_id'], 'organizations', 'CASCADE'),
        fk('memberships', ['user_id'], 'users', 'CASCADE'),
      ],
    }),
    table('posts', 'An article published inside an organization.', {
      codeName: 'Post',
      columns: [
        col('id', 'integer', { orm: 'Int', default: serial }),
        col('organization_id', 'uuid', { codeName: 'organizationId', orm: 'String' }),
        col('author_id', 'integer', { codeName: 'authorId', orm: 'Int', nullable: true }),
        col('title', 'varchar(200)', { orm: 'String' }),
        col('slug', 'varchar(200)', { orm: 'String' }),
        col('body', 'text', { orm: 'String' }),
        col('status', 'post_status', {
          orm: 'PostStatus',
          enum: 'post_status',
          default: lit('draft', "'draft'"),
        }),
        col('published_at', 'timestamptz(3)', { codeName: 'publishedAt', orm: 'DateTime', nullable: true }),
        col('view_count', 'integer', { codeName: 'viewCount', orm: 'Int', default: lit(0, '0') }),
        col('deleted_at', 'timestamptz(3)', { codeName: 'deletedAt', orm: 'DateTime', nullable: true }),
        createdAt(),
        updatedAt(),
      ],
      primaryKey: aPrimaryKey('posts', ['id']),
      indexes: [
        uniqueIndex('posts', ['organization_id', 'slug']),
        anIndex('posts', ['author_id']),
        anIndex('posts', ['status', 'published_at'], {
          parts: [{ column: 'status' }, { column: 'published_at', order: 'desc' }],
        }),
      ],
      foreignKeys: [
        fk('posts', ['organization_id'], 'organizations', 'CASCADE'),
        fk('posts', ['author_id'], 'users', 'SET NULL'),
      ],
      checks: [{ name: 'posts_view_count_check', nameExplicit: true, expression: 'view_count >= 0' }],
    }),
    table('comments', "A reader's comment on a post; replies point at their parent.", {
      codeName: 'Comment',
      columns: [
        col('id', 'integer', { orm: 'Int', default: serial }),
        col('post_id', 'integer', { codeName: 'postId', orm: 'Int' }),
        col('author_id', 'integer', { codeName: 'authorId', orm: 'Int' }),
        col('parent_id', 'integer', { codeName: 'parentId', orm: 'Int', nullable: true }),
        col('body', 'text', { orm: 'String' }),
        createdAt(),
        updatedAt(),
      ],
      primaryKey: aPrimaryKey('comments', ['id']),
      indexes: [anIndex('comments', ['post_id']), anIndex('comments', ['parent_id'])],
      foreignKeys: [
        fk('comments', ['post_id'], 'posts', 'CASCADE'),
        fk('comments', ['author_id'], 'users', 'RESTRICT'),
        fk('comments', ['parent_id'], 'comments', 'CASCADE'),
      ],
    }),
    table('tags', 'A label that can be attached to many posts.', {
      codeName: 'Tag',
      columns: [
        col('id', 'integer', { orm: 'Int', default: serial }),
        col('name', 'varchar(50)', { orm: 'String' }),
      ],
      primaryKey: aPrimaryKey('tags', ['id']),
      indexes: [uniqueIndex('tags', ['name'])],
    }),
    table('post_tags', 'Tags attached to posts.', {
      codeName: 'PostTag',
      columns: [
        col('post_id', 'integer', { codeName: 'postId', orm: 'Int' }),
        col('tag_id', 'integer', { codeName: 'tagId', orm: 'Int' }),
      ],
      primaryKey: aPrimaryKey('post_tags', ['post_id', 'tag_id']),
      indexes: [anIndex('post_tags', ['tag_id'])],
      foreignKeys: [
        fk('post_tags', ['post_id'], 'posts', 'CASCADE'),
        fk('post_tags', ['tag_id'], 'tags', 'CASCADE'),
      ],
    }),
    table('api_keys', 'Hashed API credentials of a user. @sensitive', {
      codeName: 'ApiKey',
      columns: [
        col('id', 'integer', { orm: 'Int', default: serial }),
        col('user_id', 'integer', { codeName: 'userId', orm: 'Int' }),
        col('name', 'varchar(100)', { orm: 'String' }),
        col('key_hash', 'varchar(64)', {
          codeName: 'keyHash',
          orm: 'String',
          description: 'SHA-256 of the key; the key itself is never stored. @sensitive',
        }),
        col('last_used_at', 'timestamptz(3)', { codeName: 'lastUsedAt', orm: 'DateTime', nullable: true }),
        col('expires_at', 'timestamptz(3)', { codeName: 'expiresAt', orm: 'DateTime', nullable: true }),
        createdAt(),
      ],
      primaryKey: aPrimaryKey('api_keys', ['id']),
      indexes: [uniqueIndex('api_keys', ['key_hash']), anIndex('api_keys', ['user_id'])],
      foreignKeys: [fk('api_keys', ['user_id'], 'users', 'CASCADE')],
    }),
    table('invitations', 'A pending invitation to join an organization.', {
      codeName: 'Invitation',
      columns: [
        col('id', 'uuid', { orm: 'String', default: uuidDefault }),
        col('organization_id', 'uuid', { codeName: 'organizationId', orm: 'String' }),
        col('email', 'varchar(320)', { orm: 'String', description: '@pii' }),
        col('role', 'member_role', {
          orm: 'MemberRole',
          enum: 'member_role',
          default: lit('member', "'member'"),
        }),
        col('invited_by_id', 'integer', { codeName: 'invitedById', orm: 'Int', nullable: true }),
        col('token', 'varchar(64)', { orm: 'String' }),
        col('expires_at', 'timestamptz(3)', { codeName: 'expiresAt', orm: 'DateTime' }),
        col('accepted_at', 'timestamptz(3)', { codeName: 'acceptedAt', orm: 'DateTime', nullable: true }),
        createdAt(),
      ],
      primaryKey: aPrimaryKey('invitations', ['id']),
      indexes: [
        uniqueIndex('invitations', ['token']),
        uniqueIndex('invitations', ['organization_id', 'email']),
      ],
      foreignKeys: [
        fk('invitations', ['organization_id'], 'organizations', 'CASCADE'),
        fk('invitations', ['invited_by_id'], 'users', 'SET NULL'),
      ],
    }),
    table('attachments', 'A file attached to a post.', {
      codeName: 'Attachment',
      columns: [
        col('id', 'integer', { orm: 'Int', default: serial }),
        col('post_id', 'integer', { codeName: 'postId', orm: 'Int' }),
        col('file_name', 'varchar(255)', { codeName: 'fileName', orm: 'String' }),
        col('content_type', 'varchar(100)', { codeName: 'contentType', orm: 'String' }),
        col('size_bytes', 'bigint', { codeName: 'sizeBytes', orm: 'BigInt' }),
        col('checksum', 'varchar(64)', { orm: 'String', nullable: true }),
        createdAt(),
      ],
      primaryKey: aPrimaryKey('attachments', ['id']),
      indexes: [anIndex('attachments', ['post_id'])],
      foreignKeys: [fk('attachments', ['post_id'], 'posts', 'CASCADE')],
      checks: [{ name: 'attachments_size_bytes_check', nameExplicit: true, expression: 'size_bytes > 0' }],
    }),
    table('audit_logs', 'Append-only record of changes, for compliance.', {
      codeName: 'AuditLog',
      columns: [
        col('id', 'bigint', { orm: 'BigInt', default: serial }),
        col('organization_id', 'uuid', { codeName: 'organizationId', orm: 'String', nullable: true }),
        col('actor_id', 'integer', { codeName: 'actorId', orm: 'Int', nullable: true }),
        col('action', 'varchar(100)', { orm: 'String' }),
        col('entity_type', 'varchar(50)', { codeName: 'entityType', orm: 'String' }),
        col('entity_id', 'varchar(64)', { codeName: 'entityId', orm: 'String' }),
        col('metadata', 'jsonb', { orm: 'Json', nullable: true }),
        col('ip_address', 'varchar(45)', {
          codeName: 'ipAddress',
          orm: 'String',
          nullable: true,
          description: '@pii',
        }),
        createdAt(),
      ],
      primaryKey: aPrimaryKey('audit_logs', ['id']),
      indexes: [
        anIndex('audit_logs', ['entity_type', 'entity_id']),
        anIndex('audit_logs', ['organization_id', 'created_at'], {
          parts: [{ column: 'organization_id' }, { column: 'created_at', order: 'desc' }],
        }),
      ],
      foreignKeys: [
        fk('audit_logs', ['organization_id'], 'organizations', 'SET NULL'),
        fk('audit_logs', ['actor_id'], 'users', 'SET NULL'),
      ],
    }),
  ];
}

function exampleRelations(): NavigationRelation[] {
  return [
    rel(['posts', 'organization'], ['organizations', 'posts'], 'one', 'posts_organization_id_fkey', false),
    rel(['organizations', 'posts'], ['posts', 'organization'], 'many', 'posts_organization_id_fkey'),
    rel(['posts', 'author'], ['users', 'posts'], 'one', 'posts_author_id_fkey', true),
    rel(['users', 'posts'], ['posts', 'author'], 'many', 'posts_author_id_fkey'),
    rel(['comments', 'parent'], ['comments', 'replies'], 'one', 'comments_parent_id_fkey', true),
    rel(['comments', 'replies'], ['comments', 'parent'], 'many', 'comments_parent_id_fkey'),
    rel(['user_profiles', 'user'], ['users', 'profile'], 'one', 'user_profiles_user_id_fkey', false),
    rel(['users', 'profile'], ['user_profiles', 'user'], 'one', 'user_profiles_user_id_fkey', true),
  ];
}

/** examples/DOMAIN.md as the IR of its Prisma schema on PostgreSQL (validated, canonical order). */
export function exampleIr(): Ir {
  return canonicalizeIr(
    parseIr(
      anIr({
        dialect: 'postgresql',
        source: { orm: 'prisma', files: ['prisma/schema.prisma'], relationMode: 'foreignKeys' },
        tables: exampleTables(),
        enums: [
          anEnum('member_role', ['owner', 'admin', 'member'], {
            codeName: 'MemberRole',
            description: 'Role of a user inside an organization.',
          }),
          anEnum('post_status', ['draft', 'published', 'archived'], {
            codeName: 'PostStatus',
            description: 'Publication state of a post.',
          }),
        ],
        relations: exampleRelations(),
      }),
    ),
  );
}

export { HOSTILE_COMMENT, kitchenSinkIr } from './kitchenSinkIr.js';
