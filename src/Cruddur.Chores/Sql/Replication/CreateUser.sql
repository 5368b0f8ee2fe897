-- The standbys' login: streaming replication only. The password slot receives a SCRAM-SHA-256 verifier computed client-side.
CREATE ROLE {role} LOGIN REPLICATION NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD {verifier}
