-- Whether this server has the write at @lsn: a primary always does, a standby once it has replayed that far.
SELECT NOT pg_is_in_recovery() OR pg_last_wal_replay_lsn() >= @lsn
