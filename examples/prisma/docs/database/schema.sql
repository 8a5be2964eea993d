-- Enums
CREATE TYPE member_role AS ENUM ('owner', 'admin', 'member');
COMMENT ON TYPE member_role IS 'Role of a user inside an organization.';

CREATE TYPE post_status AS ENUM ('draft', 'published', 'archived');
COMMENT ON TYPE post_status IS 'Publication state of a post.';

-- Functions
SET check_function_bodies = false;

CREATE FUNCTION current_organization()
RETURNS uuid
LANGUAGE sql
STABLE
AS $$
  SELECT nullif(current_setting('app.current_organization', true), '')::uuid
$$;
COMMENT ON FUNCTION current_organization() IS 'The organization the current request acts for (app.current_organization).';

CREATE FUNCTION set_updated_at()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;

RESET check_function_bodies;

-- Tables
CREATE TABLE users (
  id serial NOT NULL,
  email varchar(320) NOT NULL,
  display_name varchar(100) NOT NULL,
  bio text,
  is_active boolean NOT NULL DEFAULT true,
  deleted_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, -- updated by the ORM on every update: @updatedAt
  CONSTRAINT users_pkey PRIMARY KEY (id)
);
CREATE UNIQUE INDEX users_email_key ON users (email);
COMMENT ON TABLE users IS 'A person who can sign in.';
COMMENT ON COLUMN users.email IS 'Login email address. @pii';
COMMENT ON COLUMN users.display_name IS '@pii';
COMMENT ON COLUMN users.deleted_at IS 'Soft-delete marker; null while the account is active.';

CREATE TABLE organizations (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name varchar(200) NOT NULL,
  slug varchar(100) NOT NULL,
  settings jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, -- updated by the ORM on every update: @updatedAt
  CONSTRAINT organizations_pkey PRIMARY KEY (id)
);
CREATE UNIQUE INDEX organizations_slug_key ON organizations (slug);
COMMENT ON TABLE organizations IS 'A tenant: every post and membership belongs to one organization.';
COMMENT ON COLUMN organizations.slug IS 'URL-safe identifier, unique across the platform.';

CREATE TABLE posts (
  id serial NOT NULL,
  organization_id uuid NOT NULL,
  author_id integer,
  title varchar(200) NOT NULL,
  slug varchar(200) NOT NULL,
  body text NOT NULL,
  status post_status NOT NULL DEFAULT 'draft',
  published_at timestamptz(3),
  view_count integer NOT NULL DEFAULT 0,
  deleted_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, -- updated by the ORM on every update: @updatedAt; kept current for every writer by the trigger posts_set_updated_at
  CONSTRAINT posts_pkey PRIMARY KEY (id),
  CONSTRAINT posts_view_count_check CHECK (view_count >= 0)
);
CREATE INDEX posts_author_id_idx ON posts (author_id);
CREATE UNIQUE INDEX posts_organization_id_slug_key ON posts (organization_id, slug);
CREATE INDEX posts_status_published_at_idx ON posts (status, published_at DESC);
COMMENT ON TABLE posts IS 'An article published inside an organization.';

CREATE TABLE tags (
  id serial NOT NULL,
  name varchar(50) NOT NULL,
  CONSTRAINT tags_pkey PRIMARY KEY (id)
);
CREATE UNIQUE INDEX tags_name_key ON tags (name);
COMMENT ON TABLE tags IS 'A label that can be attached to many posts.';

CREATE TABLE comments (
  id serial NOT NULL,
  post_id integer NOT NULL,
  author_id integer NOT NULL,
  parent_id integer,
  body text NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, -- updated by the ORM on every update: @updatedAt; kept current for every writer by the trigger comments_set_updated_at
  CONSTRAINT comments_pkey PRIMARY KEY (id)
);
CREATE INDEX comments_parent_id_idx ON comments (parent_id);
CREATE INDEX comments_post_id_idx ON comments (post_id);
COMMENT ON TABLE comments IS 'A reader''s comment on a post; replies point at their parent.';

CREATE TABLE audit_logs (
  id bigserial NOT NULL,
  organization_id uuid,
  actor_id integer,
  action varchar(100) NOT NULL,
  entity_type varchar(50) NOT NULL,
  entity_id varchar(64) NOT NULL,
  metadata jsonb,
  ip_address varchar(45),
  created_at timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT audit_logs_pkey PRIMARY KEY (id)
);
CREATE INDEX audit_logs_entity_type_entity_id_idx ON audit_logs (entity_type, entity_id);
CREATE INDEX audit_logs_organization_id_created_at_idx ON audit_logs (organization_id, created_at DESC);
COMMENT ON TABLE audit_logs IS 'Append-only record of changes, for compliance.';
COMMENT ON COLUMN audit_logs.ip_address IS '@pii';

CREATE TABLE invitations (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL,
  email varchar(320) NOT NULL,
  role member_role NOT NULL DEFAULT 'member',
  invited_by_id integer,
  token varchar(64) NOT NULL,
  expires_at timestamptz(3) NOT NULL,
  accepted_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT invitations_pkey PRIMARY KEY (id)
);
CREATE UNIQUE INDEX invitations_organization_id_email_key ON invitations (organization_id, email);
CREATE UNIQUE INDEX invitations_token_key ON invitations (token);
COMMENT ON TABLE invitations IS 'A pending invitation to join an organization.';
COMMENT ON COLUMN invitations.email IS '@pii';

CREATE TABLE memberships (
  organization_id uuid NOT NULL,
  user_id integer NOT NULL,
  role member_role NOT NULL DEFAULT 'member',
  joined_at timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT memberships_pkey PRIMARY KEY (organization_id, user_id)
);
CREATE INDEX memberships_user_id_idx ON memberships (user_id);
COMMENT ON TABLE memberships IS 'Which users belong to which organizations, and their role.';

CREATE TABLE post_tags (
  post_id integer NOT NULL,
  tag_id integer NOT NULL,
  CONSTRAINT post_tags_pkey PRIMARY KEY (post_id, tag_id)
);
CREATE INDEX post_tags_tag_id_idx ON post_tags (tag_id);
COMMENT ON TABLE post_tags IS 'Tags attached to posts.';

CREATE TABLE api_keys (
  id serial NOT NULL,
  user_id integer NOT NULL,
  name varchar(100) NOT NULL,
  key_hash varchar(64) NOT NULL,
  last_used_at timestamptz(3),
  expires_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT api_keys_pkey PRIMARY KEY (id)
);
CREATE UNIQUE INDEX api_keys_key_hash_key ON api_keys (key_hash);
CREATE INDEX api_keys_user_id_idx ON api_keys (user_id);
COMMENT ON TABLE api_keys IS 'Hashed API credentials of a user. @sensitive';
COMMENT ON COLUMN api_keys.key_hash IS 'SHA-256 of the key; the key itself is never stored. @sensitive';

CREATE TABLE attachments (
  id serial NOT NULL,
  post_id integer NOT NULL,
  file_name varchar(255) NOT NULL,
  content_type varchar(100) NOT NULL,
  size_bytes bigint NOT NULL,
  checksum varchar(64),
  created_at timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT attachments_pkey PRIMARY KEY (id),
  CONSTRAINT attachments_size_bytes_check CHECK (size_bytes > 0)
);
CREATE INDEX attachments_post_id_idx ON attachments (post_id);
COMMENT ON TABLE attachments IS 'A file attached to a post.';

CREATE TABLE user_profiles (
  user_id integer NOT NULL,
  avatar_url text,
  timezone varchar(64) NOT NULL DEFAULT 'UTC',
  locale varchar(10) NOT NULL DEFAULT 'en',
  phone varchar(32),
  CONSTRAINT user_profiles_pkey PRIMARY KEY (user_id)
);
COMMENT ON TABLE user_profiles IS 'Optional profile details, one per user.';
COMMENT ON COLUMN user_profiles.phone IS '@pii';

-- Foreign keys
ALTER TABLE posts ADD CONSTRAINT posts_author_id_fkey FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE posts ADD CONSTRAINT posts_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE ON UPDATE NO ACTION;

ALTER TABLE comments ADD CONSTRAINT comments_author_id_fkey FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE RESTRICT ON UPDATE NO ACTION;
ALTER TABLE comments ADD CONSTRAINT comments_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES comments (id) ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE comments ADD CONSTRAINT comments_post_id_fkey FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE ON UPDATE NO ACTION;

ALTER TABLE audit_logs ADD CONSTRAINT audit_logs_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES users (id) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE audit_logs ADD CONSTRAINT audit_logs_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE SET NULL ON UPDATE NO ACTION;

ALTER TABLE invitations ADD CONSTRAINT invitations_invited_by_id_fkey FOREIGN KEY (invited_by_id) REFERENCES users (id) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE invitations ADD CONSTRAINT invitations_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE ON UPDATE NO ACTION;

ALTER TABLE memberships ADD CONSTRAINT memberships_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE memberships ADD CONSTRAINT memberships_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE NO ACTION;

ALTER TABLE post_tags ADD CONSTRAINT post_tags_post_id_fkey FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE post_tags ADD CONSTRAINT post_tags_tag_id_fkey FOREIGN KEY (tag_id) REFERENCES tags (id) ON DELETE CASCADE ON UPDATE NO ACTION;

ALTER TABLE api_keys ADD CONSTRAINT api_keys_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE NO ACTION;

ALTER TABLE attachments ADD CONSTRAINT attachments_post_id_fkey FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE ON UPDATE NO ACTION;

ALTER TABLE user_profiles ADD CONSTRAINT user_profiles_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE NO ACTION;

-- Triggers
CREATE TRIGGER comments_set_updated_at BEFORE UPDATE ON comments
  FOR EACH ROW
  EXECUTE FUNCTION set_updated_at();

CREATE TRIGGER posts_set_updated_at BEFORE UPDATE ON posts
  FOR EACH ROW
  EXECUTE FUNCTION set_updated_at();

-- Row-level security
ALTER TABLE audit_logs ENABLE ROW LEVEL SECURITY;

-- Policies
CREATE POLICY audit_logs_append ON audit_logs
  FOR INSERT
  TO public
  WITH CHECK (organization_id = current_organization());

CREATE POLICY audit_logs_read_own_organization ON audit_logs
  FOR SELECT
  TO public
  USING (organization_id = current_organization());
