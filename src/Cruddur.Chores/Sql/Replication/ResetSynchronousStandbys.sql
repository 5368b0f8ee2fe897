-- Commits no longer wait for a standby.
ALTER SYSTEM RESET synchronous_standby_names
