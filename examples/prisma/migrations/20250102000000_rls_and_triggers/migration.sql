-- Written by hand (Prisma has no syntax for these): every writer keeps updated_at current, and
-- each request reads only its own organization's audit trail.

-- A trigger function shared by the tables whose updated_at the database maintains.
CREATE OR REPLACE FUNCTION "set_updated_at"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;

CREATE TRIGGER "posts_set_updated_at"
  BEFORE UPDATE ON "posts"
  FOR EACH ROW
  EXECUTE FUNCTION "set_updated_at"();

CREATE TRIGGER "comments_set_updated_at"
  BEFORE UPDATE ON "comments"
  FOR EACH ROW
  EXECUTE FUNCTION "set_updated_at"();

-- The organization of the current request, set by the application with
-- SET LOCAL app.current_organization = '<uuid>'.
CREATE FUNCTION "current_organization"() RETURNS uuid
LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('app.current_organization', true), '')::uuid
$$;

ALTER TABLE "audit_logs" ENABLE ROW LEVEL SECURITY;

CREATE POLICY "audit_logs_read_own_organization" ON "audit_logs"
  FOR SELECT
  USING ("organization_id" = "current_organization"());

CREATE POLICY "audit_logs_append" ON "audit_logs"
  FOR INSERT
  WITH CHECK ("organization_id" = "current_organization"());

COMMENT ON FUNCTION "current_organization"() IS 'The organization the current request acts for (app.current_organization).';
