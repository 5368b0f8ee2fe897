-- RDS checks the IAM token for members of rds_iam; such a role has no password at all.
ALTER ROLE {role} LOGIN PASSWORD NULL;
GRANT rds_iam TO {role};
