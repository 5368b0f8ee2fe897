-- cruddur_post_confirmation, the Cognito Lambda: upsert the confirmed user. Nothing else.
-- Revoking first makes a rerun converge on exactly these privileges.
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {role};
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {role};
-- PostgreSQL 15 revokes CREATE on public from PUBLIC by default; RDS 14 (the document's) does not.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT CONNECT ON DATABASE {database} TO {role};
GRANT USAGE ON SCHEMA public TO {role};
GRANT SELECT, INSERT, UPDATE ON public.users TO {role};
