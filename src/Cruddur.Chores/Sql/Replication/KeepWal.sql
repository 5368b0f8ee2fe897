-- Keep enough WAL for a standby that was stopped for a while to catch up by streaming.
ALTER SYSTEM SET wal_keep_size = '256MB'
