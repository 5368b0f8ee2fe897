-- Only the schema's owner (the migrations) creates objects in public, whoever else logs in.
-- PostgreSQL 15 already revokes CREATE on public from PUBLIC by default; RDS 14 (the document's) does not.
-- A database-wide rule, so it is a migration rather than part of one role's grants.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
