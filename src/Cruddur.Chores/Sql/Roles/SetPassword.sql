-- The password slot receives a SCRAM-SHA-256 verifier computed client-side, never the password itself.
ALTER ROLE {role} LOGIN PASSWORD {verifier}
