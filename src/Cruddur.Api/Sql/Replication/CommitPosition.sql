-- Where the WAL ends after this session's commit: a standby that has replayed up to here has the write.
SELECT pg_current_wal_insert_lsn()
