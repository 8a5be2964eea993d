-- Enums
CREATE TYPE member_role AS ENUM ('owner', 'admin', 'member');

CREATE TYPE post_status AS ENUM ('draft', 'published', 'archived');

-- Tables
CREATE TABLE users (
  id serial NOT NULL,
  email varchar(320) NOT NULL,
  display_name varchar(100) NOT NULL,
  bio text,
  is_active boolean NOT NULL DEFAULT true,
  deleted_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(), -- updated by the ORM on every update: @UpdateDateColumn: set by TypeORM on every save
  CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY (id),
  CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE (email)
);
COMMENT ON TABLE users IS 'A person who can sign in.';
COMMENT ON COLUMN users.email IS 'Login email address. @pii';
COMMENT ON COLUMN users.display_name IS '@pii';
COMMENT ON COLUMN users.deleted_at IS 'Soft-delete marker; null while the account is active.';

CREATE TABLE organizations (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name varchar(200) NOT NULL,
  slug varchar(100) NOT NULL,
  settings jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(), -- updated by the ORM on every update: @UpdateDateColumn: set by TypeORM on every save
  CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY (id),
  CONSTRAINT "UQ_963693341bd612aa01ddf3a4b68" UNIQUE (slug)
);
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
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(), -- updated by the ORM on every update: @UpdateDateColumn: set by TypeORM on every save
  CONSTRAINT "PK_2829ac61eff60fcec60d7274b9e" PRIMARY KEY (id),
  CONSTRAINT "UQ_88a1203a1371a3787ea7412f750" UNIQUE (organization_id, slug),
  CONSTRAINT posts_view_count_check CHECK ("view_count" >= 0)
);
CREATE INDEX "IDX_312c63be865c81b922e39c2475" ON posts (author_id);
CREATE INDEX "IDX_3cb61174373fe05492433f5811" ON posts (status, published_at);
COMMENT ON TABLE posts IS 'An article published inside an organization.';

CREATE TABLE tags (
  id serial NOT NULL,
  name varchar(50) NOT NULL,
  CONSTRAINT "PK_e7dc17249a1148a1970748eda99" PRIMARY KEY (id),
  CONSTRAINT "UQ_d90243459a697eadb8ad56e9092" UNIQUE (name)
);
COMMENT ON TABLE tags IS 'A label that can be attached to many posts.';

CREATE TABLE comments (
  id serial NOT NULL,
  post_id integer NOT NULL,
  author_id integer NOT NULL,
  parent_id integer,
  body text NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(), -- updated by the ORM on every update: @UpdateDateColumn: set by TypeORM on every save
  CONSTRAINT "PK_8bf68bc960f2b69e818bdb90dcb" PRIMARY KEY (id)
);
CREATE INDEX "IDX_259bf9825d9d198608d1b46b0b" ON comments (post_id);
CREATE INDEX "IDX_d6f93329801a93536da4241e38" ON comments (parent_id);
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
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT "PK_1bb179d048bbc581caa3b013439" PRIMARY KEY (id)
);
CREATE INDEX "IDX_71fef71b47bf988fa899406acb" ON audit_logs (organization_id, created_at);
CREATE INDEX "IDX_7421efc125d95e413657efa3c6" ON audit_logs (entity_type, entity_id);
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
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT "PK_5dec98cfdfd562e4ad3648bbb07" PRIMARY KEY (id),
  CONSTRAINT "UQ_3afc80b5ecc0276428da3e3a87f" UNIQUE (organization_id, email),
  CONSTRAINT "UQ_e577dcf9bb6d084373ed3998509" UNIQUE (token)
);
COMMENT ON TABLE invitations IS 'A pending invitation to join an organization.';
COMMENT ON COLUMN invitations.email IS '@pii';

CREATE TABLE memberships (
  organization_id uuid NOT NULL,
  user_id integer NOT NULL,
  role member_role NOT NULL DEFAULT 'member',
  joined_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT "PK_d43d9c8d18fcd49de0fa44bbd79" PRIMARY KEY (organization_id, user_id)
);
CREATE INDEX "IDX_7c1e2fdfed4f6838e0c05ae505" ON memberships (user_id);
COMMENT ON TABLE memberships IS 'Which users belong to which organizations, and their role.';

CREATE TABLE post_tags (
  post_id integer NOT NULL,
  tag_id integer NOT NULL,
  CONSTRAINT "PK_deee54a40024b7afc16d25684f8" PRIMARY KEY (post_id, tag_id)
);
CREATE INDEX "IDX_192ab488d1c284ac9abe2e3035" ON post_tags (tag_id);
COMMENT ON TABLE post_tags IS 'Tags attached to posts.';

CREATE TABLE api_keys (
  id serial NOT NULL,
  user_id integer NOT NULL,
  name varchar(100) NOT NULL,
  key_hash varchar(64) NOT NULL,
  last_used_at timestamptz(3),
  expires_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY (id),
  CONSTRAINT "UQ_57384430aa1959f4578046c9b81" UNIQUE (key_hash)
);
CREATE INDEX "IDX_a3baee01d8408cd3c0f89a9a97" ON api_keys (user_id);
COMMENT ON TABLE api_keys IS 'Hashed API credentials of a user. @sensitive';
COMMENT ON COLUMN api_keys.key_hash IS 'SHA-256 of the key; the key itself is never stored. @sensitive';

CREATE TABLE attachments (
  id serial NOT NULL,
  post_id integer NOT NULL,
  file_name varchar(255) NOT NULL,
  content_type varchar(100) NOT NULL,
  size_bytes bigint NOT NULL,
  checksum varchar(64),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT "PK_5e1f050bcff31e3084a1d662412" PRIMARY KEY (id),
  CONSTRAINT attachments_size_bytes_check CHECK ("size_bytes" > 0)
);
CREATE INDEX "IDX_73cef2ae7c2458df4f3077a700" ON attachments (post_id);
COMMENT ON TABLE attachments IS 'A file attached to a post.';

CREATE TABLE user_profiles (
  user_id integer NOT NULL,
  avatar_url text,
  timezone varchar(64) NOT NULL DEFAULT 'UTC',
  locale varchar(10) NOT NULL DEFAULT 'en',
  phone varchar(32),
  CONSTRAINT "PK_6ca9503d77ae39b4b5a6cc3ba88" PRIMARY KEY (user_id)
);
COMMENT ON TABLE user_profiles IS 'Optional profile details, one per user.';
COMMENT ON COLUMN user_profiles.phone IS '@pii';

-- Foreign keys
ALTER TABLE posts ADD CONSTRAINT "FK_312c63be865c81b922e39c2475e" FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE posts ADD CONSTRAINT "FK_47dffb39b4d5ab644bb67bf12d1" FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE ON UPDATE NO ACTION;

ALTER TABLE comments ADD CONSTRAINT "FK_259bf9825d9d198608d1b46b0b5" FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE comments ADD CONSTRAINT "FK_d6f93329801a93536da4241e386" FOREIGN KEY (parent_id) REFERENCES comments (id) ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE comments ADD CONSTRAINT "FK_e6d38899c31997c45d128a8973b" FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE RESTRICT ON UPDATE NO ACTION;

ALTER TABLE audit_logs ADD CONSTRAINT "FK_145f35b204c731ba7fc1a0be0e7" FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE audit_logs ADD CONSTRAINT "FK_177183f29f438c488b5e8510cdb" FOREIGN KEY (actor_id) REFERENCES users (id) ON DELETE SET NULL ON UPDATE NO ACTION;

ALTER TABLE invitations ADD CONSTRAINT "FK_42d1dbb4d85dc3643fdc6560af0" FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE invitations ADD CONSTRAINT "FK_d4de0403dd012cf87b430af70ef" FOREIGN KEY (invited_by_id) REFERENCES users (id) ON DELETE SET NULL ON UPDATE NO ACTION;

ALTER TABLE memberships ADD CONSTRAINT "FK_7c1e2fdfed4f6838e0c05ae5051" FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE memberships ADD CONSTRAINT "FK_e5380c394ec7912046d07b54290" FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE ON UPDATE NO ACTION;

ALTER TABLE post_tags ADD CONSTRAINT "FK_192ab488d1c284ac9abe2e30356" FOREIGN KEY (tag_id) REFERENCES tags (id) ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE post_tags ADD CONSTRAINT "FK_5df4e8dc2cb3e668b962362265d" FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE ON UPDATE NO ACTION;

ALTER TABLE api_keys ADD CONSTRAINT "FK_a3baee01d8408cd3c0f89a9a973" FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE NO ACTION;

ALTER TABLE attachments ADD CONSTRAINT "FK_73cef2ae7c2458df4f3077a7007" FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE ON UPDATE NO ACTION;

ALTER TABLE user_profiles ADD CONSTRAINT "FK_6ca9503d77ae39b4b5a6cc3ba88" FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE NO ACTION;
